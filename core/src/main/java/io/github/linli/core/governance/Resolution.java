package io.github.linli.core.governance;

import io.github.linli.core.MemberId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An adopted motion (决议): the authority for the change it decides. An {@link
 * io.github.linli.core.alliance.Alliance} enacts a member resolution with {@code
 * enact(actor, resolution)}, once; other modules check {@link #authorises(MotionKind)} and the
 * motion's payload (a demand taxonomy's id and version, a budget's id and amount).
 *
 * <p>Only a {@link JointMeeting} creates resolutions, and only for a motion adopted with a quorum.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Resolution implements io.github.linli.core.Mandate {
  /**
   * The roles that may carry out a resolution ({@code Alliance.enact}, {@code
   * TaxonomyRegistry.adopt}): the meeting secretary, the alliance administrator, the residents'
   * committee, the Party committee and the system. The resolution is the authority for the change;
   * the actor records who carried it out.
   */
  public static final java.util.Set<io.github.linli.core.Role> ENACTING_ROLES = io.github.linli.core.Mandate.ENACTING_ROLES;

  private final String id;
  private final String meetingId;
  private final Motion motion;
  private final DecisionRule rule;
  private final int yes;
  private final int no;
  private final int abstain;
  private final int present;
  private final int seats;
  private final Instant decidedAt;

  Resolution(String id, String meetingId, Motion motion, DecisionRule rule, int yes, int no, int abstain, int present, int seats, Instant decidedAt) {
    this.id = id;
    this.meetingId = meetingId;
    this.motion = motion;
    this.rule = rule;
    this.yes = yes;
    this.no = no;
    this.abstain = abstain;
    this.present = present;
    this.seats = seats;
    this.decidedAt = decidedAt;
  }

  /**
   * The resolution's id: the id of the motion it adopts ({@code <meeting id>/<n>}).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The meeting that adopted it.
   *
   * @return the meeting id
   */
  public String meetingId() {
    return meetingId;
  }

  /**
   * The motion adopted.
   *
   * @return the motion
   */
  public Motion motion() {
    return motion;
  }

  /**
   * The kind of change it decides: the name of its motion's {@link MotionKind}.
   *
   * @return the kind's name
   */
  @Override
  public String decides() {
    return motion.kind().name();
  }

  /**
   * The member its motion concerns.
   *
   * @return the member, if any
   */
  @Override
  public java.util.Optional<MemberId> subject() {
    return motion.subject();
  }

  /**
   * Its motion's payload (taxonomy id and version, budget id …).
   *
   * @return the terms
   */
  @Override
  public java.util.Map<String, String> terms() {
    return motion.payload();
  }

  /**
   * The decision rule it was adopted under.
   *
   * @return the rule
   */
  public DecisionRule rule() {
    return rule;
  }

  /**
   * Whether it authorises a kind of change.
   *
   * @param kind the kind of motion
   * @return true if the adopted motion is of that kind
   * @throws NullPointerException if {@code kind} is null
   */
  public boolean authorises(MotionKind kind) {
    java.util.Objects.requireNonNull(kind, "kind");
    return motion.kind() == kind;
  }

  /**
   * Whether it authorises a kind of change for a member.
   *
   * @param kind the kind of motion
   * @param member the member
   * @return true if the adopted motion is of that kind and concerns that member
   * @throws NullPointerException if an argument is null
   */
  public boolean authorises(MotionKind kind, MemberId member) {
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(member, "member");
    return motion.kind() == kind && motion.subject().map(member::equals).orElse(false);
  }

  /**
   * Yes votes.
   *
   * @return the count
   */
  public int yes() {
    return yes;
  }

  /**
   * No votes.
   *
   * @return the count
   */
  public int no() {
    return no;
  }

  /**
   * Abstentions.
   *
   * @return the count
   */
  public int abstain() {
    return abstain;
  }

  /**
   * Seats present when it was decided.
   *
   * @return the count
   */
  public int present() {
    return present;
  }

  /**
   * All seats of the meeting.
   *
   * @return the count
   */
  public int seats() {
    return seats;
  }

  /**
   * When it was decided.
   *
   * @return the instant
   */
  public Instant decidedAt() {
    return decidedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resolution && ((Resolution) o).id.equals(id) && ((Resolution) o).decidedAt.equals(decidedAt)
        && ((Resolution) o).motion.equals(motion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, decidedAt, motion);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Resolution{%s %s, %s: %d yes, %d no, %d abstain; %d of %d seats present}",
        id, motion, rule, yes, no, abstain, present, seats);
  }
}

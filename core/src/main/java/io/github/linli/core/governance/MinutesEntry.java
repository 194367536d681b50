package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * One entry of a joint meeting's minutes (会议记录): a successful call that changed the meeting,
 * with its position, who made it (the actor's id and roles as the {@link io.github.linli.core.Actor}
 * carried them), its arguments and the instant from the meeting's clock.
 *
 * <p>Which arguments an entry holds depends on its {@link Kind}:
 *
 * <table>
 *   <caption>Arguments per kind</caption>
 *   <tr><th>kind</th><th>call</th><th>arguments</th></tr>
 *   <tr><td>{@code CONVENED}</td><td>{@link JointMeeting#convene}</td><td>none (the id, charter and
 *       seats are the meeting's)</td></tr>
 *   <tr><td>{@code ATTENDED}</td><td>{@link JointMeeting#attend}</td><td>none</td></tr>
 *   <tr><td>{@code PROXY_GRANTED}</td><td>{@link JointMeeting#grantProxy}</td><td>{@link
 *       #holderId()}</td></tr>
 *   <tr><td>{@code MOTION_PROPOSED}</td><td>{@link JointMeeting#propose}</td><td>{@link #motion()}
 *       and the id it got, {@link #motionId()}</td></tr>
 *   <tr><td>{@code VOTED}</td><td>{@link JointMeeting#vote}</td><td>{@link #motionId()}, {@link
 *       #choice()}</td></tr>
 *   <tr><td>{@code VOTED_BY_PROXY}</td><td>{@link JointMeeting#voteFor}</td><td>{@link
 *       #principalId()}, {@link #motionId()}, {@link #choice()}</td></tr>
 *   <tr><td>{@code MOTION_CLOSED}</td><td>{@link JointMeeting#close}</td><td>{@link #motionId()} and
 *       the count: {@link #outcome()}, {@link #yes()}, {@link #no()}, {@link #abstain()}, {@link
 *       #present()}</td></tr>
 *   <tr><td>{@code ADJOURNED}</td><td>{@link JointMeeting#adjourn}</td><td>none</td></tr>
 * </table>
 *
 * <p>The other arguments are empty; the builder refuses an entry that lacks one its kind needs or
 * holds one it does not. Entries hold opaque ids only: participants are member representatives, and
 * their names and contacts are never part of a meeting.
 *
 * <p>Immutable and thread-safe. Created by the {@link JointMeeting} ({@link JointMeeting#minutes()});
 * {@link #builder()} is for a portal that rebuilds a {@link JointMeetingSnapshot} from stored rows
 * ({@link JointMeeting#restore} replays and checks them).
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class MinutesEntry {
  MinutesEntry() {}

  /** What a minutes entry records: one kind per state-changing call of a {@link JointMeeting}. */
  public enum Kind implements Labelled {
    /** The meeting was convened (召开会议). */
    CONVENED("召开会议", "meeting convened"),
    /** A participant attended (出席). */
    ATTENDED("出席", "attended"),
    /** A participant gave its proxy to another (委托投票). */
    PROXY_GRANTED("委托投票", "proxy granted"),
    /** A motion was put to the meeting (提出议案). */
    MOTION_PROPOSED("提出议案", "motion proposed"),
    /** A participant voted (投票). */
    VOTED("投票", "vote cast"),
    /** A proxy holder voted for its principal (代为投票). */
    VOTED_BY_PROXY("代为投票", "vote cast by proxy"),
    /** A motion was closed and counted (表决结束并计票). */
    MOTION_CLOSED("表决结束并计票", "motion closed and counted"),
    /** The meeting was adjourned (散会). */
    ADJOURNED("散会", "meeting adjourned");

    private final Label label;

    Kind(String zh, String en) {
      this.label = Label.of(zh, en);
    }

    @Override
    public Label label() {
      return label;
    }
  }

  /**
   * The position of this entry in the minutes, from 1.
   *
   * @return the sequence number
   */
  public abstract long sequence();

  /**
   * What happened.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The id of the actor who made the call.
   *
   * @return the actor id
   */
  public abstract String actorId();

  /**
   * The roles the actor carried when making the call.
   *
   * @return the roles
   */
  public abstract Set<Role> actorRoles();

  /**
   * When, from the meeting's clock.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * For {@code PROXY_GRANTED}: the participant who received the proxy.
   *
   * @return the holder's id, or empty
   */
  public abstract Optional<String> holderId();

  /**
   * For {@code VOTED_BY_PROXY}: the participant whose vote was cast.
   *
   * @return the principal's id, or empty
   */
  public abstract Optional<String> principalId();

  /**
   * For {@code MOTION_PROPOSED}: the motion.
   *
   * @return the motion, or empty
   */
  public abstract Optional<Motion> motion();

  /**
   * For {@code MOTION_PROPOSED} (the id it got), {@code VOTED}, {@code VOTED_BY_PROXY} and {@code
   * MOTION_CLOSED}: the motion's id.
   *
   * @return the motion id, or empty
   */
  public abstract Optional<String> motionId();

  /**
   * For {@code VOTED} and {@code VOTED_BY_PROXY}: the choice.
   *
   * @return the choice, or empty
   */
  public abstract Optional<Choice> choice();

  /**
   * For {@code MOTION_CLOSED}: the outcome.
   *
   * @return the outcome, or empty
   */
  public abstract Optional<Outcome> outcome();

  /**
   * For {@code MOTION_CLOSED}: the yes votes.
   *
   * @return the count, or empty
   */
  public abstract OptionalInt yes();

  /**
   * For {@code MOTION_CLOSED}: the no votes.
   *
   * @return the count, or empty
   */
  public abstract OptionalInt no();

  /**
   * For {@code MOTION_CLOSED}: the abstentions.
   *
   * @return the count, or empty
   */
  public abstract OptionalInt abstain();

  /**
   * For {@code MOTION_CLOSED}: the seats present at the close.
   *
   * @return the count, or empty
   */
  public abstract OptionalInt present();

  @Value.Check
  void check() {
    if (sequence() < 1) {
      throw new ValidationException("minutes.sequence", sequence(), "must be at least 1");
    }
    Checks.id("minutes.actorId", actorId());
    Kind k = kind();
    argument("holderId", holderId().isPresent(), k == Kind.PROXY_GRANTED);
    argument("principalId", principalId().isPresent(), k == Kind.VOTED_BY_PROXY);
    argument("motion", motion().isPresent(), k == Kind.MOTION_PROPOSED);
    argument("motionId", motionId().isPresent(),
        k == Kind.MOTION_PROPOSED || k == Kind.VOTED || k == Kind.VOTED_BY_PROXY || k == Kind.MOTION_CLOSED);
    argument("choice", choice().isPresent(), k == Kind.VOTED || k == Kind.VOTED_BY_PROXY);
    argument("outcome", outcome().isPresent(), k == Kind.MOTION_CLOSED);
    argument("yes", yes().isPresent(), k == Kind.MOTION_CLOSED);
    argument("no", no().isPresent(), k == Kind.MOTION_CLOSED);
    argument("abstain", abstain().isPresent(), k == Kind.MOTION_CLOSED);
    argument("present", present().isPresent(), k == Kind.MOTION_CLOSED);
    holderId().ifPresent(h -> Checks.id("minutes.holderId", h));
    principalId().ifPresent(p -> Checks.id("minutes.principalId", p));
    motionId().ifPresent(m -> Checks.id("minutes.motionId", m));
    for (String f : new String[] {"yes", "no", "abstain", "present"}) {
      OptionalInt n = f.equals("yes") ? yes() : f.equals("no") ? no() : f.equals("abstain") ? abstain() : present();
      if (n.isPresent() && n.getAsInt() < 0) {
        throw new ValidationException("minutes." + f, n.getAsInt(), "entry " + sequence() + ": must not be negative");
      }
    }
  }

  private void argument(String field, boolean present, boolean needed) {
    if (present != needed) {
      throw new ValidationException("minutes." + field, present ? "present" : "empty",
          "entry " + sequence() + " (" + kind() + ") " + (needed ? "needs it" : "does not take it"));
    }
  }

  /**
   * A new builder, for rebuilding a {@link JointMeetingSnapshot} from stored minutes.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One line of the minutes: ids, the kind, the arguments and the count; never personal data.
   *
   * @return for example {@code #5 2026-11-02T01:05:00Z res-1 [RESIDENT] VOTED jm/1 YES}
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("#").append(sequence()).append(' ').append(at()).append(' ').append(actorId())
        .append(' ').append(new TreeSet<>(actorRoles())).append(' ').append(kind());
    holderId().ifPresent(h -> b.append(" to ").append(h));
    principalId().ifPresent(p -> b.append(" for ").append(p));
    motionId().ifPresent(m -> b.append(' ').append(m));
    motion().ifPresent(m -> b.append(' ').append(m));
    choice().ifPresent(c -> b.append(' ').append(c));
    outcome().ifPresent(o -> b.append(' ').append(o).append(": ").append(yes().orElse(0)).append(" yes, ")
        .append(no().orElse(0)).append(" no, ").append(abstain().orElse(0)).append(" abstain; ")
        .append(present().orElse(0)).append(" present"));
    return b.toString();
  }

  /** Builds a {@link MinutesEntry}. Not thread-safe. */
  public static final class Builder extends ImmutableMinutesEntry.Builder {
    Builder() {}
  }
}

package io.github.linli.core;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A decision of a deciding body that authorises a change (授权): a joint-meeting resolution (决议)
 * that admits or expels a member, or adopts a version of the service taxonomy. The parts that
 * carry decisions out (the alliance, the taxonomy registry) accept a {@code Mandate}; governance's
 * {@code Resolution} is one. Keeping the type in the kernel lets the alliance and the demand
 * packages act on decisions without depending on the package that makes them.
 *
 * <p>Implementations are immutable and thread-safe, and hold no personal data.
 *
 * @since 0.2.0
 */
public interface Mandate {
  /**
   * The roles that may carry out a mandate: the meeting secretary, the alliance administrator, the
   * residents' committee, the Party committee and the system. The mandate is the authority for the
   * change; the actor records who carried it out.
   */
  Set<Role> ENACTING_ROLES = Collections.unmodifiableSet(EnumSet.of(
      Role.MEETING_SECRETARY, Role.ALLIANCE_ADMIN, Role.RESIDENTS_COMMITTEE, Role.PARTY_COMMITTEE, Role.SYSTEM));

  /**
   * The decision's id, unique among decisions (a resolution's is {@code <meeting id>/<n>}).
   *
   * @return the id
   */
  String id();

  /**
   * What kind of change it decides, by name: {@code ADMIT_MEMBER}, {@code SUSPEND_MEMBER}, {@code
   * REINSTATE_MEMBER}, {@code EXPEL_MEMBER}, {@code ADOPT_TAXONOMY} … (the names of governance's
   * {@code MotionKind}).
   *
   * @return the kind's name
   */
  String decides();

  /**
   * The member the decision concerns, for membership changes.
   *
   * @return the member, if any
   */
  Optional<MemberId> subject();

  /**
   * The decision's terms: ids and figures it fixes (the taxonomy id and version …), never personal
   * data.
   *
   * @return the terms, possibly empty
   */
  Map<String, String> terms();

  /**
   * When it was decided.
   *
   * @return the instant
   */
  Instant decidedAt();
}

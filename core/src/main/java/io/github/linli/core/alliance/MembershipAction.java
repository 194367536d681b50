package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A change of membership status, with the statuses it may start from, the status it leads to, and
 * the roles that may take it by default (an {@link Alliance} can be built with other roles; a
 * joint-meeting resolution is always authority for the change it decides).
 *
 * <table>
 *   <caption>Default authority</caption>
 *   <tr><th>action</th><th>from</th><th>to</th><th>default roles</th></tr>
 *   <tr><td>APPLY</td><td>(new)</td><td>APPLIED</td><td>ALLIANCE_ADMIN, COORDINATOR,
 *       RESIDENTS_COMMITTEE, the member's own representative</td></tr>
 *   <tr><td>ADMIT</td><td>APPLIED</td><td>ACTIVE</td><td>ALLIANCE_ADMIN, RESIDENTS_COMMITTEE,
 *       PARTY_COMMITTEE</td></tr>
 *   <tr><td>SUSPEND</td><td>ACTIVE</td><td>SUSPENDED</td><td>ALLIANCE_ADMIN,
 *       PARTY_COMMITTEE</td></tr>
 *   <tr><td>REINSTATE</td><td>SUSPENDED</td><td>ACTIVE</td><td>ALLIANCE_ADMIN,
 *       PARTY_COMMITTEE</td></tr>
 *   <tr><td>WITHDRAW</td><td>APPLIED, ACTIVE, SUSPENDED</td><td>WITHDRAWN</td><td>ALLIANCE_ADMIN,
 *       the member's own representative</td></tr>
 *   <tr><td>EXPEL</td><td>ACTIVE, SUSPENDED</td><td>EXPELLED</td><td>none: only a
 *       resolution</td></tr>
 * </table>
 *
 * <p>{@link Role#MEMBER_REPRESENTATIVE} counts only for the member whose {@link
 * Member#representatives()} list the actor's id.
 *
 * @since 0.1.0
 */
public enum MembershipAction implements Labelled {
  /** Apply for membership (申请加入). */
  APPLY("申请加入", "apply", EnumSet.noneOf(MemberStatus.class), MemberStatus.APPLIED,
      EnumSet.of(Role.ALLIANCE_ADMIN, Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.MEMBER_REPRESENTATIVE)),
  /** Admit an applicant (批准加入). */
  ADMIT("批准加入", "admit", EnumSet.of(MemberStatus.APPLIED), MemberStatus.ACTIVE,
      EnumSet.of(Role.ALLIANCE_ADMIN, Role.RESIDENTS_COMMITTEE, Role.PARTY_COMMITTEE)),
  /** Suspend an active member (暂停资格). */
  SUSPEND("暂停资格", "suspend", EnumSet.of(MemberStatus.ACTIVE), MemberStatus.SUSPENDED,
      EnumSet.of(Role.ALLIANCE_ADMIN, Role.PARTY_COMMITTEE)),
  /** Reinstate a suspended member (恢复资格). */
  REINSTATE("恢复资格", "reinstate", EnumSet.of(MemberStatus.SUSPENDED), MemberStatus.ACTIVE,
      EnumSet.of(Role.ALLIANCE_ADMIN, Role.PARTY_COMMITTEE)),
  /** Withdraw (退出). */
  WITHDRAW("退出", "withdraw",
      EnumSet.of(MemberStatus.APPLIED, MemberStatus.ACTIVE, MemberStatus.SUSPENDED), MemberStatus.WITHDRAWN,
      EnumSet.of(Role.ALLIANCE_ADMIN, Role.MEMBER_REPRESENTATIVE)),
  /** Expel (除名). */
  EXPEL("除名", "expel", EnumSet.of(MemberStatus.ACTIVE, MemberStatus.SUSPENDED), MemberStatus.EXPELLED,
      EnumSet.noneOf(Role.class));

  private final Label label;
  private final Set<MemberStatus> from;
  private final MemberStatus to;
  private final Set<Role> defaultRoles;

  MembershipAction(String zh, String en, Set<MemberStatus> from, MemberStatus to, Set<Role> defaultRoles) {
    this.label = Label.of(zh, en);
    this.from = Collections.unmodifiableSet(from);
    this.to = to;
    this.defaultRoles = Collections.unmodifiableSet(defaultRoles);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The statuses this action may start from (empty for {@link #APPLY}, which starts a membership).
   *
   * @return an unmodifiable set
   */
  public Set<MemberStatus> from() {
    return from;
  }

  /**
   * The status this action leads to.
   *
   * @return the target status
   */
  public MemberStatus to() {
    return to;
  }

  /**
   * The action a decision of a deciding body carries out, by the name of what it decides ({@code
   * ADMIT_MEMBER}, {@code SUSPEND_MEMBER}, {@code REINSTATE_MEMBER}, {@code EXPEL_MEMBER}: the names
   * of governance's membership motions).
   *
   * @param decides the decision's kind ({@link io.github.linli.core.Mandate#decides()})
   * @return the action, or empty if the decision is not a membership change
   */
  public static java.util.Optional<MembershipAction> decidedBy(String decides) {
    if (decides == null) {
      return java.util.Optional.empty();
    }
    switch (decides) {
      case "ADMIT_MEMBER":
        return java.util.Optional.of(ADMIT);
      case "SUSPEND_MEMBER":
        return java.util.Optional.of(SUSPEND);
      case "REINSTATE_MEMBER":
        return java.util.Optional.of(REINSTATE);
      case "EXPEL_MEMBER":
        return java.util.Optional.of(EXPEL);
      default:
        return java.util.Optional.empty();
    }
  }

  /**
   * The roles that may take this action unless the alliance is configured otherwise.
   *
   * @return an unmodifiable set, empty for {@link #EXPEL}
   */
  public Set<Role> defaultRoles() {
    return defaultRoles;
  }

  /**
   * Whether this action may be taken on a member in a status.
   *
   * @param current the current status
   * @return true if {@code current} is in {@link #from()}
   */
  public boolean allowedFrom(MemberStatus current) {
    return from.contains(current);
  }
}

package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.alliance.MembershipAction;
import java.util.Optional;

/**
 * What a motion proposes.
 *
 * @since 0.1.0
 */
public enum MotionKind implements Labelled {
  /** Admit an applicant (批准成员加入). */
  ADMIT_MEMBER("批准成员加入", "admit a member", MembershipAction.ADMIT),
  /** Suspend a member (暂停成员资格). */
  SUSPEND_MEMBER("暂停成员资格", "suspend a member", MembershipAction.SUSPEND),
  /** Reinstate a suspended member (恢复成员资格). */
  REINSTATE_MEMBER("恢复成员资格", "reinstate a member", MembershipAction.REINSTATE),
  /** Expel a member (除名). */
  EXPEL_MEMBER("成员除名", "expel a member", MembershipAction.EXPEL),
  /** Adopt a demand taxonomy, by id and version (确定需求分类). */
  ADOPT_TAXONOMY("确定需求分类", "adopt a demand taxonomy", null),
  /** Approve a budget, by id and amount (审批预算). */
  APPROVE_BUDGET("审批预算", "approve a budget", null),
  /** Anything else (其他议题). */
  CUSTOM("其他议题", "custom motion", null);

  private final Label label;
  private final MembershipAction action;

  MotionKind(String zh, String en, MembershipAction action) {
    this.label = Label.of(zh, en);
    this.action = action;
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The membership change this kind decides, for the four member motions.
   *
   * @return the action, or empty
   */
  public Optional<MembershipAction> membershipAction() {
    return Optional.ofNullable(action);
  }
}

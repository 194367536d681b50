package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Where one proposed agreement (调解协议) stands.
 *
 * @since 0.3.0
 */
public enum AgreementStatus implements Labelled {
  /** Proposed, waiting for the parties (待确认). */
  PROPOSED("待确认", "proposed"),
  /** A party declined it (被拒绝). */
  DECLINED("当事人未接受", "declined"),
  /** Every party accepted it (生效). */
  IN_FORCE("已生效", "in force"),
  /** A follow-up found a term broken (未履行). */
  BREACHED("未履行", "breached");

  private final Label label;

  AgreementStatus(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

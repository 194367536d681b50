package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * A warning about a dispute that raises its {@link RiskLevel} to {@link RiskLevel#HIGH} at once
 * (矛盾纠纷风险预警): the case appears in {@link Mediation#alerts} and its current step must be acted
 * on within {@link MediationRules#highRiskResponse()}.
 *
 * @since 0.3.0
 */
public enum RiskFlag implements Labelled {
  /** The conflict may turn violent (有激化为暴力冲突的风险). */
  VIOLENCE_ESCALATION("有激化为暴力冲突的风险", "risk of escalating to violence"),
  /** Many people are involved or gathering (可能引发群体性事件). */
  GROUP_INCIDENT("可能引发群体性事件", "risk of a group incident"),
  /** The parties have repeated the dispute (纠纷反复发生), a lower risk. */
  REPEATED("纠纷反复发生", "the dispute keeps recurring");

  private final Label label;

  RiskFlag(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  /**
   * Whether this flag makes the case high-risk at once.
   *
   * @return true for violence and group incidents
   */
  public boolean urgent() {
    return this != REPEATED;
  }

  @Override
  public Label label() {
    return label;
  }
}

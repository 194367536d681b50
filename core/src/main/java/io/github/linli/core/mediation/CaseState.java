package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Where a dispute case stands (案件状态).
 *
 * <pre>
 * FILED ─assign mediator→ MEDIATING ─propose→ PROPOSED ─every party accepts→ AGREED ─close→ CLOSED
 *                           ↑   ↑  a party declines ↙                  │ follow-up finds a breach
 *                           │   └──────────────────────────────────────┘ (also after closing)
 *                           └── a party reopens a CLOSED case within the window
 * open states ─escalate to court or arbitration→ REFERRED;  open states ─withdraw→ WITHDRAWN
 * </pre>
 *
 * @since 0.3.0
 */
public enum CaseState implements Labelled {
  /** Filed, waiting for a mediator (已受理). */
  FILED("已受理", "filed"),
  /** A mediator works on it (调解中). */
  MEDIATING("调解中", "in mediation"),
  /** An agreement is proposed and waits for every party's acceptance (协议待签). */
  PROPOSED("协议待确认", "agreement proposed"),
  /** Every party accepted the agreement; it is being followed up (已达成协议). */
  AGREED("已达成协议", "agreed"),
  /** Closed after an agreement (已结案). */
  CLOSED("已结案", "closed"),
  /** Referred to a court or arbitration (已移交诉讼或仲裁). */
  REFERRED("已移交诉讼或仲裁", "referred to court or arbitration"),
  /** Withdrawn by the complainant or staff (已撤回). */
  WITHDRAWN("已撤回", "withdrawn");

  private final Label label;

  CaseState(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  /**
   * Whether the case still needs work before an agreement: filed, in mediation or proposed.
   *
   * @return true for those three
   */
  public boolean open() {
    return this == FILED || this == MEDIATING || this == PROPOSED;
  }

  @Override
  public Label label() {
    return label;
  }
}

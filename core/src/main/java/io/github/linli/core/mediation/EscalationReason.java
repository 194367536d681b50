package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Why a case moved up the ladder: a fixed list, so that the record holds no free text about the
 * parties.
 *
 * @since 0.3.0
 */
public enum EscalationReason implements Labelled {
  /** Mediation at this level reached no agreement (本级调解未达成协议). */
  NO_AGREEMENT("本级调解未达成协议", "no agreement at this level"),
  /** The step's deadline passed (超过办理时限). */
  DEADLINE_MISSED("超过办理时限", "the step's deadline passed"),
  /** The case is high-risk (风险等级高). */
  HIGH_RISK("风险等级高", "the case is high-risk"),
  /** The matter is beyond this level's competence (超出本级调处权限). */
  BEYOND_COMPETENCE("超出本级调处权限", "beyond this level's competence"),
  /** A party asked for it (当事人申请). */
  PARTY_REQUEST("当事人申请", "a party asked for it"),
  /** The parties want the agreement made enforceable (申请司法确认以保障履行). */
  ENFORCEABILITY("申请司法确认以保障履行", "to make the agreement enforceable");

  private final Label label;

  EscalationReason(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

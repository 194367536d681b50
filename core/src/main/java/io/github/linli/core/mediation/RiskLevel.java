package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * How dangerous a dispute is (风险等级). A case starts {@link #LOW}; a {@link RiskFlag#REPEATED}
 * flag raises it to {@link #MEDIUM}; an urgent flag (violence, group incident) to {@link #HIGH}.
 * It never goes down by itself.
 *
 * @since 0.3.0
 */
public enum RiskLevel implements Labelled {
  /** An ordinary dispute (一般). */
  LOW("一般", "low"),
  /** A dispute to watch (关注). */
  MEDIUM("关注", "medium"),
  /** A dispute to act on at once (高风险). */
  HIGH("高风险", "high");

  private final Label label;

  RiskLevel(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

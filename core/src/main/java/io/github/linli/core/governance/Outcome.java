package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The outcome of a closed motion.
 *
 * @since 0.1.0
 */
public enum Outcome implements Labelled {
  /** Adopted: a {@link Resolution} records it (通过). */
  ADOPTED("通过", "adopted"),
  /** Quorum met, but the decision rule was not satisfied (未通过). */
  REJECTED("未通过", "rejected"),
  /** Too few seats present: nothing was decided (不足法定人数). */
  NO_QUORUM("不足法定人数", "no quorum");

  private final Label label;

  Outcome(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

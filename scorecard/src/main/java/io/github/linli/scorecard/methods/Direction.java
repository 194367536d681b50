package io.github.linli.scorecard.methods;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Whether more of a criterion is better ({@link #BENEFIT}) or worse ({@link #COST}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum Direction implements Labelled {
  /** More is better, for example resident participation. 效益型. */
  BENEFIT(Label.of("效益型", "benefit")),
  /** Less is better, for example administrative burden or response time. 成本型. */
  COST(Label.of("成本型", "cost"));

  private final Label label;

  Direction(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }
}

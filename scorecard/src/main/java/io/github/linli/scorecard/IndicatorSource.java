package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Where an indicator's value comes from.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum IndicatorSource implements Labelled {
  /** Questionnaire items (Likert scores in [0, 1] from {@code scorecard.survey}). 问卷. */
  SURVEY(Label.of("问卷", "survey")),
  /**
   * A core {@code Observation} with the indicator's id, reported by another module (matching,
   * time bank, governance). 观测.
   */
  OBSERVED(Label.of("观测数据", "observed"));

  private final Label label;

  IndicatorSource(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }
}

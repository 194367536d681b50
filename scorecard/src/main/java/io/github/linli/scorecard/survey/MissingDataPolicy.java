package io.github.linli.scorecard.survey;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * What {@link SurveyReader} does with a respondent who skipped items. Out-of-scale or unreadable
 * answers always reject the row; this policy is only about blank (or {@code NA}) answers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum MissingDataPolicy implements Labelled {
  /** Listwise deletion: a row with any missing answer is rejected. 整行剔除. */
  LISTWISE(Label.of("整行剔除", "listwise deletion")),
  /**
   * Person-mean imputation within a dimension: a missing answer takes the mean of the same
   * respondent's answered items of that dimension (after reverse coding) if at least half of the
   * dimension's items are answered; otherwise the row is rejected. The imputed values enter the
   * means and the reliability figures. 个人维度均值插补.
   */
  PERSON_MEAN(Label.of("个人维度均值插补", "person-mean imputation within the dimension"));

  private final Label label;

  MissingDataPolicy(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }
}

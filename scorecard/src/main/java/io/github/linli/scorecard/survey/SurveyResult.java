package io.github.linli.scorecard.survey;

import io.github.linli.core.NotFoundException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link SurveyReader} learnt from a survey: counts, rejected rows, item means, indicator
 * scores in [0, 1], the distribution of answers over the scale levels, and reliability per
 * dimension. Holds aggregates only, never individual answers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SurveyResult {
  /** How many rejections are kept with their details; the count covers all of them. */
  public static final int MAX_REJECTIONS_KEPT = 100;

  private final Questionnaire questionnaire;
  private final MissingDataPolicy policy;
  private final long accepted;
  private final long rejected;
  private final long imputed;
  private final List<Rejection> rejections;
  private final Map<String, Double> itemMeans;
  private final Map<String, Double> indicatorScores;
  private final Map<String, double[]> levelShares;
  private final Map<String, ScaleReliability> reliability;

  SurveyResult(
      Questionnaire questionnaire,
      MissingDataPolicy policy,
      long accepted,
      long rejected,
      long imputed,
      List<Rejection> rejections,
      Map<String, Double> itemMeans,
      Map<String, Double> indicatorScores,
      Map<String, double[]> levelShares,
      Map<String, ScaleReliability> reliability) {
    this.questionnaire = questionnaire;
    this.policy = policy;
    this.accepted = accepted;
    this.rejected = rejected;
    this.imputed = imputed;
    this.rejections = List.copyOf(rejections);
    this.itemMeans = Collections.unmodifiableMap(itemMeans);
    this.indicatorScores = Collections.unmodifiableMap(indicatorScores);
    this.levelShares = Collections.unmodifiableMap(levelShares);
    this.reliability = Collections.unmodifiableMap(reliability);
  }

  /**
   * The questionnaire read.
   *
   * @return the questionnaire
   */
  public Questionnaire questionnaire() {
    return questionnaire;
  }

  /**
   * The missing-data policy applied.
   *
   * @return the policy
   */
  public MissingDataPolicy policy() {
    return policy;
  }

  /**
   * Rows accepted.
   *
   * @return the count
   */
  public long accepted() {
    return accepted;
  }

  /**
   * Rows rejected.
   *
   * @return the count
   */
  public long rejected() {
    return rejected;
  }

  /**
   * Answers imputed under {@link MissingDataPolicy#PERSON_MEAN}.
   *
   * @return the count
   */
  public long imputed() {
    return imputed;
  }

  /**
   * The first {@value #MAX_REJECTIONS_KEPT} rejected rows with line, column, value and reason.
   *
   * @return the rejections in file order
   */
  public List<Rejection> rejections() {
    return rejections;
  }

  /**
   * Item means after reverse coding, on the 1…points scale.
   *
   * @return means by item column
   */
  public Map<String, Double> itemMeans() {
    return itemMeans;
  }

  /**
   * Indicator scores in [0, 1], the raw values a {@link io.github.linli.scorecard.Scorecard} takes
   * for the survey indicators: the mean m of the indicator's item means (after reverse coding),
   * mapped by the questionnaire's {@link Questionnaire#scoring() scoring}. Under {@link
   * AnswerScoring#LINEAR}, (m − 1) / (points − 1) for every indicator. Under {@link
   * AnswerScoring#PER_STEP}, m / points for a benefit indicator; for a cost indicator (agreement
   * means worse, such as an administrative burden), whose value the scorecard reverses as 1 − value,
   * it is (m − 1) / points, so that the scorecard shows (points + 1 − m) / points, the per-step
   * score of the reversed answers (all answers 1 of 5 score 100, all 5 score 20).
   *
   * @return scores by indicator id, in system order
   */
  public Map<String, Double> indicatorScores() {
    return indicatorScores;
  }

  /**
   * The share of answers at each scale level for an indicator's items (after reverse coding),
   * highest level first: a row of a fuzzy membership matrix.
   *
   * @param indicatorId a surveyed indicator
   * @return a copy, {@code points} shares summing to 1
   * @throws NotFoundException if no item measures the indicator
   */
  public double[] levelShares(String indicatorId) {
    double[] s = levelShares.get(indicatorId);
    if (s == null) {
      throw new NotFoundException("surveyed indicator", indicatorId);
    }
    return s.clone();
  }

  /**
   * Reliability of each dimension with at least two items.
   *
   * @return by dimension id, in system order
   */
  public Map<String, ScaleReliability> reliability() {
    return reliability;
  }

  /**
   * Returns the counts, the missing-data policy, the answer scoring and the indicator scores.
   */
  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "SurveyResult{%s, accepted %d, rejected %d, imputed %d, %s",
                questionnaire.system().id(),
                accepted,
                rejected,
                imputed,
                policy));
    b.append(", ").append(questionnaire.scoring());
    for (Map.Entry<String, Double> e : indicatorScores.entrySet()) {
      b.append(String.format(Locale.ROOT, ", %s %.3f", e.getKey(), e.getValue()));
    }
    return b.append('}').toString();
  }
}

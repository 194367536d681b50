package io.github.linli.scorecard.survey;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;

/**
 * How a {@link Questionnaire} turns the mean answer on its 1…points Likert scale into an indicator
 * score in [0, 1] (shown ×100 on a {@link io.github.linli.scorecard.Scorecard}). Reverse-worded
 * items are reversed (answer x counts as points + 1 − x) before either map.
 *
 * <table>
 *   <caption>A 5-point scale under each scoring (score ×100)</caption>
 *   <tr><th>answer</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr>
 *   <tr><td>{@link #LINEAR}</td><td>0</td><td>25</td><td>50</td><td>75</td><td>100</td></tr>
 *   <tr><td>{@link #PER_STEP}</td><td>20</td><td>40</td><td>60</td><td>80</td><td>100</td></tr>
 * </table>
 *
 * <p>{@code PER_STEP}, the usual rule of Chinese satisfaction surveys, is the default. With the
 * {@link io.github.linli.scorecard.Grade} bands (优秀 ≥ 90 … 不及格 &lt; 60), a neutral survey
 * (every answer 3 of 5) scores 60 under {@code PER_STEP}, 及格 pass, and 50 under {@code LINEAR},
 * 不及格 fail; a mean answer of 4 of 5 scores 80 (良好 good) per step and 75 (中等 fair)
 * linearly.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum AnswerScoring implements Labelled {
  /**
   * (mean − 1) / (points − 1): the lowest answer scores 0, the highest 1, linearly in between (a
   * neutral 3 of 5 scores 0.5). 线性换算.
   */
  LINEAR(Label.of("线性换算：最低档 0 分，最高档 100 分", "linear: lowest answer 0, highest 100")),
  /**
   * mean / points: each answer step is worth 100 / points points, so the lowest answer scores
   * 1 / points and the highest 1 — on a 5-point scale 20, 40, 60, 80, 100 (非常不满意 20 … 非常满意
   * 100), the usual rule of Chinese satisfaction surveys. The default. 按档计分.
   */
  PER_STEP(Label.of("按档计分：每档 100/量表点数 分（五级量表每档 20 分）",
      "per step: each answer step worth 100/points (20 on a 5-point scale)"));

  private final Label label;

  AnswerScoring(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The score of a mean answer (after reverse coding), for an indicator where agreement is good.
   * Monotone in the mean; {@code LINEAR} maps 1…points onto 0…1, {@code PER_STEP} onto
   * 1/points…1.
   *
   * @param mean a mean answer in [1, points]
   * @param points the scale points, 2 to 11
   * @return the score in [0, 1]
   * @throws ValidationException if {@code points} is out of range or {@code mean} is not finite or
   *     outside [1, points]
   */
  public double score(double mean, int points) {
    if (points < 2 || points > 11) {
      throw new ValidationException("points", points, "must be from 2 to 11");
    }
    Checks.finite("mean", mean);
    if (mean < 1 || mean > points) {
      throw new ValidationException("mean", mean, "must be from 1 to " + points);
    }
    return agreement(mean, points, false);
  }

  /**
   * The survey's value of an indicator, before the scorecard applies the indicator's direction.
   * The scorecard scores a cost indicator 1 − value; so that this equals the score of the reversed
   * answers (points + 1 − mean), a cost indicator's value is 1 − score(points + 1 − mean). Under
   * {@code LINEAR} that is the linear map of the mean itself, as it always was; under {@code
   * PER_STEP} it is (mean − 1) / points.
   */
  double agreement(double mean, int points, boolean cost) {
    switch (this) {
      case PER_STEP:
        return (cost ? mean - 1 : mean) / points;
      case LINEAR:
      default:
        return (mean - 1) / (points - 1);
    }
  }
}

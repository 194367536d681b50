package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.internal.Checks;

/**
 * The five evaluation grades (评语集) of fuzzy comprehensive evaluation, best first. Each grade
 * has a centre on the 0–100 score scale: 95, 85, 75, 65, 55. The membership of a score in the
 * grades is triangular around the centres with half-width 10 (so the memberships of a score sum to
 * 1), saturating at the ends: a score of 95 or more is fully excellent, 55 or less fully very poor.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum Grade implements Labelled {
  /** 优秀, centre 95. */
  EXCELLENT(Label.of("优秀", "excellent"), 95),
  /** 良好, centre 85. */
  GOOD(Label.of("良好", "good"), 85),
  /** 中等, centre 75. */
  FAIR(Label.of("中等", "fair"), 75),
  /** 较差, centre 65. */
  POOR(Label.of("较差", "poor"), 65),
  /** 很差, centre 55. */
  VERY_POOR(Label.of("很差", "very poor"), 55);

  private final Label label;
  private final double centre;

  Grade(Label label, double centre) {
    this.label = label;
    this.centre = centre;
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The centre of the grade on the 0–100 scale.
   *
   * @return 95, 85, 75, 65 or 55
   */
  public double centre() {
    return centre;
  }

  /**
   * The centres of all grades, best first: the grade scores for {@code FuzzyResult.score}.
   *
   * @return {95, 85, 75, 65, 55}
   */
  public static double[] centres() {
    Grade[] g = values();
    double[] c = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      c[i] = g[i].centre;
    }
    return c;
  }

  /**
   * The membership of a 0–100 score in each grade, best first.
   *
   * @param score a finite score
   * @return five memberships in [0, 1] summing to 1
   * @throws io.github.linli.core.ValidationException if the score is not finite
   */
  public static double[] memberships(double score) {
    Checks.finite("score", score);
    Grade[] g = values();
    double[] m = new double[g.length];
    if (score >= g[0].centre) {
      m[0] = 1;
      return m;
    }
    if (score <= g[g.length - 1].centre) {
      m[g.length - 1] = 1;
      return m;
    }
    for (int i = 0; i < g.length; i++) {
      m[i] = Math.max(0, 1 - Math.abs(score - g[i].centre) / 10);
    }
    return m;
  }
}

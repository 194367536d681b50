package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.internal.Checks;

/**
 * The five grades (评语集) on the 0–100 score scale, best first, in the bands of the field's
 * convention: 优秀 excellent ≥ 90, 良好 good 80–89, 中等 fair 70–79, 及格 pass 60–69, 不及格
 * fail &lt; 60 ({@link #of(double)}).
 *
 * <p>For fuzzy comprehensive evaluation each grade also has a centre, the middle of its band: 95,
 * 85, 75, 65, 55. The membership of a score in the grades is triangular around the centres with
 * half-width 10 (so the memberships of a score sum to 1), saturating at the ends: a score of 95 or
 * more is fully excellent, 55 or less fully fail. The grade of largest membership of one score is
 * its band (the tie at a band's edge goes to the better grade, as the band does).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum Grade implements Labelled {
  /** 优秀: 90 or more; centre 95. */
  EXCELLENT(Label.of("优秀", "excellent"), 95),
  /** 良好: 80 to below 90; centre 85. */
  GOOD(Label.of("良好", "good"), 85),
  /** 中等: 70 to below 80; centre 75. */
  FAIR(Label.of("中等", "fair"), 75),
  /** 及格: 60 to below 70; centre 65. */
  PASS(Label.of("及格", "pass"), 65),
  /** 不及格: below 60; centre 55. */
  FAIL(Label.of("不及格", "fail"), 55);

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
   * The lowest score of the grade's band.
   *
   * @return 90, 80, 70, 60, or negative infinity for {@link #FAIL}
   */
  public double lowerBound() {
    return this == FAIL ? Double.NEGATIVE_INFINITY : centre - 5;
  }

  /**
   * The band a 0–100 score falls in: 优秀 ≥ 90, 良好 ≥ 80, 中等 ≥ 70, 及格 ≥ 60, else 不及格.
   *
   * @param score a finite score
   * @return its grade
   * @throws io.github.linli.core.ValidationException if the score is not finite
   */
  public static Grade of(double score) {
    Checks.finite("score", score);
    for (Grade g : values()) {
      if (score >= g.lowerBound()) {
        return g;
      }
    }
    return FAIL;
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

package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * Internal-consistency reliability of a scale: Cronbach's alpha, alpha if an item is deleted, and
 * corrected item–total correlations (as SPSS {@code RELIABILITY} and R {@code psych::alpha}
 * report them).
 *
 * <p>α = k/(k − 1) · (1 − Σ σ<sub>i</sub>² / σ<sub>T</sub>²), with sample (n − 1) variances of the
 * k items and of the total score T (Cronbach, L. J. (1951). Coefficient alpha and the internal
 * structure of tests. <i>Psychometrika</i> 16, 297–334). Alpha can be negative when items
 * correlate negatively (a sign of an item that should be reverse-coded). The corrected item–total
 * correlation of item i is the Pearson correlation of item i with T − X<sub>i</sub>.
 *
 * <p>An item with zero variance (every respondent gave the same answer) is left out of alpha and
 * of alpha if item deleted, as both SPSS {@code RELIABILITY} ("items have zero variance and are
 * removed from the scale") and {@code psych::alpha} ("had no variance and was deleted") do: k is
 * then the number of items with variance (issue 17: k used to count the constant item too, which
 * lowered alpha). Its alpha if deleted is the scale's alpha, and its corrected item–total
 * correlation is 0.
 *
 * <p>Everything is computed from per-item first and second moments and item–total cross moments,
 * O(k) per respondent and O(k) memory, so the same numbers come from {@link Accumulator}, which
 * reads respondents one at a time with memory independent of their number. Sums are taken of
 * deviations from the first respondent's answers, which keeps whole-number Likert data exact.
 *
 * <p>Checked against the worked example of Denis, D. J. (2021). <i>Applied Univariate, Bivariate,
 * and Multivariate Statistics</i>, 2nd ed., Wiley, §1 (five items, ten cases: α = 0.633).
 *
 * <p>Stateless and thread-safe (the {@link Accumulator} is not).
 *
 * @since 0.1.0
 */
public final class Reliability {
  /**
   * The largest answer magnitude accepted, 10<sup>100</sup>: far beyond any rating scale, and small
   * enough that sums of squared answers cannot overflow.
   */
  public static final double MAX_ANSWER = 1e100;

  /**
   * The most items an {@link Accumulator} takes, 100,000 (four arrays of that many doubles, 3.2
   * MB): far beyond any questionnaire, and small enough that a mistaken count cannot exhaust the
   * heap (issue 17: {@code accumulator(Integer.MAX_VALUE)} ran out of memory).
   */
  public static final int MAX_ITEMS = 100_000;

  private Reliability() {}

  /**
   * Cronbach's alpha.
   *
   * @param responses n×k, n ≥ 2 respondents, k ≥ 2 items, finite
   * @return alpha, at most 1
   * @throws ValidationException if the matrix is bad or the total score has zero variance
   */
  public static double cronbachAlpha(double[][] responses) {
    return accumulate(responses, 2).alpha();
  }

  /**
   * Alpha of the scale without each item in turn.
   *
   * @param responses n×k, n ≥ 2, k ≥ 3
   * @return k values; value i is alpha of the other k − 1 items
   * @throws ValidationException if the matrix is bad or a reduced total has zero variance
   */
  public static double[] alphaIfItemDeleted(double[][] responses) {
    return accumulate(responses, 3).alphaIfItemDeleted();
  }

  /**
   * Corrected item–total correlations r(X<sub>i</sub>, T − X<sub>i</sub>). A constant item, or one
   * whose rest-score is constant, has correlation 0 (documented, not NaN).
   *
   * @param responses n×k, n ≥ 2, k ≥ 2
   * @return k correlations in [−1, 1]
   * @throws ValidationException if the matrix is bad
   */
  public static double[] correctedItemTotalCorrelations(double[][] responses) {
    return accumulate(responses, 2).correctedItemTotalCorrelations();
  }

  /**
   * A streaming accumulator for k items.
   *
   * @param items k, from 2 to {@link #MAX_ITEMS}
   * @return an empty accumulator
   * @throws ValidationException if {@code items} is below 2 or above {@link #MAX_ITEMS}
   */
  public static Accumulator accumulator(int items) {
    return new Accumulator(items);
  }

  private static Accumulator accumulate(double[][] responses, int minItems) {
    int k = Arrays2.matrix("responses", responses, 2, minItems);
    Accumulator acc = new Accumulator(k);
    for (double[] row : responses) {
      acc.addChecked(row);
    }
    return acc;
  }

  /**
   * Accumulates respondents one at a time in O(k) memory; gives the same figures as the array
   * methods of {@link Reliability}. Not thread-safe: confine to one thread.
   *
   * @since 0.1.0
   */
  public static final class Accumulator {
    private final int k;
    private final double[] shift;
    private final double[] s;
    private final double[] ss;
    private final double[] sit;
    private double st;
    private double sst;
    private long n;

    Accumulator(int k) {
      if (k < 2) {
        throw new ValidationException("items", k, "reliability needs at least 2 items");
      }
      if (k > MAX_ITEMS) {
        throw new ValidationException("items", k, "must be at most " + MAX_ITEMS);
      }
      this.k = k;
      this.shift = new double[k];
      this.s = new double[k];
      this.ss = new double[k];
      this.sit = new double[k];
    }

    /**
     * Adds one respondent's answers.
     *
     * @param answers k finite answers
     * @return this accumulator
     * @throws ValidationException if the length differs or an answer is not finite or above {@link
     *     #MAX_ANSWER} in magnitude
     */
    public Accumulator add(double[] answers) {
      Arrays2.vector("answers", answers, k);
      return addChecked(answers);
    }

    Accumulator addChecked(double[] x) {
      for (int i = 0; i < k; i++) {
        if (!(Math.abs(x[i]) <= MAX_ANSWER)) {
          throw new ValidationException("answers[" + i + "]", x[i], "must be finite and at most 1e100 in magnitude");
        }
      }
      if (n == 0) {
        System.arraycopy(x, 0, shift, 0, k);
      }
      double dt = 0;
      for (int i = 0; i < k; i++) {
        dt += x[i] - shift[i];
      }
      for (int i = 0; i < k; i++) {
        double d = x[i] - shift[i];
        s[i] += d;
        ss[i] += d * d;
        sit[i] += d * dt;
      }
      st += dt;
      sst += dt * dt;
      n++;
      return this;
    }

    /**
     * The number of respondents added.
     *
     * @return the count
     */
    public long count() {
      return n;
    }

    /**
     * The number of items.
     *
     * @return k
     */
    public int items() {
      return k;
    }

    /**
     * Item means.
     *
     * @return k means
     * @throws ValidationException if no respondent was added
     */
    public double[] means() {
      need(1);
      double[] m = new double[k];
      for (int i = 0; i < k; i++) {
        m[i] = shift[i] + s[i] / n;
      }
      return m;
    }

    /**
     * Sample variances of the items.
     *
     * @return k variances
     * @throws ValidationException if fewer than 2 respondents were added
     */
    public double[] variances() {
      need(2);
      double[] v = new double[k];
      for (int i = 0; i < k; i++) {
        v[i] = var(i);
      }
      return v;
    }

    /**
     * Cronbach's alpha of the items added so far.
     *
     * @return alpha
     * @throws ValidationException if fewer than 2 respondents, or the total score has zero
     *     variance
     */
    public double alpha() {
      need(2);
      double varT = varTotal();
      if (!(varT > 0)) {
        throw new ValidationException(
            "responses",
            "total score",
            "has zero variance (every respondent has the same total): alpha is undefined");
      }
      int kv = itemsWithVariance();
      if (kv < 2) {
        throw new ValidationException("responses", kv + " item(s) with variance",
            "alpha needs at least 2 items whose answers vary (items with zero variance are left out, as SPSS and psych do)");
      }
      double sum = 0;
      for (int i = 0; i < k; i++) {
        sum += var(i);
      }
      return kv / (kv - 1.0) * (1 - sum / varT);
    }

    /**
     * The number of items whose answers vary, the k of alpha.
     *
     * @return the count; 0 before 2 respondents
     */
    public int itemsWithVariance() {
      if (n < 2) {
        return 0;
      }
      int kv = 0;
      for (int i = 0; i < k; i++) {
        if (var(i) > 0) {
          kv++;
        }
      }
      return kv;
    }

    /**
     * Alpha without each item in turn.
     *
     * @return k values
     * @throws ValidationException if k &lt; 3, fewer than 2 respondents, or a rest-score is constant
     */
    public double[] alphaIfItemDeleted() {
      need(2);
      if (k < 3) {
        throw new ValidationException("items", k, "alpha if item deleted needs at least 3 items");
      }
      int kv = itemsWithVariance();
      if (kv < 3) {
        throw new ValidationException("responses", kv + " item(s) with variance",
            "alpha if item deleted needs at least 3 items whose answers vary (items with zero variance are left out)");
      }
      double sum = 0;
      for (int i = 0; i < k; i++) {
        sum += var(i);
      }
      double varT = varTotal();
      double[] a = new double[k];
      for (int i = 0; i < k; i++) {
        double vi = var(i);
        if (vi == 0) {
          a[i] = alpha();   // a constant item is out of the scale already
          continue;
        }
        double rest = varT - 2 * cov(i) + vi;
        if (!(rest > 1e-12 * Math.max(1, varT))) {
          throw new ValidationException(
              "responses[*][" + i + "]",
              "rest score",
              "without item " + i + " the total has zero variance: alpha is undefined");
        }
        a[i] = (kv - 1.0) / (kv - 2.0) * (1 - (sum - vi) / rest);
      }
      return a;
    }

    /**
     * Corrected item–total correlations; 0 for a constant item or constant rest-score.
     *
     * @return k correlations
     * @throws ValidationException if fewer than 2 respondents were added
     */
    public double[] correctedItemTotalCorrelations() {
      need(2);
      double varT = varTotal();
      double[] r = new double[k];
      for (int i = 0; i < k; i++) {
        double vi = var(i);
        double rest = varT - 2 * cov(i) + vi;
        double c = cov(i) - vi;
        r[i] =
            vi <= 0 || rest <= 1e-12 * Math.max(1, varT)
                ? 0
                : Math.max(-1, Math.min(1, c / Math.sqrt(vi * rest)));
      }
      return r;
    }

    private double var(int i) {
      return Math.max(0, (ss[i] - s[i] * s[i] / n) / (n - 1));
    }

    private double varTotal() {
      return Math.max(0, (sst - st * st / n) / (n - 1));
    }

    private double cov(int i) {
      return (sit[i] - s[i] * st / n) / (n - 1);
    }

    private void need(long min) {
      if (n < min) {
        throw new ValidationException(
            "responses", n, "needs at least " + min + " respondent(s) with valid answers");
      }
    }

    /** Returns the count and, when defined, alpha. */
    @Override
    public String toString() {
      String a;
      try {
        a = Arrays2.format(alpha());
      } catch (ValidationException e) {
        a = "undefined";
      }
      return "Reliability.Accumulator{respondents=" + n + ", items=" + k + ", alpha=" + a + "}";
    }
  }
}

package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * Fuzzy comprehensive evaluation (模糊综合评价; Wang Peizhuang 1983, <i>Fuzzy Set Theory and Its
 * Applications</i>): b = w ∘ R with a {@link FuzzyOperator}.
 *
 * <p>R is m×g: row i is the membership of factor (indicator) i in each of g grades, values in [0,
 * 1]; w holds m non-negative weights. Weights are used as given (for {@link
 * FuzzyOperator#WEIGHTED_SUM} they should sum to 1; the normalised result does not depend on it).
 *
 * <p>Complexity O(mg). Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class FuzzyEvaluation {
  private FuzzyEvaluation() {}

  /**
   * Composes weights and memberships.
   *
   * @param weights m non-negative weights, positive sum
   * @param membership m×g matrix, entries in [0, 1], g ≥ 1
   * @param op the composition operator
   * @return raw and normalised membership over the g grades
   * @throws ValidationException if an argument is bad or the composition is all zero (no grade
   *     has any membership)
   * @throws NullPointerException if {@code op} is null
   */
  public static FuzzyResult evaluate(double[] weights, double[][] membership, FuzzyOperator op) {
    java.util.Objects.requireNonNull(op, "op");
    int g = Arrays2.matrix("membership", membership, 1, 1);
    int m = membership.length;
    Arrays2.weights("weights", weights, m);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < g; j++) {
        double r = membership[i][j];
        if (r < 0 || r > 1) {
          throw new ValidationException(
              Arrays2.cell("membership", i, j), r, "membership must be in [0, 1]");
        }
      }
    }
    double[] b = new double[g];
    for (int j = 0; j < g; j++) {
      double acc = 0;
      for (int i = 0; i < m; i++) {
        double w = weights[i];
        double r = membership[i][j];
        switch (op) {
          case WEIGHTED_SUM:
            acc += w * r;
            break;
          case MIN_MAX:
            acc = Math.max(acc, Math.min(w, r));
            break;
          case PRODUCT_MAX:
            acc = Math.max(acc, w * r);
            break;
          case BOUNDED_SUM:
            acc += Math.min(w, r);
            break;
          default:
            throw new AssertionError(op);
        }
      }
      b[j] = op == FuzzyOperator.BOUNDED_SUM ? Math.min(1, acc) : acc;
    }
    double sum = 0;
    for (double v : b) {
      sum += v;
    }
    if (!(sum > 0)) {
      throw new ValidationException(
          "membership", "all zero", "no grade has any membership, so there is nothing to normalise");
    }
    return new FuzzyResult(b, op);
  }

  /**
   * Membership of Likert items in the scale's levels: the share of answers at each level, highest
   * level first (for a 5-point scale the columns are 5, 4, 3, 2, 1, i.e. excellent … very poor).
   *
   * @param responses n×k answers (rows respondents, columns items), whole numbers 1…points
   * @param points the number of scale points, 2 to 11
   * @return a k×points membership matrix whose rows sum to 1
   * @throws ValidationException if an answer is off the scale or there is no row
   */
  public static double[][] likertMembership(double[][] responses, int points) {
    int k = Arrays2.matrix("responses", responses, 1, 1);
    if (points < 2 || points > 11) {
      throw new ValidationException("points", points, "must be from 2 to 11");
    }
    long[][] counts = new long[k][points];
    for (int i = 0; i < responses.length; i++) {
      double[] row = responses[i];
      for (int j = 0; j < k; j++) {
        double v = row[j];
        int level = (int) v;
        if (level != v || level < 1 || level > points) {
          throw new ValidationException(
              Arrays2.cell("responses", i, j), v, "must be a whole number from 1 to " + points);
        }
        counts[j][points - level]++;
      }
    }
    double[][] r = new double[k][points];
    for (int j = 0; j < k; j++) {
      for (int l = 0; l < points; l++) {
        r[j][l] = counts[j][l] / (double) responses.length;
      }
    }
    return r;
  }
}

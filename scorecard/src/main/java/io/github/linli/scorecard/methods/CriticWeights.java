package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * Objective weights by CRITIC (CRiteria Importance Through Intercriteria Correlation): a criterion
 * weighs more when it varies more (contrast) and agrees less with the others (conflict).
 *
 * <p>Steps (Diakoulaki, D., Mavrotas, G. and Papayannakis, L. (1995). Determining objective weights
 * in multiple criteria problems: the CRITIC method. <i>Computers &amp; Operations Research</i>
 * 22(7), 763–770):
 *
 * <ol>
 *   <li>min–max scale each column by its direction: benefit (x − min)/(max − min), cost (max −
 *       x)/(max − min);
 *   <li>σ<sub>j</sub>: the standard deviation of scaled column j around <em>its own</em> mean (some
 *       tools, pyDecision's {@code critic_method} among them, use the mean of the whole matrix:
 *       that is not Diakoulaki's method). The n − 1 (sample) divisor is used; since it scales every
 *       σ<sub>j</sub> alike, the weights are the same with the population divisor;
 *   <li>r<sub>jk</sub>: Pearson correlation of scaled columns j and k;
 *   <li>C<sub>j</sub> = σ<sub>j</sub> Σ<sub>k</sub> (1 − r<sub>jk</sub>); w<sub>j</sub> =
 *       C<sub>j</sub> / Σ C.
 * </ol>
 *
 * <p>Because the correlations are taken on the direction-scaled columns, a cost criterion's
 * correlations change sign relative to the raw data. A constant column carries no information: it
 * gets weight 0 and is left out of the other columns' conflict sums (so the other weights are those
 * of the matrix without it). When no conflict can be measured (a single varying column, or varying
 * columns that are perfectly correlated) the weights are proportional to σ alone. If every column
 * is constant a {@link ValidationException} is thrown.
 *
 * <p>Complexity O(m n²). Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class CriticWeights {
  private CriticWeights() {}

  /**
   * CRITIC weights.
   *
   * @param matrix m×n, m ≥ 2, finite
   * @param directions one per column
   * @return n weights, non-negative, summing to 1
   * @throws ValidationException if the matrix or directions are bad, or every column is constant
   */
  public static double[] of(double[][] matrix, Direction[] directions) {
    int n = Arrays2.matrix("matrix", matrix, 2, 1);
    Arrays2.elements("directions", directions, n);
    int m = matrix.length;
    double[][] z = new double[n][m];
    boolean[] constant = new boolean[n];
    for (int j = 0; j < n; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : matrix) {
        min = Math.min(min, row[j]);
        max = Math.max(max, row[j]);
      }
      double range = max - min;
      constant[j] = range == 0;
      for (int i = 0; i < m; i++) {
        double x = matrix[i][j];
        z[j][i] =
            constant[j] ? 0 : (directions[j] == Direction.BENEFIT ? x - min : max - x) / range;
      }
    }
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int j = 0; j < n; j++) {
      if (constant[j]) {
        continue;
      }
      double s = 0;
      for (double v : z[j]) {
        s += v;
      }
      mean[j] = s / m;
      double ss = 0;
      for (double v : z[j]) {
        ss += (v - mean[j]) * (v - mean[j]);
      }
      sd[j] = Math.sqrt(ss / (m - 1));
    }
    double[] c = new double[n];
    double total = 0;
    for (int j = 0; j < n; j++) {
      if (constant[j]) {
        continue;
      }
      double conflict = 0;
      for (int k = 0; k < n; k++) {
        if (constant[k] || k == j) {
          continue;
        }
        double cov = 0;
        for (int i = 0; i < m; i++) {
          cov += (z[j][i] - mean[j]) * (z[k][i] - mean[k]);
        }
        double r = cov / (m - 1) / (sd[j] * sd[k]);
        conflict += 1 - Math.max(-1, Math.min(1, r));
      }
      c[j] = sd[j] * conflict;
      total += c[j];
    }
    if (!(total > 0)) {
      // only one varying column, or all varying columns perfectly correlated: no conflict to
      // measure, so contrast (sigma) alone decides
      for (int j = 0; j < n; j++) {
        c[j] = sd[j];
        total += sd[j];
      }
    }
    if (!(total > 0)) {
      throw new ValidationException(
          "matrix", "every column constant", "no column varies, so CRITIC gives no weights");
    }
    for (int j = 0; j < n; j++) {
      c[j] /= total;
    }
    return c;
  }
}

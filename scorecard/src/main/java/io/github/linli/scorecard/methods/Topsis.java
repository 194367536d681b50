package io.github.linli.scorecard.methods;

import io.github.linli.scorecard.internal.Arrays2;

/**
 * TOPSIS (technique for order preference by similarity to ideal solution; Hwang, C.-L. and Yoon,
 * K. (1981). <i>Multiple Attribute Decision Making</i>. Springer, pp. 128–140).
 *
 * <p>Steps: vector normalisation r<sub>ij</sub> = x<sub>ij</sub> / √(Σ<sub>i</sub>
 * x<sub>ij</sub>²); weighting v = w·r (weights normalised to sum 1); ideal A<sup>+</sup> and
 * anti-ideal A<sup>−</sup> per column by direction; Euclidean distances D<sup>+</sup>,
 * D<sup>−</sup>; closeness C = D<sup>−</sup> / (D<sup>+</sup> + D<sup>−</sup>) in [0, 1].
 *
 * <p>Documented edge cases: an all-zero column normalises to zeros (it cannot separate anything);
 * an alternative with D<sup>+</sup> = D<sup>−</sup> = 0 (all alternatives alike on every weighted
 * criterion) gets closeness 0.5. Closeness is unchanged when a column is multiplied by a positive
 * constant.
 *
 * <p>Complexity O(mn). Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Topsis {
  private Topsis() {}

  /**
   * Relative closeness of each alternative to the ideal solution.
   *
   * @param matrix m×n, m ≥ 1, finite (rows alternatives, columns criteria)
   * @param weights n non-negative weights, positive sum
   * @param directions one per column
   * @return m closeness values in [0, 1]; larger is better
   * @throws io.github.linli.core.ValidationException if an argument is bad
   */
  public static double[] closeness(double[][] matrix, double[] weights, Direction[] directions) {
    int n = Arrays2.matrix("matrix", matrix, 1, 1);
    double wsum = Arrays2.weights("weights", weights, n);
    Arrays2.elements("directions", directions, n);
    int m = matrix.length;
    double[] norm = new double[n];
    for (double[] row : matrix) {
      for (int j = 0; j < n; j++) {
        norm[j] += row[j] * row[j];
      }
    }
    double[] best = new double[n];
    double[] worst = new double[n];
    double[][] v = new double[m][n];
    for (int j = 0; j < n; j++) {
      double scale = norm[j] == 0 ? 0 : weights[j] / wsum / Math.sqrt(norm[j]);
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        v[i][j] = matrix[i][j] * scale;
        max = Math.max(max, v[i][j]);
        min = Math.min(min, v[i][j]);
      }
      best[j] = directions[j] == Direction.BENEFIT ? max : min;
      worst[j] = directions[j] == Direction.BENEFIT ? min : max;
    }
    double[] c = new double[m];
    for (int i = 0; i < m; i++) {
      double dp = 0;
      double dn = 0;
      for (int j = 0; j < n; j++) {
        dp += (v[i][j] - best[j]) * (v[i][j] - best[j]);
        dn += (v[i][j] - worst[j]) * (v[i][j] - worst[j]);
      }
      dp = Math.sqrt(dp);
      dn = Math.sqrt(dn);
      c[i] = dp + dn == 0 ? 0.5 : dn / (dp + dn);
    }
    return c;
  }
}

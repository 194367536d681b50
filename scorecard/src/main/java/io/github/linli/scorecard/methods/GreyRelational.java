package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * Deng's grey relational analysis (灰色关联分析; Deng, J.-L. (1982). Control problems of grey
 * systems. <i>Systems &amp; Control Letters</i> 1(5), 288–294; Liu, S. and Lin, Y. (2010). <i>Grey
 * Systems: Theory and Applications</i>, Springer, ch. 3).
 *
 * <p>With Δ<sub>i</sub>(k) = |x<sub>0</sub>(k) − x<sub>i</sub>(k)|, the two-level minimum Δmin and
 * maximum Δmax over all sequences i and points k, the relational coefficient is ξ<sub>i</sub>(k) =
 * (Δmin + ρΔmax) / (Δ<sub>i</sub>(k) + ρΔmax) and the grade γ<sub>i</sub> is the mean (or weighted
 * mean) of ξ<sub>i</sub>(k) over k. Grades lie in (0, 1]; closer to 1 means closer to the
 * reference.
 *
 * <p>The data are used as given: make the sequences comparable first (initial-value, mean or
 * min–max normalisation), as the textbooks do. If every sequence equals the reference (Δmax = 0)
 * all coefficients and grades are 1.
 *
 * <p>Complexity O(mn). Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class GreyRelational {
  private GreyRelational() {}

  /**
   * Grey relational grades with equal weights over the points.
   *
   * @param reference the reference sequence x<sub>0</sub>, length n ≥ 1
   * @param sequences m comparison sequences of length n (rows)
   * @param rho the distinguishing coefficient, in (0, 1]; 0.5 is usual
   * @return m grades in (0, 1]
   * @throws ValidationException if an argument is bad
   */
  public static double[] grades(double[] reference, double[][] sequences, double rho) {
    double[][] xi = coefficients(reference, sequences, rho);
    double[] g = new double[xi.length];
    for (int i = 0; i < xi.length; i++) {
      double s = 0;
      for (double v : xi[i]) {
        s += v;
      }
      g[i] = s / xi[i].length;
    }
    return g;
  }

  /**
   * Grey relational grades weighted over the points (criteria).
   *
   * @param reference the reference sequence, length n
   * @param sequences m sequences of length n
   * @param rho the distinguishing coefficient in (0, 1]
   * @param weights n non-negative weights, positive sum
   * @return m grades in (0, 1]
   * @throws ValidationException if an argument is bad
   */
  public static double[] grades(
      double[] reference, double[][] sequences, double rho, double[] weights) {
    double[][] xi = coefficients(reference, sequences, rho);
    double total = Arrays2.weights("weights", weights, reference.length);
    double[] g = new double[xi.length];
    for (int i = 0; i < xi.length; i++) {
      for (int k = 0; k < weights.length; k++) {
        g[i] += weights[k] / total * xi[i][k];
      }
    }
    return g;
  }

  /**
   * The relational coefficients ξ<sub>i</sub>(k).
   *
   * @param reference the reference sequence, length n ≥ 1
   * @param sequences m ≥ 1 sequences of length n
   * @param rho the distinguishing coefficient in (0, 1]
   * @return an m×n matrix of coefficients in (0, 1]
   * @throws ValidationException if an argument is bad
   */
  public static double[][] coefficients(double[] reference, double[][] sequences, double rho) {
    Arrays2.vector("reference", reference, -1);
    int n = Arrays2.matrix("sequences", sequences, 1, 1);
    if (n != reference.length) {
      throw new ValidationException(
          "sequences.columns", n, "must equal reference.length " + reference.length);
    }
    if (!(rho > 0 && rho <= 1)) {
      throw new ValidationException("rho", rho, "must be in (0, 1]");
    }
    int m = sequences.length;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double[][] delta = new double[m][n];
    boolean overflow = false;
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        double d = Math.abs(reference[k] - sequences[i][k]);
        overflow |= Double.isInfinite(d);
        delta[i][k] = d;
      }
    }
    // The coefficients are invariant under scaling every difference: halve when a difference
    // overflows, and divide by the largest so that rho·max cannot underflow to 0 (0/0).
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        if (overflow) {
          delta[i][k] = Math.abs(reference[k] / 2 - sequences[i][k] / 2);
        }
        min = Math.min(min, delta[i][k]);
        max = Math.max(max, delta[i][k]);
      }
    }
    double[][] xi = new double[m][n];
    double lo = max == 0 ? 0 : min / max;
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        xi[i][k] = max == 0 ? 1 : (lo + rho) / (delta[i][k] / max + rho);
      }
    }
    return xi;
  }
}

package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * Objective weights by Shannon entropy (the entropy weight method, 熵权法): a criterion whose
 * values vary more across alternatives carries more information and gets more weight.
 *
 * <p>For an m×n matrix (rows alternatives or respondents, columns criteria): p<sub>ij</sub> =
 * x<sub>ij</sub> / Σ<sub>i</sub> x<sub>ij</sub>; e<sub>j</sub> = −(1/ln m) Σ<sub>i</sub>
 * p<sub>ij</sub> ln p<sub>ij</sub> with 0·ln 0 = 0; d<sub>j</sub> = 1 − e<sub>j</sub>;
 * w<sub>j</sub> = d<sub>j</sub> / Σ d. A constant column (including an all-zero one) has e = 1 and
 * gets weight 0. If every column is constant there is nothing to weight by and a {@link
 * ValidationException} is thrown.
 *
 * <p>Sources: Shannon (1948); Zeleny (1982), <i>Multiple Criteria Decision Making</i>; Hwang and
 * Yoon (1981) §4. Checked against the example of Xu, X. (2004). A note on the subjective and
 * objective integrated approach to determine attribute weights. <i>EJOR</i> 156(2), 530–532.
 *
 * <p>Complexity O(mn), one pass over the matrix (Σ p ln p = (Σ x ln x)/S − ln S). Stateless and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class EntropyWeights {
  private static final int SMALL = 256;
  private static final double HUGE = 1e150;

  private EntropyWeights() {}

  /**
   * Entropy weights of non-negative data, used as they are.
   *
   * @param matrix m×n, m ≥ 2, finite and non-negative
   * @return n weights, non-negative, summing to 1
   * @throws ValidationException if the matrix is null, ragged, has fewer than 2 rows, holds a
   *     non-finite or negative value, or every column is constant
   */
  public static double[] of(double[][] matrix) {
    int n = Arrays2.matrix("matrix", matrix, 2, 1);
    Arrays2.nonNegative("matrix", matrix);
    return weightsOf(matrix, n, null, null, null);
  }

  /**
   * Entropy weights after min–max normalisation by direction: benefit (x − min)/(max − min), cost
   * (max − x)/(max − min). Suits data with negative values or cost criteria. A constant column gets
   * weight 0.
   *
   * @param matrix m×n, m ≥ 2, finite
   * @param directions one per column
   * @return n weights, non-negative, summing to 1
   * @throws ValidationException if the matrix or directions are bad, or every column is constant
   */
  public static double[] of(double[][] matrix, Direction[] directions) {
    int n = Arrays2.matrix("matrix", matrix, 2, 1);
    Arrays2.elements("directions", directions, n);
    double[] min = new double[n];
    double[] max = new double[n];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (double[] row : matrix) {
      for (int j = 0; j < n; j++) {
        min[j] = Math.min(min[j], row[j]);
        max[j] = Math.max(max[j], row[j]);
      }
    }
    return weightsOf(matrix, n, directions, min, max);
  }

  private static double[] weightsOf(
      double[][] matrix, int n, Direction[] dirs, double[] min, double[] max) {
    int m = matrix.length;
    double[] sum = new double[n];
    double[] xlogx = new double[n];
    // survey data are small whole numbers: x ln x of 0..255 from a table (same values, no log call)
    double[] table = new double[SMALL];
    for (int v = 1; v < SMALL; v++) {
      table[v] = v * Math.log(v);
    }
    // p = x / Σx is scale-free: scale a column of huge values down so that x ln x and Σx cannot
    // overflow (issue 9: a column holding Double.MAX_VALUE gave NaN weights)
    double[] scale = new double[n];
    java.util.Arrays.fill(scale, 1);
    if (dirs == null) {
      for (double[] row : matrix) {
        for (int j = 0; j < n; j++) {
          if (row[j] > HUGE) {
            scale[j] = Math.max(scale[j], row[j]);
          }
        }
      }
    }
    for (double[] row : matrix) {
      for (int j = 0; j < n; j++) {
        double x = row[j] / scale[j];
        if (dirs != null) {
          double range = max[j] - min[j];
          if (Double.isInfinite(range)) {
            // halve everything: the ratio is the same and nothing overflows
            range = max[j] / 2 - min[j] / 2;
            x = (dirs[j] == Direction.BENEFIT ? x / 2 - min[j] / 2 : max[j] / 2 - x / 2) / range;
          } else {
            x = range == 0 ? 0 : (dirs[j] == Direction.BENEFIT ? x - min[j] : max[j] - x) / range;
          }
        }
        if (x > 0) {
          sum[j] += x;
          int k = (int) x;
          xlogx[j] += k == x && k < SMALL ? table[k] : x * Math.log(x);
        }
      }
    }
    double lnM = Math.log(m);
    double[] d = new double[n];
    double total = 0;
    for (int j = 0; j < n; j++) {
      boolean constant = dirs != null ? max[j] == min[j] : isConstant(matrix, j);
      if (constant || sum[j] == 0) {
        continue;
      }
      double plogp = xlogx[j] / sum[j] - Math.log(sum[j]);
      double e = -plogp / lnM;
      d[j] = Math.max(0, 1 - e);
      total += d[j];
    }
    if (!(total > 0)) {
      throw new ValidationException(
          "matrix", "every column constant", "no column varies, so entropy gives no weights");
    }
    for (int j = 0; j < n; j++) {
      d[j] /= total;
    }
    return d;
  }

  private static boolean isConstant(double[][] matrix, int j) {
    double first = matrix[0][j];
    for (double[] row : matrix) {
      if (row[j] != first) {
        return false;
      }
    }
    return true;
  }
}

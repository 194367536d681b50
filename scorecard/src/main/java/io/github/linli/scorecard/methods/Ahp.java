package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The analytic hierarchy process on plain arrays: priorities and consistency of a pairwise
 * comparison matrix, group aggregation of several experts' matrices, and completion of incomplete
 * matrices.
 *
 * <p>A judgment matrix A is positive and reciprocal: a<sub>ii</sub> = 1 and a<sub>ji</sub> =
 * 1/a<sub>ij</sub> (a<sub>ij</sub> says how much more important element i is than element j, on
 * Saaty's 1–9 scale or any ratio scale). Reciprocity is checked to a relative tolerance of {@value
 * #RECIPROCAL_TOLERANCE}, so 0.333 passes for 1/3 but 0.3 does not.
 *
 * <p>Sources: Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures.
 * <i>Journal of Mathematical Psychology</i> 15, 234–281; Saaty (1980), <i>The Analytic Hierarchy
 * Process</i>; Aczél and Saaty (1983) for the geometric-mean aggregation of individual judgments
 * (AIJ); Harker (1987) and Bozóki, Fülöp and Rónyai (2010) for incomplete matrices (see {@link
 * AhpCompletion}).
 *
 * <p>Complexity: O(n²) per power iteration; the eigenvector method iterates until the weights move
 * by less than 1e-15 (at most 10 000 iterations), which for judgment matrices takes a few dozen.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Ahp {
  /** The marker of a missing judgment in {@link #complete(double[][], AhpCompletion)}: NaN. */
  public static final double MISSING = Double.NaN;

  /** Relative tolerance of the reciprocity check |a<sub>ij</sub>·a<sub>ji</sub> − 1|. */
  public static final double RECIPROCAL_TOLERANCE = 1e-3;

  private static final int MAX_ITERATIONS = 10_000;

  private Ahp() {}

  /**
   * Analyses a complete judgment matrix.
   *
   * @param judgments the n×n positive reciprocal matrix, n ≥ 2 (rows are compared elements)
   * @param method how to derive the priorities
   * @param table the random index table for the consistency ratio
   * @return weights, λmax, CI, CR
   * @throws ValidationException if the matrix is null, not square, smaller than 2×2, holds a
   *     non-finite or non-positive entry, is not reciprocal, or is larger than the table covers
   * @throws NullPointerException if {@code method} or {@code table} is null
   */
  public static AhpResult analyse(double[][] judgments, PriorityMethod method, RandomIndex table) {
    java.util.Objects.requireNonNull(method, "method");
    java.util.Objects.requireNonNull(table, "table");
    int n = checkReciprocal("judgments", judgments);
    double ri = table.value(n);
    double[][] a = copy(judgments);
    double[] w;
    switch (method) {
      case EIGENVECTOR:
        w = perron(a);
        break;
      case GEOMETRIC_MEAN:
        w = geometricMean(a);
        break;
      case COLUMN_MEAN:
        w = columnMean(a);
        break;
      default:
        throw new AssertionError(method);
    }
    double lambda = 0;
    for (int i = 0; i < n; i++) {
      double aw = 0;
      for (int j = 0; j < n; j++) {
        aw += a[i][j] * w[j];
      }
      lambda += aw / w[i];
    }
    lambda /= n;
    double ci = n <= 2 ? 0 : Math.max(0, (lambda - n) / (n - 1));
    double cr = n <= 2 ? 0 : ci / ri;
    if (n <= 2) {
      lambda = n;
    }
    return new AhpResult(w, lambda, ci, cr, ri, method, table, a);
  }

  /**
   * Analyses with the eigenvector method and Saaty's 1980 table, the textbook default.
   *
   * @param judgments the positive reciprocal matrix
   * @return the result
   * @throws ValidationException as {@link #analyse(double[][], PriorityMethod, RandomIndex)}
   */
  public static AhpResult analyse(double[][] judgments) {
    return analyse(judgments, PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_1980);
  }

  /**
   * Completes an incomplete matrix (missing judgments are {@link #MISSING}, i.e. NaN) and analyses
   * it.
   *
   * @param judgments the incomplete matrix
   * @param completion how to fill the gaps
   * @param method the priority method
   * @param table the random index table
   * @return the result; {@link AhpResult#matrix()} is the completed matrix
   * @throws ValidationException as {@link #complete(double[][], AhpCompletion)} and {@link
   *     #analyse(double[][], PriorityMethod, RandomIndex)}
   */
  public static AhpResult analyseIncomplete(
      double[][] judgments, AhpCompletion completion, PriorityMethod method, RandomIndex table) {
    return analyse(complete(judgments, completion), method, table);
  }

  /**
   * Builds a reciprocal matrix from its upper triangle, row by row: for n = 3 the values a12, a13,
   * a23. Handy in JShell: {@code Ahp.reciprocal(3, 5, 2)}.
   *
   * @param upper the n(n−1)/2 entries above the diagonal, positive
   * @return the full n×n matrix with ones on the diagonal and reciprocals below
   * @throws ValidationException if the count is not triangular or an entry is not positive or so
   *     small that its reciprocal overflows
   */
  public static double[][] reciprocal(double... upper) {
    Arrays2.vector("upper", upper, -1);
    int n = 2;
    while (n * (n - 1) / 2 < upper.length) {
      n++;
    }
    if (n * (n - 1) / 2 != upper.length) {
      throw new ValidationException(
          "upper.length", upper.length, "must be n(n-1)/2 for some n (1, 3, 6, 10, 15, ...)");
    }
    double[][] a = new double[n][n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        double v = upper[k];
        if (!(v > 0) || !Double.isFinite(1 / v)) {
          throw new ValidationException("upper[" + k + "]", v, "judgment must be positive, with a finite reciprocal");
        }
        a[i][j] = v;
        a[j][i] = 1 / v;
        k++;
      }
    }
    return a;
  }

  /**
   * Aggregates several experts' matrices by the element-wise geometric mean (aggregation of
   * individual judgments, AIJ; Aczél and Saaty 1983). The result is again reciprocal.
   *
   * @param experts one n×n reciprocal matrix per expert, at least one
   * @return the group matrix
   * @throws ValidationException if there is no matrix, the orders differ, or one is not reciprocal
   */
  public static double[][] group(double[][]... experts) {
    if (experts == null || experts.length == 0) {
      throw new ValidationException("experts", experts == null ? null : 0, "needs a matrix");
    }
    double[] equal = new double[experts.length];
    java.util.Arrays.fill(equal, 1.0);
    return group(experts, equal);
  }

  /**
   * Aggregates experts' matrices by the weighted element-wise geometric mean Π a<sub>ij</sub><sup>
   * (k)</sup>^(λ<sub>k</sub>/Σλ).
   *
   * @param experts one n×n reciprocal matrix per expert
   * @param expertWeights one non-negative weight per expert, positive sum
   * @return the group matrix
   * @throws ValidationException if the matrices or weights are bad
   */
  public static double[][] group(double[][][] experts, double[] expertWeights) {
    if (experts == null || experts.length == 0) {
      throw new ValidationException("experts", experts == null ? null : 0, "needs a matrix");
    }
    double total = Arrays2.weights("expertWeights", expertWeights, experts.length);
    int n = checkReciprocal("experts[0]", experts[0]);
    double[][] logSum = new double[n][n];
    for (int k = 0; k < experts.length; k++) {
      int nk = checkReciprocal("experts[" + k + "]", experts[k]);
      if (nk != n) {
        throw new ValidationException(
            "experts[" + k + "].length", nk, "must be " + n + " like experts[0]");
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          logSum[i][j] += expertWeights[k] / total * Math.log(experts[k][i][j]);
        }
      }
    }
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        g[i][j] = i == j ? 1 : Math.exp(logSum[i][j]);
      }
    }
    return g;
  }

  /**
   * Fills the missing judgments ({@link #MISSING}) of an incomplete matrix. An entry given on one
   * side only (a<sub>ij</sub> given, a<sub>ji</sub> missing) is taken as known with its reciprocal.
   * The known comparisons must connect all elements.
   *
   * @param judgments the n×n incomplete matrix, n ≥ 2; NaN marks a missing judgment
   * @param completion the completion method
   * @return a new complete reciprocal matrix; known judgments are kept
   * @throws ValidationException if a known entry is not positive, finite or reciprocal, or the known
   *     comparisons do not connect all elements
   */
  public static double[][] complete(double[][] judgments, AhpCompletion completion) {
    java.util.Objects.requireNonNull(completion, "completion");
    int n = square("judgments", judgments, true);
    double[][] a = new double[n][n];
    boolean[][] known = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = judgments[i][j];
        double r = judgments[j][i];
        if (i == j) {
          a[i][i] = 1;
          known[i][i] = true;
        } else if (!Double.isNaN(v)) {
          a[i][j] = v;
          known[i][j] = true;
        } else if (!Double.isNaN(r)) {
          a[i][j] = 1 / r;
          known[i][j] = true;
        }
      }
    }
    checkReciprocalKnown("judgments", a, known);
    connected(known);
    List<int[]> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!known[i][j]) {
          missing.add(new int[] {i, j});
        }
      }
    }
    if (missing.isEmpty()) {
      return a;
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && !known[i][j]) {
          m++;
        } else if (j != i) {
          c[i][j] = a[i][j];
        }
      }
      c[i][i] = 1 + m;
    }
    double[] w = perron(c);
    for (int[] p : missing) {
      a[p[0]][p[1]] = w[p[0]] / w[p[1]];
      a[p[1]][p[0]] = w[p[1]] / w[p[0]];
    }
    if (completion == AhpCompletion.LAMBDA_MAX_OPTIMAL) {
      lambdaMaxOptimal(a, missing);
    }
    return a;
  }

  private static void lambdaMaxOptimal(double[][] a, List<int[]> missing) {
    double maxEntry = 1;
    for (double[] row : a) {
      for (double v : row) {
        maxEntry = Math.max(maxEntry, v);
      }
    }
    double bound = Math.log(10 * maxEntry);
    double g = (Math.sqrt(5) - 1) / 2;
    for (int round = 0; round < 500; round++) {
      double moved = 0;
      for (int[] p : missing) {
        int i = p[0];
        int j = p[1];
        // read before the search, which writes its trial values into a[i][j] (issue 17: read
        // after it, the move measured ~1e-11 and the descent stopped after one sweep)
        double old = Math.log(a[i][j]);
        double lo = -bound;
        double hi = bound;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = lambdaAt(a, i, j, x1);
        double f2 = lambdaAt(a, i, j, x2);
        while (hi - lo > 1e-11) {
          if (f1 <= f2) {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - g * (hi - lo);
            f1 = lambdaAt(a, i, j, x1);
          } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + g * (hi - lo);
            f2 = lambdaAt(a, i, j, x2);
          }
        }
        double t = (lo + hi) / 2;
        moved = Math.max(moved, Math.abs(t - old));
        a[i][j] = Math.exp(t);
        a[j][i] = Math.exp(-t);
      }
      if (moved < 1e-9) {
        return;
      }
    }
  }

  private static double lambdaAt(double[][] a, int i, int j, double t) {
    a[i][j] = Math.exp(t);
    a[j][i] = Math.exp(-t);
    double[] w = perron(a);
    double lambda = 0;
    for (int r = 0; r < a.length; r++) {
      double aw = 0;
      for (int c = 0; c < a.length; c++) {
        aw += a[r][c] * w[c];
      }
      lambda += aw;
    }
    return lambda;
  }

  /** Principal eigenvector of a non-negative primitive matrix by power iteration, summing to 1. */
  static double[] perron(double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    double[] next = new double[n];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        double[] row = a[i];
        for (int j = 0; j < n; j++) {
          s += row[j] * w[j];
        }
        next[i] = s;
        sum += s;
      }
      double delta = 0;
      for (int i = 0; i < n; i++) {
        next[i] /= sum;
        delta = Math.max(delta, Math.abs(next[i] - w[i]));
      }
      double[] t = w;
      w = next;
      next = t;
      if (delta < 1e-15) {
        break;
      }
    }
    return w;
  }

  private static double[] geometricMean(double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += Math.log(a[i][j]);
      }
      w[i] = Math.exp(s / n);
    }
    return Arrays2.normalised(w);
  }

  private static double[] columnMean(double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      double col = 0;
      for (int i = 0; i < n; i++) {
        col += a[i][j];
      }
      for (int i = 0; i < n; i++) {
        w[i] += a[i][j] / col / n;
      }
    }
    return Arrays2.normalised(w);
  }

  private static int square(String name, double[][] m, boolean allowNaN) {
    if (m == null) {
      throw new ValidationException(name, null, "is required");
    }
    int n = m.length;
    if (n < 2) {
      throw new ValidationException(
          name + ".length", n, "a pairwise comparison matrix needs at least 2 elements");
    }
    for (int i = 0; i < n; i++) {
      if (m[i] == null) {
        throw new ValidationException(name + "[" + i + "]", null, "row is required");
      }
      if (m[i].length != n) {
        throw new ValidationException(
            name + "[" + i + "].length", m[i].length, "must be " + n + ": the matrix must be square");
      }
      for (int j = 0; j < n; j++) {
        double v = m[i][j];
        if (Double.isNaN(v) && allowNaN && i != j) {
          continue;
        }
        if (!Double.isFinite(v)) {
          throw new ValidationException(
              Arrays2.cell(name, i, j),
              v,
              allowNaN
                  ? "must be a finite number (NaN marks a missing judgment)"
                  : "must be a finite number (use Ahp.complete for missing judgments)");
        }
        if (!(v > 0)) {
          throw new ValidationException(Arrays2.cell(name, i, j), v, "judgment must be positive");
        }
      }
    }
    return n;
  }

  private static int checkReciprocal(String name, double[][] m) {
    int n = square(name, m, false);
    boolean[][] all = new boolean[n][n];
    for (boolean[] row : all) {
      java.util.Arrays.fill(row, true);
    }
    checkReciprocalKnown(name, m, all);
    return n;
  }

  private static void checkReciprocalKnown(String name, double[][] a, boolean[][] known) {
    int n = a.length;
    for (int i = 0; i < n; i++) {
      if (Math.abs(a[i][i] - 1) > RECIPROCAL_TOLERANCE) {
        throw new ValidationException(Arrays2.cell(name, i, i), a[i][i], "diagonal must be 1");
      }
      for (int j = i + 1; j < n; j++) {
        if (known[i][j] && Math.abs(a[i][j] * a[j][i] - 1) > RECIPROCAL_TOLERANCE) {
          throw new ValidationException(
              Arrays2.cell(name, j, i),
              a[j][i],
              String.format(
                  Locale.ROOT,
                  "not reciprocal to %s = %s (expected %.4f)",
                  Arrays2.cell(name, i, j),
                  a[i][j],
                  1 / a[i][j]));
        }
      }
    }
  }

  private static void connected(boolean[][] known) {
    int n = known.length;
    boolean[] seen = new boolean[n];
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(0);
    seen[0] = true;
    while (!todo.isEmpty()) {
      int i = todo.poll();
      for (int j = 0; j < n; j++) {
        if (!seen[j] && known[i][j]) {
          seen[j] = true;
          todo.add(j);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      if (!seen[j]) {
        throw new ValidationException(
            "judgments",
            "element " + j,
            "the known comparisons do not connect element " + j + " to element 0");
      }
    }
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}

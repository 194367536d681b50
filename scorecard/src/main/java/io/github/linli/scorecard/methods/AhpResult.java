package io.github.linli.scorecard.methods;

import io.github.linli.scorecard.internal.Arrays2;

/**
 * The outcome of {@link Ahp#analyse(double[][], PriorityMethod, RandomIndex)}: priorities and
 * consistency of one pairwise comparison matrix.
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 *
 * @since 0.1.0
 */
public final class AhpResult {
  /** Saaty's threshold: a matrix with CR at most 0.10 is acceptably consistent. */
  public static final double CONSISTENCY_THRESHOLD = 0.10;

  private final double[] weights;
  private final double lambdaMax;
  private final double consistencyIndex;
  private final double consistencyRatio;
  private final double randomIndex;
  private final PriorityMethod method;
  private final RandomIndex table;
  private final double[][] matrix;

  AhpResult(
      double[] weights,
      double lambdaMax,
      double consistencyIndex,
      double consistencyRatio,
      double randomIndex,
      PriorityMethod method,
      RandomIndex table,
      double[][] matrix) {
    this.weights = weights;
    this.lambdaMax = lambdaMax;
    this.consistencyIndex = consistencyIndex;
    this.consistencyRatio = consistencyRatio;
    this.randomIndex = randomIndex;
    this.method = method;
    this.table = table;
    this.matrix = matrix;
  }

  /**
   * The priorities: non-negative, summing to 1, in the order of the matrix rows.
   *
   * @return a copy of the weights
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * λ<sub>max</sub>: the Perron eigenvalue for {@link PriorityMethod#EIGENVECTOR}; for the other
   * methods the estimate mean<sub>i</sub>((A·w)<sub>i</sub> / w<sub>i</sub>) with their own w (the
   * convention of Saaty's approximate method and of pyDecision). At least n for a reciprocal
   * matrix with the eigenvector method, and n exactly for a consistent one.
   *
   * @return λmax
   */
  public double lambdaMax() {
    return lambdaMax;
  }

  /**
   * CI = (λ<sub>max</sub> − n) / (n − 1); 0 for n = 2 (every 2×2 reciprocal matrix is consistent).
   *
   * @return the consistency index
   */
  public double consistencyIndex() {
    return consistencyIndex;
  }

  /**
   * CR = CI / RI(n) with the chosen {@link RandomIndex} table; 0 for n = 2.
   *
   * @return the consistency ratio
   */
  public double consistencyRatio() {
    return consistencyRatio;
  }

  /**
   * Whether CR ≤ {@link #CONSISTENCY_THRESHOLD} (0.10).
   *
   * @return true if acceptably consistent
   */
  public boolean isConsistent() {
    return consistencyRatio <= CONSISTENCY_THRESHOLD;
  }

  /**
   * RI(n) from the table used.
   *
   * @return the random index
   */
  public double randomIndex() {
    return randomIndex;
  }

  /**
   * The priority method used.
   *
   * @return the method
   */
  public PriorityMethod method() {
    return method;
  }

  /**
   * The random index table used.
   *
   * @return the table
   */
  public RandomIndex table() {
    return table;
  }

  /**
   * The matrix analysed (after completion or aggregation, where those happened).
   *
   * @return a copy of the matrix
   */
  public double[][] matrix() {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }
    return copy;
  }

  /** Returns the figures, for example {@code AhpResult{weights=[0.6370, ...], CR=0.0370 ...}}. */
  @Override
  public String toString() {
    return "AhpResult{weights="
        + Arrays2.format(weights)
        + ", lambdaMax="
        + Arrays2.format(lambdaMax)
        + ", CI="
        + Arrays2.format(consistencyIndex)
        + ", CR="
        + Arrays2.format(consistencyRatio)
        + (isConsistent() ? " (consistent)" : " (inconsistent)")
        + ", "
        + method
        + ", "
        + table
        + "}";
  }
}

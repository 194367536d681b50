package io.github.linli.scorecard.methods;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;

/**
 * Published tables of the random consistency index RI(n): the mean consistency index of random
 * reciprocal matrices of order n, the denominator of the consistency ratio CR = CI / RI. The tables
 * differ (simulation size, scale), so the same matrix gets a different CR under each: always
 * report which one was used.
 *
 * <p>RI(1) = RI(2) = 0 in every table (every reciprocal matrix of order 1 or 2 is consistent).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum RandomIndex implements Labelled {
  /**
   * Saaty, T. L. (1980). <i>The Analytic Hierarchy Process</i>. McGraw-Hill: n = 1…15 is 0, 0,
   * 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59. The table most
   * Chinese textbooks print; also pyDecision's {@code ahp_method}.
   */
  SAATY_1980(
      Label.of("Saaty 1980", "Saaty 1980"),
      new double[] {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57,
        1.59},
      null),
  /**
   * Saaty, T. L. (2005). <i>Theory and Applications of the Analytic Network Process</i>. RWS
   * Publications, p. 31 (also Saaty and Tran 2007): n = 1…15 is 0, 0, 0.52, 0.89, 1.11, 1.25,
   * 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59. AHPy's {@code random_index='saaty'} and
   * ahpsurvey's {@code ahp.cr}.
   */
  SAATY_2005(
      Label.of("Saaty 2005", "Saaty 2005"),
      new double[] {0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58,
        1.59},
      null),
  /**
   * Donegan, H. A. and Dodd, F. J. (1991). A note on Saaty's random indexes. <i>Mathematical and
   * Computer Modelling</i> 15(10), 135–137: n = 3…20 is 0.4914, 0.8286, 1.0591, 1.1797, 1.2519,
   * 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262,
   * 1.5313, 1.5371, then 1.5619 (25), 1.5772 (30), 1.5976 (40), 1.6102 (50), 1.6178 (60), 1.6237
   * (70), 1.6277 (80), 1.6213 (90), 1.6339 (100), linearly interpolated in between, as AHPy (its
   * default, {@code random_index='dd'}) does.
   */
  DONEGAN_DODD_1991(
      Label.of("Donegan–Dodd 1991", "Donegan–Dodd 1991"),
      new double[] {0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213,
        1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371},
      new double[][] {
        {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976}, {50, 1.6102}, {60, 1.6178},
        {70, 1.6237}, {80, 1.6277}, {90, 1.6213}, {100, 1.6339}
      }),
  /**
   * Aguarón, J. and Moreno-Jiménez, J. M. (2003). The geometric consistency index: approximated
   * thresholds. <i>European Journal of Operational Research</i> 147(1), 137–145 (100 000 random
   * matrices per order): n = 3…16 is 0.525, 0.882, 1.115, 1.252, 1.341, 1.404, 1.452, 1.484,
   * 1.513, 1.535, 1.555, 1.570, 1.583, 1.595. A seeded simulation on Saaty's 17-value scale
   * reproduces these within its sampling error.
   */
  AGUARON_2003(
      Label.of("Aguarón–Moreno-Jiménez 2003", "Aguarón–Moreno-Jiménez 2003"),
      new double[] {0, 0, 0.525, 0.882, 1.115, 1.252, 1.341, 1.404, 1.452, 1.484, 1.513, 1.535,
        1.555, 1.570, 1.583, 1.595},
      null);

  private final Label label;
  private final double[] table;
  private final double[][] sparse;

  RandomIndex(Label label, double[] table, double[][] sparse) {
    this.label = label;
    this.table = table;
    this.sparse = sparse;
  }

  /**
   * The random index for matrices of order {@code n}.
   *
   * @param n the order, from 1 to {@link #maxOrder()}
   * @return RI(n); 0 for n of 1 or 2
   * @throws ValidationException if the table does not cover {@code n}
   */
  public double value(int n) {
    if (n < 1 || n > maxOrder()) {
      throw new ValidationException(
          "randomIndex(" + name() + ").n", n, "table covers orders 1 to " + maxOrder());
    }
    if (n <= table.length) {
      return table[n - 1];
    }
    for (int k = 1; k < sparse.length; k++) {
      if (n <= sparse[k][0]) {
        double n0 = sparse[k - 1][0];
        double n1 = sparse[k][0];
        return sparse[k - 1][1] + (sparse[k][1] - sparse[k - 1][1]) * (n - n0) / (n1 - n0);
      }
    }
    throw new AssertionError(n);
  }

  /**
   * The largest order the table covers.
   *
   * @return 15, 15, 100 or 16
   */
  public int maxOrder() {
    return sparse == null ? table.length : (int) sparse[sparse.length - 1][0];
  }

  @Override
  public Label label() {
    return label;
  }
}

package io.github.linli.scorecard.methods;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * How {@link Ahp#complete(double[][], AhpCompletion)} fills the missing judgments of an incomplete
 * pairwise comparison matrix.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum AhpCompletion implements Labelled {
  /**
   * Harker, P. T. (1987). Incomplete pairwise comparisons in the analytic hierarchy process.
   * <i>Mathematical Modelling</i> 9(11), 837–848. Missing entries are set to 0 and each diagonal
   * entry to 1 + (missing entries in its row); the Perron eigenvector w of that matrix gives the
   * missing judgments a<sub>ij</sub> = w<sub>i</sub>/w<sub>j</sub>. The completed matrix has w as
   * its own principal eigenvector. One eigenvector computation: O(n² · iterations).
   */
  HARKER(Label.of("Harker 法", "Harker")),
  /**
   * Bozóki, S., Fülöp, J. and Rónyai, L. (2010). On optimal completion of incomplete pairwise
   * comparison matrices. <i>Mathematical and Computer Modelling</i> 52(1–2), 318–333. The missing
   * entries minimise λ<sub>max</sub> of the completed matrix (the most consistent completion),
   * found by cyclic coordinate descent with a golden-section search on the logarithm of each
   * entry, until no entry moves by more than 1e-9 (relative). What AHPy does.
   */
  LAMBDA_MAX_OPTIMAL(Label.of("λmax 最优补全", "λmax-optimal"));

  private final Label label;

  AhpCompletion(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }
}

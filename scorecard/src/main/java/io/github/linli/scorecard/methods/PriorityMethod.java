package io.github.linli.scorecard.methods;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * How {@link Ahp} derives priorities (weights) from a pairwise comparison matrix.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum PriorityMethod implements Labelled {
  /**
   * The principal right eigenvector (Saaty 1977, 1980), found by power iteration; {@code lambdaMax}
   * is the Perron eigenvalue. What AHPy and ahpsurvey compute.
   */
  EIGENVECTOR(Label.of("特征向量法", "eigenvector")),
  /**
   * The normalised geometric means of the rows (the logarithmic least-squares solution; Crawford
   * and Williams 1985). 几何平均法 (方根法).
   */
  GEOMETRIC_MEAN(Label.of("几何平均法", "geometric mean")),
  /**
   * The row means of the column-normalised matrix (Saaty's approximation, "additive
   * normalisation"). 和积法.
   */
  COLUMN_MEAN(Label.of("和积法", "column mean"));

  private final Label label;

  PriorityMethod(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }
}

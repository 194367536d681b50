package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * The outcome of a fuzzy comprehensive evaluation: the membership vector b over the grades.
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 *
 * @since 0.1.0
 */
public final class FuzzyResult {
  private final double[] raw;
  private final double[] normalised;
  private final FuzzyOperator operator;

  FuzzyResult(double[] raw, FuzzyOperator operator) {
    this.raw = raw;
    this.normalised = Arrays2.normalised(raw);
    this.operator = operator;
  }

  /**
   * The composed vector b = w ∘ R as computed.
   *
   * @return a copy, one value per grade
   */
  public double[] raw() {
    return raw.clone();
  }

  /**
   * b divided by its sum, so it reads as a distribution over the grades.
   *
   * @return a copy summing to 1
   */
  public double[] normalised() {
    return normalised.clone();
  }

  /**
   * The grade of largest membership (maximum-membership principle); the first on ties.
   *
   * @return the grade index
   */
  public int grade() {
    int best = 0;
    for (int j = 1; j < normalised.length; j++) {
      if (normalised[j] > normalised[best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * A crisp score: Σ<sub>j</sub> normalised<sub>j</sub> · gradeScores<sub>j</sub>, for example
   * grade scores {95, 85, 75, 65, 55}.
   *
   * @param gradeScores one finite score per grade
   * @return the weighted score
   * @throws ValidationException if the length differs or a score is not finite
   */
  public double score(double[] gradeScores) {
    Arrays2.vector("gradeScores", gradeScores, normalised.length);
    double s = 0;
    for (int j = 0; j < normalised.length; j++) {
      s += normalised[j] * gradeScores[j];
    }
    return s;
  }

  /**
   * The operator used.
   *
   * @return the operator
   */
  public FuzzyOperator operator() {
    return operator;
  }

  /** Returns the figures, for example {@code FuzzyResult{raw=[...], normalised=[...], grade=1}}. */
  @Override
  public String toString() {
    return "FuzzyResult{raw="
        + Arrays2.format(raw)
        + ", normalised="
        + Arrays2.format(normalised)
        + ", grade="
        + grade()
        + ", "
        + operator
        + "}";
  }
}

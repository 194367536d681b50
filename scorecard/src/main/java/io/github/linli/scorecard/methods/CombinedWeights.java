package io.github.linli.scorecard.methods;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;

/**
 * Combines subjective weights (AHP, expert judgment) with objective ones (entropy, CRITIC). Each
 * input is first normalised to sum 1.
 *
 * <p>Stateless and thread-safe. O(n).
 *
 * @since 0.1.0
 */
public final class CombinedWeights {
  private CombinedWeights() {}

  /**
   * Linear (additive) combination w = α·s + (1 − α)·o.
   *
   * @param subjective non-negative weights, positive sum
   * @param objective non-negative weights of the same length, positive sum
   * @param alpha the share of the subjective weights, in [0, 1]
   * @return the combined weights, summing to 1
   * @throws ValidationException if a vector is bad, the lengths differ or alpha is outside [0, 1]
   */
  public static double[] linear(double[] subjective, double[] objective, double alpha) {
    Arrays2.weights("subjective", subjective, -1);
    Arrays2.weights("objective", objective, subjective.length);
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new ValidationException("alpha", alpha, "must be in [0, 1]");
    }
    double[] s = Arrays2.normalised(subjective);
    double[] o = Arrays2.normalised(objective);
    double[] w = new double[s.length];
    for (int j = 0; j < w.length; j++) {
      w[j] = alpha * s[j] + (1 - alpha) * o[j];
    }
    return Arrays2.normalised(w);
  }

  /**
   * Multiplicative combination w<sub>j</sub> = s<sub>j</sub>·o<sub>j</sub> / Σ s·o.
   *
   * @param subjective non-negative weights, positive sum
   * @param objective non-negative weights of the same length, positive sum
   * @return the combined weights, summing to 1
   * @throws ValidationException if a vector is bad, the lengths differ, or no criterion has both
   *     weights positive
   */
  public static double[] multiplicative(double[] subjective, double[] objective) {
    Arrays2.weights("subjective", subjective, -1);
    Arrays2.weights("objective", objective, subjective.length);
    // normalise both first: the result is scale-free, and products of huge weights would overflow
    double[] s = Arrays2.normalised(subjective);
    double[] o = Arrays2.normalised(objective);
    double[] w = new double[s.length];
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      w[j] = s[j] * o[j];
      sum += w[j];
    }
    if (!(sum > 0)) {
      throw new ValidationException(
          "subjective·objective", 0, "no criterion has both weights positive");
    }
    return Arrays2.normalised(w);
  }
}

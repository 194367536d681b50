package io.github.linli.scorecard;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.scorecard.methods.Direction;
import java.util.Locale;

/**
 * How an indicator's raw value becomes a score in [0, 1]: a linear map of a stated range, then
 * reversed for a {@link Direction#COST} indicator. Values outside the range are clamped to it
 * (documented: a time-bank participation above the stated best counts as the best).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Normalisation {
  private final double worst;
  private final double best;

  private Normalisation(double low, double high) {
    this.worst = low;
    this.best = high;
  }

  /**
   * The range [low, high] mapped linearly to [0, 1].
   *
   * @param low the value scored 0 (before direction)
   * @param high the value scored 1 (before direction), above {@code low}
   * @return the normalisation
   * @throws ValidationException if a bound is not finite or {@code high <= low}
   */
  public static Normalisation range(double low, double high) {
    Checks.finite("normalisation.low", low);
    Checks.finite("normalisation.high", high);
    if (!(high > low)) {
      throw new ValidationException("normalisation.high", high, "must be above low " + low);
    }
    return new Normalisation(low, high);
  }

  /**
   * Values that are already shares in [0, 1], such as survey scores and served shares.
   *
   * @return {@code range(0, 1)}
   */
  public static Normalisation share() {
    return new Normalisation(0, 1);
  }

  /**
   * The score of a raw value.
   *
   * @param value a finite raw value
   * @param direction benefit or cost
   * @return the score in [0, 1]
   * @throws ValidationException if the value is not finite
   */
  public double score(double value, Direction direction) {
    Checks.finite("value", value);
    double s = Math.max(0, Math.min(1, (value - worst) / (best - worst)));
    return direction == Direction.COST ? 1 - s : s;
  }

  /**
   * The value scored 0 before direction.
   *
   * @return the low bound
   */
  public double low() {
    return worst;
  }

  /**
   * The value scored 1 before direction.
   *
   * @return the high bound
   */
  public double high() {
    return best;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalisation
        && ((Normalisation) o).worst == worst
        && ((Normalisation) o).best == best;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(worst) * 31 + Double.hashCode(best);
  }

  /** Returns {@code range[low, high]}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "range[%s, %s]", worst, best);
  }
}

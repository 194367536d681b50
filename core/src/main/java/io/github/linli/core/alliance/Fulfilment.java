package io.github.linli.core.alliance;

import io.github.linli.core.Period;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Delivered against pledged for one pledge over one period.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Fulfilment {
  private final String pledgeId;
  private final Period period;
  private final double pledged;
  private final long delivered;

  Fulfilment(String pledgeId, Period period, double pledged, long delivered) {
    this.pledgeId = pledgeId;
    this.period = period;
    this.pledged = pledged;
    this.delivered = delivered;
  }

  /**
   * The pledge.
   *
   * @return the pledge id
   */
  public String pledgeId() {
    return pledgeId;
  }

  /**
   * The period.
   *
   * @return the period
   */
  public Period period() {
    return period;
  }

  /**
   * Units pledged over the period (see {@link Pledge#pledgedIn(Period)}).
   *
   * @return the pledged units
   */
  public double pledged() {
    return pledged;
  }

  /**
   * Units delivered in the period.
   *
   * @return the delivered units
   */
  public long delivered() {
    return delivered;
  }

  /**
   * Delivered divided by pledged; may exceed 1.
   *
   * @return the ratio, empty if nothing was pledged in the period
   */
  public OptionalDouble ratio() {
    return pledged > 0 ? OptionalDouble.of(delivered / pledged) : OptionalDouble.empty();
  }

  /** Returns the figures, formatted with {@link Locale#ROOT}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Fulfilment{%s %s delivered %d of %.1f pledged}", pledgeId, period, delivered, pledged);
  }
}

package io.github.linli.timebank;

import io.github.linli.core.ValidationException;
import java.util.Locale;

/**
 * An amount on a ledger, in the ledger's smallest unit: whole minutes on the service-hours ledger,
 * whole points on a points ledger. May be negative (a balance below zero); a transfer amount must
 * be positive.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Credits implements Comparable<Credits> {
  /** Zero. */
  public static final Credits ZERO = new Credits(0);

  /**
   * Largest magnitude an amount may have: 10<sup>15</sup> units (about 1.9 billion years of
   * minutes), so that sums of amounts never overflow a {@code long}.
   */
  public static final long MAX_UNITS = 1_000_000_000_000_000L;

  private final long units;

  private Credits(long units) {
    this.units = units;
  }

  /**
   * An amount of whole minutes (or whole units on a points ledger).
   *
   * @param minutes the minutes, at most {@link #MAX_UNITS} in magnitude
   * @return the amount
   * @throws ValidationException if the magnitude exceeds {@link #MAX_UNITS}
   */
  public static Credits ofMinutes(long minutes) {
    if (minutes > MAX_UNITS || minutes < -MAX_UNITS) {
      throw new ValidationException("credits.minutes", minutes, "magnitude must be at most " + MAX_UNITS);
    }
    return minutes == 0 ? ZERO : new Credits(minutes);
  }

  /**
   * An amount of whole hours on the service-hours ledger.
   *
   * @param hours the hours
   * @return {@code hours × 60} minutes
   * @throws ValidationException if the magnitude exceeds {@link #MAX_UNITS} minutes
   */
  public static Credits ofHours(long hours) {
    if (hours > MAX_UNITS / 60 || hours < -MAX_UNITS / 60) {
      throw new ValidationException("credits.hours", hours, "magnitude must be at most " + MAX_UNITS / 60);
    }
    return ofMinutes(hours * 60);
  }

  /**
   * An amount of whole units (points) on a points ledger; the same as {@link #ofMinutes(long)}.
   *
   * @param units the units
   * @return the amount
   * @throws ValidationException if the magnitude exceeds {@link #MAX_UNITS}
   */
  public static Credits ofUnits(long units) {
    return ofMinutes(units);
  }

  /**
   * The amount in minutes (or units on a points ledger).
   *
   * @return the minutes
   */
  public long minutes() {
    return units;
  }

  /**
   * The amount in units; the same number as {@link #minutes()}.
   *
   * @return the units
   */
  public long units() {
    return units;
  }

  /**
   * Whether the amount is above zero.
   *
   * @return true if positive
   */
  public boolean isPositive() {
    return units > 0;
  }

  /**
   * The sum.
   *
   * @param other the other amount
   * @return {@code this + other}
   * @throws ValidationException if the sum exceeds {@link #MAX_UNITS} in magnitude
   */
  public Credits plus(Credits other) {
    return ofMinutes(units + other.units);
  }

  /**
   * The difference.
   *
   * @param other the other amount
   * @return {@code this - other}
   * @throws ValidationException if the difference exceeds {@link #MAX_UNITS} in magnitude
   */
  public Credits minus(Credits other) {
    return ofMinutes(units - other.units);
  }

  /**
   * The negated amount.
   *
   * @return {@code -this}
   */
  public Credits negate() {
    return ofMinutes(-units);
  }

  @Override
  public int compareTo(Credits o) {
    return Long.compare(units, o.units);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credits && ((Credits) o).units == units;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(units);
  }

  /**
   * The amount in the unit of a ledger: {@code 90 min (1h30)} on {@link LedgerId#SERVICE_MINUTES},
   * {@code 90 points} on {@link LedgerId#VOLUNTEER_POINTS} and {@link LedgerId#CARBON_POINTS}, and
   * {@code 90 units (community-coins)} on a community's own ledger, whose unit Linli does not know.
   *
   * @param ledger the ledger the amount is on
   * @return the text
   * @throws NullPointerException if {@code ledger} is null
   */
  public String format(LedgerId ledger) {
    java.util.Objects.requireNonNull(ledger, "ledger");
    if (ledger.equals(LedgerId.SERVICE_MINUTES)) {
      return toString();
    }
    if (ledger.equals(LedgerId.VOLUNTEER_POINTS) || ledger.equals(LedgerId.CARBON_POINTS)) {
      return units + (Math.abs(units) == 1 ? " point" : " points");
    }
    return units + " units (" + ledger + ")";
  }

  /**
   * Returns the amount read as minutes, e.g. {@code 90 min (1h30)}: an amount does not know its
   * ledger, so on a points ledger use {@link #format(LedgerId)}.
   */
  @Override
  public String toString() {
    long abs = Math.abs(units);
    return String.format(
        Locale.ROOT, "%d min (%s%dh%02d)", units, units < 0 ? "-" : "", abs / 60, abs % 60);
  }
}

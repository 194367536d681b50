package io.github.linli.core;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A half-open interval of time {@code [start, end)}: when a resident wants a service, or when an
 * offer is available.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TimeWindow {
  private final Instant start;
  private final Instant end;

  private TimeWindow(Instant start, Instant end) {
    this.start = start;
    this.end = end;
  }

  /**
   * Creates a window.
   *
   * @param start the start, inclusive
   * @param end the end, exclusive; after {@code start}
   * @return the window
   * @throws ValidationException if {@code end} is not after {@code start}
   */
  public static TimeWindow of(Instant start, Instant end) {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    if (!end.isAfter(start)) {
      throw new ValidationException("timeWindow.end", end, "must be after start " + start);
    }
    return new TimeWindow(start, end);
  }

  /**
   * Creates a window from a start and a length.
   *
   * @param start the start
   * @param length a positive duration
   * @return the window
   * @throws ValidationException if the length is not positive or the window would end beyond
   *     {@link Instant#MAX}
   */
  public static TimeWindow of(Instant start, Duration length) {
    checkNotNull(start, "start");
    checkNotNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new ValidationException("timeWindow.length", length, "must be positive");
    }
    return of(start, Checks.time("timeWindow.length", length, () -> start.plus(length)));
  }

  /**
   * The start, inclusive.
   *
   * @return the start
   */
  public Instant start() {
    return start;
  }

  /**
   * The end, exclusive.
   *
   * @return the end
   */
  public Instant end() {
    return end;
  }

  /**
   * Whether the two windows share at least one instant.
   *
   * @param other the other window
   * @return true if they overlap
   */
  public boolean overlaps(TimeWindow other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  /**
   * Whether an instant lies in the window.
   *
   * @param t the instant
   * @return true if {@code start <= t < end}
   */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow && ((TimeWindow) o).start.equals(start) && ((TimeWindow) o).end.equals(end);
  }

  @Override
  public int hashCode() {
    return start.hashCode() * 31 + end.hashCode();
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}

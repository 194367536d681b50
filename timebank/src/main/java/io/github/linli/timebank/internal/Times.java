package io.github.linli.timebank.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as epoch microseconds, the precision stores keep. Not API. */
public final class Times {
  private Times() {}

  /** The earliest instant a store keeps: {@link Long#MIN_VALUE} epoch microseconds. */
  public static final Instant MIN = Instant.EPOCH.plus(Long.MIN_VALUE, ChronoUnit.MICROS);

  /** The latest instant a store keeps: {@link Long#MAX_VALUE} epoch microseconds. */
  public static final Instant MAX = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);

  /**
   * An instant moved into {@code [MIN, MAX]}: a bound of a query over the journal, where every
   * instant before {@code MIN} or after {@code MAX} (about 292,000 years from 1970) selects what
   * the bound selects (issue 17).
   *
   * @param i an instant
   * @return {@code i}, or the nearer bound
   */
  public static Instant clamp(Instant i) {
    return i.isBefore(MIN) ? MIN : i.isAfter(MAX) ? MAX : i;
  }

  /**
   * The instant a pending transfer created at {@code now} expires, if a store can keep it.
   *
   * @param now the creation instant
   * @param timeout the timeout
   * @return the expiry, or null if it lies beyond {@link #MAX} (or the timeout's milliseconds
   *     overflow a long)
   */
  public static Instant expiry(Instant now, java.time.Duration timeout) {
    try {
      timeout.toMillis();
      Instant at = now.plus(timeout);
      return at.isAfter(MAX) ? null : at;
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * Epoch microseconds.
   *
   * @param i an instant
   * @return microseconds since the epoch
   */
  public static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  /**
   * The instant of epoch microseconds.
   *
   * @param micros microseconds since the epoch
   * @return the instant
   */
  public static Instant of(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /**
   * Truncates to microseconds.
   *
   * @param i an instant
   * @return the instant, truncated
   */
  public static Instant truncate(Instant i) {
    return i.truncatedTo(ChronoUnit.MICROS);
  }
}

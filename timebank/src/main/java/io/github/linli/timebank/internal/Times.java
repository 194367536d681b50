package io.github.linli.timebank.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as epoch microseconds, the precision stores keep. Not API. */
public final class Times {
  private Times() {}

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

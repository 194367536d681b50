package io.github.linli.timebank.store;

import io.github.linli.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often the JDBC ledger store runs a transaction again after a transient database failure
 * (serialisation failure, deadlock, lock timeout, a backend terminated by an administrator ({@code
 * 57P01}), a server starting or stopping ({@code 57P03}), a lost connection (SQL state class
 * {@code 08})), and how long it waits in between: {@code firstBackoff}, doubling up to {@code
 * maxBackoff}. A unique-key violation is not transient: it is retried only where a concurrent
 * insert of the same key is expected (opening an account, saving a new exchange).
 *
 * <p>An interrupt ends the retries at once: the call throws {@link StoreException} and the
 * thread's interrupt flag stays set.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class RetryPolicy {
  private static final Duration LONGEST = Duration.ofMinutes(1);
  private static final RetryPolicy DEFAULTS = new RetryPolicy(12, Duration.ofMillis(5), Duration.ofSeconds(1));

  private final int attempts;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * The default: 12 attempts, waiting 5 ms, 10 ms, 20 ms … up to 1 s in between (about 4.3 s in
   * all, long enough for PostgreSQL to restart after {@code pg_ctl restart -m immediate}).
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A policy.
   *
   * @param attempts how many times a transaction runs at most, 1 to 1,000 (1: never again)
   * @param firstBackoff the wait before the second attempt, 0 to 1 minute
   * @param maxBackoff the longest wait, at least {@code firstBackoff}, at most 1 minute
   * @return the policy
   * @throws ValidationException naming the field and value if one is out of range
   */
  public static RetryPolicy of(int attempts, Duration firstBackoff, Duration maxBackoff) {
    if (attempts < 1 || attempts > 1000) {
      throw new ValidationException("attempts", attempts, "must be 1 to 1000");
    }
    check("firstBackoff", firstBackoff);
    check("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(firstBackoff) < 0) {
      throw new ValidationException("maxBackoff", maxBackoff, "must not be shorter than firstBackoff " + firstBackoff);
    }
    return new RetryPolicy(attempts, firstBackoff, maxBackoff);
  }

  private static void check(String field, Duration d) {
    if (d == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    if (d.isNegative() || d.compareTo(LONGEST) > 0) {
      throw new ValidationException(field, d, "must be 0 to 1 minute");
    }
  }

  /**
   * How many times a transaction runs at most.
   *
   * @return 1 to 1,000
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The wait before the second attempt.
   *
   * @return the first back-off
   */
  public Duration firstBackoff() {
    return firstBackoff;
  }

  /**
   * The longest wait between attempts.
   *
   * @return the longest back-off
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The wait after the given failed attempt (1 for the first), in milliseconds. */
  long backoffMillis(int attempt) {
    long first = firstBackoff.toMillis();
    long max = maxBackoff.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long ms = first << shift;
    return ms < 0 || ms > max || (first > 0 && (ms >> shift) != first) ? max : ms;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy
        && ((RetryPolicy) o).attempts == attempts
        && ((RetryPolicy) o).firstBackoff.equals(firstBackoff)
        && ((RetryPolicy) o).maxBackoff.equals(maxBackoff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attempts, firstBackoff, maxBackoff);
  }

  /** Returns the figures, for example {@code RetryPolicy{12 attempts, back-off 5ms to 1000ms}}. */
  @Override
  public String toString() {
    return "RetryPolicy{" + attempts + " attempts, back-off " + firstBackoff.toMillis() + "ms to "
        + maxBackoff.toMillis() + "ms}";
  }
}

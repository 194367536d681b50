package io.github.linli.timebank.store;

import io.github.linli.core.LinliException;

/**
 * The ledger store could not complete an operation, for example because the database stayed
 * unreachable or kept failing for a transient reason through every attempt of its {@link
 * RetryPolicy}, or the calling thread was interrupted.
 *
 * <p>Unless {@link #outcomeUnknown()} is true, nothing of the operation was written. When it is
 * true, the connection broke while the batch was committing and the store could not read back
 * whether the commit had landed: the batch may have been written. Retry the <em>same</em> batch
 * with the <em>same</em> transfer ids once the database answers; the ledger answers {@code EXISTS}
 * for what had been written and applies the rest, so nothing is posted twice. Never retry under
 * new ids.
 *
 * @since 0.1.0
 */
public class StoreException extends LinliException {
  private static final long serialVersionUID = 1L;

  /** Why the message of an unresolved commit says so: the words a reader searches for. */
  static final String OUTCOME_UNKNOWN = "outcome unknown: retry with the same ids";

  /** Whether the operation may have been written (see {@link #outcomeUnknown()}). */
  private final boolean outcomeUnknown;

  /**
   * Creates an error after which nothing was written.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    this(message, false, cause);
  }

  /**
   * Creates an error.
   *
   * @param message what failed, with the database's error code, never a stored value
   * @param outcomeUnknown whether the operation may have been written (a commit whose outcome
   *     could not be read back)
   * @param cause the underlying failure
   * @since 0.2.0
   */
  public StoreException(String message, boolean outcomeUnknown, Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * Whether the operation may have been written: the commit failed and the store could not find
   * out whether it had landed. Retry with the same ids (never new ones) to find out; when false,
   * nothing was written.
   *
   * @return true if the outcome is unknown
   * @since 0.2.0
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}

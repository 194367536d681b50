package io.github.linli.core.store;

import io.github.linli.core.LinliException;

/**
 * The event store's database failed and the store could not finish the operation after its
 * retries: the server is down, the connection was lost, or a statement failed.
 *
 * <p>For an append, {@link #outcomeUnknown()} says whether the events may have been written (the
 * connection broke during commit and the store could not find out). In that case retry the
 * <em>same</em> request, with the same command id: the store answers "already recorded" if the
 * first attempt committed. Otherwise nothing was written.
 *
 * @since 0.2.0
 */
public class EventStoreException extends LinliException {
  private static final long serialVersionUID = 1L;

  /** Whether an append may have been written. */
  private final boolean outcomeUnknown;

  /**
   * Creates the error.
   *
   * @param message what failed, with the database's error code, never a stored value
   * @param outcomeUnknown whether an append may have been written
   * @param cause the database error
   */
  public EventStoreException(String message, boolean outcomeUnknown, Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * Whether an append may have been written: retry with the same command id to find out.
   *
   * @return true if the outcome is unknown
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}

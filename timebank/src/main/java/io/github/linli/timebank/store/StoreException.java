package io.github.linli.timebank.store;

import io.github.linli.core.LinliException;

/**
 * The store could not complete an operation, for example because the database is unreachable or
 * kept reporting conflicts after the retries. Nothing of the operation was written.
 *
 * @since 0.1.0
 */
public class StoreException extends LinliException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an error.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

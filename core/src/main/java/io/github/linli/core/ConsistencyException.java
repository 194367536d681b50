package io.github.linli.core;

/**
 * Stored data fails a consistency check: a hash chain that does not verify, balances that do not
 * sum to zero, a row changed behind the SDK's back.
 *
 * @since 0.1.0
 */
public class ConsistencyException extends LinliException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a consistency error.
   *
   * @param message what failed to check
   */
  public ConsistencyException(String message) {
    super(message);
  }

  /**
   * Creates a consistency error with a cause.
   *
   * @param message what failed to check
   * @param cause the underlying failure
   */
  public ConsistencyException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.github.linli.core;

/**
 * The operation conflicts with the current state: an illegal lifecycle transition, a duplicate id,
 * a second vote, a resolution already applied. The message names the current state. Nothing was
 * changed.
 *
 * @since 0.1.0
 */
public class ConflictException extends LinliException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a conflict error.
   *
   * @param message what conflicts, naming the current state
   */
  public ConflictException(String message) {
    super(message);
  }
}

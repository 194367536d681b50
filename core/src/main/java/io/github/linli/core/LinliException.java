package io.github.linli.core;

import java.util.Locale;

/**
 * Base of every error Linli throws on purpose. Unchecked; one subclass per failure kind:
 * {@link ValidationException} (bad input), {@link PermissionDeniedException} (the actor may not do
 * it), {@link NotFoundException} (unknown id), {@link ConflictException} (the current state forbids
 * it) and {@link ConsistencyException} (stored data fails a check).
 *
 * <p>A failed operation changes nothing. Messages never contain residents' personal data. Each kind
 * has a stable anchor in {@code docs/troubleshooting.md}.
 *
 * @since 0.1.0
 */
public abstract class LinliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the message, free of personal data
   */
  protected LinliException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message the message, free of personal data
   * @param cause the cause
   */
  protected LinliException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The stable anchor of this failure kind in {@code docs/troubleshooting.md}, for example {@code
   * validation}.
   *
   * @return the anchor, lower case
   */
  public String troubleshootingAnchor() {
    String simple = getClass().getSimpleName().replace("Exception", "");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < simple.length(); i++) {
      char c = simple.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        b.append('-');
      }
      b.append(Character.toLowerCase(c));
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}

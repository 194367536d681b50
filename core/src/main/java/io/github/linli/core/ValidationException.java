package io.github.linli.core;

import java.util.Optional;

/**
 * Bad input: a field holds a value that Linli does not accept. The message names the field, the
 * offending value (unless it is personal data) and the rule it breaks.
 *
 * @since 0.1.0
 */
public class ValidationException extends LinliException {
  private static final long serialVersionUID = 1L;

  /** The field, parameter or input location. */
  private final String field;
  /** The offending value as text, or null. */
  private final String value;
  /** What is wrong, without the field and value. */
  private final String problem;

  /**
   * Creates a validation error.
   *
   * @param field the name of the field, parameter or input location (for example {@code
   *     "votes line 12"})
   * @param value the offending value, or null; pass a placeholder for personal data
   * @param problem what is wrong, for example {@code "must be positive"}
   */
  public ValidationException(String field, Object value, String problem) {
    super(field + " = " + render(value) + ": " + problem);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
    this.problem = problem;
  }

  /**
   * Creates a validation error with a cause.
   *
   * @param field the name of the field
   * @param value the offending value, or null
   * @param problem what is wrong
   * @param cause the underlying failure
   */
  public ValidationException(String field, Object value, String problem, Throwable cause) {
    super(field + " = " + render(value) + ": " + problem, cause);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
    this.problem = problem;
  }

  /**
   * A validation error with a message of its own, for subclasses whose problem has no single
   * offending value.
   *
   * @param message the whole message
   * @param field the field or fields
   */
  ValidationException(String message, String field) {
    super(message);
    this.field = field;
    this.value = null;
    this.problem = message;
  }

  private static String render(Object value) {
    if (value == null) {
      return "null";
    }
    String s = String.valueOf(value);
    if (s.length() > 80) {
      s = s.substring(0, 77) + "…";
    }
    return value instanceof CharSequence ? "'" + s + "'" : s;
  }

  /**
   * The field, parameter or input location that holds the bad value.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * What is wrong, without the field and the value: for a caller that reports the error under its
   * own field (a parser naming the line and column) and must not repeat the value.
   *
   * @return the problem
   * @since 0.1.0
   */
  public String problem() {
    return problem;
  }

  /**
   * The offending value as text, if there was one.
   *
   * @return the value
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}

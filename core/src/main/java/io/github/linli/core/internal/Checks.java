package io.github.linli.core.internal;

import io.github.linli.core.ValidationException;

/**
 * Argument checks that throw Linli's typed {@link ValidationException} naming the field and the
 * value. Not API.
 */
public final class Checks {
  /** Longest id accepted anywhere in Linli. */
  public static final int MAX_ID_LENGTH = 128;

  private Checks() {}

  /**
   * Checks an opaque identifier: non-null, non-blank, at most {@link #MAX_ID_LENGTH} characters, no
   * control characters and no surrounding white space.
   *
   * @param field the field name used in the error
   * @param value the candidate id
   * @return {@code value}
   * @throws ValidationException if the id is not acceptable
   */
  public static String id(String field, String value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new ValidationException(
          field, value.substring(0, 16) + "…", "must be at most " + MAX_ID_LENGTH + " characters");
    }
    if (!value.strip().equals(value)) {
      throw new ValidationException(field, value, "must not start or end with white space");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ValidationException(field, printable(value), "must not contain control characters");
      }
    }
    return value;
  }

  /**
   * Checks that a number is finite.
   *
   * @param field the field name used in the error
   * @param value the number
   * @return {@code value}
   * @throws ValidationException if {@code value} is NaN or infinite
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(field, value, "must be a finite number");
    }
    return value;
  }

  /**
   * Checks that a number is not negative.
   *
   * @param field the field name used in the error
   * @param value the number
   * @return {@code value}
   * @throws ValidationException if {@code value} is negative
   */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new ValidationException(field, value, "must not be negative");
    }
    return value;
  }

  /**
   * Checks that a value is not null, with the typed error rather than an NPE (for data from
   * outside, where a null is bad input rather than a programming error).
   *
   * @param field the field name used in the error
   * @param value the value
   * @param <T> its type
   * @return {@code value}
   * @throws ValidationException if {@code value} is null
   */
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    return value;
  }

  /**
   * Renders a string with control characters escaped, for messages.
   *
   * @param s the string
   * @return a printable form
   */
  public static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  /** What a message says instead of a cell's content (issue 17: a cell may hold personal data). */
  public static final String WITHHELD = "****";

  /**
   * Runs a date or time computation on a value from outside, turning the JDK's {@link
   * java.time.DateTimeException} and {@link ArithmeticException} (a date beyond year 999,999,999,
   * an instant beyond {@link java.time.Instant#MAX}, a duration that overflows) into a {@link
   * ValidationException} naming the field and the value (issue 17).
   *
   * @param field the field name used in the error
   * @param value the value the computation starts from
   * @param computation the computation
   * @param <T> its result type
   * @return the result
   * @throws ValidationException if the computation leaves the range of dates and times
   */
  public static <T> T time(String field, Object value, java.util.function.Supplier<T> computation) {
    try {
      return computation.get();
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new ValidationException(field, value,
          "lies too near the end of the supported dates and times (years -999,999,999 to 999,999,999)");
    }
  }

  /**
   * Checks the elements of a collection from a caller: the collection and each element must be
   * present. The message names the argument and the position, never the element.
   *
   * @param name the argument's name
   * @param values the collection
   * @param <C> its type
   * @return {@code values}
   * @throws NullPointerException naming the argument (and the index of a null element)
   */
  public static <C extends Iterable<?>> C noNulls(String name, C values) {
    if (values == null) {
      throw new NullPointerException(name);
    }
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
      i++;
    }
    return values;
  }
}

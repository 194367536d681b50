package io.github.linli.scorecard.survey;

import java.util.Locale;

/**
 * A survey row {@link SurveyReader} did not accept: the CSV line, the column and the answer as
 * written (Likert answers, never personal data), and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Rejection {
  private final long line;
  private final String column;
  private final String value;
  private final String reason;

  Rejection(long line, String column, String value, String reason) {
    this.line = line;
    this.column = column;
    this.value = value;
    this.reason = reason;
  }

  /**
   * The line of the record in the CSV (the header is line 1).
   *
   * @return the line number
   */
  public long line() {
    return line;
  }

  /**
   * The offending column, or {@code *} for the whole record.
   *
   * @return the column
   */
  public String column() {
    return column;
  }

  /**
   * The offending answer as written ({@code ""} when blank). It may be what a respondent typed,
   * personal data: {@link #toString()} shows it only when it is a short number.
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  /**
   * Why the row was rejected.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns for example {@code line 7, q03 = '9': out of scale 1-5}. An answer that is not a short
   * number is not shown (a respondent may have typed a name or phone number into a cell, and this
   * text goes into reports): {@code line 7, q03 = <12 characters, not shown>: not a number}.
   */
  @Override
  public String toString() {
    String shown = NUMERIC.matcher(value).matches()
        ? "'" + value + "'"
        : "<" + value.codePointCount(0, value.length()) + " characters, not shown>";
    return String.format(Locale.ROOT, "line %d, %s = %s: %s", line, column, shown, reason);
  }

  private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[-+]?[0-9]{0,6}([.,][0-9]{0,6})?");
}

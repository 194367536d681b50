package io.github.linli.core.internal;

import java.util.Locale;

/**
 * The one CSV writer of Linli (RFC 4180): every CSV the SDK writes goes through it, so that every
 * text cell is guarded against spreadsheet formula injection (issue 17: the demand map's CSV was
 * guarded, the scorecard's was not). Not API.
 *
 * <p>A text cell that starts with {@code = + - @}, a tab or a carriage return (OWASP, "CSV
 * Injection") is prefixed with {@code '}, so that a spreadsheet shows it as text instead of running
 * it; a cell holding a comma, a quote or a line break is quoted, quotes doubled. Numbers the SDK
 * formats itself are written as they are ({@link #number}), so that {@code -0.5} stays a number.
 *
 * <p>Not thread-safe: one writer per document. Linear in the output's length.
 */
public final class Csv {
  private final StringBuilder out = new StringBuilder();
  private final String lineEnd;
  private boolean rowStarted;

  private Csv(String lineEnd) {
    this.lineEnd = lineEnd;
  }

  /**
   * A writer whose rows end with {@code lineEnd}.
   *
   * @param lineEnd {@code "\n"} or {@code "\r\n"}
   * @return an empty writer
   */
  public static Csv withLineEnd(String lineEnd) {
    if (!lineEnd.equals("\n") && !lineEnd.equals("\r\n")) {
      throw new IllegalArgumentException("lineEnd must be \\n or \\r\\n");
    }
    return new Csv(lineEnd);
  }

  /**
   * Adds a text cell, guarded and quoted as needed.
   *
   * @param value the text; null writes an empty cell
   * @return this writer
   */
  public Csv text(Object value) {
    return raw(value == null ? "" : cell(String.valueOf(value)));
  }

  /**
   * Adds text cells.
   *
   * @param values the texts
   * @return this writer
   */
  public Csv texts(Object... values) {
    for (Object v : values) {
      text(v);
    }
    return this;
  }

  /**
   * Adds a number the SDK formatted (an integer or a decimal in the root locale), unguarded.
   *
   * @param formatted the number's text, or the empty string for none
   * @return this writer
   * @throws IllegalArgumentException if it is not a plain number
   */
  public Csv number(String formatted) {
    if (!formatted.isEmpty() && !formatted.matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?|NaN|-?Infinity")) {
      throw new IllegalArgumentException("not a number: " + formatted);
    }
    return raw(formatted);
  }

  /**
   * Adds a whole number.
   *
   * @param n the number
   * @return this writer
   */
  public Csv number(long n) {
    return raw(Long.toString(n));
  }

  /**
   * Adds a number with a fixed count of decimals, in the root locale.
   *
   * @param x the number
   * @param decimals the decimals
   * @return this writer
   */
  public Csv number(double x, int decimals) {
    return number(String.format(Locale.ROOT, "%." + decimals + "f", x));
  }

  private Csv raw(String s) {
    if (rowStarted) {
      out.append(',');
    }
    out.append(s);
    rowStarted = true;
    return this;
  }

  /**
   * Ends the row.
   *
   * @return this writer
   */
  public Csv endRow() {
    out.append(lineEnd);
    rowStarted = false;
    return this;
  }

  /**
   * The document written so far.
   *
   * @return the CSV text
   */
  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * One text cell as CSV: guarded against formulas, then quoted if it must be.
   *
   * @param s the text
   * @return the cell
   */
  public static String cell(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}

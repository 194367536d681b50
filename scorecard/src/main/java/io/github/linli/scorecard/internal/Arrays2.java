package io.github.linli.scorecard.internal;

import io.github.linli.core.ValidationException;
import java.util.Locale;

/**
 * Checks on plain numeric arrays that throw {@link ValidationException} naming the argument, the
 * row and column, and the offending value. Not API.
 */
public final class Arrays2 {
  private Arrays2() {}

  /**
   * Checks a rectangular matrix of finite numbers.
   *
   * @param name the argument name used in errors
   * @param m the matrix
   * @param minRows the least number of rows
   * @param minCols the least number of columns
   * @return the number of columns
   * @throws ValidationException if null, too small, ragged or not finite
   */
  public static int matrix(String name, double[][] m, int minRows, int minCols) {
    if (m == null) {
      throw new ValidationException(name, null, "is required");
    }
    if (m.length < minRows) {
      throw new ValidationException(
          name + ".rows", m.length, "needs at least " + minRows + " row(s)");
    }
    if (m.length == 0) {
      return 0;
    }
    if (m[0] == null) {
      throw new ValidationException(name + "[0]", null, "row is required");
    }
    int cols = m[0].length;
    if (cols < minCols) {
      throw new ValidationException(
          name + ".columns", cols, "needs at least " + minCols + " column(s)");
    }
    for (int i = 0; i < m.length; i++) {
      double[] row = m[i];
      if (row == null) {
        throw new ValidationException(name + "[" + i + "]", null, "row is required");
      }
      if (row.length != cols) {
        throw new ValidationException(
            name + "[" + i + "].length",
            row.length,
            "ragged matrix: row 0 has " + cols + " columns");
      }
      for (int j = 0; j < cols; j++) {
        if (!Double.isFinite(row[j])) {
          throw new ValidationException(cell(name, i, j), row[j], "must be a finite number");
        }
      }
    }
    return cols;
  }

  /**
   * Checks that no entry of a (checked) matrix is negative.
   *
   * @param name the argument name
   * @param m the matrix
   * @throws ValidationException naming the first negative cell
   */
  public static void nonNegative(String name, double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        if (m[i][j] < 0) {
          throw new ValidationException(cell(name, i, j), m[i][j], "must not be negative");
        }
      }
    }
  }

  /**
   * Checks a vector of finite numbers of a given length.
   *
   * @param name the argument name
   * @param v the vector
   * @param length the expected length, or -1 for any non-empty length
   * @return {@code v}
   * @throws ValidationException if null, of the wrong length or not finite
   */
  public static double[] vector(String name, double[] v, int length) {
    if (v == null) {
      throw new ValidationException(name, null, "is required");
    }
    if (length >= 0 && v.length != length) {
      throw new ValidationException(
          name + ".length", v.length, "must be " + length + " to match the matrix");
    }
    if (length < 0 && v.length == 0) {
      throw new ValidationException(name + ".length", 0, "must not be empty");
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new ValidationException(name + "[" + i + "]", v[i], "must be a finite number");
      }
    }
    return v;
  }

  /**
   * Checks a weight vector: finite, non-negative, positive sum.
   *
   * @param name the argument name
   * @param w the weights
   * @param length the expected length, or -1
   * @return the sum of the weights
   * @throws ValidationException if a weight is bad or all are zero
   */
  public static double weights(String name, double[] w, int length) {
    vector(name, w, length);
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] < 0) {
        throw new ValidationException(name + "[" + i + "]", w[i], "weight must not be negative");
      }
      sum += w[i];
    }
    if (!(sum > 0)) {
      throw new ValidationException(name, "all zero", "weights must have a positive sum");
    }
    return sum;
  }

  /**
   * Checks an array of non-null elements of a given length.
   *
   * @param name the argument name
   * @param a the array
   * @param length the expected length
   * @param <T> the element type
   * @return {@code a}
   * @throws ValidationException if null, of the wrong length or holding null
   */
  public static <T> T[] elements(String name, T[] a, int length) {
    if (a == null) {
      throw new ValidationException(name, null, "is required");
    }
    if (a.length != length) {
      throw new ValidationException(
          name + ".length", a.length, "must be " + length + " to match the matrix columns");
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null) {
        throw new ValidationException(name + "[" + i + "]", null, "is required");
      }
    }
    return a;
  }

  /**
   * A cell name such as {@code matrix[2][3]}.
   *
   * @param name the argument
   * @param i the row
   * @param j the column
   * @return the cell name
   */
  public static String cell(String name, int i, int j) {
    return name + "[" + i + "][" + j + "]";
  }

  /**
   * Normalises to sum 1 (the sum must be positive).
   *
   * @param v the values
   * @return a new array summing to 1
   */
  public static double[] normalised(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[i] / s;
    }
    return r;
  }

  /**
   * Renders numbers to four decimals, in the root locale.
   *
   * @param v the numbers
   * @return for example {@code [0.1234, 0.8766]}
   */
  public static String format(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(String.format(Locale.ROOT, "%.4f", v[i]));
    }
    return b.append(']').toString();
  }

  /**
   * Renders one number to four decimals, in the root locale.
   *
   * @param x the number
   * @return the text
   */
  public static String format(double x) {
    return String.format(Locale.ROOT, "%.4f", x);
  }
}

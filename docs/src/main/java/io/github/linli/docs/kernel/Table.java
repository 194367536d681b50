package io.github.linli.docs.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for a notebook: a header and rows of cells, shown as HTML by the {@link LinliKernel}
 * (cells escaped; numbers as the caller formats them).
 *
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
public record Table(List<String> header, List<List<String>> rows) {
  /**
   * A table, copying the lists.
   *
   * @param header the column names
   * @param rows the rows
   * @throws IllegalArgumentException if a row's length differs from the header's
   */
  public Table {
    header = List.copyOf(header);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("a row has " + r.size() + " cells, the header " + header.size());
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
  }

  /**
   * Starts a table.
   *
   * @param header the column names
   * @return an empty table with that header
   */
  public static Table of(String... header) {
    return new Table(List.of(header), List.of());
  }

  /**
   * This table with one more row.
   *
   * @param cells the cells, formatted with {@code String.valueOf}
   * @return a new table
   */
  public Table row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    List<List<String>> all = new ArrayList<>(rows);
    all.add(r);
    return new Table(header, all);
  }

  /**
   * The table as an HTML {@code <table>}.
   *
   * @return HTML text
   */
  public String html() {
    StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
    for (String h : header) {
      b.append("<th>").append(escape(h)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : rows) {
      b.append("<tr>");
      for (String c : r) {
        b.append("<td>").append(escape(c)).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table>").toString();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.join("\t", header));
    for (List<String> r : rows) {
      b.append('\n').append(String.join("\t", r));
    }
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

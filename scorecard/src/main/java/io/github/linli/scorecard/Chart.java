package io.github.linli.scorecard;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chart drawn from plain arrays and labels — bars (a ranking, a weight vector), radar, heat map
 * and line (an indicator over periods) — as self-contained SVG 1.1 ({@link #svg()}) or PNG
 * ({@link #png(double)}, for Word documents; drawn with Java2D, headless).
 *
 * <p>Labels never collide: every text is placed as a box (its estimated rendered width, CJK
 * characters a full em) and moved, or for a ring label of a radar left out, where it would overlap
 * another. The words a chart adds of its own ("no data", a radar's scale) are in the language of
 * the locale given, Chinese for a {@code zh} locale and English otherwise; the labels and title
 * are the caller's, so a chart is in one language when they are.
 *
 * <p>A PNG uses the fonts of the machine: Chinese text needs a CJK font installed (for example
 * Debian's {@code fonts-noto-cjk}); the SVG names a CJK font stack and a browser picks one.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Chart {
  static final String FONT_STACK =
      "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";
  static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
  private static final int MAX_ITEMS = 500;

  /** One drawn element. */
  sealed interface Shape permits Text, Line, Rect, Polygon, Dot {}

  /** Text at (x, y) on its baseline, anchored start, middle or end. */
  record Text(double x, double y, int size, String anchor, boolean bold, String text) implements Shape {
    Box box() {
      double w = width(text, size);
      double left = anchor.equals("start") ? x : anchor.equals("middle") ? x - w / 2 : x - w;
      return new Box(left, y - 0.82 * size, left + w, y + 0.22 * size);
    }
  }

  record Line(double x1, double y1, double x2, double y2, String colour, double width) implements Shape {}

  record Rect(double x, double y, double w, double h, String colour) implements Shape {}

  record Polygon(double[] xy, String fill, double fillOpacity, String stroke, double width) implements Shape {}

  record Dot(double x, double y, double r, String colour) implements Shape {}

  /** A text's bounding box. */
  record Box(double x1, double y1, double x2, double y2) {
    boolean overlaps(Box o, double gap) {
      return x1 < o.x2 + gap && o.x1 < x2 + gap && y1 < o.y2 + gap && o.y1 < y2 + gap;
    }
  }

  private final double width;
  private final double height;
  private final List<Shape> shapes;

  private Chart(double width, double height, List<Shape> shapes) {
    this.width = width;
    this.height = height;
    this.shapes = List.copyOf(shapes);
  }

  /**
   * Horizontal bars, one per label, in the order given (sort a ranking before), each with its
   * value written at its end; the scale runs from 0 (or the lowest negative value) to the largest
   * value.
   *
   * @param title the title
   * @param labels the bar labels
   * @param values one finite value per label
   * @param decimals decimals of the value labels, 0 to 6
   * @param locale the language of the chart's own words
   * @return the chart
   * @throws ValidationException if the arrays differ in length, are empty or longer than 500, a
   *     label is null or a value not finite
   */
  public static Chart bars(String title, List<String> labels, double[] values, int decimals, Locale locale) {
    check(title, labels, values, locale);
    checkDecimals(decimals);
    Canvas c = new Canvas();
    int n = labels.size();
    double labelW = 0;
    for (String l : labels) {
      labelW = Math.max(labelW, width(l, 12));
    }
    double lo = 0;
    double hi = 0;
    double valueW = 0;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      valueW = Math.max(valueW, width(format(v, decimals), 11));
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double left = Math.max(80, labelW + 20);
    double barW = 360;
    double rowH = 24;
    double top = 60;
    double w = Math.max(left + barW + valueW + 20, width(title, 16) + 40);
    double h = top + n * rowH + 40;
    c.text(w / 2, 30, 16, "middle", true, title);
    double zero = left + barW * (0 - lo) / (hi - lo);
    for (int i = 0; i < n; i++) {
      double y = top + i * rowH;
      c.text(left - 8, y + 16, 12, "end", false, labels.get(i));
      double x = left + barW * (values[i] - lo) / (hi - lo);
      c.shapes.add(new Rect(Math.min(x, zero), y + 4, Math.abs(x - zero), rowH - 8, COLOURS[0]));
      c.text(Math.max(x, zero) + 4, y + 16, 11, "start", false, format(values[i], decimals));
    }
    c.shapes.add(new Line(zero, top - 4, zero, top + n * rowH, "#888888", 1));
    c.text(left, top + n * rowH + 18, 11, "start", false, format(lo, decimals));
    c.text(left + barW, top + n * rowH + 18, 11, "end", false, format(hi, decimals));
    return new Chart(w, h, c.shapes);
  }

  /**
   * A radar (spider) chart of values on 0…max, one axis per label, with five rings. Ring labels sit
   * between the first two axes and are left out where a value label needs the place; value
   * labels sit beyond their points, moved outwards or sideways until they touch nothing.
   *
   * @param title the title
   * @param labels the axis labels, 3 or more
   * @param values one value per label, in 0…max
   * @param max the outer ring, positive
   * @param locale the language of the chart's own words
   * @return the chart
   * @throws ValidationException if fewer than 3 labels, the arrays differ in length, or a value is
   *     outside 0…max
   */
  public static Chart radar(String title, List<String> labels, double[] values, double max, Locale locale) {
    check(title, labels, values, locale);
    Checks.finite("max", max);
    if (max <= 0) {
      throw new ValidationException("max", max, "must be positive");
    }
    if (labels.size() < 3) {
      throw new ValidationException("labels", labels.size(), "a radar needs at least 3 axes");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] > max) {
        throw new ValidationException("values[" + i + "]", values[i], "must be from 0 to " + format(max, 1));
      }
    }
    int n = labels.size();
    double labelW = 0;
    for (String l : labels) {
      labelW = Math.max(labelW, width(l, 14));
    }
    double r = 160;
    double w = Math.max(Math.max(560, 2 * (r + 40 + labelW) + 20), width(title, 16) + 40);
    double cx = w / 2;
    double cy = 80 + r + 30;
    double h = cy + r + 60;
    Canvas c = new Canvas();
    c.text(cx, 30, 16, "middle", true, title);
    for (int ring = 1; ring <= 5; ring++) {
      c.shapes.add(new Polygon(ring(n, cx, cy, r * ring / 5.0, null), "none", 0, "#cccccc", 1));
    }
    for (int i = 0; i < n; i++) {
      double a = angle(i, n);
      c.shapes.add(new Line(cx, cy, cx + r * Math.cos(a), cy + r * Math.sin(a), "#bbbbbb", 1));
    }
    // axis labels just beyond the outer ring
    for (int i = 0; i < n; i++) {
      double a = angle(i, n);
      String anchor = Math.abs(Math.cos(a)) < 0.2 ? "middle" : Math.cos(a) > 0 ? "start" : "end";
      double lx = cx + (r + 16) * Math.cos(a);
      double ly = cy + (r + 16) * Math.sin(a) + 5 + (Math.sin(a) > 0.8 ? 8 : 0);
      c.place(List.of(new Text(lx, ly, 14, anchor, false, labels.get(i))), true);
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = values[i] / max;
    }
    c.shapes.add(new Polygon(ring(n, cx, cy, r, s), COLOURS[0], 0.25, COLOURS[0], 2));
    int decimals = max <= 1 ? 3 : 1;
    for (int i = 0; i < n; i++) {
      double a = angle(i, n);
      double px = cx + r * s[i] * Math.cos(a);
      double py = cy + r * s[i] * Math.sin(a);
      c.shapes.add(new Dot(px, py, 4, COLOURS[0]));
      String v = format(values[i], decimals);
      List<Text> candidates = new ArrayList<>();
      // beyond the point along its axis, then inwards, then to either side
      for (double d : new double[] {12, 20, 30, 42, -14, -24, -36}) {
        double tx = px + d * Math.cos(a);
        double ty = py + d * Math.sin(a) + 4;
        String anchor = Math.abs(Math.cos(a)) < 0.2 ? "middle" : (Math.cos(a) > 0) == (d > 0) ? "start" : "end";
        candidates.add(new Text(tx, ty, 12, anchor, true, v));
      }
      for (double d : new double[] {10, 20, 32, 46, 62}) {
        candidates.add(new Text(px - d * Math.sin(a), py + d * Math.cos(a) + 4, 12, "middle", true, v));
        candidates.add(new Text(px + d * Math.sin(a), py - d * Math.cos(a) + 4, 12, "middle", true, v));
      }
      c.place(candidates, true);
    }
    // ring values between the first two axes, where no point sits; left out if anything is there
    double between = angle(0, n) + Math.PI / n;
    for (int ring = 1; ring <= 5; ring++) {
      double rr = r * ring / 5.0;
      String t = format(max * ring / 5.0, max <= 1 ? 1 : 0);
      c.place(List.of(new Text(cx + rr * Math.cos(between) + 3, cy + rr * Math.sin(between) + 4, 10, "start", false, t)), false);
    }
    return new Chart(w, h, c.shapes);
  }

  /**
   * The radar of a scorecard's dimension scores (0–100), titled with the system, community,
   * period, total and grade, all in the locale's language.
   *
   * @param card the scorecard
   * @param locale Chinese for a {@code zh} locale, English otherwise
   * @return the chart
   */
  public static Chart radar(Scorecard card, Locale locale) {
    java.util.Objects.requireNonNull(card, "card");
    java.util.Objects.requireNonNull(locale, "locale");
    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (Dimension d : card.system().dimensions()) {
      labels.add(d.label().in(locale));
      Double v = card.dimensionScores().get(d.id());
      scores.add(v == null ? 0 : v);
    }
    double[] v = scores.stream().mapToDouble(Double::doubleValue).toArray();
    boolean zh = Reports.zh(locale);
    String title = String.format(Locale.ROOT, zh ? "%s · %s · %s · 总分 %.1f（%s）" : "%s · %s · %s · total %.1f (%s)",
        card.system().label().in(locale), card.community(), card.period(), card.total(), card.grade().label().in(locale));
    if (labels.size() >= 3) {
      return radar(title, labels, v, 100, locale);
    }
    return bars(title, labels, v, 1, locale);
  }

  /**
   * Bars of a TOPSIS ranking's closeness, best first, labelled "rank. community".
   *
   * @param title the title
   * @param ranking from {@link Scorecard#rank(List)}
   * @param names display names by community id (an id without a name is shown as it is)
   * @param locale the language of the chart's own words
   * @return the chart
   */
  public static Chart ranking(String title, List<RankedCommunity> ranking, Map<String, String> names, Locale locale) {
    Checks.noNulls("ranking", ranking);
    java.util.Objects.requireNonNull(names, "names");
    List<RankedCommunity> sorted = new ArrayList<>(ranking);
    sorted.sort(java.util.Comparator.comparingInt(RankedCommunity::rank));
    List<String> labels = new ArrayList<>();
    double[] v = new double[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      labels.add(sorted.get(i).rank() + ". " + names.getOrDefault(sorted.get(i).community(), sorted.get(i).community()));
      v[i] = sorted.get(i).closeness();
    }
    return bars(title, labels, v, 3, locale);
  }

  /**
   * A heat map: rows × columns of values, each cell shaded from white (lowest) to blue (highest)
   * and its value written in it.
   *
   * @param title the title
   * @param rows the row labels
   * @param columns the column labels
   * @param values rows × columns finite values
   * @param decimals decimals of the cell values, 0 to 6
   * @param locale the language of the chart's own words
   * @return the chart
   * @throws ValidationException if the matrix does not match the labels or holds a value that is
   *     not finite
   */
  public static Chart heatMap(String title, List<String> rows, List<String> columns, double[][] values, int decimals, Locale locale) {
    java.util.Objects.requireNonNull(title, "title");
    java.util.Objects.requireNonNull(locale, "locale");
    checkLabels("rows", rows);
    checkLabels("columns", columns);
    checkDecimals(decimals);
    if (values == null || values.length != rows.size()) {
      throw new ValidationException("values", values == null ? null : values.length, "must have one row per row label (" + rows.size() + ")");
    }
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    double cellW = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || values[i].length != columns.size()) {
        throw new ValidationException("values[" + i + "]", values[i] == null ? null : values[i].length, "must have " + columns.size() + " columns");
      }
      for (int j = 0; j < values[i].length; j++) {
        Checks.finite("values[" + i + "][" + j + "]", values[i][j]);
        lo = Math.min(lo, values[i][j]);
        hi = Math.max(hi, values[i][j]);
        cellW = Math.max(cellW, width(format(values[i][j], decimals), 11) + 12);
      }
    }
    for (String col : columns) {
      cellW = Math.max(cellW, width(col, 12) + 10);
    }
    cellW = Math.max(cellW, 44);
    double cellH = 26;
    double rowLabelW = 0;
    for (String r : rows) {
      rowLabelW = Math.max(rowLabelW, width(r, 12));
    }
    double left = rowLabelW + 20;
    double top = 80;
    double w = Math.max(left + cellW * columns.size() + 20, width(title, 16) + 40);
    double h = top + cellH * rows.size() + 20;
    Canvas c = new Canvas();
    c.text(w / 2, 30, 16, "middle", true, title);
    for (int j = 0; j < columns.size(); j++) {
      c.text(left + (j + 0.5) * cellW, top - 10, 12, "middle", false, columns.get(j));
    }
    for (int i = 0; i < rows.size(); i++) {
      double y = top + i * cellH;
      c.text(left - 8, y + cellH / 2 + 4, 12, "end", false, rows.get(i));
      for (int j = 0; j < columns.size(); j++) {
        double t = hi == lo ? 0.5 : (values[i][j] - lo) / (hi - lo);
        c.shapes.add(new Rect(left + j * cellW, y, cellW, cellH, shade(t)));
        c.shapes.add(new Text(left + (j + 0.5) * cellW, y + cellH / 2 + 4, 11, "middle", false, format(values[i][j], decimals)));
      }
    }
    return new Chart(w, h, c.shapes);
  }

  /**
   * A line chart: one line per series over the periods (for example an indicator of several
   * communities by month), with a y scale from the lowest to the highest value and a legend. A
   * {@code NaN} is a period without a value: the line breaks there.
   *
   * @param title the title
   * @param periods the x labels, at least 2
   * @param series values by series name, one per period (insertion order kept)
   * @param decimals decimals of the y scale, 0 to 6
   * @param locale the language of the chart's own words
   * @return the chart
   * @throws ValidationException if a series has the wrong length or an infinite value, or none
   *     has a value
   */
  public static Chart line(String title, List<String> periods, Map<String, double[]> series, int decimals, Locale locale) {
    java.util.Objects.requireNonNull(title, "title");
    java.util.Objects.requireNonNull(locale, "locale");
    checkLabels("periods", periods);
    checkDecimals(decimals);
    if (periods.size() < 2) {
      throw new ValidationException("periods", periods.size(), "a line needs at least 2 periods");
    }
    if (series == null || series.isEmpty() || series.size() > COLOURS.length * 4) {
      throw new ValidationException("series", series == null ? null : series.size(), "must have 1 to " + COLOURS.length * 4 + " series");
    }
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      java.util.Objects.requireNonNull(e.getKey(), "series name");
      double[] v = e.getValue();
      if (v == null || v.length != periods.size()) {
        throw new ValidationException("series(" + e.getKey() + ")", v == null ? null : v.length, "must have one value per period (" + periods.size() + ")");
      }
      for (int i = 0; i < v.length; i++) {
        if (Double.isInfinite(v[i])) {
          throw new ValidationException("series(" + e.getKey() + ")[" + i + "]", v[i], "must be finite or NaN");
        }
        if (!Double.isNaN(v[i])) {
          lo = Math.min(lo, v[i]);
          hi = Math.max(hi, v[i]);
        }
      }
    }
    if (lo > hi) {
      throw new ValidationException("series", series.size(), "no value to draw");
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double xLabelW = 0;
    for (String p : periods) {
      xLabelW = Math.max(xLabelW, width(p, 11));
    }
    double step = Math.max(60, xLabelW + 12);
    double yLabelW = Math.max(width(format(lo, decimals), 11), width(format(hi, decimals), 11));
    double left = yLabelW + 20;
    double top = 60;
    double plotH = 240;
    double plotW = step * (periods.size() - 1);
    double legendW = 0;
    for (String name : series.keySet()) {
      legendW = Math.max(legendW, width(name, 12) + 24);
    }
    double w = Math.max(Math.max(left + plotW + 40, left + legendW + 20), width(title, 16) + 40);
    double h = top + plotH + 40 + series.size() * 20 + 10;
    Canvas c = new Canvas();
    c.text(w / 2, 30, 16, "middle", true, title);
    for (int t = 0; t <= 4; t++) {
      double y = top + plotH - plotH * t / 4.0;
      c.shapes.add(new Line(left, y, left + plotW, y, "#dddddd", 1));
      c.text(left - 6, y + 4, 11, "end", false, format(lo + (hi - lo) * t / 4.0, decimals));
    }
    for (int i = 0; i < periods.size(); i++) {
      c.text(left + i * step, top + plotH + 18, 11, "middle", false, periods.get(i));
    }
    int k = 0;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      String colour = COLOURS[k % COLOURS.length];
      double[] v = e.getValue();
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          continue;
        }
        double x = left + i * step;
        double y = top + plotH - plotH * (v[i] - lo) / (hi - lo);
        if (i > 0 && !Double.isNaN(v[i - 1])) {
          double y0 = top + plotH - plotH * (v[i - 1] - lo) / (hi - lo);
          c.shapes.add(new Line(x - step, y0, x, y, colour, 2));
        }
        c.shapes.add(new Dot(x, y, 3, colour));
      }
      double ly = top + plotH + 40 + k * 20;
      c.shapes.add(new Rect(left, ly - 10, 14, 12, colour));
      c.text(left + 20, ly, 12, "start", false, e.getKey());
      k++;
    }
    return new Chart(w, h, c.shapes);
  }

  /**
   * The SVG document.
   *
   * @return SVG 1.1 text
   */
  public String svg() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n", width, height, width, height));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (Shape s : shapes) {
      if (s instanceof Text t) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\" font-family=\"%s\" fill=\"#222222\">%s</text>%n",
            t.x, t.y, t.size, t.anchor, t.bold ? "bold" : "normal", FONT_STACK, Charts.escape(t.text)));
      } else if (s instanceof Line l) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n", l.x1, l.y1, l.x2, l.y2, l.colour, l.width));
      } else if (s instanceof Rect r) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n", r.x, r.y, r.w, r.h, r.colour));
      } else if (s instanceof Polygon p) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < p.xy.length; i += 2) {
          pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.xy[i], p.xy[i + 1]));
        }
        b.append(String.format(Locale.ROOT, "<polygon fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\" stroke-width=\"%.1f\" points=\"%s\"/>%n",
            p.fill, p.fillOpacity, p.stroke, p.width, pts.toString().trim()));
      } else if (s instanceof Dot d) {
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", d.x, d.y, d.r, d.colour));
      }
    }
    return b.append("</svg>\n").toString();
  }

  /**
   * The chart as a PNG image, drawn with Java2D (no display needed).
   *
   * @param scale pixels per SVG unit, 0.5 to 8 (2 for a sharp image in a document)
   * @return the PNG bytes
   * @throws ValidationException if the scale is out of range
   */
  public byte[] png(double scale) {
    Checks.finite("scale", scale);
    if (scale < 0.5 || scale > 8) {
      throw new ValidationException("scale", scale, "must be from 0.5 to 8");
    }
    BufferedImage img = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      g.setColor(Color.WHITE);
      g.fill(new Rectangle2D.Double(0, 0, width, height));
      for (Shape s : shapes) {
        if (s instanceof Text t) {
          g.setColor(Color.decode("#222222"));
          Font f = new Font(Font.SANS_SERIF, t.bold ? Font.BOLD : Font.PLAIN, t.size);
          g.setFont(f);
          double tw = g.getFontMetrics().getStringBounds(t.text, g).getWidth();
          double x = t.anchor.equals("start") ? t.x : t.anchor.equals("middle") ? t.x - tw / 2 : t.x - tw;
          g.drawString(t.text, (float) x, (float) t.y);
        } else if (s instanceof Line l) {
          g.setColor(Color.decode(l.colour));
          g.setStroke(new BasicStroke((float) l.width));
          g.draw(new Line2D.Double(l.x1, l.y1, l.x2, l.y2));
        } else if (s instanceof Rect r) {
          g.setColor(Color.decode(r.colour));
          g.fill(new Rectangle2D.Double(r.x, r.y, r.w, r.h));
        } else if (s instanceof Polygon p) {
          Path2D.Double path = new Path2D.Double();
          for (int i = 0; i < p.xy.length; i += 2) {
            if (i == 0) {
              path.moveTo(p.xy[0], p.xy[1]);
            } else {
              path.lineTo(p.xy[i], p.xy[i + 1]);
            }
          }
          path.closePath();
          if (!p.fill.equals("none")) {
            Color f = Color.decode(p.fill);
            g.setColor(new Color(f.getRed(), f.getGreen(), f.getBlue(), (int) Math.round(255 * p.fillOpacity)));
            g.fill(path);
          }
          g.setColor(Color.decode(p.stroke));
          g.setStroke(new BasicStroke((float) p.width));
          g.draw(path);
        } else if (s instanceof Dot d) {
          g.setColor(Color.decode(d.colour));
          g.fill(new Ellipse2D.Double(d.x - d.r, d.y - d.r, 2 * d.r, 2 * d.r));
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The width in SVG units.
   *
   * @return the width
   */
  public double width() {
    return width;
  }

  /**
   * The height in SVG units.
   *
   * @return the height
   */
  public double height() {
    return height;
  }

  /** The boxes of every text, for the collision checks. */
  List<Box> textBoxes() {
    List<Box> out = new ArrayList<>();
    for (Shape s : shapes) {
      if (s instanceof Text t) {
        out.add(t.box());
      }
    }
    return out;
  }

  /** The texts, in drawing order. */
  List<String> texts() {
    List<String> out = new ArrayList<>();
    for (Shape s : shapes) {
      if (s instanceof Text t) {
        out.add(t.text);
      }
    }
    return out;
  }

  /** Returns the size and the number of texts (never the texts). */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Chart{%.0f×%.0f, %d texts}", width, height, textBoxes().size());
  }

  /** Shapes being drawn, with the text boxes placed so far. */
  private static final class Canvas {
    final List<Shape> shapes = new ArrayList<>();
    final List<Box> boxes = new ArrayList<>();

    void text(double x, double y, int size, String anchor, boolean bold, String s) {
      Text t = new Text(x, y, size, anchor, bold, s);
      shapes.add(t);
      boxes.add(t.box());
    }

    /** Places the first candidate that touches no placed text; if none and {@code must}, the last. */
    boolean place(List<Text> candidates, boolean must) {
      for (Text t : candidates) {
        Box b = t.box();
        boolean free = true;
        for (Box o : boxes) {
          if (b.overlaps(o, 1)) {
            free = false;
            break;
          }
        }
        if (free) {
          shapes.add(t);
          boxes.add(b);
          return true;
        }
      }
      if (must) {
        Text t = candidates.get(candidates.size() - 1);
        shapes.add(t);
        boxes.add(t.box());
      }
      return false;
    }
  }

  private static void check(String title, List<String> labels, double[] values, Locale locale) {
    java.util.Objects.requireNonNull(title, "title");
    java.util.Objects.requireNonNull(locale, "locale");
    checkLabels("labels", labels);
    if (values == null || values.length != labels.size()) {
      throw new ValidationException("values", values == null ? null : values.length, "must have one value per label (" + labels.size() + ")");
    }
    for (int i = 0; i < values.length; i++) {
      Checks.finite("values[" + i + "]", values[i]);
    }
  }

  private static void checkLabels(String field, List<String> labels) {
    if (labels == null || labels.isEmpty() || labels.size() > MAX_ITEMS) {
      throw new ValidationException(field, labels == null ? null : labels.size(), "must have 1 to " + MAX_ITEMS + " entries");
    }
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i) == null) {
        throw new ValidationException(field + "[" + i + "]", null, "must not be null");
      }
    }
  }

  private static void checkDecimals(int decimals) {
    if (decimals < 0 || decimals > 6) {
      throw new ValidationException("decimals", decimals, "must be from 0 to 6");
    }
  }

  static String format(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** Estimated rendered width: CJK (and other wide) characters a full em, others about 0.6 em. */
  static double width(String s, int size) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += c >= 0x2E80 ? size : Character.isUpperCase(c) || c == 'm' || c == 'w' ? size * 0.72 : size * 0.6;
    }
    return w;
  }

  private static String shade(double t) {
    int r = (int) Math.round(255 - t * (255 - 0x9e));
    int g = (int) Math.round(255 - t * (255 - 0xc5));
    int b = (int) Math.round(255 - t * (255 - 0xe8));
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  static double angle(int i, int n) {
    return -Math.PI / 2 + 2 * Math.PI * i / n;
  }

  private static double[] ring(int n, double cx, double cy, double r, double[] scale) {
    double[] xy = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double a = angle(i, n);
      double rr = scale == null ? r : r * scale[i];
      xy[2 * i] = cx + rr * Math.cos(a);
      xy[2 * i + 1] = cy + rr * Math.sin(a);
    }
    return xy;
  }
}

package io.github.linli.scorecard;

import java.util.Locale;

/**
 * SVG charts of a {@link Scorecard} that a browser shows as they are; {@link Chart} draws charts
 * from plain arrays, and as PNG too (self-contained SVG 1.1, no
 * scripts, no external resources; text in a CJK-capable sans-serif font stack).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Charts {
  private static final String FONT =
      "font-family=\"'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif\"";
  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"};

  private Charts() {}

  /**
   * A radar (spider) chart of the dimension scores, 0–100, with rings every 20 points: {@link
   * Chart#radar(Scorecard, Locale)} as SVG.
   *
   * @param card the scorecard
   * @param locale the language of labels
   * @return the SVG document
   */
  public static String radar(Scorecard card, Locale locale) {
    return Chart.radar(card, locale).svg();
  }

  /**
   * Horizontal bars of the indicator scores, 0–100, coloured by dimension; missing indicators are
   * marked.
   *
   * @param card the scorecard
   * @param locale the language of labels
   * @return the SVG document
   */
  public static String bars(Scorecard card, Locale locale) {
    int rows = card.system().indicators().size();
    double labelW = 0;
    for (Indicator ind : card.system().indicators()) {
      labelW = Math.max(labelW, width(ind.label().in(locale), 12));
    }
    double left = Math.max(120, labelW + 24);
    double barW = 360;
    double rowH = 24;
    double top = 70;
    double w = left + barW + 70;
    int dims = card.system().dimensions().size();
    double h = top + rows * rowH + 40 + dims * 20 + 10;
    StringBuilder b = header(w, h);
    b.append(text(w / 2, 30, 18, "middle", "bold", card.system().label().in(locale) + " · " + card.community()));
    b.append(text(w / 2, 52, 13, "middle", "normal", String.format(Locale.ROOT, Reports.zh(locale) ? "%s · 总分 %.1f（%s）" : "%s · total %.1f (%s)",
        card.period(), card.total(), card.grade().label().in(locale))));
    for (int t = 0; t <= 100; t += 20) {
      double x = left + barW * t / 100.0;
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n", x, top - 6, x, top + rows * rowH));
      b.append(text(x, top + rows * rowH + 16, 11, "middle", "normal", Integer.toString(t)));
    }
    int row = 0;
    int d = 0;
    for (Dimension dim : card.system().dimensions()) {
      String colour = COLOURS[d++ % COLOURS.length];
      for (Indicator ind : dim.indicators()) {
        double y = top + row * rowH;
        b.append(text(left - 8, y + 15, 12, "end", "normal", ind.label().in(locale)));
        Double s = card.indicatorScores().get(ind.id());
        if (s == null) {
          b.append(text(left + 4, y + 15, 11, "start", "normal", Reports.zh(locale) ? "无数据" : "no data"));
        } else {
          b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n", left, y + 3, barW * s / 100.0, rowH - 6, colour));
          b.append(text(left + barW * s / 100.0 + 4, y + 15, 11, "start", "normal", String.format(Locale.ROOT, "%.1f", s)));
        }
        row++;
      }
    }
    double ly = top + rows * rowH + 40;
    d = 0;
    for (Dimension dim : card.system().dimensions()) {
      String colour = COLOURS[d % COLOURS.length];
      Double ds = card.dimensionScores().get(dim.id());
      b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", left, ly + d * 20, colour));
      b.append(text(left + 20, ly + d * 20 + 12, 12, "start", "normal",
          dim.label().in(locale) + (ds == null ? "" : String.format(Locale.ROOT, "  %.1f", ds))));
      d++;
    }
    return b.append("</svg>\n").toString();
  }

  /** Estimated rendered width: CJK characters a full em, others about 0.56 em. */
  private static double width(String s, int size) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += c >= 0x2E80 ? size : size * 0.56;
    }
    return w;
  }

  private static StringBuilder header(double w, double h) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n", w, h, w, h));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    return b;
  }

  private static String text(double x, double y, int size, String anchor, String weight, String s) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\" %s fill=\"#222222\">%s</text>%n", x, y, size, anchor, weight, FONT, escape(s));
  }

  /** Text for the SVG: the SDK's one XML 1.0 text writer, shared with the demand map. */
  static String escape(String s) {
    return io.github.linli.core.internal.Xml.text(s);
  }
}

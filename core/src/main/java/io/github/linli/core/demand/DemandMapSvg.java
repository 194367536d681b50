package io.github.linli.core.demand;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link DemandMap} as a standalone SVG heat map. Stateless. */
final class DemandMapSvg {
  private static final int LEFT = 120;
  private static final int TOP = 118;
  private static final int SQUARE = 20;
  private static final int COL = 22;
  private static final int GROUP_GAP = 12;
  private static final int ROW = 27;
  private static final String[] EN_TIERS = {"P", "S", "B", "E", "A"};
  private static final String[] ZH_TIERS = {"生", "安", "社", "尊", "自"};
  /** ColorBrewer "Oranges", 9 classes, light to dark. */
  private static final String[] SCALE = {
    "#fff5eb", "#fee6ce", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704"
  };

  private DemandMapSvg() {}

  static String render(DemandMap map, Locale locale) {
    boolean zh = "zh".equals(locale.getLanguage());
    List<String> areas = map.areas();
    List<ServiceDomain> domains = map.domains();
    int tiers = MaslowTier.values().length;
    int groupWidth = tiers * COL + GROUP_GAP;
    int width = Math.max(LEFT + domains.size() * groupWidth + 20, 640);
    int gridHeight = Math.max(areas.size(), 1) * ROW;
    int height = TOP + gridHeight + 120;
    int max = 1;
    Map<String, DemandMap.Cell> byKey = new HashMap<>();
    for (DemandMap.Cell c : map.cells()) {
      byKey.put(key(c.area(), c.domain(), c.tier()), c);
      max = Math.max(max, c.count());
    }
    String font = zh ? "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif" : "'DejaVu Sans','Helvetica Neue',Arial,sans-serif";
    StringBuilder b = new StringBuilder(4096 + map.cells().size() * 200);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"%s\">%n", width, height, width, height, font));
    b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
    String title = (zh ? "需求热力图 " : "Demand map ") + map.period().start() + " – " + map.period().end().minusDays(1);
    b.append(text(LEFT, 26, 18, "bold", "start", title));
    String sub =
        zh
            ? String.format(Locale.ROOT, "共 %d 条需求，%d 条未分类；颜色＝数量，深色条＝未满足比例", map.total(), map.unclassified())
            : String.format(Locale.ROOT, "%d demands, %d not yet classified; colour = count, dark bar = share unmet", map.total(), map.unclassified());
    b.append(text(LEFT, 46, 12, "normal", "start", sub));
    // Domain headers and tier letters.
    for (int d = 0; d < domains.size(); d++) {
      int x0 = LEFT + d * groupWidth;
      String label = zh ? domains.get(d).label().zh() : domains.get(d).label().en();
      String[] lines = split(label, zh ? 6 : 14);
      for (int l = 0; l < lines.length; l++) {
        b.append(text(x0 + (tiers * COL) / 2, 72 + l * 13 - (lines.length - 1) * 13 / 2 + 6, 11, "bold", "middle", lines[l]));
      }
      for (int t = 0; t < tiers; t++) {
        b.append(text(x0 + t * COL + SQUARE / 2, TOP - 8, 10, "normal", "middle", zh ? ZH_TIERS[t] : EN_TIERS[t]));
      }
    }
    // Rows.
    for (int a = 0; a < areas.size(); a++) {
      int y = TOP + a * ROW;
      b.append(text(LEFT - 8, y + SQUARE / 2 + 4, 12, "normal", "end", areas.get(a)));
      for (int d = 0; d < domains.size(); d++) {
        int x0 = LEFT + d * groupWidth;
        for (int t = 0; t < tiers; t++) {
          int x = x0 + t * COL;
          DemandMap.Cell c = byKey.get(key(areas.get(a), domains.get(d), MaslowTier.values()[t]));
          if (c == null) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>%n", x, y, SQUARE, SQUARE));
            continue;
          }
          int step = colourStep(c.count(), max);
          String tip =
              String.format(
                  Locale.ROOT,
                  "%s · %s · %s: %d%s",
                  areas.get(a),
                  zh ? domains.get(d).label().zh() : domains.get(d).label().en(),
                  zh ? MaslowTier.values()[t].label().zh() : MaslowTier.values()[t].label().en(),
                  c.count(),
                  c.unmetShare().isPresent() ? String.format(Locale.ROOT, zh ? "，未满足 %.0f%%" : ", %.0f%% unmet", 100 * c.unmetShare().getAsDouble()) : "");
          b.append(String.format(Locale.ROOT, "<g><title>%s</title>", escape(tip)));
          b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", x, y, SQUARE, SQUARE, SCALE[step]));
          if (c.unmetShare().isPresent()) {
            double share = c.unmetShare().getAsDouble();
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"3\" fill=\"#252525\"/>", x, y + SQUARE + 1, SQUARE * share));
          }
          b.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\" fill=\"%s\">%d</text></g>%n",
                  x + SQUARE / 2,
                  y + SQUARE / 2 + 3,
                  step >= 5 ? "#ffffff" : "#333333",
                  c.count()));
        }
      }
    }
    if (areas.isEmpty()) {
      b.append(text(LEFT, TOP + 16, 12, "normal", "start", zh ? "本期没有已分类的需求" : "No classified demands in this period"));
    }
    // Legend.
    int ly = TOP + gridHeight + 28;
    b.append(text(LEFT, ly, 11, "bold", "start", zh ? "数量" : "Count"));
    for (int s = 0; s < SCALE.length; s++) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"12\" fill=\"%s\"/>%n", LEFT + 50 + s * 22, ly - 10, SCALE[s]));
    }
    b.append(text(LEFT + 50, ly + 14, 10, "normal", "start", "1"));
    b.append(text(LEFT + 50 + SCALE.length * 22, ly + 14, 10, "normal", "end", Integer.toString(max)));
    StringBuilder tiersLegend = new StringBuilder();
    for (int t = 0; t < tiers; t++) {
      MaslowTier tier = MaslowTier.values()[t];
      tiersLegend.append(t == 0 ? "" : "  ").append(zh ? ZH_TIERS[t] : EN_TIERS[t]).append(" = ").append(zh ? tier.label().zh() : tier.label().en());
    }
    b.append(text(LEFT, ly + 36, 11, "normal", "start", (zh ? "需求层次：" : "Tiers: ") + tiersLegend));
    b.append(text(LEFT, ly + 56, 11, "normal", "start", zh ? "方块下的深色条：未满足（含尚未办结）比例，不计撤回" : "Dark bar under a square: share not met (unmet or still open), withdrawn excluded"));
    b.append("</svg>\n");
    return b.toString();
  }

  private static String key(String area, ServiceDomain domain, MaslowTier tier) {
    return area + '\u0000' + domain.id() + '\u0000' + tier.ordinal();
  }

  /** The colour class of a count: square-root scale so that small counts stay visible. */
  static int colourStep(int count, int max) {
    if (max <= 1) {
      return SCALE.length / 2;
    }
    double f = Math.sqrt((count - 1) / (double) (max - 1));
    return Math.min(SCALE.length - 1, 1 + (int) Math.floor(f * (SCALE.length - 1)));
  }

  private static String[] split(String label, int max) {
    if (label.length() <= max || label.indexOf(' ') < 0) {
      return new String[] {label};
    }
    int mid = label.length() / 2;
    int best = -1;
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) {
        best = i;
      }
    }
    return new String[] {label.substring(0, best), label.substring(best + 1)};
  }

  private static String text(int x, int y, int size, String weight, String anchor, String s) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\" fill=\"#222222\">%s</text>%n",
        x,
        y,
        size,
        weight,
        anchor,
        escape(s));
  }

  /** Text for the SVG: the SDK's one XML 1.0 text writer. */
  static String escape(String s) {
    return io.github.linli.core.internal.Xml.text(s);
  }

}

package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Charts from plain arrays: labels never collide, SVG parses, PNG decodes, one language. */
class ChartTest {
  static final Period OCT = Period.month(YearMonth.of(2026, 10));

  /** Every pair of text boxes is apart. */
  static void noTextOverlaps(Chart c) {
    List<Chart.Box> boxes = c.textBoxes();
    List<String> texts = c.texts();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertTrue(!boxes.get(i).overlaps(boxes.get(j), 0),
            "'" + texts.get(i) + "' " + boxes.get(i) + " overlaps '" + texts.get(j) + "' " + boxes.get(j));
      }
    }
  }

  static void parses(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Issue 19: on the radar the value label 61.5 overlapped the ring label 60. */
  @Test
  void radar_valueNextToARingLabel_apart() throws Exception {
    List<String> axes = List.of("多元主体", "共识塑造", "资源配置", "组织管理", "社区协同");
    for (double first : new double[] {60, 61.5, 58.8, 40, 80, 100, 0, 20.2}) {
      Chart c = Chart.radar("社区治理指数", axes, new double[] {first, 53.4, 61.5, 60, 39.7}, 100, Locale.CHINA);
      noTextOverlaps(c);
      parses(c.svg());
      assertTrue(c.texts().contains(String.format(Locale.ROOT, "%.1f", first)), "every value is labelled: " + c.texts());
    }
  }

  @Test
  void scorecardRadar_oneLanguage_andTheOldStringApi() throws Exception {
    Map<String, Double> v = new LinkedHashMap<>();
    for (Indicator i : IndicatorSystems.governanceIndex().indicators()) {
      v.put(i.id(), ScorecardTest.rawFor(i, 0.615));
    }
    Scorecard card = Scorecard.evaluate(IndicatorSystems.governanceIndex(), "lishan", OCT, v);
    Chart zh = Chart.radar(card, Locale.CHINA);
    Chart en = Chart.radar(card, Locale.ENGLISH);
    noTextOverlaps(zh);
    noTextOverlaps(en);
    String zhText = String.join(" ", zh.texts());
    String enText = String.join(" ", en.texts());
    assertTrue(zhText.contains("总分 61.5（及格）") && !zhText.matches(".*[A-Za-z]{3,}.*".replace("lishan", "")) || zhText.contains("lishan"), zhText);
    assertTrue(!zhText.replace("lishan", "").matches("(?s).*[A-Za-z]{2,}.*"), "no English words in the Chinese chart: " + zhText);
    assertTrue(!enText.codePoints().anyMatch(cp -> cp >= 0x2E80), "no Chinese in the English chart: " + enText);
    assertTrue(enText.contains("total 61.5 (pass)"), enText);
    assertEquals(zh.svg(), Charts.radar(card, Locale.CHINA));
    parses(Charts.bars(card, Locale.CHINA));
  }

  @Test
  void png_decodesAtTheScale() throws Exception {
    Chart c = Chart.bars("weights", List.of("served share", "hours", "complaints"), new double[] {0.42, 0.35, 0.23}, 3, Locale.ENGLISH);
    byte[] png = c.png(2);
    BufferedImage img = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
    assertEquals((int) Math.ceil(c.width() * 2), img.getWidth());
    assertEquals((int) Math.ceil(c.height() * 2), img.getHeight());
    // the first bar is drawn in the first colour somewhere
    boolean blue = false;
    for (int x = 0; x < img.getWidth() && !blue; x++) {
      for (int y = 0; y < img.getHeight() && !blue; y++) {
        blue = (img.getRGB(x, y) & 0xffffff) == 0x1f77b4;
      }
    }
    assertTrue(blue, "a bar is drawn");
    assertEquals("scale", assertThrows(ValidationException.class, () -> c.png(0)).field());
    assertTrue(c.svg().contains(">0.420<"), c.svg());
  }

  @Test
  void badInput_validationExceptions() {
    assertEquals("values", assertThrows(ValidationException.class, () -> Chart.bars("t", List.of("a", "b"), new double[] {1}, 1, Locale.ROOT)).field());
    assertEquals("values[0]", assertThrows(ValidationException.class, () -> Chart.bars("t", List.of("a"), new double[] {Double.NaN}, 1, Locale.ROOT)).field());
    assertEquals("labels", assertThrows(ValidationException.class, () -> Chart.radar("t", List.of("a", "b"), new double[] {1, 2}, 10, Locale.ROOT)).field());
    assertEquals("values[1]", assertThrows(ValidationException.class, () -> Chart.radar("t", List.of("a", "b", "c"), new double[] {1, 11, 2}, 10, Locale.ROOT)).field());
    assertEquals("values[1]", assertThrows(ValidationException.class,
        () -> Chart.heatMap("t", List.of("a", "b"), List.of("x"), new double[][] {{1}, {1, 2}}, 1, Locale.ROOT)).field());
    assertEquals("periods", assertThrows(ValidationException.class, () -> Chart.line("t", List.of("2026-10"), Map.of("a", new double[] {1}), 1, Locale.ROOT)).field());
    assertEquals("series", assertThrows(ValidationException.class,
        () -> Chart.line("t", List.of("1", "2"), Map.of("a", new double[] {Double.NaN, Double.NaN}), 1, Locale.ROOT)).field());
    assertEquals("decimals", assertThrows(ValidationException.class, () -> Chart.bars("t", List.of("a"), new double[] {1}, 9, Locale.ROOT)).field());
  }

  @Provide
  Arbitrary<String> label() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(18),
        Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(8));
  }

  @Property(tries = 200)
  void radar_randomValues_noTextOverlaps(
      @ForAll @IntRange(min = 3, max = 12) int n, @ForAll("label") String a, @ForAll("label") String b, @ForAll long seed) throws Exception {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<String> labels = new ArrayList<>();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      labels.add(i % 2 == 0 ? a : b + i);
      // values near the ring marks and anywhere else
      v[i] = r.nextBoolean() ? 20 * r.nextInt(6) + r.nextDouble() * 3 - 1.5 : r.nextDouble() * 100;
      v[i] = Math.max(0, Math.min(100, v[i]));
    }
    noTextOverlaps(Chart.radar(a, labels, v, 100, Locale.ROOT));
  }

  @Property(tries = 100)
  void barsHeatMapAndLine_randomValues_noTextOverlaps(
      @ForAll @IntRange(min = 1, max = 15) int n, @ForAll @IntRange(min = 2, max = 8) int m, @ForAll("label") String a, @ForAll long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<String> rows = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    double[] v = new double[n];
    double[][] x = new double[n][m];
    Map<String, double[]> series = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      rows.add(a + i);
      v[i] = (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(7));
      for (int j = 0; j < m; j++) {
        x[i][j] = (r.nextDouble() - 0.2) * Math.pow(10, r.nextInt(5));
      }
      series.put(a + i, x[i]);
    }
    for (int j = 0; j < m; j++) {
      cols.add(j % 2 == 0 ? "2026-" + (j + 1) : a);
    }
    noTextOverlaps(Chart.bars(a, rows, v, r.nextInt(4), Locale.ROOT));
    noTextOverlaps(Chart.heatMap(a, rows, cols, x, r.nextInt(4), Locale.ROOT));
    noTextOverlaps(Chart.line(a, cols, series, r.nextInt(3), Locale.ROOT));
  }
}

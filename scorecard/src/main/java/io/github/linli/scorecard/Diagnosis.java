package io.github.linli.scorecard;

import java.util.List;
import java.util.Locale;

/**
 * What to improve next: the weakest dimensions and indicators of a {@link Scorecard}, ranked by
 * priority (the weighted gap to full marks, (100 − score) × weight, so that a low score of a
 * light indicator may rank below a middling score of a heavy one), each with the problems and
 * improvement paths sources 000, 001 and 003 name; and, beside them, the indicators of lowest
 * score, so that a low score is never hidden by the weighting. The {@linkplain #text(Locale)
 * text} says how each list is ranked.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Diagnosis {
  private final List<Finding> dimensions;
  private final List<Finding> indicators;
  private final List<Finding> lowest;

  Diagnosis(List<Finding> dimensions, List<Finding> indicators, List<Finding> lowest) {
    this.dimensions = List.copyOf(dimensions);
    this.indicators = List.copyOf(indicators);
    this.lowest = List.copyOf(lowest);
  }

  /**
   * The weakest dimensions, highest priority first.
   *
   * @return the findings
   */
  public List<Finding> weakestDimensions() {
    return dimensions;
  }

  /**
   * The weakest indicators, highest priority first.
   *
   * @return the findings
   */
  public List<Finding> weakestIndicators() {
    return indicators;
  }

  /**
   * The indicators of lowest score, lowest first, as many as {@link #weakestIndicators()} asked
   * for: whatever their weight.
   *
   * @return the findings
   */
  public List<Finding> lowestIndicators() {
    return lowest;
  }

  /**
   * The diagnosis as text in one language: the dimensions and indicators to improve first, each
   * list headed by how it is ranked, then the lowest-scoring indicators the weighted ranking left
   * out (if any).
   *
   * @param locale Chinese for a {@code zh} locale, English otherwise
   * @return lines naming each finding, its score, problem and paths
   */
  public String text(Locale locale) {
    boolean zh = "zh".equals(locale.getLanguage());
    StringBuilder b = new StringBuilder();
    b.append(zh ? "排序方法：按加权差距排序，即（100 − 得分）× 权重，差距越大越优先；权重小的指标即使得分低也可能排在后面。"
        : "Ranked by weighted gap, (100 − score) × weight, largest first: a light indicator may rank low even with a low score.")
        .append('\n');
    b.append(zh ? "优先改进的维度：" : "Dimensions to improve first:").append('\n');
    append(b, dimensions, locale);
    b.append(zh ? "优先改进的指标：" : "Indicators to improve first:").append('\n');
    append(b, indicators, locale);
    List<Finding> others = new java.util.ArrayList<>();
    for (Finding f : lowest) {
      boolean listed = false;
      for (Finding g : indicators) {
        listed |= g.id().equals(f.id());
      }
      if (!listed) {
        others.add(f);
      }
    }
    if (!others.isEmpty()) {
      b.append(zh ? "得分最低、但因权重较小未列入上表的指标：" : "Lowest scores, left out above for their small weight:").append('\n');
      append(b, others, locale);
    }
    return b.toString();
  }

  private static void append(StringBuilder b, List<Finding> fs, Locale locale) {
    boolean zh = "zh".equals(locale.getLanguage());
    for (Finding f : fs) {
      b.append(String.format(Locale.ROOT, "- %s %.1f", f.label().in(locale), f.score()));
      if (!f.problems().isEmpty()) {
        b.append(zh ? "；问题：" : "; problem: ");
        b.append(join(f.problems(), locale, zh));
      }
      if (!f.improvements().isEmpty()) {
        b.append(zh ? "；路径：" : "; path: ");
        b.append(join(f.improvements(), locale, zh));
      }
      if (!f.references().isEmpty()) {
        b.append(zh ? "（来源 " : " (source ").append(String.join(", ", f.references()));
        b.append(zh ? "）" : ")");
      }
      b.append('\n');
    }
  }

  private static String join(List<io.github.linli.core.Label> ls, Locale locale, boolean zh) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ls.size(); i++) {
      if (i > 0) {
        s.append(zh ? "；" : "; ");
      }
      s.append(ls.get(i).in(locale));
    }
    return s.toString();
  }

  /** Returns the findings in English. */
  @Override
  public String toString() {
    return text(Locale.ENGLISH);
  }
}

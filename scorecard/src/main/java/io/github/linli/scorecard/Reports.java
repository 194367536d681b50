package io.github.linli.scorecard;

import io.github.linli.core.internal.Csv;
import io.github.linli.core.Label;
import io.github.linli.scorecard.survey.ScaleReliability;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text reports of scorecards, rankings and surveys: Markdown for people, CSV for spreadsheets.
 * Numbers are formatted in the root locale; labels in Chinese for a {@code zh} locale, English
 * otherwise. Charts are in {@link Charts}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Reports {
  private Reports() {}

  /**
   * A Markdown report: total and grade (with a note on the {@linkplain Scorecard#coverage()
   * coverage} when indicators lack data), dimension and indicator tables, missing indicators and
   * the diagnosis.
   *
   * @param card the scorecard
   * @param locale the language of labels
   * @return Markdown text
   */
  public static String markdown(Scorecard card, Locale locale) {
    boolean zh = zh(locale);
    StringBuilder b = new StringBuilder();
    b.append("# ").append(card.system().label().in(locale)).append(" — ").append(card.community());
    b.append(" ").append(card.period()).append("\n\n");
    b.append(String.format(Locale.ROOT, zh ? "总分 **%.1f**，等级 **%s**%n%n" : "Total **%.1f**, grade **%s**%n%n", card.total(), card.grade().label().in(locale)));
    if (!card.missing().isEmpty()) {
      // arguments: coverage %, indicators with data, all indicators
      b.append(String.format(Locale.ROOT,
          zh ? "> 注意：总分和等级仅依据指标体系 %1$.0f%% 的权重（%3$d 项指标中 %2$d 项有数据）。%n%n"
              : "> Note: the total and the grade rest on %1$.0f %% of the system's weight (%2$d of %3$d indicators have data).%n%n",
          100 * card.coverage(), card.rawValues().size(), card.system().indicators().size()));
    }
    double[] m = card.gradeMemberships();
    b.append(zh ? "| 等级 | 隶属度 |\n|---|---:|\n" : "| grade | membership |\n|---|---:|\n");
    for (Grade g : Grade.values()) {
      b.append(String.format(Locale.ROOT, "| %s | %.3f |%n", g.label().in(locale), m[g.ordinal()]));
    }
    b.append('\n').append(zh ? "## 维度\n\n| 维度 | 权重 | 得分 |\n|---|---:|---:|\n" : "## Dimensions\n\n| dimension | weight | score |\n|---|---:|---:|\n");
    double[] dw = card.system().dimensionWeights();
    for (int d = 0; d < dw.length; d++) {
      Dimension dim = card.system().dimensions().get(d);
      Double s = card.dimensionScores().get(dim.id());
      b.append(String.format(Locale.ROOT, "| %s | %.4f | %s |%n", cell(dim.label(), locale), dw[d], s == null ? "—" : String.format(Locale.ROOT, "%.1f", s)));
    }
    b.append('\n').append(zh ? "## 指标\n\n| 维度 | 指标 | 原始值 | 单位 | 得分 | 权重 |\n|---|---|---:|---|---:|---:|\n" : "## Indicators\n\n| dimension | indicator | raw | unit | score | weight |\n|---|---|---:|---|---:|---:|\n");
    Map<String, Double> gw = card.system().globalWeightsById();
    for (Dimension dim : card.system().dimensions()) {
      for (Indicator ind : dim.indicators()) {
        Double raw = card.rawValues().get(ind.id());
        Double s = card.indicatorScores().get(ind.id());
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.4f |%n",
            cell(dim.label(), locale), cell(ind.label(), locale),
            raw == null ? "—" : String.format(Locale.ROOT, "%.3f", raw), unit(ind.unit(), locale),
            s == null ? "—" : String.format(Locale.ROOT, "%.1f", s), gw.get(ind.id())));
      }
    }
    if (!card.missing().isEmpty()) {
      b.append('\n').append(zh ? "缺少数据的指标：" : "Indicators without data: ").append(String.join(", ", card.missing())).append('\n');
    }
    b.append('\n').append(zh ? "## 诊断\n\n" : "## Diagnosis\n\n").append(card.diagnose().text(locale));
    return b.toString();
  }

  /**
   * A CSV of the scorecard: one row per dimension and indicator with level, id, Chinese and
   * English labels, raw value, unit, score and global weight, figures rounded to four decimals.
   * It starts with a byte-order mark (U+FEFF), so that Excel on Chinese Windows opens it as UTF-8
   * rather than garbled; a text cell starting with {@code = + - @} is prefixed with {@code '}.
   *
   * @param card the scorecard
   * @return CSV text with a byte-order mark and a header row, CRLF line ends
   */
  public static String csv(Scorecard card) {
    // the SDK's one guarded CSV writer (issue 17: a community id or label starting with '=' ran
    // as a formula in a spreadsheet); CRLF line ends, as before; a BOM for Excel (issue 19)
    Csv w = Csv.withLineEnd("\r\n");
    w.texts("community", "period", "level", "id", "label_zh", "label_en", "raw", "unit", "score", "weight").endRow();
    double[] dw = card.system().dimensionWeights();
    Map<String, Double> gw = card.system().globalWeightsById();
    for (int d = 0; d < dw.length; d++) {
      Dimension dim = card.system().dimensions().get(d);
      w.texts(card.community(), card.period(), "dimension", dim.id(), dim.label().zh(), dim.label().en()).number("").text("")
          .number(num(card.dimensionScores().get(dim.id()))).number(num(dw[d])).endRow();
      for (Indicator ind : dim.indicators()) {
        w.texts(card.community(), card.period(), "indicator", ind.id(), ind.label().zh(), ind.label().en())
            .number(num(card.rawValues().get(ind.id()))).text(ind.unit())
            .number(num(card.indicatorScores().get(ind.id()))).number(num(gw.get(ind.id()))).endRow();
      }
    }
    w.texts(card.community(), card.period(), "total", card.system().id(), card.system().label().zh(), card.system().label().en())
        .number("").text("").number(num(card.total())).number(num(1.0)).endRow();
    return BOM + w.toString();
  }

  /**
   * A Markdown table of a ranking.
   *
   * @param ranking from {@link Scorecard#rank(List)}
   * @param locale the language of the headers
   * @return Markdown text
   */
  public static String ranking(List<RankedCommunity> ranking, Locale locale) {
    return ranking(ranking, Map.of(), locale);
  }

  /**
   * A Markdown table of a ranking with the communities' names.
   *
   * @param ranking from {@link Scorecard#rank(List)}
   * @param names display names by community id; an id without a name is shown as it is
   * @param locale the language of the headers
   * @return Markdown text
   */
  public static String ranking(List<RankedCommunity> ranking, Map<String, String> names, Locale locale) {
    io.github.linli.core.internal.Checks.noNulls("ranking", ranking);
    java.util.Objects.requireNonNull(names, "names");
    java.util.Objects.requireNonNull(locale, "locale");
    StringBuilder b = new StringBuilder(zh(locale) ? "| 排名 | 社区 | 贴近度 | 总分 |\n|---:|---|---:|---:|\n" : "| rank | community | closeness | total |\n|---:|---|---:|---:|\n");
    for (RankedCommunity r : ranking) {
      b.append(String.format(Locale.ROOT, "| %d | %s | %.4f | %.1f |%n", r.rank(),
          names.getOrDefault(r.community(), r.community()).replace("|", "\\|"), r.closeness(), r.total()));
    }
    return b.toString();
  }

  /**
   * A Markdown summary of a survey: counts, rejected rows, the answer scoring of its questionnaire
   * (how mean answers became indicator scores) and reliability per dimension.
   *
   * @param survey the survey result
   * @param locale the language of labels
   * @return Markdown text
   */
  public static String survey(SurveyResult survey, Locale locale) {
    boolean zh = zh(locale);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, zh ? "有效问卷 %d 份，剔除 %d 份，插补 %d 个答案（%s）%n%n" : "%d rows accepted, %d rejected, %d answers imputed (%s)%n%n",
        survey.accepted(), survey.rejected(), survey.imputed(), survey.policy().label().in(locale)));
    b.append(zh ? "答案计分：" : "Answer scoring: ").append(survey.questionnaire().scoring().label().in(locale)).append("\n\n");
    for (var r : survey.rejections()) {
      b.append("- ").append(r).append('\n');
    }
    b.append(zh ? "\n| 维度 | 题项 | Cronbach α |\n|---|---|---:|\n" : "\n| dimension | items | Cronbach α |\n|---|---|---:|\n");
    for (ScaleReliability r : survey.reliability().values()) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", cell(survey.questionnaire().system().dimension(r.dimensionId()).label(), locale), String.join(" ", r.items()),
          r.alpha().isPresent() ? String.format(Locale.ROOT, "%.3f", r.alpha().getAsDouble()) : "—"));
    }
    return b.toString();
  }

  /** The byte-order mark {@link #csv(Scorecard)} starts with. */
  public static final String BOM = "\uFEFF";

  /** A unit in the report's language: the built-in ones translated, others as they are. */
  static String unit(String unit, Locale locale) {
    if (!zh(locale)) {
      return unit;
    }
    switch (unit) {
      case "share":
        return "占比";
      case "hours":
        return "小时";
      case "days":
        return "天";
      case "count":
        return "次";
      case "points":
      case "score":
        return "分";
      case "percent":
        return "%";
      default:
        return unit;
    }
  }

  private static String cell(Label l, Locale locale) {
    return l.in(locale).replace("|", "\\|");
  }

  private static String num(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  static boolean zh(Locale locale) {
    return "zh".equals(locale.getLanguage());
  }
}

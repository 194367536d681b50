package io.github.linli.scorecard.survey;

import io.github.linli.core.ValidationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The answer options of a survey export and the score of each on the questionnaire's 1…points
 * scale: Chinese survey platforms (问卷星, 腾讯问卷) export the text of the option chosen
 * ("非常同意") rather than its number.
 *
 * <p>{@link #chineseFivePoint()}, the default of {@link SurveyFile}, knows the usual five-point
 * scales: agreement 非常不同意 1 … 非常同意 5, satisfaction 非常不满意 (很不满意) 1 … 非常满意
 * (很满意) 5, conformity 非常不符合 1 … 非常符合 5, frequency 从不 1 … 总是 5, and their English
 * counterparts (strongly disagree … strongly agree). Texts are compared without white space, with
 * full-width and half-width brackets alike and English case ignored; an option letter in front
 * ("A. 非常同意", "E、非常同意") is ignored. A number ("4", "4分") is read as that number. "(跳过)"
 * and "(空)", which 问卷星 writes for a skipped question, are missing answers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AnswerOptions {
  private static final java.util.regex.Pattern LETTER = java.util.regex.Pattern.compile("^[A-Ka-k][.、．:：)）]");
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("^([0-9]{1,2})(分)?$");
  private static final java.util.Set<String> SKIPPED = java.util.Set.of("(跳过)", "跳过", "(空)", "空", "未作答", "(未作答)");

  private final int points;
  private final Map<String, Integer> scores;

  private AnswerOptions(int points, Map<String, Integer> scores) {
    this.points = points;
    this.scores = Map.copyOf(scores);
  }

  /**
   * The usual Chinese and English five-point scales (agreement, satisfaction, conformity,
   * frequency), middle options 一般, 中立, 不确定, 说不清 and 有时 scoring 3.
   *
   * @return the options, on 5 points
   */
  public static AnswerOptions chineseFivePoint() {
    Builder b = builder(5);
    String[][] scales = {
      {"非常不同意", "不同意", "一般", "同意", "非常同意"},
      {"非常不满意", "不满意", "一般", "满意", "非常满意"},
      {"非常不符合", "不符合", "一般", "符合", "非常符合"},
      {"从不", "很少", "有时", "经常", "总是"},
      {"strongly disagree", "disagree", "neutral", "agree", "strongly agree"},
      {"very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"},
    };
    for (String[] scale : scales) {
      for (int i = 0; i < scale.length; i++) {
        b.option(scale[i], i + 1);
      }
    }
    String[][] alike = {
      {"完全不同意", "1"}, {"比较不同意", "2"}, {"中立", "3"}, {"不确定", "3"}, {"说不清", "3"}, {"比较同意", "4"},
      {"完全同意", "5"}, {"很不满意", "1"}, {"比较不满意", "2"}, {"比较满意", "4"}, {"很满意", "5"},
      {"完全不符合", "1"}, {"比较符合", "4"}, {"完全符合", "5"}, {"偶尔", "2"}, {"很不同意", "1"}, {"很同意", "5"},
      {"neither agree nor disagree", "3"},
    };
    for (String[] a : alike) {
      b.option(a[0], Integer.parseInt(a[1]));
    }
    return b.build();
  }

  /**
   * Options listed lowest first: the first scores 1, the last {@code texts.length}, for example
   * {@code AnswerOptions.of("很不重要", "不重要", "一般", "重要", "很重要")}.
   *
   * @param texts the option texts, lowest first, 3 to 11 of them
   * @return the options
   * @throws ValidationException if there are fewer than 3 or more than 11, or one is blank or
   *     repeated
   */
  public static AnswerOptions of(String... texts) {
    java.util.Objects.requireNonNull(texts, "texts");
    if (texts.length < 3 || texts.length > 11) {
      throw new ValidationException("texts", texts.length, "must be 3 to 11 options");
    }
    Builder b = builder(texts.length);
    for (int i = 0; i < texts.length; i++) {
      b.option(texts[i], i + 1);
    }
    return b.build();
  }

  /**
   * Starts a set of options for a scale of {@code points}.
   *
   * @param points 3 to 11
   * @return a builder
   * @throws ValidationException if {@code points} is out of range
   */
  public static Builder builder(int points) {
    if (points < 3 || points > 11) {
      throw new ValidationException("points", points, "must be from 3 to 11");
    }
    return new Builder(points);
  }

  /**
   * The scale these options are on.
   *
   * @return the number of points
   */
  public int points() {
    return points;
  }

  /**
   * The score of an answer: a known option, or a whole number written as such ("4", "4分").
   *
   * @param text the cell's text
   * @return the score, empty if the text is neither
   */
  public OptionalDouble score(String text) {
    if (text == null) {
      return OptionalDouble.empty();
    }
    String key = normalise(text);
    Integer s = scores.get(key);
    if (s == null) {
      java.util.regex.Matcher letter = LETTER.matcher(key);
      if (letter.find()) {
        s = scores.get(key.substring(letter.end()));
      }
    }
    if (s != null) {
      return OptionalDouble.of(s);
    }
    java.util.regex.Matcher n = NUMBER.matcher(key);
    return n.matches() ? OptionalDouble.of(Integer.parseInt(n.group(1))) : OptionalDouble.empty();
  }

  /** Whether the text is a platform's mark for a skipped question. */
  boolean isSkipped(String text) {
    return SKIPPED.contains(normalise(text));
  }

  static String normalise(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.strip().codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || c == '\u3000') {
        return;
      }
      if (c == '（') {
        c = '(';
      } else if (c == '）') {
        c = ')';
      }
      b.appendCodePoint(c);
    });
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Returns the scale and the number of option texts known (never the texts' scores one by one). */
  @Override
  public String toString() {
    return "AnswerOptions{1-" + points + ", " + scores.size() + " texts}";
  }

  /** Builds {@link AnswerOptions}. Not thread-safe. */
  public static final class Builder {
    private final int points;
    private final Map<String, Integer> scores = new LinkedHashMap<>();

    Builder(int points) {
      this.points = points;
    }

    /**
     * Adds an option text and its score.
     *
     * @param text the text as the export writes it
     * @param score 1…points
     * @return this builder
     * @throws ValidationException if the text is blank or already has another score, or the
     *     score is out of range
     */
    public Builder option(String text, int score) {
      if (text == null || text.isBlank()) {
        throw new ValidationException("option", text, "must not be blank");
      }
      if (score < 1 || score > points) {
        throw new ValidationException("option(" + text + ")", score, "must be from 1 to " + points);
      }
      String key = normalise(text);
      Integer before = scores.putIfAbsent(key, score);
      if (before != null && before != score) {
        throw new ValidationException("option", text, "already scores " + before);
      }
      return this;
    }

    /**
     * Adds all options of another set on the same scale.
     *
     * @param other the other options
     * @return this builder
     * @throws ValidationException if the scales differ or a text scores differently
     */
    public Builder addAll(AnswerOptions other) {
      if (other.points != points) {
        throw new ValidationException("options.points", other.points, "must be " + points);
      }
      for (Map.Entry<String, Integer> e : other.scores.entrySet()) {
        option(e.getKey(), e.getValue());
      }
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public AnswerOptions build() {
      return new AnswerOptions(points, scores);
    }
  }
}

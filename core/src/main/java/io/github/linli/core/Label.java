package io.github.linli.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * A user-facing label in Chinese and English. Every label Linli shows exists in both.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Label {
  private final String zh;
  private final String en;

  private Label(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /**
   * Creates a label.
   *
   * @param zh the Chinese text, non-blank
   * @param en the English text, non-blank
   * @return the label
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is blank
   */
  public static Label of(String zh, String en) {
    checkNotNull(zh, "zh");
    checkNotNull(en, "en");
    checkArgument(!zh.isBlank(), "zh label must not be blank: '%s'", zh);
    checkArgument(!en.isBlank(), "en label must not be blank: '%s'", en);
    return new Label(zh, en);
  }

  /**
   * The Chinese text.
   *
   * @return the Chinese text
   */
  public String zh() {
    return zh;
  }

  /**
   * The English text.
   *
   * @return the English text
   */
  public String en() {
    return en;
  }

  /**
   * The text for a locale: Chinese for any {@code zh} locale, English otherwise.
   *
   * @param locale the locale
   * @return the text
   */
  public String in(Locale locale) {
    return "zh".equals(checkNotNull(locale, "locale").getLanguage()) ? zh : en;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Label && ((Label) o).zh.equals(zh) && ((Label) o).en.equals(en);
  }

  @Override
  public int hashCode() {
    return 31 * zh.hashCode() + en.hashCode();
  }

  /** Returns {@code "zh / en"}. */
  @Override
  public String toString() {
    return zh + " / " + en;
  }
}

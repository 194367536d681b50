package io.github.linli.core;

/**
 * Something with a bilingual {@link Label}: enums of the domain vocabulary, domains, indicators.
 *
 * @since 0.1.0
 */
public interface Labelled {
  /**
   * The Chinese and English label.
   *
   * @return the label
   */
  Label label();
}

package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * A ballot's choice.
 *
 * @since 0.1.0
 */
public enum Choice implements Labelled {
  /** In favour (赞成). */
  YES("赞成", "yes"),
  /** Against (反对). */
  NO("反对", "no"),
  /** Abstain (弃权). */
  ABSTAIN("弃权", "abstain");

  private final Label label;

  Choice(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

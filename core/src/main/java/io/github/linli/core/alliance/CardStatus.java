package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The status of a benefit card: {@code ACTIVE ⇄ SUSPENDED → REVOKED}; {@link #REVOKED} is final.
 *
 * @since 0.1.0
 */
public enum CardStatus implements Labelled {
  /** Usable (有效). */
  ACTIVE("有效", "active"),
  /** Temporarily blocked (暂停). */
  SUSPENDED("暂停", "suspended"),
  /** Cancelled for good (已注销). */
  REVOKED("已注销", "revoked");

  private final Label label;

  CardStatus(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

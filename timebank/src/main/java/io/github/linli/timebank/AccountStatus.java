package io.github.linli.timebank;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The status of an account. Status changes are the only changes an account's fields see after it
 * is opened, and {@link #CLOSED} is final.
 *
 * @since 0.1.0
 */
public enum AccountStatus implements Labelled {
  /** Takes transfers. */
  ACTIVE("正常", "active"),
  /** Takes no new transfers until unfrozen; pending transfers may still be voided or expire. */
  FROZEN("冻结", "frozen"),
  /** Final: takes no new transfers, except voiding (or expiring) its pending ones. */
  CLOSED("已销户", "closed");

  private final Label label;

  AccountStatus(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

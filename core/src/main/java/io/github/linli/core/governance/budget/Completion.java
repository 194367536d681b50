package io.github.linli.core.governance.budget;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * How the Method of Equal Shares is completed when it leaves money unspent (补足方式). See <a
 * href="https://equalshares.net/implementation/completion">equalshares.net: Completion</a>.
 *
 * @since 0.1.0
 */
public enum Completion implements Labelled {
  /** No completion: the outcome of one run with each voter holding budget/n (不补足). */
  NONE("不补足", "none"),
  /**
   * "Add1": raise every voter's share by one currency unit at a time, starting from exactly
   * budget/n, and keep the last outcome before the first raise that would overspend the real
   * budget (逐一元增加份额). See {@link BudgetRule} for the exact rule.
   */
  ADD1("逐一元增加份额", "Add1"),
  /** "Add1u": {@link #ADD1}, then greedy by votes with the money left (逐一元增加后按票数补足). */
  ADD1_UTILITARIAN("逐一元增加后按票数补足", "Add1 then utilitarian");

  private final Label label;

  Completion(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

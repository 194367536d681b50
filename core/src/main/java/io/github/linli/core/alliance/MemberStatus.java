package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The membership status (成员状态): {@code APPLIED → ACTIVE ⇄ SUSPENDED → WITHDRAWN | EXPELLED}.
 * {@link #WITHDRAWN} and {@link #EXPELLED} are final. The legal moves are those of {@link
 * MembershipAction}.
 *
 * @since 0.1.0
 */
public enum MemberStatus implements Labelled {
  /** Applied, not yet admitted (申请中). */
  APPLIED("申请中", "applied"),
  /** A member in good standing (正常). */
  ACTIVE("正常", "active"),
  /** Suspended: pledges do not open, no vote (暂停). */
  SUSPENDED("暂停", "suspended"),
  /** Left of its own will, or its application was withdrawn (已退出). Final. */
  WITHDRAWN("已退出", "withdrawn"),
  /** Expelled (已除名). Final. */
  EXPELLED("已除名", "expelled");

  private final Label label;

  MemberStatus(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether no further change is possible.
   *
   * @return true for {@link #WITHDRAWN} and {@link #EXPELLED}
   */
  public boolean isFinal() {
    return this == WITHDRAWN || this == EXPELLED;
  }
}

package io.github.linli.timebank;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The state of a pending transfer. It leaves {@link #PENDING} at most once.
 *
 * @since 0.1.0
 */
public enum PendingState implements Labelled {
  /** Reserved, not yet resolved. */
  PENDING("预留中", "pending"),
  /** Posted by a {@link TransferKind#POST_PENDING} transfer. */
  POSTED("已确认", "posted"),
  /** Released by a {@link TransferKind#VOID_PENDING} transfer. */
  VOIDED("已撤销", "voided"),
  /** Released because its timeout passed on the time bank's clock. */
  EXPIRED("已过期", "expired");

  private final Label label;

  PendingState(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

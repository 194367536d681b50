package io.github.linli.timebank;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * What a transfer does (TigerBeetle's single-phase and two-phase transfers).
 *
 * @since 0.1.0
 */
public enum TransferKind implements Labelled {
  /** Posts the amount at once. */
  SINGLE("即时转账", "single-phase transfer"),
  /** Reserves the amount: it counts against the debit's floor and the credit's ceiling. */
  PENDING("预留", "pending (reservation)"),
  /** Posts a pending transfer, up to its amount; the rest is released. */
  POST_PENDING("确认预留", "post pending"),
  /** Releases a pending transfer without posting. */
  VOID_PENDING("撤销预留", "void pending"),
  /** Posts the reverse of an earlier posted transfer (a correction), at most once per transfer. */
  REVERSAL("冲正", "reversal");

  private final Label label;

  TransferKind(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether this kind moves posted balances.
   *
   * @return true for {@link #SINGLE}, {@link #POST_PENDING} and {@link #REVERSAL}
   */
  public boolean posts() {
    return this == SINGLE || this == POST_PENDING || this == REVERSAL;
  }
}

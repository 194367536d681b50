package io.github.linli.timebank;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Where a service exchange stands. requested → accepted → delivered → posted (confirmed by the
 * receiver, or automatically); delivered → disputed → posted or cancelled by a coordinator;
 * requested or accepted → cancelled.
 *
 * @since 0.1.0
 */
public enum ExchangeStatus implements Labelled {
  /** The receiver asked for a service. */
  REQUESTED("已申请", "requested"),
  /** The provider accepted; the estimate is reserved on the receiver's account. */
  ACCEPTED("已接受", "accepted"),
  /** The provider reported the minutes delivered; waiting for the receiver. */
  DELIVERED("已服务", "delivered"),
  /** The receiver disputed the delivery; waiting for a coordinator. */
  DISPUTED("有争议", "disputed"),
  /** Confirmed and posted to the ledger. Final. */
  POSTED("已入账", "posted"),
  /** Cancelled, or resolved with nothing to pay; the reservation was released. Final. */
  CANCELLED("已取消", "cancelled");

  private final Label label;

  ExchangeStatus(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

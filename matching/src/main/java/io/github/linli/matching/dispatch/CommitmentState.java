package io.github.linli.matching.dispatch;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Where a {@link Commitment} is: {@code PROMISED → STARTED → DELIVERED}, or {@code PROMISED →
 * RELEASED}. Only a promised commitment may be released or moved.
 *
 * @since 0.3.0
 */
public enum CommitmentState implements Labelled {
  /** A place is promised in an offer's period (已安排). */
  PROMISED("已安排", "promised"),
  /** The service has started (服务中). */
  STARTED("服务中", "started"),
  /** The service was given (已完成). */
  DELIVERED("已完成", "delivered"),
  /** The place was given back before the service started (已释放). */
  RELEASED("已释放", "released");

  private final Label label;

  CommitmentState(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether the commitment holds capacity of its period.
   *
   * @return true unless released
   */
  public boolean holdsCapacity() {
    return this != RELEASED;
  }
}

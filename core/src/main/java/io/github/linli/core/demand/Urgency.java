package io.github.linli.core.demand;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * How soon a need must be answered (紧急程度). Within a Maslow tier, more urgent needs are served
 * first: a higher ordinal is more urgent.
 *
 * @since 0.1.0
 */
public enum Urgency implements Labelled {
  /** Can wait (不急). */
  LOW("不急", "low"),
  /** Ordinary (一般). */
  NORMAL("一般", "normal"),
  /** Soon (较急). */
  HIGH("较急", "high"),
  /** Immediately: danger to life, health or property (紧急). */
  CRITICAL("紧急", "critical");

  private final Label label;

  Urgency(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

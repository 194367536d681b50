package io.github.linli.matching.dispatch;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Why a promised commitment was released. Apart from {@link #WITHDRAWN}, the need returns to the
 * queue with its history and is placed again or explained.
 *
 * @since 0.3.0
 */
public enum ReleaseReason implements Labelled {
  /** The resident withdrew the need (需求已撤回); the need leaves the queue. */
  WITHDRAWN("需求已撤回", "the need was withdrawn"),
  /** Nobody came to the appointment (未到场). */
  NO_SHOW("未到场", "no-show"),
  /** The offer was suspended (服务暂停). */
  OFFER_SUSPENDED("服务暂停", "the service was suspended"),
  /** The providing member left the alliance or was expelled (成员退出或被除名). */
  MEMBER_EXPELLED("提供单位已退出联盟", "the providing member left the alliance"),
  /** A need of a more basic tier took the place, under the community's policy (让位于更基本的需求). */
  PREEMPTED("让位于更基本的需求", "a more basic need took the place"),
  /** A re-optimisation moved the need to another offer or period (重新安排). */
  MOVED("重新安排", "moved by re-optimisation");

  private final Label label;

  ReleaseReason(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

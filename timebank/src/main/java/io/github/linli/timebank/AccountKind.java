package io.github.linli.timebank;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Who holds an account.
 *
 * @since 0.1.0
 */
public enum AccountKind implements Labelled {
  /** A resident (居民), volunteering and receiving services. */
  RESIDENT("居民账户", "resident account"),
  /** A member unit (成员单位) of the alliance. */
  MEMBER_UNIT("成员单位账户", "member-unit account"),
  /** A community pool (社区公共账户), such as the alliance's community fund or a conversion pool. */
  COMMUNITY_POOL("社区资金池", "community pool");

  private final Label label;

  AccountKind(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The parties that hold seats in a joint meeting (联席会议), as in source 004's "one committee,
 * one house, one department" with member units and residents.
 *
 * @since 0.1.0
 */
public enum Party implements Labelled {
  /** The community Party committee (社区党委). */
  PARTY_COMMITTEE("社区党委", "community Party committee"),
  /** The residents' committee (居委会). */
  RESIDENTS_COMMITTEE("居委会", "residents' committee"),
  /** The alliance or service club (联盟 / 俱乐部). */
  ALLIANCE("联盟（俱乐部）", "alliance (club)"),
  /** Member units (成员单位). */
  MEMBER_UNITS("成员单位", "member units"),
  /** Resident representatives (居民代表). */
  RESIDENT_REPRESENTATIVES("居民代表", "resident representatives");

  private final Label label;

  Party(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Why a benefit card does not open a pledged service, in the order {@link
 * Alliance#opens(BenefitCard, Pledge)} checks them.
 *
 * @since 0.1.0
 */
public enum Refusal implements Labelled {
  /** The card is suspended (卡已暂停). */
  CARD_SUSPENDED("卡已暂停", "the card is suspended"),
  /** The card is revoked (卡已注销). */
  CARD_REVOKED("卡已注销", "the card is revoked"),
  /** The card has expired (卡已过期). */
  CARD_EXPIRED("卡已过期", "the card has expired"),
  /** The pledge is not valid today (项目不在有效期内). */
  PLEDGE_NOT_VALID("项目不在有效期内", "the pledge is not valid today"),
  /** The pledging member is not active (成员单位不在正常状态). */
  MEMBER_NOT_ACTIVE("成员单位不在正常状态", "the pledging member is not active"),
  /** The holder's age is unknown and the pledge has an age condition (年龄未知). */
  AGE_UNKNOWN("年龄未知", "the holder's age is unknown"),
  /** The holder is younger than the minimum age (未达最低年龄). */
  TOO_YOUNG("未达最低年龄", "the holder is below the minimum age"),
  /** The holder is older than the maximum age (超过最高年龄). */
  TOO_OLD("超过最高年龄", "the holder is above the maximum age"),
  /** The holder has none of the required household flags (不符合家庭条件). */
  HOUSEHOLD_FLAG_REQUIRED("不符合家庭条件", "the holder has none of the required household flags"),
  /** The holder lives outside the pledge's areas (不在服务范围内). */
  OUTSIDE_AREA("不在服务范围内", "the holder lives outside the service area"),
  /** The capacity of the current period is used up (本期名额已满). */
  CAPACITY_EXHAUSTED("本期名额已满", "this period's capacity is used up");

  private final Label label;

  Refusal(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

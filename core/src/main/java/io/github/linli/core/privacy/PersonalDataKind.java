package io.github.linli.core.privacy;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The kinds of personal data Linli knows, each with its masking rule and whether it is
 * <i>sensitive personal information</i> in the sense of article 28 of China's Personal Information
 * Protection Law (health, specific identities, the affairs of minors and vulnerable persons, ID
 * numbers, and the free text of needs, which often reveals them).
 *
 * @since 0.1.0
 */
public enum PersonalDataKind implements Labelled {
  /** A person's name (姓名): shown as {@code 张*}. */
  NAME("姓名", "name", false),
  /** A phone number (电话号码): shown as {@code 138****5678}. */
  PHONE("电话号码", "phone number", false),
  /** A resident identity card or other ID number (身份证号): shown as {@code 3301**********1234}. */
  ID_NUMBER("身份证号", "ID number", true),
  /** A postal address (住址): shown up to the district, then {@code ****}. */
  ADDRESS("住址", "address", false),
  /** An e-mail address (电子邮箱): shown as {@code a***@example.com}. */
  EMAIL("电子邮箱", "e-mail", false),
  /** Household flags (家庭情况): living alone, disability, children, low income. Never shown. */
  HOUSEHOLD_FLAGS("家庭情况", "household flags", true),
  /** Health facts (健康状况). Never shown. */
  HEALTH("健康状况", "health", true),
  /** The free text of a need (诉求内容), which may reveal anything above. Never shown. */
  NEED_TEXT("诉求内容", "need text", true),
  /** A birth date (出生日期), as ISO-8601: never shown. Since 0.2.0. */
  BIRTH_DATE("出生日期", "birth date", false),
  /** Where a resident lives, as a grid cell or neighbourhood id (居住网格): never shown. Since 0.2.0. */
  AREA("居住网格", "area", false),
  /**
   * A precise location (位置), such as the point where a need is to be served, often a home.
   * Never shown; demand pages show the grid cell instead.
   *
   * @since 0.2.0
   */
  LOCATION("位置", "location", false);

  private final Label label;
  private final boolean sensitive;

  PersonalDataKind(String zh, String en, boolean sensitive) {
    this.label = Label.of(zh, en);
    this.sensitive = sensitive;
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether this is sensitive personal information (PIPL art. 28), which needs a specific purpose
   * and stricter roles to read.
   *
   * @return true if sensitive
   */
  public boolean sensitive() {
    return sensitive;
  }

  /**
   * The masked form of a value of this kind, safe to show on screen and in reports.
   *
   * @param plain the plain value
   * @return the masked value
   */
  public String mask(String plain) {
    switch (this) {
      case NAME:
        return Masking.name(plain);
      case PHONE:
        return Masking.phone(plain);
      case ID_NUMBER:
        return Masking.idNumber(plain);
      case ADDRESS:
        return Masking.address(plain);
      case EMAIL:
        return Masking.email(plain);
      default:
        return Masking.HIDDEN;
    }
  }
}

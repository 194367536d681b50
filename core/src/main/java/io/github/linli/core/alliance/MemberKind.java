package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The kinds of alliance member (成员类型) named by the source documents.
 *
 * @since 0.1.0
 */
public enum MemberKind implements Labelled {
  /** An enterprise or institution located in the community (驻区单位). */
  RESIDENT_UNIT("驻区单位", "enterprise or institution unit"),
  /** A merchant or shop (商户). */
  MERCHANT("商户", "merchant"),
  /** A social organisation (社会组织). */
  SOCIAL_ORGANISATION("社会组织", "social organisation"),
  /** The property management company (物业服务企业). */
  PROPERTY_MANAGEMENT("物业服务企业", "property management"),
  /** The owners' committee (业主委员会). */
  OWNERS_COMMITTEE("业主委员会", "owners' committee"),
  /** The residents' committee (居民委员会). */
  RESIDENTS_COMMITTEE("居民委员会", "residents' committee"),
  /** A Party organisation (党组织). */
  PARTY_ORGANISATION("党组织", "Party organisation"),
  /** A government agency such as the street office (街道办事处). */
  GOVERNMENT_AGENCY("政府部门（街道办）", "government agency (street office)"),
  /** An individual resident volunteer (居民志愿者). */
  RESIDENT_VOLUNTEER("居民志愿者", "resident volunteer");

  private final Label label;

  MemberKind(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

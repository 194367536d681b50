package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Who can be a party to a dispute (纠纷当事方): a resident, a member unit, a merchant, the property
 * company or the residents' committee.
 *
 * @since 0.3.0
 */
public enum PartyKind implements Labelled {
  /** A resident (居民), known by an opaque {@code ResidentId}. */
  RESIDENT("居民", "resident"),
  /** An alliance member unit (成员单位, 驻区单位). */
  MEMBER_UNIT("成员单位", "member unit"),
  /** A merchant or shop (商户). */
  MERCHANT("商户", "merchant"),
  /** The property management company (物业公司). */
  PROPERTY_COMPANY("物业公司", "property company"),
  /** The residents' committee (居委会). */
  RESIDENTS_COMMITTEE("居委会", "residents' committee");

  private final Label label;

  PartyKind(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

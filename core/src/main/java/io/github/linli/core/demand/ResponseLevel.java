package io.github.linli.core.demand;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The three response levels (响应等级) of source 002: how a community answers a need.
 *
 * <p>The default mapping from tiers is {@link #defaultFor(MaslowTier)}: physiological and safety to
 * {@link #BASIC}, belonging and esteem to {@link #DEVELOPMENT}, self-actualisation to {@link
 * #ASPIRATION}.
 *
 * @since 0.1.0
 */
public enum ResponseLevel implements Labelled {
  /** Basic subsistence guarantee (生存保障). */
  BASIC("生存保障", "basic"),
  /** Capability building (能力建设). */
  DEVELOPMENT("能力建设", "development"),
  /** Value identification (价值认同). */
  ASPIRATION("价值认同", "aspiration");

  private final Label label;

  ResponseLevel(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The default response level for a tier.
   *
   * @param tier the tier
   * @return its default level
   */
  public static ResponseLevel defaultFor(MaslowTier tier) {
    switch (tier) {
      case PHYSIOLOGICAL:
      case SAFETY:
        return BASIC;
      case BELONGING:
      case ESTEEM:
        return DEVELOPMENT;
      default:
        return ASPIRATION;
    }
  }
}

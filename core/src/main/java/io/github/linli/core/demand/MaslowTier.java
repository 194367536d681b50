package io.github.linli.core.demand;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The five levels of Maslow's hierarchy of needs (需求层次), in order: a lower ordinal is more
 * basic and is served first.
 *
 * @since 0.1.0
 */
public enum MaslowTier implements Labelled {
  /** Physiological needs (生理需求): food, water, shelter, heating, basic care. */
  PHYSIOLOGICAL("生理需求", "physiological"),
  /** Safety needs (安全需求): health, security, property, employment, legal protection. */
  SAFETY("安全需求", "safety"),
  /** Belonging (社交需求): friendship, family, neighbourly ties, community life. */
  BELONGING("社交需求", "belonging"),
  /** Esteem (尊重需求): recognition, respect, status, confidence. */
  ESTEEM("尊重需求", "esteem"),
  /** Self-actualisation (自我实现): learning, creativity, volunteering, realising potential. */
  SELF_ACTUALIZATION("自我实现", "self-actualisation");

  private final Label label;

  MaslowTier(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The priority rank: 0 for the most basic tier.
   *
   * @return {@code ordinal()}
   */
  public int rank() {
    return ordinal();
  }

  /**
   * Whether this tier is more basic than another (and so is served first).
   *
   * @param other the other tier
   * @return true if this ranks before {@code other}
   */
  public boolean isMoreBasicThan(MaslowTier other) {
    return ordinal() < other.ordinal();
  }
}

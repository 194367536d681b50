package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The ladder a dispute climbs (分级调处): grid → community → street, then either judicial
 * confirmation of the agreement (司法确认) or referral to a court or to arbitration. A case starts
 * at {@link #GRID} and only ever moves up.
 *
 * @since 0.3.0
 */
public enum EscalationLevel implements Labelled {
  /** The grid worker and the building (网格). */
  GRID("网格", "grid"),
  /** The community's mediation committee (社区). */
  COMMUNITY("社区", "community"),
  /** The street office's mediation centre (街道). */
  STREET("街道", "street"),
  /** A court's confirmation of the agreement, which makes it enforceable (司法确认). */
  JUDICIAL_CONFIRMATION("司法确认", "judicial confirmation"),
  /** A lawsuit (诉讼). */
  COURT("法院诉讼", "court"),
  /** Arbitration (仲裁). */
  ARBITRATION("仲裁", "arbitration");

  private final Label label;

  EscalationLevel(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  /**
   * Whether the case leaves mediation at this level (court or arbitration).
   *
   * @return true for {@link #COURT} and {@link #ARBITRATION}
   */
  public boolean referral() {
    return this == COURT || this == ARBITRATION;
  }

  @Override
  public Label label() {
    return label;
  }
}

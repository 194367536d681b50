package io.github.linli.core.demand;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link Demand} is in its lifecycle (需求状态):
 *
 * <pre>
 * SUBMITTED → CLASSIFIED ⇄ MATCHED → IN_SERVICE → FULFILLED
 *                 │  ↺          │          ├────→ UNMET
 *                 ├─────────────┴──────────┘
 *                 └→ UNMET        (any open state) → WITHDRAWN
 * </pre>
 *
 * A matched demand whose place was released before the service started (a no-show, a suspended
 * offer, a more basic need that took the place) returns to the queue as {@link #CLASSIFIED}
 * ({@link DemandIntake#returnToQueue}), keeping its history. A classified demand may be classified
 * again (a coordinator's correction); a demand without a
 * provider may be closed as {@link #UNMET} from {@link #CLASSIFIED}, {@link #MATCHED} or {@link
 * #IN_SERVICE}; the resident may withdraw it while it is open. {@link #FULFILLED}, {@link #UNMET}
 * and {@link #WITHDRAWN} are final.
 *
 * @since 0.1.0
 */
public enum DemandState implements Labelled {
  /** Received, not yet classified (已提交). */
  SUBMITTED("已提交", "submitted"),
  /** Tier, domain and urgency known (已分类). */
  CLASSIFIED("已分类", "classified"),
  /** A provider or volunteer is assigned (已匹配). */
  MATCHED("已匹配", "matched"),
  /** The service is under way (服务中). */
  IN_SERVICE("服务中", "in service"),
  /** Closed: the need was met (已满足). */
  FULFILLED("已满足", "fulfilled"),
  /** Closed: the need could not be met (未满足). */
  UNMET("未满足", "unmet"),
  /** Closed: the resident withdrew it (已撤回). */
  WITHDRAWN("已撤回", "withdrawn");

  private final Label label;

  DemandState(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether the state is final.
   *
   * @return true for fulfilled, unmet and withdrawn
   */
  public boolean isClosed() {
    return this == FULFILLED || this == UNMET || this == WITHDRAWN;
  }

  /**
   * The states this one may move to.
   *
   * @return an unmodifiable set, empty for closed states
   */
  public Set<DemandState> successors() {
    switch (this) {
      case SUBMITTED:
        return Set.copyOf(EnumSet.of(CLASSIFIED, WITHDRAWN));
      case CLASSIFIED:
        return Set.copyOf(EnumSet.of(CLASSIFIED, MATCHED, UNMET, WITHDRAWN));
      case MATCHED:
        return Set.copyOf(EnumSet.of(IN_SERVICE, UNMET, WITHDRAWN, CLASSIFIED));
      case IN_SERVICE:
        return Set.copyOf(EnumSet.of(FULFILLED, UNMET, WITHDRAWN));
      default:
        return Set.of();
    }
  }

  /**
   * Whether a move to another state is allowed.
   *
   * @param next the next state
   * @return true if allowed
   * @throws NullPointerException if {@code next} is null
   */
  public boolean canMoveTo(DemandState next) {
    java.util.Objects.requireNonNull(next, "next");
    return successors().contains(next);
  }
}

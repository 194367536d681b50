package io.github.linli.matching;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Why a demand was not served. The codes are checked in this order: the first that applies is
 * given.
 *
 * @since 0.1.0
 */
public enum ReasonCode implements Labelled {
  /**
   * No offer of the demand's domain and tier accepts this requester (benefit card, age, household
   * flags, area), or no offer of the domain exists at all.
   */
  NO_ELIGIBLE_OFFER("无符合条件的服务", "no eligible offer"),
  /** Offers would accept the requester, but none serves the demand's place within its radius. */
  OUT_OF_RANGE("超出服务范围", "out of range"),
  /** Offers in range accept the requester, but none is available in the wanted time window. */
  OUTSIDE_TIME_WINDOW("服务时间不符", "outside time window"),
  /**
   * Feasible offers exist, but their capacity went to demands of higher priority (a more basic
   * tier, or more urgent in the same tier).
   */
  CAPACITY_TAKEN_BY_HIGHER_PRIORITY("名额已被更优先的需求占用", "capacity taken by higher priority"),
  /**
   * Feasible offers exist, but their capacity went to demands of the same priority (or it was
   * zero): the policy's tie-breaks (most served, then least distance or cost) decided.
   */
  CAPACITY_EXHAUSTED("名额已满", "capacity exhausted"),
  /**
   * (Dispatch only.) The only feasible places are promised to less basic needs, and the
   * community's policy keeps promises: the need waits, first in line for a free place.
   *
   * @since 0.3.0
   */
  WAITING_BY_POLICY("按社区规则等待空位", "waiting for a free place by the community's policy"),
  /**
   * (Dispatch only.) The need lacks what matching needs (a tier and domain from classification, or
   * a place: a point or a grid cell the community's grid map knows); it is not queued.
   *
   * @since 0.3.0
   */
  DETAILS_MISSING("信息不全，无法安排", "details missing to place it");

  private final Label label;

  ReasonCode(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}

package io.github.linli.matching.dispatch;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import io.github.linli.matching.MatchingPolicy;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A community's dispatch rules: how needs are ranked ({@link MatchingPolicy}: tier, then
 * urgency), what happens when a more basic need finds the only place promised to a less basic one
 * ({@link Preemption}), how often one need may be moved, and the zone in which the offers'
 * periods (days, weeks, months) begin.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ranking how needs are ranked (the tie-break is always distance here)
 * @param preemption what a more basic need may do to a less basic one's promise
 * @param maxMovesPerNeed how many times re-optimisation may move one need to another place, {@code >= 0}
 *     (preemption by a more basic need is not counted against it)
 * @param zone the zone of the community's calendar
 * @since 0.3.0
 */
public record DispatchPolicy(MatchingPolicy ranking, Preemption preemption, int maxMovesPerNeed, ZoneId zone) {

  /** What a more basic need may do when the only eligible place is promised to a less basic need. */
  public enum Preemption implements Labelled {
    /**
     * Take the place (抢先): the less basic need is moved elsewhere if it can be, otherwise it
     * returns to the queue and its requester is told why.
     */
    PREEMPT("优先安排更基本的需求", "basic needs first: a promise to a less basic need gives way"),
    /** Keep promises (等待): the more basic need waits, first in line for the next free place. */
    WAIT("已承诺的名额不撤回", "promises are kept: the more basic need waits for the next free place");

    private final Label label;

    Preemption(String zh, String en) {
      this.label = Label.of(zh, en);
    }

    @Override
    public Label label() {
      return label;
    }
  }

  /**
   * Checks and copies the components.
   *
   * @param ranking how needs are ranked (the tie-break is always distance here)
   * @param preemption what a more basic need may do to a less basic one's promise
   * @param maxMovesPerNeed how many times re-optimisation may move one need to another place, {@code >= 0}
   *     (preemption by a more basic need is not counted against it)
   * @param zone the zone of the community's calendar
   */
  public DispatchPolicy {
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(preemption, "preemption");
    Objects.requireNonNull(zone, "zone");
    if (maxMovesPerNeed < 0 || maxMovesPerNeed > 1000) {
      throw new ValidationException("dispatchPolicy.maxMovesPerNeed", maxMovesPerNeed, "must be 0 to 1000");
    }
  }

  /**
   * Basic needs first with preemption, at most 2 moves per need, in the given zone.
   *
   * @param zone the community's zone
   * @return the policy
   */
  public static DispatchPolicy preempt(ZoneId zone) {
    return new DispatchPolicy(MatchingPolicy.defaults(), Preemption.PREEMPT, 2, zone);
  }

  /**
   * Promises kept (a more basic need waits), at most 2 moves per need, in the given zone.
   *
   * @param zone the community's zone
   * @return the policy
   */
  public static DispatchPolicy waitForCapacity(ZoneId zone) {
    return new DispatchPolicy(MatchingPolicy.defaults(), Preemption.WAIT, 2, zone);
  }
}

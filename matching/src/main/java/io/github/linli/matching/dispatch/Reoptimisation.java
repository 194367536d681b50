package io.github.linli.matching.dispatch;

import java.util.List;

/**
 * What a re-optimisation changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param considered how many open needs it placed anew (queued, or promised and not started)
 * @param newlyServed how many queued needs got a place
 * @param moved how many promised needs it moved to another offer or period
 * @param preempted the needs that gave their place to a more basic need and are queued again
 * @param changes the outcome of every need it changed
 * @param unresolved open needs it left as they were because their place and requester were not
 *     known to this server (see {@link NeedDirectory})
 * @param inversionsAfter priority inversions left (a queued need and a less basic need holding a
 *     not-started place it could use): 0 under {@link DispatchPolicy.Preemption#PREEMPT}
 * @since 0.3.0
 */
public record Reoptimisation(int considered, int newlyServed, int moved, List<String> preempted, List<DispatchOutcome> changes,
    List<String> unresolved, int inversionsAfter) {

  /**
   * Checks and copies the components.
   *
   * @param considered how many open needs it placed anew (queued, or promised and not started)
   * @param newlyServed how many queued needs got a place
   * @param moved how many promised needs it moved to another offer or period
   * @param preempted the needs that gave their place to a more basic need and are queued again
   * @param changes the outcome of every need it changed
   * @param unresolved open needs it left as they were because their place and requester were not
   *     known to this server (see {@link NeedDirectory})
   * @param inversionsAfter priority inversions left (a queued need and a less basic need holding a
   *     not-started place it could use): 0 under {@link DispatchPolicy.Preemption#PREEMPT}
   */
  public Reoptimisation {
    preempted = List.copyOf(preempted);
    changes = List.copyOf(changes);
    unresolved = List.copyOf(unresolved);
  }
}

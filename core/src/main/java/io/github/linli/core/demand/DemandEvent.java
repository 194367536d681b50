package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a demand's history: the state it entered, when, and the opaque id of the actor who
 * moved it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DemandEvent {
  private final DemandState state;
  private final Instant at;
  private final String actorId;

  private DemandEvent(DemandState state, Instant at, String actorId) {
    this.state = state;
    this.at = at;
    this.actorId = actorId;
  }

  /**
   * Creates an event.
   *
   * @param state the state entered
   * @param at when
   * @param actorId the actor's opaque id
   * @return the event
   * @throws NullPointerException if an argument is null
   */
  public static DemandEvent of(DemandState state, Instant at, String actorId) {
    return new DemandEvent(checkNotNull(state, "state"), checkNotNull(at, "at"), checkNotNull(actorId, "actorId"));
  }

  /**
   * The state entered.
   *
   * @return the state
   */
  public DemandState state() {
    return state;
  }

  /**
   * When.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * Who (an opaque actor id).
   *
   * @return the actor id
   */
  public String actorId() {
    return actorId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemandEvent
        && ((DemandEvent) o).state == state
        && ((DemandEvent) o).at.equals(at)
        && ((DemandEvent) o).actorId.equals(actorId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, at, actorId);
  }

  @Override
  public String toString() {
    return state + "@" + at + " by " + actorId;
  }
}

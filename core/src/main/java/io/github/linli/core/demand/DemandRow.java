package io.github.linli.core.demand;

import io.github.linli.core.ResidentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a demand page ({@link DemandPages}): a demand's opaque ids, grid cell, state and
 * classification, never its text, point or household flags.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class DemandRow {
  private final String id;
  private final ResidentId requester;
  private final String gridCell;
  private final DemandState state;
  private final MaslowTier tier;
  private final String domainId;
  private final Urgency urgency;
  private final Instant createdAt;
  private final Instant updatedAt;

  DemandRow(String id, ResidentId requester, String gridCell, DemandState state, MaslowTier tier, String domainId,
      Urgency urgency, Instant createdAt, Instant updatedAt) {
    this.id = id;
    this.requester = requester;
    this.gridCell = gridCell;
    this.state = state;
    this.tier = tier;
    this.domainId = domainId;
    this.urgency = urgency;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  /**
   * The demand's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The requester's opaque id.
   *
   * @return the resident id
   */
  public ResidentId requester() {
    return requester;
  }

  /**
   * The grid cell, if the demand named one.
   *
   * @return the cell id
   */
  public Optional<String> gridCell() {
    return Optional.ofNullable(gridCell);
  }

  /**
   * The state.
   *
   * @return the state
   */
  public DemandState state() {
    return state;
  }

  /**
   * The tier, once classified.
   *
   * @return the tier
   */
  public Optional<MaslowTier> tier() {
    return Optional.ofNullable(tier);
  }

  /**
   * The service domain's id, once classified.
   *
   * @return the domain id
   */
  public Optional<String> domainId() {
    return Optional.ofNullable(domainId);
  }

  /**
   * The urgency ({@link Urgency#NORMAL} until classified).
   *
   * @return the urgency
   */
  public Urgency urgency() {
    return urgency;
  }

  /**
   * When it was submitted.
   *
   * @return the instant (microseconds)
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * When it last changed.
   *
   * @return the instant (microseconds)
   */
  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DemandRow)) {
      return false;
    }
    DemandRow r = (DemandRow) o;
    return r.id.equals(id) && r.requester.equals(requester) && Objects.equals(r.gridCell, gridCell) && r.state == state
        && r.tier == tier && Objects.equals(r.domainId, domainId) && r.urgency == urgency && r.createdAt.equals(createdAt)
        && r.updatedAt.equals(updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, requester, gridCell, state, tier, domainId, urgency, createdAt, updatedAt);
  }

  /** Returns for example {@code d-7 (r-3) B2 CLASSIFIED SAFETY/DAILY_LIVING URGENT}. */
  @Override
  public String toString() {
    return id + " (" + requester + ") " + (gridCell == null ? "-" : gridCell) + " " + state
        + (tier == null ? "" : " " + tier + "/" + domainId) + " " + urgency;
  }
}

package io.github.linli.core.demand;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A resident's demand (需求) as the community tracks it: the request, its classification (tier,
 * domain, urgency, response level), its lifecycle state with history, and on close the resident's
 * satisfaction.
 *
 * <p>Demands are made and moved by {@link DemandIntake}, which checks actors and legal
 * transitions; {@link #builder()} is for restoring stored demands and is validated (a closed
 * demand has a close time, satisfaction only on close and in 1–5, history ends in the current
 * state). The text, point and household flags are personal data: {@code toString()} masks them.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Demand {
  Demand() {}

  /**
   * The id, unique within the community.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Who needs it.
   *
   * @return the opaque resident id
   */
  public abstract ResidentId requester();

  /**
   * The need in the resident's words (personal data).
   *
   * @return the text
   */
  @Value.Redacted
  public abstract String text();

  /**
   * The service domain, once classified.
   *
   * @return the domain
   */
  public abstract Optional<ServiceDomain> domain();

  /**
   * The Maslow tier, once classified.
   *
   * @return the tier
   */
  public abstract Optional<MaslowTier> tier();

  /**
   * The urgency: {@link Urgency#NORMAL} until classified.
   *
   * @return the urgency
   */
  @Value.Default
  public Urgency urgency() {
    return Urgency.NORMAL;
  }

  /**
   * The response level of the tier under the community's mapping, once classified.
   *
   * @return the level
   */
  public abstract Optional<ResponseLevel> responseLevel();

  /**
   * The classifier's confidence, if it was classified automatically.
   *
   * @return the confidence in [0, 1]
   */
  public abstract OptionalDouble confidence();

  /**
   * Whether the classification should be checked by a coordinator.
   *
   * @return true if unsure
   */
  @Value.Default
  public boolean needsReview() {
    return false;
  }

  /**
   * Where the service is needed (personal data).
   *
   * @return the point, if known
   */
  @Value.Redacted
  public abstract Optional<GeoPoint> point();

  /**
   * The grid cell of the place.
   *
   * @return the cell id, if known
   */
  public abstract Optional<String> gridCell();

  /**
   * When the resident wants the service.
   *
   * @return the window, if given
   */
  public abstract Optional<TimeWindow> wanted();

  /**
   * Household facts (personal data).
   *
   * @return the flags
   */
  @Value.Redacted
  public abstract Set<HouseholdFlag> householdFlags();

  /**
   * When it was submitted (from the intake's clock).
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /**
   * The current state.
   *
   * @return the state
   */
  public abstract DemandState state();

  /**
   * The states it went through, oldest first; the last is the current state.
   *
   * @return the history, never empty
   */
  public abstract List<DemandEvent> history();

  /**
   * When it was closed.
   *
   * @return the instant, present exactly when the state is closed
   */
  public abstract Optional<Instant> closedAt();

  /**
   * The resident's satisfaction on close, 1 (very dissatisfied) to 5 (very satisfied).
   *
   * @return the score, if given
   */
  public abstract OptionalInt satisfaction();

  /**
   * The actor id of the provider or volunteer the demand was matched to, when the match named one
   * ({@link DemandIntake#match(io.github.linli.core.Actor, Demand, String)}). Only that actor, or
   * staff, may then start and fulfil the service.
   *
   * @return the assignee's actor id, if recorded
   */
  public abstract Optional<String> assignee();

  /**
   * The time from submission to close.
   *
   * @return the duration, if closed
   */
  public Optional<Duration> timeToClose() {
    return closedAt().map(c -> Duration.between(createdAt(), c));
  }

  @Value.Check
  void check() {
    Checks.id("demand.id", id());
    gridCell().ifPresent(c -> Checks.id("demand.gridCell", c));
    if (history().isEmpty() || history().get(history().size() - 1).state() != state()) {
      throw new ValidationException("demand.history", history().size() + " events", "must end in the current state " + state());
    }
    if (history().get(0).state() != DemandState.SUBMITTED || history().get(0).at().compareTo(createdAt()) != 0) {
      throw new ValidationException("demand.history", history().get(0), "must start with SUBMITTED at createdAt");
    }
    for (int i = 1; i < history().size(); i++) {
      DemandEvent prev = history().get(i - 1);
      DemandEvent next = history().get(i);
      if (!prev.state().canMoveTo(next.state())) {
        throw new ValidationException("demand.history[" + i + "]", next.state(), "is not a legal move from " + prev.state());
      }
      if (next.at().isBefore(prev.at())) {
        throw new ValidationException("demand.history[" + i + "].at", next.at(), "is before the previous event " + prev.at());
      }
    }
    if (state().isClosed() != closedAt().isPresent()) {
      throw new ValidationException("demand.closedAt", closedAt().orElse(null), "must be present exactly when closed (state " + state() + ")");
    }
    if (satisfaction().isPresent()) {
      int s = satisfaction().getAsInt();
      if (!state().isClosed()) {
        throw new ValidationException("demand.satisfaction", s, "only on close (state " + state() + ")");
      }
      if (s < 1 || s > 5) {
        throw new ValidationException("demand.satisfaction", s, "must be 1 to 5");
      }
    }
    if (confidence().isPresent()) {
      double c = confidence().getAsDouble();
      if (!(c >= 0 && c <= 1)) {
        throw new ValidationException("demand.confidence", c, "must be in [0, 1]");
      }
    }
    boolean classified = state() != DemandState.SUBMITTED && !(state() == DemandState.WITHDRAWN && history().size() == 2);
    if (classified && (domain().isEmpty() || tier().isEmpty())) {
      throw new ValidationException("demand.tier", state(), "a demand past SUBMITTED needs a tier and a domain");
    }
  }

  /**
   * A builder, for restoring stored demands. New demands come from {@link DemandIntake}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Demand}. Not thread-safe. */
  public static final class Builder extends ImmutableDemand.Builder {
    Builder() {}
  }
}

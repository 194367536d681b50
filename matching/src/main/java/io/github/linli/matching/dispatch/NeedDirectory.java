package io.github.linli.matching.dispatch;

import io.github.linli.core.Actor;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.matching.Need;
import io.github.linli.matching.RequesterFacts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a dispatcher looks up the personal half of a need it did not see arrive (one that arrived
 * on another server, or before a restart): its place and its requester's facts. The dispatcher's
 * events keep only ids, tiers, domains, cells and windows, never a home's location or a resident's
 * facts; a portal implements this from its {@code DemandIntake} and benefit-card records.
 *
 * <p>Only {@link Need#place()} and {@link Need#requester()} of the answer are used (the tier,
 * domain, cell and window come from the dispatcher's own record). Must be thread-safe.
 *
 * @since 0.3.0
 */
@FunctionalInterface
public interface NeedDirectory {
  /**
   * The need with this id, if known.
   *
   * @param needId the id
   * @return the need, or empty
   */
  Optional<Need> find(String needId);

  /**
   * A directory that knows nothing: a dispatcher then re-places only needs it saw arrive.
   *
   * @return the directory
   */
  static NeedDirectory none() {
    return id -> Optional.empty();
  }

  /**
   * A directory that reads a stored intake's demands (as the system, so each read is recorded in
   * the personal-data store's access log): the demand's point, or its grid cell's centre on the
   * map, and the requester's facts the portal looks up (card, age; the demand's household flags
   * are added). A demand not classified, or without a place, is not found.
   *
   * @param intake the community's stored intake ({@link DemandIntake#open})
   * @param grid the community's grid map
   * @param requesters the requester's facts of a demand (from the portal's card records)
   * @return the directory
   */
  static NeedDirectory fromIntake(DemandIntake intake, GridMap grid, Function<Demand, RequesterFacts> requesters) {
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(requesters, "requesters");
    return id -> intake.find(Actor.system(), id).flatMap(d -> {
      if (d.tier().isEmpty() || d.domain().isEmpty()) {
        return Optional.empty();
      }
      Optional<GeoPoint> place = d.point().or(() -> grid.centre(d.gridCell().orElse(null)));
      if (place.isEmpty()) {
        return Optional.empty();
      }
      RequesterFacts facts = requesters.apply(d);
      Demand placed = Demand.builder().from(d).point(place.get()).gridCell(d.gridCell().orElse("none"))
          .wanted(d.wanted().orElse(TimeWindow.of(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)))).build();
      return Optional.of(Need.fromDemand(placed, facts == null ? RequesterFacts.none() : facts));
    });
  }
}

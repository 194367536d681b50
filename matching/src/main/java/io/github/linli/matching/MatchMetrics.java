package io.github.linli.matching;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The figures of a matching result: served shares by tier, domain and neighbourhood, offer
 * utilisation, the supply–demand gap by domain (the "resource mismatch" figure of source 002) and
 * the served-priority score. Also available as core {@link Observation}s for the scorecard.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class MatchMetrics {
  MatchMetrics() {}

  /**
   * The number of demands.
   *
   * @return the count
   */
  public abstract int demandCount();

  /**
   * The number served.
   *
   * @return the count
   */
  public abstract int servedCount();

  /**
   * The share served, in {@code [0, 1]} (1 when there are no demands).
   *
   * @return the share
   */
  public abstract double servedShare();

  /**
   * The share served per tier (tiers with demands only).
   *
   * @return the shares
   */
  public abstract Map<MaslowTier, Double> servedShareByTier();

  /**
   * The share served per domain (domains with demands only).
   *
   * @return the shares
   */
  public abstract Map<ServiceDomain, Double> servedShareByDomain();

  /**
   * The share served per neighbourhood.
   *
   * @return the shares
   */
  public abstract Map<String, Double> servedShareByNeighbourhood();

  /**
   * Used capacity over total capacity of all offers, in {@code [0, 1]} (0 without capacity).
   *
   * @return the share
   */
  public abstract double offerUtilisation();

  /**
   * Used capacity over capacity per offer (offers of positive capacity).
   *
   * @return the shares
   */
  public abstract Map<String, Double> offerUtilisationByOffer();

  /**
   * Per domain: demands minus offered capacity (an offer of several domains counts in each).
   * Positive is a shortage, negative a surplus.
   *
   * @return the gaps
   */
  public abstract Map<ServiceDomain, Integer> supplyGapByDomain();

  /**
   * The served-priority score: each served demand counts {@code 5 - tier rank} (5 for
   * physiological, 1 for self-actualisation). Used to compare matchers.
   *
   * @return the score
   */
  public abstract long servedPriorityScore();

  /**
   * The total distance of the assignments, in metres.
   *
   * @return the distance
   */
  public abstract double totalDistanceMetres();

  /**
   * The figures as observations for the scorecard, with unit and source {@code matching}:
   * {@code matching.served_share}, {@code matching.served_share.tier.<tier>}, {@code
   * matching.served_share.domain.<domain>}, {@code matching.served_share.neighbourhood} (scoped to
   * the neighbourhood id), {@code matching.offer_utilisation}, {@code
   * matching.supply_gap.domain.<domain>} and {@code matching.served_priority_score}.
   *
   * @param period the period matched
   * @param scope the community or area id
   * @return the observations
   * @throws io.github.linli.core.ValidationException if the scope is not a valid id
   */
  public List<Observation> observations(Period period, String scope) {
    List<Observation> out = new ArrayList<>();
    out.add(obs("matching.served_share", servedShare(), period, scope, "share"));
    for (Map.Entry<MaslowTier, Double> e : servedShareByTier().entrySet()) {
      out.add(obs("matching.served_share.tier." + lower(e.getKey().name()), e.getValue(), period, scope, "share"));
    }
    for (Map.Entry<ServiceDomain, Double> e : servedShareByDomain().entrySet()) {
      out.add(obs("matching.served_share.domain." + lower(e.getKey().id()), e.getValue(), period, scope, "share"));
    }
    for (Map.Entry<String, Double> e : servedShareByNeighbourhood().entrySet()) {
      out.add(obs("matching.served_share.neighbourhood", e.getValue(), period, e.getKey(), "share"));
    }
    out.add(obs("matching.offer_utilisation", offerUtilisation(), period, scope, "share"));
    for (Map.Entry<ServiceDomain, Integer> e : supplyGapByDomain().entrySet()) {
      out.add(obs("matching.supply_gap.domain." + lower(e.getKey().id()), e.getValue(), period, scope, "count"));
    }
    out.add(obs("matching.served_priority_score", servedPriorityScore(), period, scope, "points"));
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static Observation obs(String id, double value, Period period, String scope, String unit) {
    return Observation.builder()
        .indicatorId(id)
        .value(value)
        .period(period)
        .scope(scope)
        .unit(unit)
        .source("matching")
        .build();
  }

  /** Returns the headline figures. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "MatchMetrics{served %d of %d (%.1f %%), utilisation %.1f %%, priority score %d, distance %s}",
        servedCount(),
        demandCount(),
        100 * servedShare(),
        100 * offerUtilisation(),
        servedPriorityScore(),
        Distances.text(totalDistanceMetres()));
  }

  static ImmutableMatchMetrics.Builder builder() {
    return ImmutableMatchMetrics.builder();
  }
}

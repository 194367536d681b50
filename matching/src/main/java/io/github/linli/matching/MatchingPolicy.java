package io.github.linli.matching;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.Urgency;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * How demands are ranked and offers chosen. The objective is lexicographic:
 *
 * <ol>
 *   <li>(optional fairness) as many as possible of each neighbourhood's quota demands: its {@link
 *       #minimumNeighbourhoodShare()} of demands, taken in priority order;
 *   <li>strict Maslow tier priority: physiological first … self-actualisation last;
 *   <li>within a tier, urgency (critical first), unless {@link #urgencyWithinTier()} is off;
 *   <li>then the most demands served;
 *   <li>then the least total {@link #tieBreak() distance or price}.
 * </ol>
 *
 * <p>"Strict" means: no demand of a lower priority class holds capacity that a demand of a higher
 * class could have used; formally, the vector of served counts per class, read from the highest
 * class down, is lexicographically maximal. Hard constraints are never relaxed: domain and tier,
 * eligibility, service radius, time-window overlap and capacity.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class MatchingPolicy {
  MatchingPolicy() {}

  /** The last criterion of the objective. */
  public enum TieBreak implements Labelled {
    /** Least total distance between demand and offer. */
    DISTANCE("距离最短", "least distance"),
    /** Least total price paid by the requesters, then least distance. */
    PRICE("费用最低", "least price");

    private final Label label;

    TieBreak(String zh, String en) {
      this.label = Label.of(zh, en);
    }

    @Override
    public Label label() {
      return label;
    }
  }

  /**
   * Whether urgency ranks demands within a tier.
   *
   * @return true unless set off
   */
  @Value.Default
  public boolean urgencyWithinTier() {
    return true;
  }

  /**
   * The last criterion.
   *
   * @return distance unless set
   */
  @Value.Default
  public TieBreak tieBreak() {
    return TieBreak.DISTANCE;
  }

  /**
   * The minimum served share per neighbourhood, in {@code (0, 1]}, if fairness is on.
   *
   * @return the share
   */
  public abstract OptionalDouble minimumNeighbourhoodShare();

  /**
   * The priority class of a demand: 0 is the most basic tier at the highest urgency.
   *
   * @param tier the tier
   * @param urgency the urgency
   * @return the class, smaller is served first
   */
  public int priorityClass(MaslowTier tier, Urgency urgency) {
    int u = Urgency.values().length;
    return urgencyWithinTier() ? tier.rank() * u + (u - 1 - urgency.ordinal()) : tier.rank();
  }

  /**
   * The number of priority classes (without the fairness layer).
   *
   * @return 20 with urgency within tier, else 5
   */
  public int priorityClassCount() {
    return urgencyWithinTier() ? MaslowTier.values().length * Urgency.values().length : MaslowTier.values().length;
  }

  /**
   * The default policy: tier then urgency, then most served, then least distance; no fairness
   * quota.
   *
   * @return the default
   */
  public static MatchingPolicy defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (minimumNeighbourhoodShare().isPresent()) {
      double s = minimumNeighbourhoodShare().getAsDouble();
      if (!(s > 0 && s <= 1)) {
        throw new ValidationException("matchingPolicy.minimumNeighbourhoodShare", s, "must be in (0, 1]");
      }
    }
  }

  /** Builds a {@link MatchingPolicy}. Not thread-safe. */
  public static final class Builder extends ImmutableMatchingPolicy.Builder {
    Builder() {}
  }
}

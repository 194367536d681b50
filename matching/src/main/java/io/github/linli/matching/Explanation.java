package io.github.linli.matching;

import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.Urgency;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * Why a demand got its offer: the parts of its score and the alternatives that were considered.
 * Holds no personal data (the requester's facts never appear).
 *
 * <p>The score of an assignment is {@code priorityWeight - costPenalty}: the weight of the
 * demand's priority class (so large that a higher class always wins, see {@link MatchingPolicy})
 * minus the distance or price, scaled to integer units. The exact matcher maximises the total
 * score.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Explanation {
  Explanation() {}

  /**
   * The matcher that decided: {@code exact}, {@code greedy} or {@code streaming}.
   *
   * @return the method
   */
  public abstract String method();

  /**
   * The demand's Maslow tier.
   *
   * @return the tier
   */
  public abstract MaslowTier tier();

  /**
   * The demand's urgency.
   *
   * @return the urgency
   */
  public abstract Urgency urgency();

  /**
   * The demand's priority class (0 first), including the fairness layer when on: quota demands
   * have the classes {@code 0 .. c-1}, the others {@code c .. 2c-1}.
   *
   * @return the class
   */
  public abstract int priorityClass();

  /**
   * Whether the demand was within its neighbourhood's fairness quota.
   *
   * @return true if so
   */
  public abstract boolean fairnessQuota();

  /**
   * The priority part of the score.
   *
   * @return the weight
   */
  public abstract long priorityWeight();

  /**
   * The cost part of the score (distance or price in scaled units), subtracted.
   *
   * @return the penalty
   */
  public abstract long costPenalty();

  /**
   * The score: {@code priorityWeight - costPenalty}.
   *
   * @return the score
   */
  @Value.Derived
  public long score() {
    return priorityWeight() - costPenalty();
  }

  /**
   * The distance to the chosen offer, in metres.
   *
   * @return the distance
   */
  public abstract double distanceMetres();

  /**
   * The price the requester pays, in fen.
   *
   * @return the price
   */
  public abstract long priceFen();

  /**
   * The other feasible offers considered, nearest first (at most five).
   *
   * @return the alternatives
   */
  public abstract List<Alternative> alternatives();

  /**
   * Returns the method, tier, urgency, priority class and weight, the distance and those of the
   * alternatives rounded to tens of metres, and the price, for logs and JShell. The exact distances
   * and the cost part of the score (which is proportional to the distance) are left out of the text
   * (issue 17: printed to the decimetre, the distances to a few public offers located a requester's
   * home); the accessors give them.
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Explanation{%s, %s/%s, class %d%s, priority weight %d, %s, %d fen, alternatives %s}",
        method(),
        tier(),
        urgency(),
        priorityClass(),
        fairnessQuota() ? " (fairness quota)" : "",
        priorityWeight(),
        Distances.text(distanceMetres()),
        priceFen(),
        alternatives());
  }

  static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}

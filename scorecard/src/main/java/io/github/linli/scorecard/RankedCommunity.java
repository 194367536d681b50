package io.github.linli.scorecard;

import java.util.Locale;

/**
 * One community's place in a TOPSIS ranking of scorecards ({@link Scorecard#rank(java.util.List)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RankedCommunity {
  private final int rank;
  private final String community;
  private final double closeness;
  private final double total;

  RankedCommunity(int rank, String community, double closeness, double total) {
    this.rank = rank;
    this.community = community;
    this.closeness = closeness;
    this.total = total;
  }

  /**
   * The rank, 1 for the best; ties share the better rank.
   *
   * @return the rank
   */
  public int rank() {
    return rank;
  }

  /**
   * The community.
   *
   * @return the community id
   */
  public String community() {
    return community;
  }

  /**
   * The TOPSIS closeness to the ideal community, in [0, 1].
   *
   * @return the closeness
   */
  public double closeness() {
    return closeness;
  }

  /**
   * The community's total score, 0–100, for reference.
   *
   * @return the total
   */
  public double total() {
    return total;
  }

  /** Returns for example {@code 1. lishan closeness=0.8123 total=78.4}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%d. %s closeness=%.4f total=%.1f", rank, community, closeness, total);
  }
}

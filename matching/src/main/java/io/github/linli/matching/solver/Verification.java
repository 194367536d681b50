package io.github.linli.matching.solver;

import java.util.Objects;

/**
 * The outcome of {@link MaxWeightBMatching#verify}: either {@link Verdict#OPTIMAL}, with the
 * proven optimal profit, or the first condition found violated, with the index it concerns (a
 * demand, an offer or an edge, as the verdict says) and a message naming the values.
 *
 * <p>An immutable value. Thread-safe.
 *
 * @since 0.1.0
 */
public final class Verification {
  /**
   * What {@code verify} found. Every verdict but {@link #OPTIMAL} names one violated condition,
   * checked in this order: first that the matching is feasible, then that the prices are feasible
   * for the dual, then complementary slackness.
   *
   * @since 0.1.0
   */
  public enum Verdict {
    /** The matching is feasible and the certificate proves it optimal; the index is -1. */
    OPTIMAL,
    /** A demand chose neither -1 nor an edge index; the index is the demand. */
    EDGE_OUT_OF_RANGE,
    /** A demand chose an edge that belongs to another demand; the index is the demand. */
    EDGE_OF_ANOTHER_DEMAND,
    /** An offer serves more demands than its capacity; the index is the offer. */
    OVER_CAPACITY,
    /** A demand's utility is negative; the index is the demand. */
    NEGATIVE_UTILITY,
    /** An offer's price is negative; the index is the offer. */
    NEGATIVE_PRICE,
    /**
     * An edge's profit exceeds its demand's utility plus its offer's price, so the prices do not
     * bound the optimum (dual infeasible); the index is the edge.
     */
    EDGE_NOT_COVERED,
    /**
     * A chosen edge's profit is below its demand's utility plus its offer's price (complementary
     * slackness); the index is the demand.
     */
    CHOSEN_EDGE_NOT_TIGHT,
    /**
     * An unserved demand has a positive utility (complementary slackness); the index is the
     * demand.
     */
    UNSERVED_WITH_UTILITY,
    /**
     * An offer with spare capacity has a positive price (complementary slackness); the index is
     * the offer.
     */
    PRICED_OFFER_NOT_FULL
  }

  private final Verdict verdict;
  private final int index;
  private final long profit;
  private final String message;

  private Verification(Verdict verdict, int index, long profit, String message) {
    this.verdict = verdict;
    this.index = index;
    this.profit = profit;
    this.message = message;
  }

  static Verification optimal(long profit) {
    return new Verification(Verdict.OPTIMAL, -1, profit, "optimal, total profit " + profit);
  }

  static Verification failed(Verdict verdict, int index, String message) {
    return new Verification(Objects.requireNonNull(verdict), index, 0, message);
  }

  /**
   * Whether the certificate proves the matching optimal.
   *
   * @return {@code verdict() == OPTIMAL}
   */
  public boolean isOptimal() {
    return verdict == Verdict.OPTIMAL;
  }

  /**
   * The verdict.
   *
   * @return {@link Verdict#OPTIMAL} or the first violated condition
   */
  public Verdict verdict() {
    return verdict;
  }

  /**
   * The demand, offer or edge the verdict concerns (see each {@link Verdict}).
   *
   * @return the index, or -1 if optimal
   */
  public int index() {
    return index;
  }

  /**
   * The total profit of the matching, proven to be the optimum.
   *
   * @return the total profit if optimal, else 0
   */
  public long profit() {
    return profit;
  }

  /**
   * What was found, with the values involved, in English (the kernel's messages are for
   * developers; they hold indices and numbers only).
   *
   * @return for example {@code "edge 17 not covered: demandUtility[3] + offerPrice[2] = 5 <
   *     edgeProfit[17] = 7"}
   */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Verification)) {
      return false;
    }
    Verification v = (Verification) o;
    return verdict == v.verdict && index == v.index && profit == v.profit && message.equals(v.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdict, index, profit, message);
  }

  /**
   * The verdict and the message.
   *
   * @return for example {@code "OPTIMAL: optimal, total profit 42"}
   */
  @Override
  public String toString() {
    return verdict + ": " + message;
  }
}

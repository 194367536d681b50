package io.github.linli.matching.solver;

import java.util.Arrays;
import java.util.Objects;

/**
 * Dual prices that prove a matching optimal: a utility {@code u[d] >= 0} for every demand and a
 * price {@code p[o] >= 0} for every offer. They are the variables of the linear-programming dual
 * of the matching problem,
 *
 * <pre>
 *   minimise  sum_d u[d] + sum_o capacity[o] * p[o]
 *   such that u[d] + p[o] >= profit(e)   for every edge e = (d, o),   u >= 0,  p >= 0.
 * </pre>
 *
 * <p>By weak duality every feasible matching has a total profit of at most this sum; a matching
 * that meets it, which is the case exactly when complementary slackness holds (every chosen edge
 * is tight, {@code u[d] + p[o] = profit(e)}; a demand with positive utility is served; an offer
 * with a positive price is full), is therefore optimal. {@link MaxWeightBMatching#verify} checks
 * these conditions in time linear in the size of the instance, so a user can trust an answer
 * without running another solver. Since the constraint matrix of a bipartite matching is totally
 * unimodular, whole-number prices always exist for whole-number profits; the kernel returns such
 * prices, and for its own answers the prices are bounded by the largest profit.
 *
 * <p>An immutable value: the arrays are copied in and out. Thread-safe.
 *
 * @since 0.1.0
 */
public final class OptimalityCertificate {
  private final long[] demandUtility;
  private final long[] offerPrice;

  private OptimalityCertificate(long[] demandUtility, long[] offerPrice) {
    this.demandUtility = demandUtility;
    this.offerPrice = offerPrice;
  }

  /**
   * A certificate from prices computed elsewhere (for instance by another solver), to check with
   * {@link MaxWeightBMatching#verify}. No condition is checked here: {@code verify} says what is
   * wrong.
   *
   * @param demandUtility the utility of each demand, indexed like the demands of the instance
   * @param offerPrice the price of each offer, indexed like {@code offerCapacity}
   * @return the certificate, holding copies of both arrays
   * @throws NullPointerException if an array is null (the message names it)
   */
  public static OptimalityCertificate of(long[] demandUtility, long[] offerPrice) {
    Objects.requireNonNull(demandUtility, "demandUtility");
    Objects.requireNonNull(offerPrice, "offerPrice");
    return new OptimalityCertificate(demandUtility.clone(), offerPrice.clone());
  }

  /** Wraps arrays that nobody else holds (the kernel's own). */
  static OptimalityCertificate wrap(long[] demandUtility, long[] offerPrice) {
    return new OptimalityCertificate(demandUtility, offerPrice);
  }

  /**
   * The utility of each demand (what being served is worth to it at the offers' prices).
   *
   * @return a copy, one entry per demand
   */
  public long[] demandUtilities() {
    return demandUtility.clone();
  }

  /**
   * The price of each offer (the marginal value of one more unit of its capacity).
   *
   * @return a copy, one entry per offer
   */
  public long[] offerPrices() {
    return offerPrice.clone();
  }

  /**
   * The utility of one demand.
   *
   * @param demand a demand index
   * @return its utility
   * @throws IndexOutOfBoundsException if {@code demand} is not in {@code [0, demandCount())}
   */
  public long demandUtility(int demand) {
    Objects.checkIndex(demand, demandUtility.length);
    return demandUtility[demand];
  }

  /**
   * The price of one offer.
   *
   * @param offer an offer index
   * @return its price
   * @throws IndexOutOfBoundsException if {@code offer} is not in {@code [0, offerCount())}
   */
  public long offerPrice(int offer) {
    Objects.checkIndex(offer, offerPrice.length);
    return offerPrice[offer];
  }

  /**
   * The number of demand utilities.
   *
   * @return the length of {@link #demandUtilities()}
   */
  public int demandCount() {
    return demandUtility.length;
  }

  /**
   * The number of offer prices.
   *
   * @return the length of {@link #offerPrices()}
   */
  public int offerCount() {
    return offerPrice.length;
  }

  long[] utilityArray() {
    return demandUtility;
  }

  long[] priceArray() {
    return offerPrice;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptimalityCertificate
        && Arrays.equals(demandUtility, ((OptimalityCertificate) o).demandUtility)
        && Arrays.equals(offerPrice, ((OptimalityCertificate) o).offerPrice);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(demandUtility) + Arrays.hashCode(offerPrice);
  }

  /**
   * The sizes and, for a small certificate, the prices themselves.
   *
   * @return for example {@code OptimalityCertificate{demandUtility=[0, 3], offerPrice=[2]}}
   */
  @Override
  public String toString() {
    if (demandUtility.length + offerPrice.length <= 32) {
      return "OptimalityCertificate{demandUtility=" + Arrays.toString(demandUtility)
          + ", offerPrice=" + Arrays.toString(offerPrice) + "}";
    }
    return "OptimalityCertificate{" + demandUtility.length + " demand utilities, "
        + offerPrice.length + " offer prices}";
  }
}

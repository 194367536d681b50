package io.github.linli.matching;

import io.github.linli.core.ValidationException;

/**
 * What an offer costs the resident, in fen (分, 1/100 yuan): free (as 33 of the 77 pledged projects
 * of source 004 are), or a full price with an optional lower price for benefit-card holders
 * (惠民卡). The matchers use the amounts to explain an assignment and, by policy, to prefer the
 * cheaper offer.
 *
 * <p>Not the same concept as core's {@link io.github.linli.core.alliance.PledgePrice}, which says
 * what a member promises card holders without any amount: free, a discount in percent, or the market
 * price. {@link Offer#fromPledge Offer.fromPledge(pledge, period, zone, radius, marketPriceFen)}
 * turns the one into the other at a market price the caller supplies: {@code free()} becomes
 * {@link #free()}; {@code discount(p)} becomes {@code of(market, market * (100 - p) / 100)},
 * rounded down to the fen; {@code marketPrice()} becomes {@code of(market, market)}. Who may use the
 * offer at all is its {@link io.github.linli.core.alliance.PledgeEligibility}, not its price.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PriceTerms {
  private static final PriceTerms FREE = new PriceTerms(0, 0);

  private final long fullPriceFen;
  private final long cardHolderPriceFen;

  private PriceTerms(long fullPriceFen, long cardHolderPriceFen) {
    this.fullPriceFen = fullPriceFen;
    this.cardHolderPriceFen = cardHolderPriceFen;
  }

  /**
   * A free service.
   *
   * @return the free terms
   */
  public static PriceTerms free() {
    return FREE;
  }

  /**
   * A priced service.
   *
   * @param fullPriceFen the price in fen, {@code >= 0}
   * @param cardHolderPriceFen the price for benefit-card holders, in {@code [0, fullPriceFen]}
   * @return the terms
   * @throws ValidationException if a price is negative or the card price above the full price
   */
  public static PriceTerms of(long fullPriceFen, long cardHolderPriceFen) {
    if (fullPriceFen < 0) {
      throw new ValidationException("priceTerms.fullPriceFen", fullPriceFen, "must not be negative");
    }
    if (cardHolderPriceFen < 0 || cardHolderPriceFen > fullPriceFen) {
      throw new ValidationException(
          "priceTerms.cardHolderPriceFen", cardHolderPriceFen, "must be in [0, fullPriceFen = " + fullPriceFen + "]");
    }
    return fullPriceFen == 0 ? FREE : new PriceTerms(fullPriceFen, cardHolderPriceFen);
  }

  /**
   * The full price.
   *
   * @return fen
   */
  public long fullPriceFen() {
    return fullPriceFen;
  }

  /**
   * The price for benefit-card holders.
   *
   * @return fen
   */
  public long cardHolderPriceFen() {
    return cardHolderPriceFen;
  }

  /**
   * Whether the service is free for everyone.
   *
   * @return true if free
   */
  public boolean isFree() {
    return fullPriceFen == 0;
  }

  /**
   * The price a requester pays.
   *
   * @param cardHolder whether the requester holds a benefit card
   * @return fen
   */
  public long priceFen(boolean cardHolder) {
    return cardHolder ? cardHolderPriceFen : fullPriceFen;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceTerms
        && ((PriceTerms) o).fullPriceFen == fullPriceFen
        && ((PriceTerms) o).cardHolderPriceFen == cardHolderPriceFen;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fullPriceFen) * 31 + Long.hashCode(cardHolderPriceFen);
  }

  @Override
  public String toString() {
    return isFree() ? "free" : fullPriceFen + " fen (card " + cardHolderPriceFen + " fen)";
  }
}

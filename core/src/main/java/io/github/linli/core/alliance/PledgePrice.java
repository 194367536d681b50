package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a card holder pays for a pledged service: nothing, a discount off the market price, or the
 * market price (the pledge then opens access only). It holds no amount: the market price is the
 * member's, and changes without a new pledge.
 *
 * <p>The matching module prices it: {@code io.github.linli.matching.PriceTerms} holds amounts in fen
 * (a full price and a card-holder price), and {@code Offer.fromPledge(pledge, period, zone, radius,
 * marketPriceFen)} maps {@link #free()} to free terms, {@link #discount(int) discount(p)} to the
 * market price with a card-holder price of {@code market * (100 - p) / 100} fen (rounded down), and
 * {@link #marketPrice()} to the market price for everyone. Who may use the service is its {@link
 * PledgeEligibility}, not its price.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PledgePrice implements Labelled {
  /** The three kinds of price terms. */
  public enum Kind {
    /** Free of charge (免费). */
    FREE,
    /** A discount off the market price (优惠). */
    DISCOUNT,
    /** The market price (市场价). */
    MARKET_PRICE
  }

  private static final PledgePrice FREE = new PledgePrice(Kind.FREE, 100);
  private static final PledgePrice MARKET = new PledgePrice(Kind.MARKET_PRICE, 0);

  private final Kind kind;
  private final int discountPercent;

  private PledgePrice(Kind kind, int discountPercent) {
    this.kind = kind;
    this.discountPercent = discountPercent;
  }

  /**
   * Free of charge.
   *
   * @return the terms
   */
  public static PledgePrice free() {
    return FREE;
  }

  /**
   * The market price.
   *
   * @return the terms
   */
  public static PledgePrice marketPrice() {
    return MARKET;
  }

  /**
   * A discount of some percent off the market price.
   *
   * @param percent the discount, 1 to 99 (use {@link #free()} for 100)
   * @return the terms
   * @throws ValidationException if {@code percent} is outside 1..99
   */
  public static PledgePrice discount(int percent) {
    if (percent < 1 || percent > 99) {
      throw new ValidationException("price.discountPercent", percent, "must be in 1..99");
    }
    return new PledgePrice(Kind.DISCOUNT, percent);
  }

  /**
   * The kind of terms.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether the service is free.
   *
   * @return true for {@link Kind#FREE}
   */
  public boolean isFree() {
    return kind == Kind.FREE;
  }

  /**
   * The discount in percent, for {@link Kind#DISCOUNT}.
   *
   * @return the percent, or empty
   */
  public OptionalInt discountPercent() {
    return kind == Kind.DISCOUNT ? OptionalInt.of(discountPercent) : OptionalInt.empty();
  }

  @Override
  public Label label() {
    switch (kind) {
      case FREE:
        return Label.of("免费", "free");
      case DISCOUNT:
        return Label.of(
            String.format(Locale.ROOT, "优惠%d%%", discountPercent), String.format(Locale.ROOT, "%d %% off", discountPercent));
      default:
        return Label.of("市场价", "market price");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PledgePrice && ((PledgePrice) o).kind == kind && ((PledgePrice) o).discountPercent == discountPercent;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + discountPercent;
  }

  @Override
  public String toString() {
    return label().en();
  }
}

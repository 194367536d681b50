package io.github.linli.matching;

import java.util.Locale;
import org.immutables.value.Value;

/**
 * Another offer that could have served a demand (it met every hard constraint but capacity), as
 * listed in an {@link Explanation}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Alternative {
  Alternative() {}

  /**
   * The offer's id.
   *
   * @return the id
   */
  public abstract String offerId();

  /**
   * The distance from the demand's place, in metres.
   *
   * @return the distance
   */
  public abstract double distanceMetres();

  /**
   * The price the requester would pay there, in fen.
   *
   * @return the price
   */
  public abstract long priceFen();

  /**
   * Whether its capacity was fully used in the result.
   *
   * @return true if full
   */
  public abstract boolean full();

  /** Returns the offer id, distance (to the decimetre), price and whether it was full. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s %d fen%s", offerId(), Distances.text(distanceMetres()), priceFen(), full() ? " full" : "");
  }

  static Alternative of(String offerId, double distanceMetres, long priceFen, boolean full) {
    return ImmutableAlternative.builder()
        .offerId(offerId)
        .distanceMetres(distanceMetres)
        .priceFen(priceFen)
        .full(full)
        .build();
  }
}

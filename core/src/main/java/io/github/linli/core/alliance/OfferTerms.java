package io.github.linli.core.alliance;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What matching needs to know of a pledge beyond the pledge itself (匹配参数): how far from its
 * place it serves, the grid cells it serves (none: wherever its radius reaches), and the market
 * price in fen against which a discount is priced. Kept with the pledge ({@link
 * Pledge#offerTerms()}), so that every server matches it the same way.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class OfferTerms {
  private final double radiusMetres;
  private final long marketPriceFen;
  private final Set<String> serviceAreas;

  private OfferTerms(double radiusMetres, long marketPriceFen, Set<String> serviceAreas) {
    this.radiusMetres = radiusMetres;
    this.marketPriceFen = marketPriceFen;
    this.serviceAreas = serviceAreas;
  }

  /**
   * Terms with a radius, a market price and the grid cells served.
   *
   * @param radiusMetres how far from its place it serves, finite and {@code > 0}
   * @param marketPriceFen the market price in fen, {@code >= 0} (0 for a free pledge)
   * @param serviceAreas the grid-cell ids it serves; empty for wherever the radius reaches
   * @return the terms
   * @throws ValidationException naming the field if a value is not acceptable
   */
  public static OfferTerms of(double radiusMetres, long marketPriceFen, Set<String> serviceAreas) {
    if (!(radiusMetres > 0) || Double.isInfinite(radiusMetres)) {
      throw new ValidationException("offerTerms.radiusMetres", radiusMetres, "must be finite and > 0");
    }
    if (marketPriceFen < 0) {
      throw new ValidationException("offerTerms.marketPriceFen", marketPriceFen, "must not be negative");
    }
    if (serviceAreas == null) {
      throw new ValidationException("offerTerms.serviceAreas", null, "must not be null");
    }
    Set<String> areas = new TreeSet<>();
    for (String a : serviceAreas) {
      areas.add(Checks.id("offerTerms.serviceAreas", a));
    }
    return new OfferTerms(radiusMetres, marketPriceFen, Set.copyOf(areas));
  }

  /**
   * Terms with a radius and a market price, serving wherever the radius reaches.
   *
   * @param radiusMetres how far it serves
   * @param marketPriceFen the market price in fen
   * @return the terms
   * @throws ValidationException if a value is not acceptable
   */
  public static OfferTerms of(double radiusMetres, long marketPriceFen) {
    return of(radiusMetres, marketPriceFen, Set.of());
  }

  /**
   * How far from its place it serves, in metres.
   *
   * @return the radius
   */
  public double radiusMetres() {
    return radiusMetres;
  }

  /**
   * The market price in fen.
   *
   * @return the price
   */
  public long marketPriceFen() {
    return marketPriceFen;
  }

  /**
   * The grid cells it serves; empty for wherever its radius reaches.
   *
   * @return the cell ids
   */
  public Set<String> serviceAreas() {
    return serviceAreas;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OfferTerms && ((OfferTerms) o).radiusMetres == radiusMetres && ((OfferTerms) o).marketPriceFen == marketPriceFen
        && ((OfferTerms) o).serviceAreas.equals(serviceAreas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(radiusMetres, marketPriceFen, serviceAreas);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "OfferTerms{radius %.0f m, market price %d fen, areas %s}", radiusMetres, marketPriceFen,
        serviceAreas.isEmpty() ? "any" : new TreeSet<>(serviceAreas));
  }
}

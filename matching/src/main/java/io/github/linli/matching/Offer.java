package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Period;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Place;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.internal.Checks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What can serve residents' needs in one matching period: a member unit's pledged service (服务承诺)
 * or a volunteer's time. It names its provider (a member or a volunteer resident), the domains and
 * Maslow tiers it serves, how many demands it can take in the period, who is eligible, where it is
 * and how far it reaches, when it is available, and what it costs.
 *
 * <p>Example: {@code Offer.builder().id("clinic-1").provider(MemberId.of("m-clinic"))
 * .addDomain(ServiceDomain.HEALTHCARE).capacity(5).place(p).radiusMetres(2000).availability(w)
 * .build()}.
 *
 * <p>Immutable and thread-safe. Adapters from core's pledges are a few lines: one offer per pledge
 * and period.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Offer {
  Offer() {}

  /**
   * The offer's id, unique within a matching run.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The member unit that pledged it, if it is a pledge.
   *
   * @return the member id
   */
  public abstract Optional<MemberId> provider();

  /**
   * The volunteer resident, if it is a volunteer's offer.
   *
   * @return the resident id
   */
  public abstract Optional<ResidentId> volunteer();

  /**
   * The service domains served; at least one.
   *
   * @return the domains
   */
  public abstract Set<ServiceDomain> domains();

  /**
   * The Maslow tiers served; every tier unless set.
   *
   * @return the tiers
   */
  @Value.Default
  public Set<MaslowTier> tiers() {
    return EnumSet.allOf(MaslowTier.class);
  }

  /**
   * How many demands it can serve in the period, {@code >= 0}.
   *
   * @return the capacity
   */
  public abstract int capacity();

  /**
   * Who may use it: the same {@link PledgeEligibility} a member's pledge carries (benefit-card
   * holders only, an age range, household flags, areas). A need is admitted when its requester's
   * {@link RequesterFacts} and its {@link Need#neighbourhood()} meet every condition; an area id
   * admits the need whose neighbourhood id is equal to it.
   *
   * <p>Unless set, <b>everyone</b>: {@link PledgeEligibility#anyone()}. Beware that {@link
   * PledgeEligibility#builder()} starts from <b>card holders only</b> (pledges serve benefit-card
   * holders); for an offer open to all with, say, an age range, build it with {@code
   * cardHoldersOnly(false)}.
   *
   * @return the eligibility
   */
  @Value.Default
  public PledgeEligibility eligibility() {
    return PledgeEligibility.anyone();
  }

  /**
   * Where it is.
   *
   * @return the place
   */
  public abstract GeoPoint place();

  /**
   * How far from its place it serves, in metres: a demand's place must lie within.
   *
   * @return the radius, finite and {@code > 0}
   */
  public abstract double radiusMetres();

  /**
   * When it is available; a demand's wanted window must overlap it.
   *
   * @return the window
   */
  public abstract TimeWindow availability();

  /**
   * What it costs, in fen; free unless set. For an offer made by {@link #fromPledge}, the pledge's
   * {@link PledgePrice} priced at a market price (see {@link PriceTerms}).
   *
   * @return the price terms
   */
  @Value.Default
  public PriceTerms price() {
    return PriceTerms.free();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The offer of a member's pledge (服务承诺) for one matching period: its domain and tiers; its
   * {@link PledgeEligibility} as it is (so a pledge built with the default builder stays card
   * holders only); the uses pledged in the period ({@link Pledge#pledgedIn}, rounded down) as
   * capacity; its place; its sessions' span within the period as availability (the whole period
   * when it has no sessions); and its {@link PledgePrice} priced at the given market price: free
   * becomes {@link PriceTerms#free()}, a discount of {@code p} % becomes {@code
   * PriceTerms.of(market, market * (100 - p) / 100)} (rounded down to the fen), and the market price
   * becomes {@code PriceTerms.of(market, market)}.
   *
   * @param pledge the pledge; its place must have a point
   * @param period the matching period
   * @param zone the zone in which the period's days begin
   * @param radiusMetres how far it serves, {@code > 0}
   * @param marketPriceFen the market price in fen, for discounted and market-price pledges
   * @return the offer
   * @throws ValidationException if the pledge has no point, the radius or price is invalid, or no
   *     session falls in the period
   */
  public static Offer fromPledge(Pledge pledge, Period period, ZoneId zone, double radiusMetres, long marketPriceFen) {
    checkNotNull(pledge, "pledge");
    checkNotNull(period, "period");
    checkNotNull(zone, "zone");
    GeoPoint point =
        pledge.place().flatMap(Place::point).orElseThrow(
            () -> new ValidationException("pledge.place", pledge.id(), "needs a point to be matched by distance"));
    Instant from = period.start().atStartOfDay(zone).toInstant();
    Instant to = period.end().atStartOfDay(zone).toInstant();
    TimeWindow availability = TimeWindow.of(from, to);
    if (!pledge.sessions().isEmpty()) {
      Instant first = null;
      Instant last = null;
      for (TimeWindow w : pledge.sessions()) {
        if (w.overlaps(availability)) {
          first = first == null || w.start().isBefore(first) ? w.start() : first;
          last = last == null || w.end().isAfter(last) ? w.end() : last;
        }
      }
      if (first == null) {
        throw new ValidationException("pledge.sessions", pledge.id(), "no session in " + period);
      }
      availability = TimeWindow.of(first, last);
    }
    PledgePrice price = pledge.price();
    PriceTerms terms =
        price.isFree()
            ? PriceTerms.free()
            : PriceTerms.of(marketPriceFen, marketPriceFen * (100 - price.discountPercent().orElse(0)) / 100);
    return builder()
        .id(pledge.id())
        .provider(pledge.member())
        .addDomain(pledge.domain())
        .tiers(pledge.tiers().isEmpty() ? EnumSet.allOf(MaslowTier.class) : pledge.tiers())
        .capacity((int) Math.floor(pledge.pledgedIn(period) + 1e-9))
        .eligibility(pledge.eligibility())
        .place(point)
        .radiusMetres(radiusMetres)
        .availability(availability)
        .price(terms)
        .build();
  }

  /**
   * The offer of a pledge for one period, with the matching terms kept on the pledge ({@link
   * Pledge#offerTerms()}): its radius and market price as in {@link #fromPledge(Pledge, Period,
   * ZoneId, double, long)}; its service areas, if any, narrow who is admitted (a need's
   * neighbourhood must be one of them, and one of the eligibility's areas if those are set too).
   *
   * @param pledge the pledge; it must have a point and offer terms
   * @param period the matching period
   * @param zone the zone in which the period's days begin
   * @return the offer
   * @throws ValidationException if the pledge has no offer terms or no point, its service areas and
   *     eligibility areas share no cell, or no session falls in the period
   * @since 0.3.0
   */
  public static Offer fromPledge(Pledge pledge, Period period, ZoneId zone) {
    checkNotNull(pledge, "pledge");
    io.github.linli.core.alliance.OfferTerms terms = pledge.offerTerms().orElseThrow(() -> new ValidationException(
        "pledge.offerTerms", pledge.id(), "must be set (radius, market price) to match the pledge without them as arguments"));
    Offer o = fromPledge(pledge, period, zone, terms.radiusMetres(), terms.marketPriceFen());
    return builder().from(o).eligibility(withServiceAreas(pledge)).build();
  }

  /**
   * A pledge's eligibility narrowed to its service areas (the cells both allow).
   *
   * @param pledge the pledge
   * @return the eligibility
   * @throws ValidationException if the service areas and the eligibility's areas share no cell
   * @since 0.3.0
   */
  public static PledgeEligibility withServiceAreas(Pledge pledge) {
    PledgeEligibility el = pledge.eligibility();
    Set<String> served = pledge.offerTerms().map(io.github.linli.core.alliance.OfferTerms::serviceAreas).orElse(Set.of());
    if (served.isEmpty()) {
      return el;
    }
    Set<String> areas = new java.util.TreeSet<>(served);
    if (!el.areas().isEmpty()) {
      areas.retainAll(el.areas());
      if (areas.isEmpty()) {
        throw new ValidationException("pledge.offerTerms.serviceAreas", pledge.id(), "share no cell with the eligibility's areas");
      }
    }
    return PledgeEligibility.builder().from(el).areas(areas).build();
  }

  @Value.Check
  void check() {
    Checks.id("offer.id", id());
    if (provider().isPresent() == volunteer().isPresent()) {
      throw new ValidationException("offer.provider", id(), "needs exactly one of provider or volunteer");
    }
    if (domains().isEmpty()) {
      throw new ValidationException("offer.domains", id(), "must name at least one domain");
    }
    if (tiers().isEmpty()) {
      throw new ValidationException("offer.tiers", id(), "must name at least one tier");
    }
    if (capacity() < 0) {
      throw new ValidationException("offer.capacity", capacity(), "must not be negative (offer " + id() + ")");
    }
    if (!(radiusMetres() > 0) || Double.isInfinite(radiusMetres())) {
      throw new ValidationException("offer.radiusMetres", radiusMetres(), "must be finite and > 0 (offer " + id() + ")");
    }
  }

  /** Builds an {@link Offer}. Not thread-safe. */
  public static final class Builder extends ImmutableOffer.Builder {
    Builder() {}
  }
}

package io.github.linli.matching;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.MemberId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small domain-level instances around Lishan, Ji'nan, and an independent feasibility predicate. */
final class DomainFixtures {
  static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
  static final TimeWindow DAY = TimeWindow.of(T0, Duration.ofHours(10));
  static final GeoPoint CENTRE = GeoPoint.of(36.6512, 117.1201);

  private DomainFixtures() {}

  /** A point {@code east} and {@code north} metres from the centre. */
  static GeoPoint at(double east, double north) {
    double lat = CENTRE.latitude() + north / 111_195.0;
    double lon = CENTRE.longitude() + east / (111_195.0 * Math.cos(Math.toRadians(CENTRE.latitude())));
    return GeoPoint.of(lat, lon);
  }

  static Offer offer(String id, int capacity, GeoPoint place, double radius) {
    return Offer.builder()
        .id(id)
        .provider(MemberId.of("m-" + id))
        .addDomain(ServiceDomain.HEALTHCARE)
        .capacity(capacity)
        .place(place)
        .radiusMetres(radius)
        .availability(DAY)
        .build();
  }

  static Need need(String id, MaslowTier tier, Urgency urgency, GeoPoint place) {
    return Need.builder()
        .id(id)
        .neighbourhood("east")
        .tier(tier)
        .urgency(urgency)
        .domain(ServiceDomain.HEALTHCARE)
        .place(place)
        .wanted(DAY)
        .build();
  }

  /** The hard constraints, written independently of the grid index. */
  static boolean feasible(Need n, Offer o) {
    return o.domains().contains(n.domain())
        && o.tiers().contains(n.tier())
        && eligible(o.eligibility(), n.requester(), n.neighbourhood())
        && o.place().distanceMetres(n.place()) <= o.radiusMetres()
        && o.availability().overlaps(n.wanted());
  }

  /**
   * The admission rule, written independently of {@link Admission}: a card if card holders only;
   * a known age within the inclusive range if a bound is set; a shared household flag if any are
   * listed; the neighbourhood among the areas if any are listed.
   */
  static boolean eligible(PledgeEligibility e, RequesterFacts f, String neighbourhood) {
    boolean card = !e.cardHoldersOnly() || f.cardHolder();
    boolean noAgeRule = e.minAge().isEmpty() && e.maxAge().isEmpty();
    boolean age =
        noAgeRule
            || (f.age().isPresent()
                && e.minAge().orElse(Integer.MIN_VALUE) <= f.age().getAsInt()
                && f.age().getAsInt() <= e.maxAge().orElse(Integer.MAX_VALUE));
    boolean flags = e.householdFlags().isEmpty() || !Collections.disjoint(e.householdFlags(), f.flags());
    boolean area = e.areas().isEmpty() || e.areas().contains(neighbourhood);
    return card && age && flags && area;
  }

  /** A random small instance. */
  static final class Instance {
    final List<Need> needs = new ArrayList<>();
    final List<Offer> offers = new ArrayList<>();
  }

  static Instance random(long seed, int needCount, int offerCount) {
    Random r = new Random(seed);
    Instance in = new Instance();
    ServiceDomain[] domains = {ServiceDomain.HEALTHCARE, ServiceDomain.ELDERLY_CARE};
    for (int o = 0; o < offerCount; o++) {
      Set<MaslowTier> tiers = EnumSet.noneOf(MaslowTier.class);
      for (MaslowTier t : MaslowTier.values()) {
        if (r.nextInt(4) > 0) {
          tiers.add(t);
        }
      }
      if (tiers.isEmpty()) {
        tiers.add(MaslowTier.PHYSIOLOGICAL);
      }
      PledgeEligibility.Builder el = PledgeEligibility.builder().cardHoldersOnly(r.nextInt(5) == 0);
      if (r.nextInt(6) == 0) {
        el.addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE);
      }
      if (r.nextInt(6) == 0) {
        el.minAge(60);
      }
      if (r.nextInt(8) == 0) {
        el.addArea("west");
      }
      in.offers.add(
          Offer.builder()
              .id("o" + o)
              .provider(MemberId.of("m" + o))
              .addDomain(domains[r.nextInt(2)])
              .tiers(tiers)
              .capacity(r.nextInt(4))
              .eligibility(el.build())
              .place(at(r.nextInt(2000), r.nextInt(2000)))
              .radiusMetres(300 + r.nextInt(1500))
              .availability(TimeWindow.of(T0.plus(Duration.ofHours(r.nextInt(8))), Duration.ofHours(1 + r.nextInt(6))))
              .price(r.nextBoolean() ? PriceTerms.free() : PriceTerms.of(1000 + r.nextInt(5000), 500))
              .build());
    }
    for (int i = 0; i < needCount; i++) {
      Set<HouseholdFlag> flags = r.nextInt(3) == 0 ? EnumSet.of(HouseholdFlag.ELDERLY_LIVING_ALONE) : EnumSet.noneOf(HouseholdFlag.class);
      in.needs.add(
          Need.builder()
              .id("n" + i)
              .neighbourhood(r.nextBoolean() ? "east" : "west")
              .tier(MaslowTier.values()[r.nextInt(5)])
              .urgency(Urgency.values()[r.nextInt(4)])
              .domain(domains[r.nextInt(2)])
              .place(at(r.nextInt(2000), r.nextInt(2000)))
              .wanted(TimeWindow.of(T0.plus(Duration.ofHours(r.nextInt(10))), Duration.ofHours(1 + r.nextInt(3))))
              .requester(RequesterFacts.of(r.nextBoolean(), 20 + r.nextInt(70), flags))
              .build());
    }
    return in;
  }
}

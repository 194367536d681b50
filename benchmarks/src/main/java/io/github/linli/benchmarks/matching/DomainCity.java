package io.github.linli.benchmarks.matching;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.MemberId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic city for the domain-level matchers: needs and offers over a 10 km square around
 * Ji'nan (half around 16 dense centres), 5 domains, 5 tiers, 4 urgencies, capacities 1–10, service
 * radii 250–450 m (about 8 offers of a domain in reach of a need on average), one shared day.
 * Needs come in random order (as arrivals would). Deterministic for a seed.
 */
final class DomainCity {
  static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
  final List<Need> needs = new ArrayList<>();
  final List<Offer> offers = new ArrayList<>();

  DomainCity(int needCount, int offerCount, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double side = 10_000;
    double[] cx = new double[16];
    double[] cy = new double[16];
    for (int c = 0; c < cx.length; c++) {
      cx[c] = r.nextDouble(side);
      cy[c] = r.nextDouble(side);
    }
    ServiceDomain[] domains = ServiceDomain.defaults().subList(0, 5).toArray(new ServiceDomain[0]);
    TimeWindow day = TimeWindow.of(T0, Duration.ofHours(12));
    double scale = Math.sqrt(10_000.0 / offerCount);
    for (int o = 0; o < offerCount; o++) {
      offers.add(
          Offer.builder()
              .id("o" + o)
              .provider(MemberId.of("m" + o))
              .addDomain(domains[r.nextInt(5)])
              .capacity(1 + r.nextInt(10))
              .place(place(r, cx, cy, side))
              .radiusMetres((250 + r.nextInt(200)) * scale)
              .availability(day)
              .build());
    }
    for (int i = 0; i < needCount; i++) {
      needs.add(
          Need.builder()
              .id("n" + i)
              .neighbourhood("h" + r.nextInt(50))
              .tier(MaslowTier.values()[r.nextInt(5)])
              .urgency(Urgency.values()[r.nextInt(4)])
              .domain(domains[r.nextInt(5)])
              .place(place(r, cx, cy, side))
              .wanted(day)
              .build());
    }
  }

  private static GeoPoint place(SplittableRandom r, double[] cx, double[] cy, double side) {
    double x;
    double y;
    if (r.nextBoolean()) {
      x = r.nextDouble(side);
      y = r.nextDouble(side);
    } else {
      int c = r.nextInt(cx.length);
      x = Math.max(0, Math.min(side, cx[c] + r.nextDouble(-800, 800)));
      y = Math.max(0, Math.min(side, cy[c] + r.nextDouble(-800, 800)));
    }
    double lat = 36.60 + y / 111_195.0;
    double lon = 117.05 + x / (111_195.0 * Math.cos(Math.toRadians(36.65)));
    return GeoPoint.of(lat, lon);
  }
}

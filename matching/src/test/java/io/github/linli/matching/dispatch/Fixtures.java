package io.github.linli.matching.dispatch;

import io.github.linli.core.Actor;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.MemberId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A community around Lishan for dispatch tests: weekly pledges, needs an afternoon apart. */
final class Fixtures {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Tuesday 2026-11-24, 13:00 in Ji'nan. */
  static final Instant T0 = Instant.parse("2026-11-24T05:00:00Z");
  static final GeoPoint CENTRE = GeoPoint.of(36.6512, 117.1201);
  static final TimeWindow YEAR = TimeWindow.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"));
  /** The rest of this week (to Sunday night). */
  static final TimeWindow THIS_WEEK = TimeWindow.of(T0, Instant.parse("2026-11-29T16:00:00Z"));
  static final Actor SYSTEM = Actor.system();
  static final Actor COORDINATOR = Actor.of("staff-3", Role.COORDINATOR);

  private Fixtures() {}

  /** A point {@code east} and {@code north} metres from the centre. */
  static GeoPoint at(double east, double north) {
    double lat = CENTRE.latitude() + north / 111_195.0;
    double lon = CENTRE.longitude() + east / (111_195.0 * Math.cos(Math.toRadians(CENTRE.latitude())));
    return GeoPoint.of(lat, lon);
  }

  static Offer offer(String id, ServiceDomain domain, int perWeek, GeoPoint place, double radius) {
    return Offer.builder().id(id).provider(MemberId.of("m-" + id)).addDomain(domain).capacity(perWeek).place(place)
        .radiusMetres(radius).availability(YEAR).build();
  }

  static Need need(String id, MaslowTier tier, Urgency urgency, ServiceDomain domain, GeoPoint place) {
    return Need.builder().id(id).neighbourhood("C3").tier(tier).urgency(urgency).domain(domain).place(place).wanted(THIS_WEEK).build();
  }

  /** A clock that tests move by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void setIfLater(Instant t) {
      if (t.isAfter(now)) {
        now = t;
      }
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

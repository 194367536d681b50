package io.github.linli.matching;

import static io.github.linli.matching.DomainFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Place;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandEvent;
import io.github.linli.core.demand.DemandState;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdaptersTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Period NOVEMBER = Period.month(YearMonth.of(2026, 11));

  static Pledge pledge() {
    return Pledge.builder()
        .id("p-clinic")
        .member(MemberId.of("m-clinic"))
        .title(Label.of("义诊", "free clinic"))
        .domain(ServiceDomain.HEALTHCARE)
        .addTier(MaslowTier.SAFETY)
        .price(PledgePrice.discount(40))
        .capacity(12)
        .eligibility(PledgeEligibility.builder().cardHoldersOnly(true).minAge(60).addArea("A1").build())
        .place(Place.of(at(0, 0), "A1"))
        .validity(Period.year(2026))
        .build();
  }

  static Demand demand(boolean classified) {
    Instant t = Instant.parse("2026-11-10T02:00:00Z");
    Demand.Builder b =
        Demand.builder()
            .id("d-1")
            .requester(ResidentId.of("r-1"))
            .text("腿疼，想请医生看看")
            .createdAt(t)
            .point(at(100, 0))
            .gridCell("A1")
            .wanted(TimeWindow.of(t, Duration.ofDays(2)))
            .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE);
    if (classified) {
      return b.domain(ServiceDomain.HEALTHCARE)
          .tier(MaslowTier.SAFETY)
          .urgency(Urgency.HIGH)
          .state(DemandState.CLASSIFIED)
          .addHistory(DemandEvent.of(DemandState.SUBMITTED, t, "r-1"), DemandEvent.of(DemandState.CLASSIFIED, t, "staff-1"))
          .build();
    }
    return b.state(DemandState.SUBMITTED).addHistory(DemandEvent.of(DemandState.SUBMITTED, t, "r-1")).build();
  }

  @Test
  void fromPledge_mapsDomainCapacityEligibilityAndPrice() {
    Offer o = Offer.fromPledge(pledge(), NOVEMBER, ZONE, 1500, 5000);
    assertEquals("p-clinic", o.id());
    assertEquals(MemberId.of("m-clinic"), o.provider().orElseThrow());
    assertEquals(EnumSet.of(MaslowTier.SAFETY), o.tiers());
    assertEquals(12, o.capacity(), "monthly cadence: the month's capacity");
    assertEquals(pledge().eligibility(), o.eligibility(), "the pledge's eligibility, unchanged");
    assertTrue(o.eligibility().cardHoldersOnly());
    assertEquals(60, o.eligibility().minAge().orElseThrow());
    assertEquals(Set.of("A1"), o.eligibility().areas());
    assertEquals(5000, o.price().fullPriceFen());
    assertEquals(3000, o.price().cardHolderPriceFen());
    assertEquals(NOVEMBER.start().atStartOfDay(ZONE).toInstant(), o.availability().start());
  }

  @Test
  void fromDemand_classifiedDemandMatchesThePledge() {
    Need n = Need.fromDemand(demand(true), RequesterFacts.of(true, 78, EnumSet.noneOf(HouseholdFlag.class)));
    assertEquals("A1", n.neighbourhood());
    assertEquals(Urgency.HIGH, n.urgency());
    assertTrue(n.requester().flags().contains(HouseholdFlag.ELDERLY_LIVING_ALONE), "the demand's flags join the facts");
    assertFalse(n.toString().contains("36."), "the place is personal data: " + n);
    MatchResult r = Matcher.exact().match(List.of(n), List.of(Offer.fromPledge(pledge(), NOVEMBER, ZONE, 1500, 5000)));
    assertEquals("p-clinic", r.assignmentOf("d-1").orElseThrow().offerId());
    assertEquals(3000, r.assignmentOf("d-1").orElseThrow().explanation().priceFen());
  }

  @Test
  void fromDemand_unclassified_namesTheMissingField() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Need.fromDemand(demand(false), RequesterFacts.none()));
    assertEquals("demand.tier", e.field());
  }

  @Test
  void fromPledge_withoutPoint_refused() {
    Pledge noPoint = Pledge.builder().from(pledge()).place(Place.cell("A1")).build();
    assertEquals(
        "pledge.place", assertThrows(ValidationException.class, () -> Offer.fromPledge(noPoint, NOVEMBER, ZONE, 1500, 0)).field());
  }
}

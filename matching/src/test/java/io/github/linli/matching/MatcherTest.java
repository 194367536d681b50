package io.github.linli.matching;

import static io.github.linli.matching.DomainFixtures.DAY;
import static io.github.linli.matching.DomainFixtures.T0;
import static io.github.linli.matching.DomainFixtures.at;
import static io.github.linli.matching.DomainFixtures.need;
import static io.github.linli.matching.DomainFixtures.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import java.time.Duration;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatcherTest {
  static final Offer CLINIC = offer("clinic", 1, at(0, 0), 1000);

  @Test
  void exact_tierPriority_physiologicalBeatsNearerSelfActualisation() {
    Need near = need("near-learning", MaslowTier.SELF_ACTUALIZATION, Urgency.CRITICAL, at(10, 0));
    Need far = need("far-food", MaslowTier.PHYSIOLOGICAL, Urgency.LOW, at(900, 0));
    MatchResult r = Matcher.exact().match(List.of(near, far), List.of(CLINIC));
    assertEquals("clinic", r.assignmentOf("far-food").orElseThrow().offerId());
    Unmatched u = r.unmatchedOf("near-learning").orElseThrow();
    assertEquals(ReasonCode.CAPACITY_TAKEN_BY_HIGHER_PRIORITY, u.reason());
    assertEquals(List.of("far-food"), u.competingNeedIds());
  }

  @Test
  void exact_onOneThread_sameResultAsDefault() {
    DomainFixtures.Instance in = DomainFixtures.random(5, 300, 40);
    MatchResult byDefault = Matcher.exact().match(in.needs, in.offers);
    MatchResult oneThread = Matcher.exact(MatchingPolicy.defaults(), 1).match(in.needs, in.offers);
    assertEquals(byDefault.assignments(), oneThread.assignments());
    assertEquals(byDefault.unmatched(), oneThread.unmatched());
    assertTrue(Matcher.exact(MatchingPolicy.defaults(), 1).toString().endsWith(", parallelism 1)"));
    io.github.linli.core.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.linli.core.ValidationException.class, () -> Matcher.exact(MatchingPolicy.defaults(), 0));
    assertTrue(e.getMessage().contains("parallelism"), e.getMessage());
  }

  @Test
  void exact_urgencyWithinTier_criticalFirst_unlessOff() {
    Need normal = need("normal", MaslowTier.SAFETY, Urgency.NORMAL, at(10, 0));
    Need critical = need("critical", MaslowTier.SAFETY, Urgency.CRITICAL, at(900, 0));
    MatchResult r = Matcher.exact().match(List.of(normal, critical), List.of(CLINIC));
    assertTrue(r.assignmentOf("critical").isPresent());
    MatchingPolicy noUrgency = MatchingPolicy.builder().urgencyWithinTier(false).build();
    MatchResult r2 = Matcher.exact(noUrgency).match(List.of(normal, critical), List.of(CLINIC));
    assertTrue(r2.assignmentOf("normal").isPresent(), "then distance decides");
    assertEquals(ReasonCode.CAPACITY_EXHAUSTED, r2.unmatchedOf("critical").orElseThrow().reason());
    assertEquals(List.of("normal"), r2.unmatchedOf("critical").orElseThrow().competingNeedIds());
  }

  @Test
  void exact_mostServedBeforeDistance_greedyIsNot() {
    Offer x = offer("x", 1, at(0, 0), 1000);
    Offer y = offer("y", 1, at(800, 0), 1000);
    Need a = need("a", MaslowTier.SAFETY, Urgency.NORMAL, at(100, 0)); // both, nearer x
    Need b = need("b", MaslowTier.SAFETY, Urgency.NORMAL, at(-500, 0)); // only x
    MatchResult exact = Matcher.exact().match(List.of(a, b), List.of(x, y));
    assertEquals("y", exact.assignmentOf("a").orElseThrow().offerId());
    assertEquals("x", exact.assignmentOf("b").orElseThrow().offerId());
    Explanation why = exact.assignmentOf("a").orElseThrow().explanation();
    assertEquals("exact", why.method());
    assertEquals(1, why.alternatives().size());
    assertEquals("x", why.alternatives().get(0).offerId());
    assertTrue(why.alternatives().get(0).full());
    assertEquals(why.priorityWeight() - why.costPenalty(), why.score());
    assertEquals(700, why.distanceMetres(), 1);
    MatchResult greedy = Matcher.greedy(MatchingPolicy.defaults()).match(List.of(a, b), List.of(x, y));
    assertEquals(1, greedy.metrics().servedCount());
    assertEquals(ReasonCode.CAPACITY_EXHAUSTED, greedy.unmatchedOf("b").orElseThrow().reason());
  }

  @Test
  void unmatched_reasonCodes_eachHardConstraint() {
    Offer cardOnly =
        Offer.builder()
            .from(CLINIC)
            .id("card-only")
            .eligibility(PledgeEligibility.builder().cardHoldersOnly(true).build())
            .build();
    Offer evening =
        Offer.builder().from(CLINIC).id("evening").availability(TimeWindow.of(T0.plus(Duration.ofHours(12)), Duration.ofHours(2))).build();
    Offer empty = Offer.builder().from(CLINIC).id("empty").capacity(0).domains(List.of(ServiceDomain.LEGAL)).build();
    Need noCard = Need.builder().from(need("no-card", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 0))).domain(ServiceDomain.EDUCATION).build();
    Need far = need("far", MaslowTier.SAFETY, Urgency.NORMAL, at(5000, 0));
    Need morning = need("morning", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 10));
    Need legal = Need.builder().from(need("legal", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 10))).domain(ServiceDomain.LEGAL).build();
    Offer education = Offer.builder().from(cardOnly).id("edu").domains(List.of(ServiceDomain.EDUCATION)).build();
    MatchResult r = Matcher.exact().match(List.of(noCard, far, morning, legal), List.of(education, evening, empty));
    assertEquals(ReasonCode.NO_ELIGIBLE_OFFER, r.unmatchedOf("no-card").orElseThrow().reason());
    Unmatched outOfRange = r.unmatchedOf("far").orElseThrow();
    assertEquals(ReasonCode.OUT_OF_RANGE, outOfRange.reason());
    assertTrue(outOfRange.rule().contains("evening"), outOfRange.rule());
    assertTrue(outOfRange.rule().contains("1000 m"), outOfRange.rule());
    assertEquals(ReasonCode.OUTSIDE_TIME_WINDOW, r.unmatchedOf("morning").orElseThrow().reason());
    Unmatched zero = r.unmatchedOf("legal").orElseThrow();
    assertEquals(ReasonCode.CAPACITY_EXHAUSTED, zero.reason());
    assertTrue(zero.rule().contains("no capacity"), zero.rule());
    assertEquals(0, r.assignments().size());
    // the same misses explained to people, in both languages, naming the condition that failed
    assertEquals(io.github.linli.core.Label.of("需要惠民卡，申请人没有", "needs a benefit card; the requester has none"),
        r.unmatchedOf("no-card").orElseThrow().explanation());
    assertTrue(r.unmatchedOf("no-card").orElseThrow().rule().endsWith("needs a benefit card; the requester has none"));
    assertTrue(outOfRange.explanation().zh().contains("米") && outOfRange.explanation().en().contains(" m away"),
        outOfRange.explanation().toString());
    assertTrue(outOfRange.explanation().zh().matches(".*\\d*0 米.*") && outOfRange.explanation().en().matches(".*\\d*0 m away.*"),
        "distances in tens of metres: " + outOfRange.explanation());
    assertEquals("范围内的可选服务在期望的时间都不开放", r.unmatchedOf("morning").orElseThrow().explanation().zh());
    assertEquals("the eligible services have no places this period", zero.explanation().en());
    for (Unmatched u : r.unmatched()) {
      assertTrue(!u.explanation().zh().isEmpty() && !u.explanation().en().isEmpty()
          && u.explanation().zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), u.toString());
    }
  }

  @Test
  void noEligibleOffer_namesTheFailedCondition_ageUnknown_noServiceOfTheDomain() {
    Offer elders = Offer.builder().from(CLINIC).id("elders").eligibility(PledgeEligibility.builder().minAge(60).build()).build();
    Need ageless = Need.builder().from(need("ageless", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 0)))
        .requester(RequesterFacts.withoutAge(true, EnumSet.noneOf(HouseholdFlag.class))).build();
    Need legal = Need.builder().from(need("legal", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 0))).domain(ServiceDomain.LEGAL).build();
    MatchResult r = Matcher.exact().match(List.of(ageless, legal), List.of(elders));
    assertEquals(io.github.linli.core.Label.of("限 60+ 岁，申请人的年龄未登记", "for ages 60+; the requester's age is not on record"),
        r.unmatchedOf("ageless").orElseThrow().explanation());
    assertTrue(r.unmatchedOf("legal").orElseThrow().explanation().zh().startsWith("本社区目前没有提供"),
        r.unmatchedOf("legal").orElseThrow().explanation().toString());
  }

  @Test
  void personalData_neverPrinted() {
    Need n =
        Need.builder()
            .from(need("n1", MaslowTier.PHYSIOLOGICAL, Urgency.HIGH, at(0, 0)))
            .requester(RequesterFacts.of(true, 87, EnumSet.of(HouseholdFlag.DISABILITY)))
            .build();
    assertFalse(n.toString().contains("87"), n.toString());
    assertFalse(n.toString().contains("DISABILITY"), n.toString());
    assertTrue(n.toString().contains("****"), n.toString());
    Offer forDisabled =
        Offer.builder()
            .from(CLINIC)
            .eligibility(PledgeEligibility.builder().cardHoldersOnly(false).addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).minAge(90).build())
            .build();
    MatchResult r = Matcher.exact().match(List.of(n), List.of(forDisabled));
    String all = r.unmatched().toString() + r.assignments() + r;
    assertFalse(all.contains("87") || all.contains("DISABILITY") || all.contains("disab"), all);
    ValidationException e = assertThrows(ValidationException.class, () -> RequesterFacts.of(false, 200, EnumSet.noneOf(HouseholdFlag.class)));
    assertFalse(e.getMessage().contains("200"), e.getMessage());
  }

  @Test
  void metrics_sharesGapUtilisation_andObservations() {
    Offer edu =
        Offer.builder().from(CLINIC).id("edu").domains(List.of(ServiceDomain.EDUCATION)).capacity(3).build();
    Need a = need("a", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(0, 0));
    Need b = need("b", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(10, 0));
    Need c = Need.builder().from(need("c", MaslowTier.ESTEEM, Urgency.NORMAL, at(10, 0))).domain(ServiceDomain.EDUCATION).neighbourhood("west").build();
    MatchResult r = Matcher.exact().match(List.of(a, b, c), List.of(CLINIC, edu));
    MatchMetrics m = r.metrics();
    assertEquals(2, m.servedCount());
    assertEquals(0.5, m.servedShareByTier().get(MaslowTier.PHYSIOLOGICAL));
    assertEquals(1.0, m.servedShareByTier().get(MaslowTier.ESTEEM));
    assertEquals(0.5, m.servedShareByNeighbourhood().get("east"));
    assertEquals(1, m.supplyGapByDomain().get(ServiceDomain.HEALTHCARE));
    assertEquals(-2, m.supplyGapByDomain().get(ServiceDomain.EDUCATION));
    assertEquals(0.5, m.offerUtilisation());
    assertEquals(5 + 2, m.servedPriorityScore());
    List<Observation> obs = r.observations(Period.month(YearMonth.of(2026, 11)), "lishan");
    Observation share = obs.stream().filter(o -> o.indicatorId().equals("matching.served_share")).findFirst().orElseThrow();
    assertEquals(2 / 3.0, share.value(), 1e-12);
    assertEquals("matching", share.source().orElseThrow());
    assertTrue(obs.stream().anyMatch(o -> o.indicatorId().equals("matching.supply_gap.domain.healthcare") && o.value() == 1));
    assertTrue(obs.stream().anyMatch(o -> o.indicatorId().equals("matching.served_share.tier.physiological") && o.value() == 0.5));
    assertTrue(obs.stream().anyMatch(o -> o.indicatorId().equals("matching.served_share.neighbourhood") && o.scope().equals("west")));
  }

  @Test
  void exact_fairnessShare_servesEachNeighbourhood() {
    Offer two = Offer.builder().from(CLINIC).capacity(2).build();
    Need a1 = need("a1", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(0, 0));
    Need a2 = need("a2", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(0, 10));
    Need a3 = need("a3", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(0, 20));
    Need b1 = Need.builder().from(need("b1", MaslowTier.SAFETY, Urgency.NORMAL, at(10, 0))).neighbourhood("west").build();
    Need b2 = Need.builder().from(need("b2", MaslowTier.SAFETY, Urgency.NORMAL, at(20, 0))).neighbourhood("west").build();
    List<Need> needs = List.of(a1, a2, a3, b1, b2);
    MatchResult plain = Matcher.exact().match(needs, List.of(two));
    assertEquals(0.0, plain.metrics().servedShareByNeighbourhood().get("west"));
    MatchingPolicy fair = MatchingPolicy.builder().minimumNeighbourhoodShare(0.3).build();
    MatchResult r = Matcher.exact(fair).match(needs, List.of(two));
    assertEquals(0.5, r.metrics().servedShareByNeighbourhood().get("west"));
    assertEquals(1 / 3.0, r.metrics().servedShareByNeighbourhood().get("east"), 1e-12);
    assertTrue(r.assignments().stream().allMatch(x -> x.explanation().fairnessQuota()));
  }

  @Test
  void streaming_answersAtOnce_andDisplacesLowerPriority() {
    StreamingMatcher sm = Matcher.streaming(MatchingPolicy.defaults(), true, 0);
    StreamingMatcher.Session s = sm.open(List.of(CLINIC, offer("far-clinic", 1, at(3000, 0), 4000)));
    StreamingMatcher.Decision d1 = s.arrive(need("low", MaslowTier.ESTEEM, Urgency.NORMAL, at(0, 0)));
    assertEquals("clinic", d1.offerId().orElseThrow());
    StreamingMatcher.Decision d2 = s.arrive(need("high", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(0, 0)));
    assertEquals("far-clinic", d2.offerId().orElseThrow(), "free capacity first");
    StreamingMatcher.Decision d3 = s.arrive(need("top", MaslowTier.PHYSIOLOGICAL, Urgency.CRITICAL, at(0, 0)));
    assertEquals("clinic", d3.offerId().orElseThrow());
    assertEquals(List.of("low"), d3.displacedNeedIds());
    assertTrue(s.offerOf("low").isEmpty());
    MatchResult r = s.result();
    assertEquals("streaming", r.method());
    assertEquals(ReasonCode.CAPACITY_TAKEN_BY_HIGHER_PRIORITY, r.unmatchedOf("low").orElseThrow().reason());
    assertThrows(ValidationException.class, () -> s.arrive(need("top", MaslowTier.ESTEEM, Urgency.LOW, at(0, 0))));
    assertEquals(3, s.arrivals());
  }

  @Test
  void streaming_withoutReassignment_firstComeKeeps() {
    StreamingMatcher sm = Matcher.streaming(MatchingPolicy.defaults(), false, 0);
    StreamingMatcher.Session s = sm.open(List.of(CLINIC));
    s.arrive(need("low", MaslowTier.ESTEEM, Urgency.NORMAL, at(0, 0)));
    StreamingMatcher.Decision d = s.arrive(need("high", MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL, at(0, 0)));
    assertTrue(d.offerId().isEmpty());
    Unmatched u = s.result().unmatchedOf("high").orElseThrow();
    assertEquals(ReasonCode.CAPACITY_EXHAUSTED, u.reason());
    assertTrue(u.rule().contains("placed first"), u.rule());
    assertThrows(IllegalStateException.class, s::reoptimise);
    assertThrows(IllegalArgumentException.class, () -> Matcher.streaming(MatchingPolicy.defaults(), false, 10));
  }

  @Test
  void match_badInput_typedErrors() {
    Need a = need("a", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 0));
    ValidationException dup = assertThrows(ValidationException.class, () -> Matcher.exact().match(List.of(a, a), List.of(CLINIC)));
    assertEquals("needs[1].id", dup.field());
    ValidationException dupOffer = assertThrows(ValidationException.class, () -> Matcher.exact().match(List.of(a), List.of(CLINIC, CLINIC)));
    assertEquals("offers[1].id", dupOffer.field());
    assertThrows(NullPointerException.class, () -> Matcher.exact().match(null, List.of()));
    ValidationException noProvider =
        assertThrows(
            ValidationException.class,
            () -> Offer.builder().id("x").addDomain(ServiceDomain.LEGAL).capacity(1).place(at(0, 0)).radiusMetres(1).availability(DAY).build());
    assertEquals("offer.provider", noProvider.field());
    ValidationException both =
        assertThrows(ValidationException.class, () -> Offer.builder().from(CLINIC).volunteer(ResidentId.of("r1")).build());
    assertEquals("offer.provider", both.field());
    assertEquals("offer.capacity", assertThrows(ValidationException.class, () -> Offer.builder().from(CLINIC).capacity(-1).build()).field());
    assertEquals("offer.radiusMetres", assertThrows(ValidationException.class, () -> Offer.builder().from(CLINIC).radiusMetres(0).build()).field());
    assertEquals(
        "matchingPolicy.minimumNeighbourhoodShare",
        assertThrows(ValidationException.class, () -> MatchingPolicy.builder().minimumNeighbourhoodShare(1.5).build()).field());
    assertEquals("priceTerms.cardHolderPriceFen", assertThrows(ValidationException.class, () -> PriceTerms.of(100, 200)).field());
  }

  @Test
  void exact_offersFarApartInLatitude_gridMissesNoFeasibleOffer() {
    io.github.linli.core.GeoPoint north = io.github.linli.core.GeoPoint.of(60.0, 117.0);
    io.github.linli.core.GeoPoint south = io.github.linli.core.GeoPoint.of(20.0, 117.0);
    // 1990 m due east of the northern offer (radius 2000 m)
    double dLon = 1990 / (111_195.0 * Math.cos(Math.toRadians(60.0)));
    io.github.linli.core.GeoPoint east = io.github.linli.core.GeoPoint.of(60.0, 117.0 + dLon);
    assertTrue(north.distanceMetres(east) < 2000);
    Offer n = Offer.builder().from(offer("north", 1, north, 2000)).build();
    Offer s = Offer.builder().from(offer("south", 1, south, 2000)).build();
    MatchResult r = Matcher.exact().match(List.of(need("e", MaslowTier.SAFETY, Urgency.NORMAL, east)), List.of(s, n));
    assertEquals("north", r.assignmentOf("e").orElseThrow().offerId());
  }

  @Test
  void exact_priceTieBreak_prefersCheaperForCardHolders() {
    Offer priced = Offer.builder().from(offer("priced", 1, at(50, 0), 1000)).price(PriceTerms.of(3000, 1000)).build();
    Offer free = offer("free", 1, at(600, 0), 1000);
    Need n = Need.builder().from(need("n", MaslowTier.SAFETY, Urgency.NORMAL, at(0, 0)))
        .requester(RequesterFacts.of(true, 40, EnumSet.noneOf(HouseholdFlag.class))).build();
    assertEquals("priced", Matcher.exact().match(List.of(n), List.of(priced, free)).assignments().get(0).offerId());
    MatchingPolicy byPrice = MatchingPolicy.builder().tieBreak(MatchingPolicy.TieBreak.PRICE).build();
    Assignment a = Matcher.exact(byPrice).match(List.of(n), List.of(priced, free)).assignments().get(0);
    assertEquals("free", a.offerId());
    assertEquals(1000, a.explanation().alternatives().get(0).priceFen(), "card-holder price");
  }

  @Test
  void reasonCodes_haveBothLabels() {
    for (ReasonCode c : ReasonCode.values()) {
      assertFalse(c.label().zh().isBlank());
      assertFalse(c.label().en().isBlank());
    }
    for (MatchingPolicy.TieBreak t : MatchingPolicy.TieBreak.values()) {
      assertFalse(t.label().zh().isBlank());
    }
    assertEquals(
        "NO_ELIGIBLE_OFFER OUT_OF_RANGE OUTSIDE_TIME_WINDOW CAPACITY_TAKEN_BY_HIGHER_PRIORITY CAPACITY_EXHAUSTED"
            + " WAITING_BY_POLICY DETAILS_MISSING", // the last two: dispatch only
        EnumSet.allOf(ReasonCode.class).stream().map(Enum::name).collect(Collectors.joining(" ")));
  }
}

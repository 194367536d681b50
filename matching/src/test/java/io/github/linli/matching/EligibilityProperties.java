package io.github.linli.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.MemberId;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Offers' {@link PledgeEligibility} under random rules and random requesters: the admission rule
 * equals the independent one in {@link DomainFixtures#eligible}, and no matcher ever assigns a need
 * to an offer that does not admit it, nor calls a need with an admitting offer ineligible.
 */
class EligibilityProperties {
  static final List<String> AREAS = List.of("east", "west", "north");

  @Property(tries = 1000)
  void admission_equalsTheIndependentRule(
      @ForAll("eligibilities") PledgeEligibility e, @ForAll("facts") RequesterFacts f, @ForAll("neighbourhoods") String n) {
    boolean expected = DomainFixtures.eligible(e, f, n);
    Statistics.label("admitted").collect(expected);
    assertEquals(expected, Admission.admits(e, f, n));
  }

  @Property(tries = 300)
  void matchers_neverAssignANeedToAnOfferThatDoesNotAdmitIt(
      @ForAll("eligibilityLists") List<PledgeEligibility> rules,
      @ForAll("requesters") List<Tuple.Tuple3<RequesterFacts, String, MaslowTier>> requesters) {
    // Everything but eligibility and capacity fits: same domain, every tier, in range, same window.
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      offers.add(
          Offer.builder().id("o" + i).provider(MemberId.of("m" + i)).addDomain(ServiceDomain.HEALTHCARE)
              .capacity((i + 1) % 3).eligibility(rules.get(i)).place(DomainFixtures.at(i * 40, 0)).radiusMetres(5000)
              .availability(DomainFixtures.DAY).build());
    }
    List<Need> needs = new ArrayList<>();
    for (int i = 0; i < requesters.size(); i++) {
      Tuple.Tuple3<RequesterFacts, String, MaslowTier> r = requesters.get(i);
      needs.add(
          Need.builder().id("n" + i).neighbourhood(r.get2()).tier(r.get3()).urgency(Urgency.NORMAL)
              .domain(ServiceDomain.HEALTHCARE).place(DomainFixtures.at(0, i * 30)).wanted(DomainFixtures.DAY)
              .requester(r.get1()).build());
    }
    Map<String, Need> needById = new HashMap<>();
    needs.forEach(n -> needById.put(n.id(), n));
    Map<String, Offer> offerById = new HashMap<>();
    offers.forEach(o -> offerById.put(o.id(), o));
    for (Matcher m : List.of(Matcher.exact(), Matcher.greedy(MatchingPolicy.defaults()), Matcher.streaming(MatchingPolicy.defaults(), true, 3))) {
      MatchResult result = m.match(needs, offers);
      for (Assignment a : result.assignments()) {
        Need n = needById.get(a.needId());
        Offer o = offerById.get(a.offerId());
        assertTrue(DomainFixtures.eligible(o.eligibility(), n.requester(), n.neighbourhood()), m + " assigned " + a.needId() + " to " + a.offerId());
      }
      for (Unmatched u : result.unmatched()) {
        Need n = needById.get(u.needId());
        boolean anyAdmits = offers.stream().anyMatch(o -> DomainFixtures.eligible(o.eligibility(), n.requester(), n.neighbourhood()));
        if (anyAdmits) {
          assertNotEquals(ReasonCode.NO_ELIGIBLE_OFFER, u.reason(), m + " " + u);
        } else {
          assertEquals(ReasonCode.NO_ELIGIBLE_OFFER, u.reason(), m + " " + u);
        }
      }
      assertEquals(needs.size(), result.assignments().size() + result.unmatched().size());
      Statistics.label("served").collect(!result.assignments().isEmpty());
    }
  }

  @Provide
  Arbitrary<PledgeEligibility> eligibilities() {
    Arbitrary<Integer> age = ages();
    return Combinators.combine(
            Arbitraries.of(true, false),
            age.optional(0.3),
            age.optional(0.3),
            sometimes(Arbitraries.subsetOf(HouseholdFlag.values()).ofMinSize(1).ofMaxSize(2)),
            sometimes(Arbitraries.subsetOf(AREAS).ofMinSize(1).ofMaxSize(2)))
        .as(EligibilityProperties::eligibility);
  }

  /** Empty two times in three: a rule sets only some conditions. */
  private static <T> Arbitrary<Set<T>> sometimes(Arbitrary<Set<T>> nonEmpty) {
    return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Set.of())), Tuple.of(1, nonEmpty));
  }

  private static PledgeEligibility eligibility(
      boolean card, Optional<Integer> a, Optional<Integer> b, Set<HouseholdFlag> flags, Set<String> areas) {
    PledgeEligibility.Builder e = PledgeEligibility.builder().cardHoldersOnly(card).householdFlags(flags).areas(areas);
    if (a.isPresent() && b.isPresent()) {
      e.minAge(Math.min(a.get(), b.get())).maxAge(Math.max(a.get(), b.get()));
    } else {
      a.ifPresent(e::minAge);
      b.ifPresent(e::maxAge);
    }
    return e.build();
  }

  @Provide
  Arbitrary<List<PledgeEligibility>> eligibilityLists() {
    return eligibilities().list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<RequesterFacts> facts() {
    return Combinators.combine(Arbitraries.of(true, false), ages().optional(0.9), Arbitraries.subsetOf(HouseholdFlag.values()).ofMaxSize(3))
        .as((card, age, flags) -> age.isPresent() ? RequesterFacts.of(card, age.get(), flags) : RequesterFacts.withoutAge(card, flags));
  }

  @Provide
  Arbitrary<String> neighbourhoods() {
    return Arbitraries.of("east", "west", "north", "south");
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<RequesterFacts, String, MaslowTier>>> requesters() {
    return Combinators.combine(facts(), neighbourhoods(), Arbitraries.of(MaslowTier.class))
        .as(Tuple::of)
        .list()
        .ofMaxSize(12);
  }

  /** Ages mostly around the bounds 58..62 (so boundaries are hit), sometimes anywhere in 0..150. */
  private static Arbitrary<Integer> ages() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(58, 62)), Tuple.of(1, Arbitraries.integers().between(0, 150)));
  }
}

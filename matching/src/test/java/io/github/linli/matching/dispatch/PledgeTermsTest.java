package io.github.linli.matching.dispatch;

import static io.github.linli.matching.dispatch.Fixtures.SYSTEM;
import static io.github.linli.matching.dispatch.Fixtures.ZONE;
import static io.github.linli.matching.dispatch.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.OfferTerms;
import io.github.linli.core.alliance.Place;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.Offer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 15: radius, service areas and market price are kept with the pledge, and dispatch lists it from them. */
class PledgeTermsTest {
  final Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
  final Actor admin = Actor.of("admin", Role.ALLIANCE_ADMIN);

  Pledge repair(OfferTerms terms) {
    Pledge.Builder b = Pledge.builder().id("p-repair").member(MemberId.of("m-repair")).title(Label.of("家电维修", "appliance repair"))
        .domain(ServiceDomain.DAILY_LIVING).addTiers(MaslowTier.PHYSIOLOGICAL, MaslowTier.SAFETY).price(PledgePrice.discount(50))
        .capacity(2).cadence(Cadence.WEEK).eligibility(PledgeEligibility.builder().cardHoldersOnly(false).build())
        .place(Place.of(at(0, 0), "C3")).validity(Period.year(2026));
    if (terms != null) {
      b.offerTerms(terms);
    }
    return b.build();
  }

  @Test
  void termsAreKeptWithThePledge_inTheStore_andOldPledgesStillLoad() {
    EventStore store = EventStores.inMemory(clock);
    PersonalDataStore people = PersonalDataStore.inMemory(clock);
    Alliance alliance = Alliance.open(store, "lishan", clock, people);
    alliance.apply(admin, Member.builder().id(MemberId.of("m-repair")).kind(MemberKind.MERCHANT)
        .name(Label.of("维修铺", "repair shop")).community("lishan").build());
    alliance.admit(admin, MemberId.of("m-repair"));
    Pledge old = Pledge.builder().from(repair(null)).id("p-old").build();
    Pledge withTerms = repair(OfferTerms.of(1500, 8000, Set.of("C3", "C4")));
    alliance.pledge(admin, old);
    alliance.pledge(admin, withTerms);
    Alliance reopened = Alliance.open(store, "lishan", clock, people);
    assertEquals(withTerms, reopened.pledge("p-repair"));
    assertEquals(old, reopened.pledge("p-old"));
    assertTrue(reopened.pledge("p-old").offerTerms().isEmpty());
    // the stored form of a pledge without terms is what 0.2 wrote: no offerTerms key
    String oldJson = store.readAll(io.github.linli.core.store.StreamId.of("lishan", "pledge", "p-old")).get(0).json();
    assertFalse(oldJson.contains("offerTerms"), oldJson);
    // and the snapshot export carries them too
    assertEquals(withTerms, Alliance.restore(io.github.linli.core.alliance.AllianceSnapshot.fromJson(reopened.snapshot().toJson()), clock).pledge("p-repair"));
  }

  @Test
  void offerFromPledge_takesRadiusPriceAndServiceAreasFromTheTerms() {
    Pledge p = repair(OfferTerms.of(1500, 8000, Set.of("C3")));
    Offer o = Offer.fromPledge(p, Period.month(YearMonth.of(2026, 11)), ZONE);
    assertEquals(1500, o.radiusMetres());
    assertEquals(8000, o.price().fullPriceFen());
    assertEquals(4000, o.price().cardHolderPriceFen());
    assertEquals(Set.of("C3"), o.eligibility().areas());
    ValidationException none = assertThrows(ValidationException.class,
        () -> Offer.fromPledge(repair(null), Period.month(YearMonth.of(2026, 11)), ZONE));
    assertEquals("pledge.offerTerms", none.field());
  }

  @Test
  void dispatcherListsThePledge_perWeekOfItsCadence_andServesOnlyItsCells() {
    Dispatcher d = Dispatcher.open(EventStores.inMemory(clock), "lishan", clock, DispatchPolicy.preempt(ZONE));
    d.listPledge(Fixtures.COORDINATOR, repair(OfferTerms.of(1500, 8000, Set.of("C3"))));
    assertEquals(2, d.capacity("p-repair", LocalDate.of(2026, 11, 23)));
    assertTrue(d.arrive(SYSTEM, Fixtures.need("in-c3", MaslowTier.SAFETY, Urgency.NORMAL, ServiceDomain.DAILY_LIVING, at(100, 0)))
        .served());
    DispatchOutcome elsewhere = d.arrive(SYSTEM, io.github.linli.matching.Need.builder()
        .from(Fixtures.need("in-c5", MaslowTier.SAFETY, Urgency.NORMAL, ServiceDomain.DAILY_LIVING, at(120, 0))).neighbourhood("C5").build());
    assertFalse(elsewhere.served());
    assertEquals("serves only the areas C3; the need's cell is not among them", elsewhere.explanation().en());
  }
}

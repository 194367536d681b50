package io.github.linli.core.mediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bad input is a typed error naming the field, never repeating facts or wording; routing from needs. */
class MediationValidationTest {
  static final String FACTS = "我家住幸福里7号楼3单元502，电话13912347788";
  final MutableClock clock = MutableClock.shanghai();
  final Mediation desk = Mediation.inMemory(clock);
  final Actor coord = Actor.of("coord", Role.COORDINATOR);

  CaseFiling.Builder filing() {
    return CaseFiling.builder().id("c-1").addParty(DisputeParty.resident(ResidentId.of("r-1")))
        .addParty(DisputeParty.organisation(PartyKind.PROPERTY_COMPANY, MemberId.of("m-pm"), "pm-rep")).category("PARKING").facts(FACTS);
  }

  static ValidationException refused(org.junit.jupiter.api.function.Executable e, String field) {
    ValidationException x = assertThrows(ValidationException.class, e);
    assertEquals(field, x.field(), x.getMessage());
    assertFalse(x.getMessage().contains("13912347788") || x.getMessage().contains("502"), x.getMessage());
    return x;
  }

  @Test
  void filing_namesTheField() {
    refused(() -> CaseFiling.builder().id("c").facts(" "), "filing.facts");
    refused(() -> CaseFiling.builder().id("c").facts(FACTS.repeat(1000)), "filing.facts");
    refused(() -> CaseFiling.builder().id("c").category("NOISE").facts(FACTS).addParty(DisputeParty.resident(ResidentId.of("r-1"))).build(),
        "filing.parties");
    refused(() -> filing().applicant("r-9").build(), "filing.applicant");
    refused(() -> filing().addParty(DisputeParty.resident(ResidentId.of("r-1"))), "filing.parties");
    refused(() -> desk.file(coord, filing().category("KARAOKE").build()), "filing.category");
    refused(() -> new DisputeParty("r-1", PartyKind.RESIDENT, Set.of("r-2")), "party.representatives");
    refused(() -> DisputeParty.organisation(PartyKind.MERCHANT, MemberId.of("m-1")), "party.representatives");
    refused(() -> DisputeCategory.of("noise", io.github.linli.core.Label.of("噪音", "noise")), "category.id");
    refused(() -> MediationRules.defaults().withDeadline(EscalationLevel.COURT, Duration.ofDays(1)), "deadline.level");
    refused(() -> MediationRules.defaults().withReopenWindow(Duration.ZERO), "reopenWindow");
    assertTrue(filing().build().toString().contains("facts ****"));
    assertFalse(filing().build().toString().contains("13912347788"));
    assertTrue(desk.cases(coord).isEmpty(), "nothing was filed");
  }

  @Test
  void agreementAndFollowUp_nameTheField() {
    desk.authoriseMediator(Actor.of("rc", Role.RESIDENTS_COMMITTEE), Mediator.peoples("med"));
    desk.file(coord, filing().build());
    desk.assignMediator(coord, "c-1", "med");
    LocalDate today = LocalDate.of(2026, 11, 2);
    refused(() -> AgreementTerm.of("t1", "r-1", today, ""), "term.wording");
    refused(() -> desk.propose(coord, "c-1", List.of()), "terms");
    refused(() -> desk.propose(coord, "c-1", List.of(AgreementTerm.of("t1", "m-x", today, FACTS))), "terms[0].owner");
    refused(() -> desk.propose(coord, "c-1", List.of(AgreementTerm.of("t1", "r-1", today.minusDays(1), FACTS))), "terms[0].due");
    refused(() -> desk.propose(coord, "c-1", List.of(AgreementTerm.of("t1", "r-1", today, FACTS), AgreementTerm.of("t1", "r-1", today, FACTS))),
        "terms[1].id");
    refused(() -> desk.recordSession(coord, "c-1", Set.of("r-9")), "attended");
    desk.propose(coord, "c-1", List.of(AgreementTerm.of("t1", "m-pm", today.plusDays(7), FACTS)));
    assertFalse(desk.terms(coord, "c-1").toString().contains("13912347788"));
    desk.accept(Actor.of("r-1", Role.RESIDENT), "c-1", "r-1");
    desk.accept(Actor.of("pm-rep", Role.MEMBER_REPRESENTATIVE), "c-1", "m-pm");
    refused(() -> desk.followUp(coord, "c-1", Map.of(), OptionalInt.empty()), "checks");
    refused(() -> desk.followUp(coord, "c-1", Map.of("t1", TermCheck.KEPT), OptionalInt.of(6)), "satisfaction");
    refused(() -> desk.accept(Actor.of("r-1", Role.RESIDENT), "c-1", "r-9"), "partyId");
    assertEquals(CaseState.AGREED, desk.find(coord, "c-1").orElseThrow().state());
  }

  @Test
  void damagedEvent_stopsTheLoadNamingTheStream() {
    io.github.linli.core.store.EventStore store = io.github.linli.core.store.EventStores.inMemory(clock);
    io.github.linli.core.privacy.PersonalDataStore people = io.github.linli.core.privacy.PersonalDataStore.inMemory(clock);
    Mediation.open(store, "lishan", clock, people).file(coord, filing().build());
    io.github.linli.core.store.StreamId s = io.github.linli.core.store.StreamId.of("lishan", "dispute", "c-1");
    store.append(io.github.linli.core.store.AppendRequest.to(s, 1,
        io.github.linli.core.store.EventData.of("RiskFlagged", 1, "{\"flag\":\"" + FACTS + "\",\"actor\":\"a\",\"at\":\"2026-11-02T01:00:00Z\"}")));
    io.github.linli.core.ConsistencyException e = assertThrows(io.github.linli.core.ConsistencyException.class,
        () -> Mediation.open(store, "lishan", clock, people));
    assertTrue(e.getMessage().contains("lishan/dispute/c-1") && e.getMessage().contains("version 2"), e.getMessage());
    assertFalse(e.getMessage().contains("13912347788"), e.getMessage());
  }

  @Test
  void routing_proposesANeedNamingAPartyAndAConflict_andAPersonConfirms() {
    DemandIntake intake = DemandIntake.create(clock);
    Demand noise = intake.submit(coord, DemandRequest.builder().id("d-1").requester(ResidentId.of("r-1"))
        .text("楼上邻居装修噪音太大，想咨询怎么维权").gridCell("B2").build());
    Demand meals = intake.submit(coord, DemandRequest.builder().id("d-2").requester(ResidentId.of("r-2"))
        .text("独居老人需要送餐").gridCell("B3").build());
    RoutingProposal p = RoutingRule.defaults().propose(noise).orElseThrow();
    assertEquals(DisputeCategory.RENOVATION, p.category());
    assertTrue(p.partySignals() >= 2 && p.conflictSignals() >= 2, p.toString());
    assertFalse(p.toString().contains("装修噪音"), "a proposal never shows the need's text");
    assertTrue(RoutingRule.defaults().propose(meals).isEmpty());
    DisputeCase c = desk.file(coord, p.toFiling("c-9", DisputeParty.resident(ResidentId.of("r-upstairs"))).build());
    assertEquals(List.of("d-1"), c.linkedNeeds());
    assertEquals("B2", c.gridCell().orElseThrow());
    assertEquals("楼上邻居装修噪音太大，想咨询怎么维权", desk.facts(Actor.of("r-1", Role.RESIDENT), "c-9").orElseThrow());
    refused(() -> RoutingRule.of(List.of(), List.of("吵"), Map.of()), "partyTerms");
  }
}

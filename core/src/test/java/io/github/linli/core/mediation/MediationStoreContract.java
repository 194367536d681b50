package io.github.linli.core.mediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.MemberId;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the mediation desk must do on every event store (in memory, embedded H2, PostgreSQL): the
 * whole life of a case, replay equal to live, idempotent command ids, refusals that write nothing,
 * no personal value in any event. Each test uses its own tenant.
 */
abstract class MediationStoreContract {
  static final String FACTS = "楼下烧烤店装修，每天早上七点电钻，张阿姨13912347788被吵得睡不着";
  static final String WORDING = "商户每日8:30前、20:00后不施工，张阿姨家窗户加装隔音条";
  static final Actor COORD = Actor.of("coord-1", Role.COORDINATOR);
  static final Actor RC = Actor.of("rc-1", Role.RESIDENTS_COMMITTEE);
  static final Actor ZHANG = Actor.of("r-zhang", Role.RESIDENT);
  static final Actor GRILL = Actor.of("rep-grill", Role.MEMBER_REPRESENTATIVE);
  static final Actor MEDIATOR = Actor.of("med-wang", Role.RESIDENT);

  MutableClock clock;
  String tenant;

  abstract EventStore store();

  abstract PersonalDataStore personalData();

  @BeforeEach
  void fresh() {
    clock = MutableClock.shanghai();
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  Mediation open() {
    return Mediation.open(store(), tenant, clock, personalData());
  }

  static CaseFiling filing(String id) {
    return CaseFiling.builder().id(id)
        .addParty(DisputeParty.resident(ResidentId.of("r-zhang")))
        .addParty(DisputeParty.organisation(PartyKind.MERCHANT, MemberId.of("m-grill"), "rep-grill"))
        .category(DisputeCategory.RENOVATION).facts(FACTS).gridCell("B2").linkNeed("d-17").build();
  }

  Mediation agreed(String id) {
    Mediation desk = open();
    desk.authoriseMediator(RC, Mediator.peoples("med-wang"));
    desk.file(ZHANG, filing(id));
    desk.assignMediator(COORD, id, "med-wang");
    desk.recordSession(MEDIATOR, id, Set.of("r-zhang", "m-grill"));
    desk.propose(MEDIATOR, id, List.of(AgreementTerm.of("t1", "m-grill", LocalDate.of(2026, 11, 30), WORDING),
        AgreementTerm.of("t2", "m-grill", LocalDate.of(2026, 12, 15), "商户赔偿500元")));
    desk.accept(ZHANG, id, "r-zhang");
    desk.accept(GRILL, id, "m-grill");
    return desk;
  }

  @Test
  void renovationNoise_mediatedAgreedFollowedUpBreachedAndRemediated_replaysEqual() {
    Mediation desk = agreed("c-1");
    DisputeCase c = desk.find(COORD, "c-1").orElseThrow();
    assertEquals(CaseState.AGREED, c.state());
    assertEquals(Set.of("r-zhang", "m-grill"), c.agreements().get(0).acceptedBy());
    assertEquals(AgreementStatus.IN_FORCE, c.agreements().get(0).status());

    clock.advance(Duration.ofDays(30));
    desk.followUp(MEDIATOR, "c-1", Map.of("t1", TermCheck.KEPT, "t2", TermCheck.KEPT), OptionalInt.of(4));
    desk.close(COORD, "c-1");
    clock.advance(Duration.ofDays(20));
    DisputeCase breached = desk.followUp(COORD, "c-1", Map.of("t1", TermCheck.BREACHED, "t2", TermCheck.KEPT), OptionalInt.of(2));
    assertEquals(CaseState.MEDIATING, breached.state(), "a breach reopens the case");
    assertEquals(AgreementStatus.BREACHED, breached.agreements().get(0).status());
    assertEquals(1, breached.reopenings());
    assertTrue(breached.closedAt().isEmpty());

    desk.propose(MEDIATOR, "c-1", List.of(AgreementTerm.of("t1", "m-grill", LocalDate.of(2027, 1, 31), "商户于周末停工")));
    desk.accept(GRILL, "c-1", "m-grill");
    assertEquals(CaseState.PROPOSED, desk.find(COORD, "c-1").orElseThrow().state(), "one party is not an agreement");
    DisputeCase again = desk.accept(ZHANG, "c-1", "r-zhang");
    assertEquals(CaseState.AGREED, again.state());
    assertEquals(2, again.agreements().size());

    Mediation reloaded = open();
    assertEquals(desk.cases(COORD), reloaded.cases(COORD), "a desk loaded from the store equals the live one");
    assertEquals(FACTS, reloaded.facts(ZHANG, "c-1").orElseThrow());
    assertEquals("商户于周末停工", reloaded.terms(GRILL, "c-1").get(0).wording());
    assertEquals("", again.agreements().get(1).terms().get(0).wording(), "the case's own record holds no wording");
  }

  @Test
  void erasingTheApplicant_keepsEveryCaseLoadable() {
    Mediation desk = agreed("c-1");
    List<DisputeCase> before = desk.cases(COORD);
    assertTrue(personalData().erase(RC, ResidentId.of("r-zhang")) >= 3, "facts and two terms were kept under the applicant");
    Mediation reloaded = open();
    assertEquals(before, reloaded.cases(COORD), "states, times and terms without wording stay");
    assertTrue(reloaded.facts(COORD, "c-1").isEmpty());
    assertEquals("", reloaded.terms(COORD, "c-1").get(0).wording());
    assertEquals(desk.observations(io.github.linli.core.Period.month(YearMonth.of(2026, 11))),
        reloaded.observations(io.github.linli.core.Period.month(YearMonth.of(2026, 11))), "the figures stay the same");
  }

  @Test
  void twoServersAccepting_atOnce_concludeTheAgreementOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "c-" + round;
      Mediation a = open();
      if (round == 0) {
        a.authoriseMediator(RC, Mediator.peoples("med-wang"));
      }
      a.file(COORD, filing(id));
      a.assignMediator(COORD, id, "med-wang");
      a.propose(MEDIATOR, id, List.of(AgreementTerm.of("t1", "m-grill", LocalDate.of(2026, 11, 30), WORDING)));
      Mediation b = open();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        java.util.concurrent.Future<DisputeCase> fa = pool.submit(() -> {
          go.await();
          return a.accept(ZHANG, id, "r-zhang");
        });
        java.util.concurrent.Future<DisputeCase> fb = pool.submit(() -> {
          go.await();
          return b.accept(GRILL, id, "m-grill");
        });
        go.countDown();
        fa.get();
        fb.get();
      } finally {
        pool.shutdown();
      }
      List<RecordedEvent> events = store().readAll(io.github.linli.core.store.StreamId.of(tenant, "dispute", id));
      assertEquals(1, events.stream().filter(e -> e.type().equals("AgreementConcluded")).count(), "concluded once");
      assertEquals(2, events.stream().filter(e -> e.type().equals("AgreementAccepted")).count());
      assertEquals(CaseState.AGREED, open().find(COORD, id).orElseThrow().state());
      assertEquals(a.find(COORD, id), b.find(COORD, id), "both servers see the same case");
    }
  }

  @Test
  void events_holdNoFactsNorWording() {
    agreed("c-1");
    List<RecordedEvent> events = store().readAll(io.github.linli.core.store.StreamId.of(tenant, "dispute", "c-1"));
    assertTrue(events.size() >= 7, "events: " + events.size());
    for (RecordedEvent e : events) {
      assertFalse(e.json().contains("13912347788") || e.json().contains("电钻") || e.json().contains("隔音") || e.json().contains("500元"),
          e.type() + " holds a personal value");
    }
  }

  @Test
  void sameCommandId_appliesOnce() {
    Mediation desk = agreed("c-1");
    clock.advance(Duration.ofDays(31));
    Map<String, TermCheck> kept = Map.of("t1", TermCheck.KEPT, "t2", TermCheck.KEPT);
    DisputeCase first = desk.withCommandId("req-9").followUp(COORD, "c-1", kept, OptionalInt.of(5));
    long version = store().version(io.github.linli.core.store.StreamId.of(tenant, "dispute", "c-1"));
    DisputeCase retried = desk.withCommandId("req-9").followUp(COORD, "c-1", kept, OptionalInt.of(5));
    assertEquals(first, retried);
    assertEquals(1, retried.followUps().size());
    assertEquals(version, store().version(io.github.linli.core.store.StreamId.of(tenant, "dispute", "c-1")));
  }

  @Test
  void refusals_writeNothing() {
    Mediation desk = open();
    desk.authoriseMediator(RC, Mediator.peoples("med-wang"));
    desk.authoriseMediator(RC, Mediator.ofMember("grill-staff", MemberId.of("m-grill")));
    desk.authoriseMediator(RC, Mediator.communityWorker("rep-grill"));
    desk.file(COORD, filing("c-1"));
    long position = store().feed(tenant, 0, 1000).size();
    ValidationException affiliated = assertThrows(ValidationException.class, () -> desk.assignMediator(COORD, "c-1", "grill-staff"));
    assertEquals("mediatorId", affiliated.field());
    assertTrue(affiliated.getMessage().contains("m-grill"), affiliated.getMessage());
    ValidationException representing = assertThrows(ValidationException.class, () -> desk.assignMediator(COORD, "c-1", "rep-grill"));
    assertTrue(representing.getMessage().contains("acts for party m-grill"), representing.getMessage());
    assertThrows(ValidationException.class, () -> desk.assignMediator(COORD, "c-1", "nobody"));
    assertThrows(PermissionDeniedException.class, () -> desk.assignMediator(ZHANG, "c-1", "med-wang"));
    assertThrows(ConflictException.class, () -> desk.close(COORD, "c-1"));
    assertThrows(ConflictException.class, () -> desk.file(COORD, filing("c-1")));
    assertThrows(PermissionDeniedException.class, () -> desk.file(Actor.of("r-other", Role.RESIDENT), filing("c-2")));
    assertEquals(position, store().feed(tenant, 0, 1000).size(), "refused commands appended nothing");
    assertTrue(desk.find(COORD, "c-2").isEmpty());
  }

  @Test
  void partiesSeeTheirOwnCaseOnly() {
    Mediation desk = agreed("c-1");
    desk.file(COORD, CaseFiling.builder().id("c-2").addParty(DisputeParty.resident(ResidentId.of("r-li")))
        .addParty(DisputeParty.resident(ResidentId.of("r-zhao"))).category("PETS").facts("楼上的狗一直叫").build());
    assertEquals(List.of("c-1"), desk.cases(ZHANG).stream().map(DisputeCase::id).toList());
    assertEquals(List.of("c-2"), desk.cases(Actor.of("r-li", Role.RESIDENT)).stream().map(DisputeCase::id).toList());
    assertEquals(List.of("c-1"), desk.cases(MEDIATOR).stream().map(DisputeCase::id).toList());
    assertEquals(2, desk.cases(RC).size());
    assertThrows(PermissionDeniedException.class, () -> desk.find(ZHANG, "c-2"));
    assertThrows(PermissionDeniedException.class, () -> desk.facts(Actor.of("r-li", Role.RESIDENT), "c-1"));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> desk.facts(Actor.of("eval", Role.EVALUATOR), "c-1"));
    assertFalse(e.getMessage().contains("电钻"));
  }

  @Test
  void reopen_onlyByAPartyWithinTheWindow() {
    Mediation desk = agreed("c-1");
    desk.close(COORD, "c-1");
    assertThrows(PermissionDeniedException.class, () -> desk.reopen(COORD, "c-1", "r-zhang"), "staff cannot reopen");
    assertThrows(PermissionDeniedException.class, () -> desk.reopen(GRILL, "c-1", "r-zhang"), "nor a party for another");
    clock.advance(Duration.ofDays(179));
    assertEquals(CaseState.MEDIATING, desk.reopen(GRILL, "c-1", "m-grill").state());
    desk.propose(MEDIATOR, "c-1", List.of(AgreementTerm.of("t9", "r-zhang", LocalDate.of(2027, 6, 1), "张阿姨撤回投诉")));
    desk.accept(ZHANG, "c-1", "r-zhang");
    desk.accept(GRILL, "c-1", "m-grill");
    desk.close(RC, "c-1");
    clock.advance(Duration.ofDays(181));
    ConflictException late = assertThrows(ConflictException.class, () -> desk.reopen(ZHANG, "c-1", "r-zhang"));
    assertTrue(late.getMessage().contains("window"), late.getMessage());
    assertEquals(CaseState.CLOSED, desk.find(ZHANG, "c-1").orElseThrow().state());
  }

  @Test
  void ladder_recordsEachStep_andOverdueListsLateCases() {
    Mediation desk = open();
    desk.authoriseMediator(RC, Mediator.peoples("med-wang"));
    desk.file(COORD, filing("c-1"));
    desk.file(COORD, CaseFiling.builder().id("c-2").addParty(DisputeParty.resident(ResidentId.of("r-li")))
        .addParty(DisputeParty.resident(ResidentId.of("r-zhao"))).category("PARKING").facts("车位被占").build());
    clock.advance(Duration.ofDays(5));
    assertEquals(List.of(), desk.overdue(COORD));
    DisputeCase flagged = desk.flagRisk(COORD, "c-2", RiskFlag.VIOLENCE_ESCALATION);
    assertEquals(RiskLevel.HIGH, flagged.risk(), "an urgent flag raises the risk at once");
    assertEquals(List.of("c-2"), desk.alerts(RC).stream().map(DisputeCase::id).toList());
    clock.advance(Duration.ofDays(3));
    List<OverdueCase> late = desk.overdue(COORD);
    assertEquals(List.of("c-2", "c-1"), late.stream().map(OverdueCase::caseId).toList(), "most overdue first");
    assertEquals(Duration.ofDays(2), late.get(0).overdueBy(), "the high-risk case was due a day after its flag");
    assertEquals(Duration.ofDays(1), late.get(1).overdueBy(), "the grid step takes 7 days");
    desk.escalate(COORD, "c-1", EscalationLevel.COMMUNITY, EscalationReason.DEADLINE_MISSED);
    DisputeCase street = desk.escalate(Actor.of("pc-1", Role.PARTY_COMMITTEE), "c-1", EscalationLevel.STREET,
        EscalationReason.NO_AGREEMENT);
    assertEquals(List.of(EscalationLevel.COMMUNITY, EscalationLevel.STREET),
        street.escalations().stream().map(Escalation::to).toList());
    assertEquals("pc-1", street.escalations().get(1).decidedBy());
    ValidationException down = assertThrows(ValidationException.class,
        () -> desk.escalate(COORD, "c-1", EscalationLevel.GRID, EscalationReason.PARTY_REQUEST));
    assertEquals("to", down.field());
    assertThrows(ConflictException.class,
        () -> desk.escalate(COORD, "c-1", EscalationLevel.JUDICIAL_CONFIRMATION, EscalationReason.ENFORCEABILITY));
    assertEquals(List.of("c-2"), desk.overdue(RC).stream().map(OverdueCase::caseId).toList());
    DisputeCase court = desk.escalate(RC, "c-2", EscalationLevel.COURT, EscalationReason.HIGH_RISK);
    assertEquals(CaseState.REFERRED, court.state());
    assertEquals(List.of(), desk.overdue(RC));
    assertEquals(desk.cases(RC), open().cases(RC));
  }

  @Test
  void judicialConfirmation_marksTheAgreement() {
    Mediation desk = agreed("c-1");
    DisputeCase c = desk.escalate(MEDIATOR, "c-1", EscalationLevel.JUDICIAL_CONFIRMATION, EscalationReason.ENFORCEABILITY);
    assertTrue(c.agreements().get(0).judiciallyConfirmed());
    assertEquals(CaseState.AGREED, c.state());
  }

  @Test
  void observations_reportTheFigures() {
    Mediation desk = agreed("c-1"); // filed and agreed 2026-11-02
    clock.advance(Duration.ofDays(1));
    desk.file(COORD, CaseFiling.builder().id("c-2").addParty(DisputeParty.resident(ResidentId.of("r-zhang")))
        .addParty(DisputeParty.organisation(PartyKind.MERCHANT, MemberId.of("m-grill"), "rep-grill"))
        .category("NOISE").facts("烧烤店夜里太吵").gridCell("B3").build());
    clock.advance(Duration.ofDays(30));
    desk.followUp(COORD, "c-1", Map.of("t1", TermCheck.KEPT, "t2", TermCheck.NOT_YET_DUE), OptionalInt.of(4));
    Map<String, Double> nov = byId(desk.observations(Period.month(YearMonth.of(2026, 11))), "t");
    assertEquals(2.0, nov.get("mediation.cases"));
    assertEquals(1.0, nov.get("mediation.cases.renovation"));
    assertEquals(1.0, nov.get("mediation.cases.noise"));
    assertEquals(0.5, nov.get("mediation.resolution_rate"));
    assertEquals(0.5, nov.get("mediation.recurrence_rate"), "c-2 repeats the parties of c-1");
    assertEquals(0.0, nov.get("mediation.median_days_to_agreement"), 1e-9);
    assertFalse(nov.containsKey("mediation.agreements_holding_30d"), "the 30th day falls in December");
    Map<String, Double> dec = byId(desk.observations(Period.month(YearMonth.of(2026, 12))), "t");
    assertEquals(1.0, dec.get("mediation.agreements_holding_30d"));
    assertEquals(4.0, dec.get("mediation.satisfaction"));
    assertFalse(dec.containsKey("mediation.cases"));
    Map<String, Double> byArea = byId(desk.observations(Period.month(YearMonth.of(2026, 11))), "B");
    assertEquals(Map.of("B2", 1.0, "B3", 1.0), byArea);
  }

  private Map<String, Double> byId(List<Observation> os, String scopePrefix) {
    if (scopePrefix.equals("B")) {
      return os.stream().filter(o -> o.scope().startsWith("B")).collect(Collectors.toMap(Observation::scope, Observation::value));
    }
    return os.stream().filter(o -> o.scope().equals(tenant)).collect(Collectors.toMap(Observation::indicatorId, Observation::value));
  }
}

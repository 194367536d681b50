package io.github.linli.matching.dispatch;

import static io.github.linli.matching.dispatch.Fixtures.COORDINATOR;
import static io.github.linli.matching.dispatch.Fixtures.SYSTEM;
import static io.github.linli.matching.dispatch.Fixtures.ZONE;
import static io.github.linli.matching.dispatch.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import io.github.linli.matching.ReasonCode;
import io.github.linli.matching.RequesterFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  static final LocalDate WEEK = LocalDate.of(2026, 11, 23);
  static final LocalDate NEXT_WEEK = LocalDate.of(2026, 11, 30);

  final Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
  final EventStore store = EventStores.inMemory(clock);
  Dispatcher d = Dispatcher.open(store, "lishan", clock, DispatchPolicy.preempt(ZONE));

  Need need(String id, MaslowTier tier, double east) {
    return Fixtures.need(id, tier, Urgency.NORMAL, ServiceDomain.HEALTHCARE, at(east, 0));
  }

  void listClinic(String id, int perWeek, double east, double radius) {
    d.listOffer(COORDINATOR, Fixtures.offer(id, ServiceDomain.HEALTHCARE, perWeek, at(east, 0), radius), Cadence.WEEK);
  }

  /** Runs a refused command and checks it wrote nothing. */
  <T extends Throwable> T refused(Class<T> type, org.junit.jupiter.api.function.Executable call) {
    long before = store.feed("lishan", 0, 10_000).size();
    List<Commitment> commitments = d.commitments();
    T e = assertThrows(type, call);
    assertEquals(before, store.feed("lishan", 0, 10_000).size(), "a refused command wrote nothing");
    assertEquals(commitments, d.commitments());
    return e;
  }

  @Test
  void capacityPerPeriod_isTheOffersPerWeekCapacity_andAThirdNeedWaitsWithItsReason() {
    listClinic("clinic", 2, 0, 3000);
    assertTrue(d.arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100)).served());
    assertTrue(d.arrive(SYSTEM, need("n2", MaslowTier.SAFETY, 200)).served());
    DispatchOutcome third = d.arrive(SYSTEM, need("n3", MaslowTier.SAFETY, 300));
    assertFalse(third.served());
    assertEquals(ReasonCode.CAPACITY_EXHAUSTED, third.reason().orElseThrow());
    assertEquals(List.of("n1", "n2"), third.competingNeedIds());
    assertEquals("本期名额已满（共 2 个），已安排给同等优先的需求：n1、n2", third.explanation().zh());
    assertEquals(2, d.capacity("clinic", WEEK));
    assertEquals(2, d.used("clinic", WEEK));
    // a need that also wants next week gets next week's place
    Need later = Need.builder().from(need("n4", MaslowTier.SAFETY, 50))
        .wanted(TimeWindow.of(Fixtures.T0, Instant.parse("2026-12-06T16:00:00Z"))).build();
    assertEquals("clinic@" + NEXT_WEEK, d.arrive(SYSTEM, later).commitment().orElseThrow().slot());
  }

  @Test
  void lifecycle_promisedStartedDelivered_andReleaseOfADeliveredCommitmentIsRefused() {
    listClinic("clinic", 1, 0, 3000);
    Commitment c = d.arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100)).commitment().orElseThrow();
    assertEquals(CommitmentState.PROMISED, c.state());
    Actor volunteer = Actor.of("vol-1", Role.VOLUNTEER);
    assertEquals(CommitmentState.STARTED, d.start(volunteer, c.id()).state());
    assertEquals(CommitmentState.DELIVERED, d.deliver(volunteer, c.id()).state());
    ConflictException e = refused(ConflictException.class, () -> d.release(COORDINATOR, c.id(), ReleaseReason.NO_SHOW));
    assertTrue(e.getMessage().contains("n1#1") && e.getMessage().contains("DELIVERED"), e.getMessage());
    assertEquals(1, d.used("clinic", WEEK), "a delivered service used its place");
    assertEquals(List.of(), d.queue());
  }

  @Test
  void typedErrors_nameTheIdsAndStates_andChangeNothing() {
    listClinic("clinic", 1, 0, 3000);
    Commitment c = d.arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100)).commitment().orElseThrow();
    NotFoundException unknownNeed = refused(NotFoundException.class, () -> d.withdraw(COORDINATOR, "nobody"));
    assertEquals("nobody", unknownNeed.id());
    assertEquals("n1#7", refused(NotFoundException.class, () -> d.start(COORDINATOR, "n1#7")).id());
    assertEquals("x#1", refused(NotFoundException.class, () -> d.release(COORDINATOR, "x#1", ReleaseReason.NO_SHOW)).id());
    assertEquals("ghost", refused(NotFoundException.class,
        () -> d.suspendOffer(COORDINATOR, "ghost", ReleaseReason.OFFER_SUSPENDED)).id());
    refused(ValidationException.class, () -> d.release(COORDINATOR, c.id(), ReleaseReason.PREEMPTED));
    refused(PermissionDeniedException.class, () -> d.arrive(Actor.of("r-1", Role.RESIDENT), need("n9", MaslowTier.SAFETY, 10)));
    refused(PermissionDeniedException.class, () -> d.start(Actor.of("eval", Role.EVALUATOR), c.id()));
    refused(ConflictException.class, () -> d.arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100)));
    // stale: the need was released and promised again; the old id no longer acts
    d.release(COORDINATOR, c.id(), ReleaseReason.NO_SHOW);
    listClinic("clinic-2", 1, 500, 3000);
    d.reoptimise(SYSTEM);
    Commitment now = d.commitmentOf("n1").orElseThrow();
    assertEquals("n1#2", now.id());
    ConflictException stale = refused(ConflictException.class, () -> d.start(COORDINATOR, c.id()));
    assertTrue(stale.getMessage().contains("n1#1 is stale (RELEASED)") && stale.getMessage().contains("n1#2 (PROMISED)"),
        stale.getMessage());
    // a preemption the policy forbids
    Dispatcher waiting = Dispatcher.open(EventStores.inMemory(clock), "lishan", clock, DispatchPolicy.waitForCapacity(ZONE));
    waiting.listOffer(COORDINATOR, Fixtures.offer("clinic", ServiceDomain.HEALTHCARE, 1, at(0, 0), 3000), Cadence.WEEK);
    String low = waiting.arrive(SYSTEM, need("low", MaslowTier.ESTEEM, 10)).commitment().orElseThrow().id();
    waiting.arrive(SYSTEM, need("high", MaslowTier.PHYSIOLOGICAL, 20));
    ConflictException forbidden = assertThrows(ConflictException.class, () -> waiting.preempt(COORDINATOR, "high", low));
    assertTrue(forbidden.getMessage().contains("WAIT") && forbidden.getMessage().contains(low), forbidden.getMessage());
    assertEquals(low, waiting.commitmentOf("low").orElseThrow().id());
  }

  @Test
  void preemptByHand_underPreempt_andNotOfAMoreBasicNeed() {
    listClinic("clinic", 1, 0, 3000);
    String low = d.arrive(SYSTEM, need("low", MaslowTier.ESTEEM, 10)).commitment().orElseThrow().id();
    // arrival preempts by itself under PREEMPT; a need of equal tier waits and cannot take it by hand
    assertFalse(d.arrive(SYSTEM, need("peer", MaslowTier.ESTEEM, 20)).served());
    ConflictException e = refused(ConflictException.class, () -> d.preempt(COORDINATOR, "peer", low));
    assertTrue(e.getMessage().contains("not less basic"), e.getMessage());
  }

  @Test
  void reoptimisation_movesANotStartedPromise_soThatBothNeedsAreServed() {
    listClinic("clinic", 1, 0, 800);      // reaches both needs
    listClinic("library", 1, 900, 800);   // reaches only the first need
    DispatchOutcome a = d.arrive(SYSTEM, need("a", MaslowTier.SAFETY, 450));   // nearer the clinic: takes it
    assertEquals("clinic", a.commitment().orElseThrow().offerId());
    DispatchOutcome b = d.arrive(SYSTEM, need("b", MaslowTier.SAFETY, -300));  // only the clinic reaches b
    assertFalse(b.served());
    Reoptimisation r = d.reoptimise(SYSTEM);
    assertEquals(1, r.moved());
    assertEquals(1, r.newlyServed());
    assertEquals(0, r.inversionsAfter());
    assertEquals("library", d.commitmentOf("a").orElseThrow().offerId());
    assertEquals(1, d.commitmentOf("a").orElseThrow().moves());
    assertEquals("clinic", d.commitmentOf("b").orElseThrow().offerId());
    assertEquals(ReleaseReason.MOVED, d.history("a").get(0).releaseReason().orElseThrow());
    // nothing more to do: a second run changes nothing
    Reoptimisation again = d.reoptimise(SYSTEM);
    assertEquals(0, again.moved() + again.newlyServed() + again.preempted().size());
  }

  @Test
  void reoptimisation_neverMovesAStartedService_andRespectsTheMoveBound() {
    d = Dispatcher.open(store, "lishan", clock, new DispatchPolicy(io.github.linli.matching.MatchingPolicy.defaults(),
        DispatchPolicy.Preemption.PREEMPT, 0, ZONE));
    listClinic("clinic", 1, 0, 800);
    listClinic("library", 1, 900, 800);
    d.arrive(SYSTEM, need("a", MaslowTier.SAFETY, 450));
    d.arrive(SYSTEM, need("b", MaslowTier.SAFETY, -300));
    Reoptimisation r = d.reoptimise(SYSTEM);
    assertEquals(0, r.moved(), "no moves allowed");
    assertEquals("clinic", d.commitmentOf("a").orElseThrow().offerId());
  }

  @Test
  void restart_reopensTheSameState_fromTheStore() {
    listClinic("clinic", 1, 0, 3000);
    d.arrive(SYSTEM, need("low", MaslowTier.ESTEEM, 10));
    d.arrive(SYSTEM, need("high", MaslowTier.PHYSIOLOGICAL, 20));
    d.arrive(SYSTEM, need("other", MaslowTier.SAFETY, 30));
    Dispatcher reopened = Dispatcher.open(store, "lishan", clock, DispatchPolicy.preempt(ZONE));
    assertEquals(d.commitments(), reopened.commitments());
    assertEquals(d.queue(), reopened.queue());
    assertEquals(d.usage(), reopened.usage());
    assertEquals(List.of("other", "low"), reopened.queue());
  }

  @Test
  void commandIds_makeARetryAnswerWithoutASecondEffect() {
    listClinic("clinic", 1, 0, 3000);
    DispatchOutcome first = d.withCommandId("req-1").arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100));
    DispatchOutcome again = d.withCommandId("req-1").arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100));
    assertEquals(first.commitment(), again.commitment());
    assertEquals(1, d.commitments().size());
  }

  @Test
  void suspendingAnOffer_releasesItsPromises_andPlacesThemElsewhere() {
    listClinic("clinic", 1, 0, 3000);
    listClinic("library", 1, 2000, 3000);
    d.arrive(SYSTEM, need("n1", MaslowTier.SAFETY, 100));
    List<DispatchOutcome> out = d.suspendOffer(COORDINATOR, "clinic", ReleaseReason.OFFER_SUSPENDED);
    assertEquals(1, out.size());
    assertEquals("library", d.commitmentOf("n1").orElseThrow().offerId());
    assertTrue(out.get(0).explanation().zh().startsWith("原安排已释放（服务暂停）；距离 1900 米"), out.get(0).explanation().zh());
    assertEquals(0, d.capacity("clinic", WEEK));
  }

  @Test
  void intakeAndMatchingAgree_aGridCellResolvesThroughTheGridMap_andAnUnplaceableNeedIsExplained() {
    DemandIntake intake = DemandIntake.create(clock);
    Demand cellOnly = intake.reclassify(COORDINATOR, intake.submit(COORDINATOR, DemandRequest.builder().id("d-1")
        .requester(ResidentId.of("r-1")).text("冰箱坏了，没法做饭").gridCell("C3").build()),
        MaslowTier.PHYSIOLOGICAL, ServiceDomain.DAILY_LIVING, Urgency.HIGH);
    Demand unknownCell = intake.reclassify(COORDINATOR, intake.submit(COORDINATOR, DemandRequest.builder().id("d-2")
        .requester(ResidentId.of("r-2")).text("水管漏水").gridCell("Z9").build()),
        MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING, Urgency.HIGH);
    Demand unclassified = intake.submit(COORDINATOR, DemandRequest.builder().id("d-3")
        .requester(ResidentId.of("r-3")).text("想学书法").gridCell("C3").build());
    d = Dispatcher.open(store, "lishan", clock, DispatchPolicy.preempt(ZONE), GridMap.of(Map.of("C3", at(300, 400))),
        NeedDirectory.none());
    d.listOffer(COORDINATOR, Fixtures.offer("repair", ServiceDomain.DAILY_LIVING, 3, at(0, 0), 2000), Cadence.WEEK);
    List<DispatchOutcome> out = d.arriveAll(SYSTEM, List.of(unknownCell, unclassified, cellOnly), x -> RequesterFacts.none());
    assertEquals(ReasonCode.DETAILS_MISSING, out.get(0).reason().orElseThrow());
    assertEquals("details missing to place it: grid cell Z9 is not on the community's grid map", out.get(0).explanation().en());
    assertEquals(ReasonCode.DETAILS_MISSING, out.get(1).reason().orElseThrow());
    assertTrue(out.get(2).served(), out.get(2).toString());
    assertEquals("距离 500 米，唯一可选的服务；生理需求优先", out.get(2).explanation().zh());
    // no window: the offer's current period (this week)
    assertEquals("repair@" + WEEK, out.get(2).commitment().orElseThrow().slot());
    assertEquals(List.of(), d.queue(), "the unplaceable demands were not queued");
  }

  @Test
  void aMiss_namesTheConditionThatFailed() {
    d.listOffer(COORDINATOR, Offer.builder().from(Fixtures.offer("card-clinic", ServiceDomain.HEALTHCARE, 1, at(0, 0), 3000))
        .eligibility(PledgeEligibility.builder().build()).build(), Cadence.WEEK);
    DispatchOutcome noCard = d.arrive(SYSTEM, Need.builder().from(need("n1", MaslowTier.SAFETY, 100))
        .requester(RequesterFacts.withoutAge(false, Set.of())).build());
    assertEquals(ReasonCode.NO_ELIGIBLE_OFFER, noCard.reason().orElseThrow());
    assertEquals("需要惠民卡，申请人没有", noCard.explanation().zh());
    assertEquals("needs a benefit card; the requester has none", noCard.explanation().en());
    d.listOffer(COORDINATOR, Offer.builder().from(Fixtures.offer("elders", ServiceDomain.ELDERLY_CARE, 1, at(0, 0), 3000))
        .eligibility(PledgeEligibility.builder().cardHoldersOnly(false).minAge(60).build()).build(), Cadence.WEEK);
    DispatchOutcome ageUnknown = d.arrive(SYSTEM, Need.builder().from(need("n2", MaslowTier.SAFETY, 100)).domain(ServiceDomain.ELDERLY_CARE)
        .requester(RequesterFacts.withoutAge(true, Set.of())).build());
    assertEquals("for ages 60+; the requester's age is not on record", ageUnknown.explanation().en());
    DispatchOutcome far = d.arrive(SYSTEM, Need.builder().from(need("n3", MaslowTier.SAFETY, 3456)).domain(ServiceDomain.ELDERLY_CARE)
        .requester(RequesterFacts.of(true, 70, Set.of())).build());
    assertEquals(ReasonCode.OUT_OF_RANGE, far.reason().orElseThrow());
    assertEquals("the nearest eligible service is about 3460 m away, beyond its 3000 m reach", far.explanation().en());
    assertFalse(far.toString().contains("3456"), far.toString());
  }
}

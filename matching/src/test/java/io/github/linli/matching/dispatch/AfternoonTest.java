package io.github.linli.matching.dispatch;

import static io.github.linli.matching.dispatch.Fixtures.COORDINATOR;
import static io.github.linli.matching.dispatch.Fixtures.SYSTEM;
import static io.github.linli.matching.dispatch.Fixtures.ZONE;
import static io.github.linli.matching.dispatch.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.ReasonCode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's afternoon, replayed: a SAFETY need takes the repair pledge's only place this week at
 * 13:00; at 14:00 a PHYSIOLOGICAL need ("冰箱坏了…没法做饭") arrives. With PREEMPT it is served and the
 * SAFETY need is told why it gave way; with WAIT it waits with the policy's reason, in both
 * languages, naming the need that holds the place.
 */
class AfternoonTest {
  static final LocalDate WEEK = LocalDate.of(2026, 11, 23);

  Dispatcher afternoon(DispatchPolicy policy, DispatchOutcome[] answers) {
    Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
    EventStore store = EventStores.inMemory(clock);
    Dispatcher d = Dispatcher.open(store, "lishan", clock, policy);
    d.listOffer(COORDINATOR, Fixtures.offer("repair", ServiceDomain.DAILY_LIVING, 1, at(0, 0), 2000), Cadence.WEEK);
    answers[0] = d.arrive(SYSTEM, Fixtures.need("d-safety", MaslowTier.SAFETY, Urgency.NORMAL, ServiceDomain.DAILY_LIVING, at(30, 20)));
    clock.advance(Duration.ofHours(1));
    answers[1] = d.arrive(SYSTEM, Fixtures.need("d-fridge", MaslowTier.PHYSIOLOGICAL, Urgency.HIGH, ServiceDomain.DAILY_LIVING,
        at(-25, 30)));
    return d;
  }

  @Test
  void preempt_servesThePhysiologicalNeed_andTellsTheSafetyNeedWhy() {
    DispatchOutcome[] a = new DispatchOutcome[2];
    Dispatcher d = afternoon(DispatchPolicy.preempt(ZONE), a);
    assertTrue(a[0].served(), a[0].toString());
    assertEquals("d-safety#1", a[0].commitment().orElseThrow().id());
    DispatchOutcome fridge = a[1];
    System.out.println(fridge.explanation().zh() + "\n" + fridge.explanation().en());
    assertEquals("repair@" + WEEK, fridge.commitment().orElseThrow().slot());
    assertEquals("距离 40 米，唯一可选的服务；生理需求优先；按社区规则，原先安排给层级较低的需求 d-safety 的名额让给了本需求", fridge.explanation().zh());
    assertEquals("40 m away, the only eligible service; basic needs first; the place was promised to a less basic need (d-safety),"
        + " which gave way under the community's policy", fridge.explanation().en());
    assertEquals(1, fridge.affected().size());
    DispatchOutcome told = fridge.affected().get(0);
    assertEquals("d-safety", told.needId());
    assertFalse(told.served());
    System.out.println(told.explanation().zh() + "\n" + told.explanation().en());
    assertTrue(told.explanation().zh().startsWith("您的名额让给了更基本的需求 d-fridge（生理需求）"), told.explanation().zh());
    assertTrue(told.explanation().en().startsWith("your place went to a more basic need, d-fridge (physiological)"),
        told.explanation().en());
    // the stored history: promised, then released to d-fridge
    Commitment gaveWay = d.history("d-safety").get(0);
    assertEquals(CommitmentState.RELEASED, gaveWay.state());
    assertEquals(ReleaseReason.PREEMPTED, gaveWay.releaseReason().orElseThrow());
    assertEquals("d-fridge", gaveWay.releasedFor().orElseThrow());
    assertEquals(List.of("d-safety"), d.queue());
    assertEquals(1, d.used("repair", WEEK));
    assertEquals(0, d.inversions());
    DispatchOutcome safetyNow = d.explain("d-safety");
    assertEquals(ReasonCode.CAPACITY_TAKEN_BY_HIGHER_PRIORITY, safetyNow.reason().orElseThrow());
    assertEquals(List.of("d-fridge"), safetyNow.competingNeedIds());
  }

  @Test
  void waitPolicy_keepsThePromise_andPrintsThePolicysReasonInBothLanguages() {
    DispatchOutcome[] a = new DispatchOutcome[2];
    Dispatcher d = afternoon(DispatchPolicy.waitForCapacity(ZONE), a);
    DispatchOutcome fridge = a[1];
    System.out.println(fridge.explanation().zh() + "\n" + fridge.explanation().en());
    assertFalse(fridge.served());
    assertEquals(ReasonCode.WAITING_BY_POLICY, fridge.reason().orElseThrow());
    assertEquals(List.of("d-safety"), fridge.competingNeedIds());
    assertEquals("按社区规则，已承诺给 d-safety 的名额不撤回；有空位时优先安排本需求", fridge.explanation().zh());
    assertEquals("by the community's policy the places promised to d-safety are kept; this need is first in line for a free place",
        fridge.explanation().en());
    assertEquals("d-safety#1", d.commitmentOf("d-safety").orElseThrow().id());
    // first in line: when the safety need withdraws, the freed place goes to the physiological need
    DispatchOutcome withdrawn = d.withdraw(COORDINATOR, "d-safety");
    assertEquals(1, withdrawn.affected().size(), withdrawn.toString());
    assertEquals("d-fridge", withdrawn.affected().get(0).needId());
    assertEquals("repair@" + WEEK, d.commitmentOf("d-fridge").orElseThrow().slot());
  }
}

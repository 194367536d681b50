package io.github.linli.matching.dispatch;

import static io.github.linli.matching.dispatch.Fixtures.COORDINATOR;
import static io.github.linli.matching.dispatch.Fixtures.SYSTEM;
import static io.github.linli.matching.dispatch.Fixtures.ZONE;
import static io.github.linli.matching.dispatch.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.LinliException;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The dispatcher's invariants over random histories of arrivals, starts, deliveries, releases,
 * withdrawals, suspensions, re-optimisations and time passing, run by two dispatchers on one
 * store (two servers): a slot's places never exceed its capacity; a need holds at most one live
 * commitment; after each re-optimisation under PREEMPT no waiting need could use a place held by a
 * less basic not-started need, and none could use a free place; a dispatcher opened afresh from the
 * store holds the same state. Feasibility is re-computed here independently of the dispatcher.
 */
class DispatcherProperties {
  static final ServiceDomain DOMAIN = ServiceDomain.HEALTHCARE;

  /** One step: a kind and a few random numbers it interprets. */
  record Step(int kind, int a, int b, int c) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 999),
        Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 60)
  void invariantsHold_underPreempt(@ForAll("histories") List<Step> steps) {
    run(steps, DispatchPolicy.preempt(ZONE));
  }

  @Property(tries = 40)
  void invariantsHold_underWait(@ForAll("histories") List<Step> steps) {
    run(steps, DispatchPolicy.waitForCapacity(ZONE));
  }

  void run(List<Step> steps, DispatchPolicy policy) {
    Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
    EventStore store = EventStores.inMemory(clock);
    Map<String, Need> needs = new HashMap<>();
    NeedDirectory directory = id -> java.util.Optional.ofNullable(needs.get(id));
    Dispatcher[] servers = {
        Dispatcher.open(store, "lishan", clock, policy, GridMap.empty(), directory),
        Dispatcher.open(store, "lishan", clock, policy, GridMap.empty(), directory)};
    Map<String, Offer> offers = new HashMap<>();
    for (int o = 0; o < 3; o++) {
      Offer offer = Fixtures.offer("o" + o, DOMAIN, 1 + o % 2, at(o * 700, 0), 900);
      offers.put(offer.id(), offer);
      servers[0].listOffer(COORDINATOR, offer, Cadence.WEEK);
    }
    int made = 0;
    for (Step s : steps) {
      Dispatcher d = servers[s.a() % 2];
      List<Commitment> live = live(d);
      try {
        switch (s.kind()) {
          case 0:
          case 1:
          case 2: {
            MaslowTier tier = MaslowTier.values()[s.b() % MaslowTier.values().length];
            Urgency urgency = Urgency.values()[s.c() % Urgency.values().length];
            Instant from = clock.instant();
            TimeWindow w = TimeWindow.of(from, from.plus(Duration.ofDays(1 + s.c() % 12)));
            Need n = Need.builder().id("n" + made++).neighbourhood("C3").tier(tier).urgency(urgency).domain(DOMAIN)
                .place(at((s.b() * 7) % 2200 - 300, (s.c() * 3) % 600 - 300)).wanted(w).build();
            needs.put(n.id(), n);
            d.arrive(SYSTEM, n);
            break;
          }
          case 3:
            if (!live.isEmpty()) {
              Commitment c = live.get(s.b() % live.size());
              if (c.state() == CommitmentState.PROMISED) {
                d.start(COORDINATOR, c.id());
              } else {
                d.deliver(COORDINATOR, c.id());
              }
            }
            break;
          case 4:
            if (!live.isEmpty()) {
              Commitment c = live.get(s.b() % live.size());
              d.release(COORDINATOR, c.id(), s.c() % 3 == 0 ? ReleaseReason.WITHDRAWN : ReleaseReason.NO_SHOW);
            }
            break;
          case 5:
            if (made > 0) {
              d.withdraw(COORDINATOR, "n" + (s.b() % made));
            }
            break;
          case 6:
          case 7: {
            Reoptimisation r = d.reoptimise(SYSTEM);
            checkNoInversion(d, needs, offers, policy, clock.instant());
            if (policy.preemption() == DispatchPolicy.Preemption.PREEMPT) {
              assertEquals(0, r.inversionsAfter());
            }
            break;
          }
          case 8:
            clock.advance(Duration.ofHours(1 + s.b() % 60));
            break;
          default: {
            String id = "o" + (s.b() % 3);
            if (s.c() % 2 == 0) {
              d.suspendOffer(COORDINATOR, id, ReleaseReason.OFFER_SUSPENDED);
            } else {
              d.listOffer(COORDINATOR, offers.get(id), Cadence.WEEK);
            }
          }
        }
      } catch (LinliException refused) {
        // a refused command (a conflict with the state, an unknown id): it must have changed nothing, checked below
      }
      checkCapacityAndUniqueness(servers[0], offers);
      checkCapacityAndUniqueness(servers[1], offers);
      checkPreemptions(servers[0], needs, policy);
    }
    Dispatcher replayed = Dispatcher.open(store, "lishan", clock, policy);
    assertEquals(servers[0].commitments(), replayed.commitments());
    assertEquals(servers[1].commitments(), replayed.commitments());
    assertEquals(servers[0].queue(), replayed.queue());
    assertEquals(servers[0].usage(), replayed.usage());
  }

  /**
   * A promise is taken away only for a more basic (or more urgent) need, and never under WAIT: a
   * place lost to an equal need, or for no need, would be a promise broken for nothing.
   */
  static void checkPreemptions(Dispatcher d, Map<String, Need> needs, DispatchPolicy policy) {
    for (Commitment c : d.commitments()) {
      if (c.releaseReason().orElse(null) != ReleaseReason.PREEMPTED) {
        continue;
      }
      assertEquals(DispatchPolicy.Preemption.PREEMPT, policy.preemption(), "a preemption under WAIT: " + c);
      Need lost = needs.get(c.needId());
      Need taker = needs.get(c.releasedFor().orElseThrow(() -> new AssertionError("preempted for no need: " + c)));
      assertTrue(policy.ranking().priorityClass(taker.tier(), taker.urgency()) < policy.ranking().priorityClass(lost.tier(), lost.urgency()),
          c + " went to " + taker.id() + " (" + taker.tier() + "/" + taker.urgency() + "), not more basic than " + lost.tier() + "/"
              + lost.urgency());
    }
  }

  static List<Commitment> live(Dispatcher d) {
    List<Commitment> live = new ArrayList<>();
    for (Commitment c : d.commitments()) {
      if (c.state() == CommitmentState.PROMISED || c.state() == CommitmentState.STARTED) {
        live.add(c);
      }
    }
    return live;
  }

  /** Capacity per slot never exceeded; at most one live commitment per need; usage agrees with commitments. */
  static void checkCapacityAndUniqueness(Dispatcher d, Map<String, Offer> offers) {
    Map<String, Integer> held = new HashMap<>();
    Map<String, Integer> livePerNeed = new HashMap<>();
    for (Commitment c : d.commitments()) {
      if (c.state().holdsCapacity()) {
        held.merge(c.slot(), 1, Integer::sum);
      }
      if (c.state() == CommitmentState.PROMISED || c.state() == CommitmentState.STARTED) {
        livePerNeed.merge(c.needId(), 1, Integer::sum);
      }
    }
    held.forEach((slot, n) -> {
      String offer = slot.substring(0, slot.indexOf('@'));
      assertTrue(n <= offers.get(offer).capacity(), "slot " + slot + " holds " + n + " > capacity " + offers.get(offer).capacity());
    });
    livePerNeed.forEach((need, n) -> assertEquals(1, n, "live commitments of " + need));
    assertEquals(held, d.usage());
  }

  /**
   * After re-optimisation: no waiting need has a feasible place that is free, or (under PREEMPT)
   * held by a less basic need whose service has not started. Feasibility here: the domain, the
   * radius, and a week the need wants that has not ended and lies in the offer's availability.
   */
  static void checkNoInversion(Dispatcher d, Map<String, Need> needs, Map<String, Offer> offers, DispatchPolicy policy, Instant now) {
    Map<String, Integer> held = d.usage();
    Map<String, List<Commitment>> bySlot = new HashMap<>();
    for (Commitment c : live(d)) {
      bySlot.computeIfAbsent(c.slot(), x -> new ArrayList<>()).add(c);
    }
    List<String> suspended = new ArrayList<>();
    for (String o : offers.keySet()) {
      if (d.capacity(o, LocalDate.of(2026, 11, 23)) == 0) {
        suspended.add(o);
      }
    }
    for (String q : d.queue()) {
      Need need = needs.get(q);
      int cls = policy.ranking().priorityClass(need.tier(), need.urgency());
      for (Offer o : offers.values()) {
        if (suspended.contains(o.id()) || o.place().distanceMetres(need.place()) > o.radiusMetres()) {
          continue;
        }
        Instant from = need.wanted().start().isAfter(now) ? need.wanted().start() : now;
        if (!from.isBefore(need.wanted().end())) {
          continue; // its window has passed
        }
        LocalDate week = Cadence.WEEK.start(from.atZone(ZONE).toLocalDate());
        while (week.atStartOfDay(ZONE).toInstant().isBefore(need.wanted().end())) {
          String slot = o.id() + "@" + week;
          int cap = d.capacity(o.id(), week);
          assertTrue(held.getOrDefault(slot, 0) >= cap, "waiting need " + q + " could use the free place in " + slot);
          if (policy.preemption() == DispatchPolicy.Preemption.PREEMPT) {
            for (Commitment c : bySlot.getOrDefault(slot, List.of())) {
              Need holder = needs.get(c.needId());
              int hc = policy.ranking().priorityClass(holder.tier(), holder.urgency());
              assertTrue(c.state() != CommitmentState.PROMISED || hc <= cls,
                  "inversion: waiting " + q + " (" + need.tier() + ") and " + c.id() + " (" + holder.tier() + ") in " + slot);
            }
          }
          week = week.plusWeeks(1);
        }
      }
    }
  }
}

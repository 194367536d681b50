package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.Role;
import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetProject;
import io.github.linli.core.governance.budget.BudgetRound;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.WrongExpectedVersionException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: two SDK instances (two stores, two meeting objects) on one PostgreSQL schema, voting at
 * once. Every acknowledged ballot is counted once; of two racing ballots for one voter exactly one
 * is acknowledged and the other refused with a typed error.
 */
class MeetingConcurrencyTest {
  static final int VOTERS = 40;
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY);

  Db db;

  @BeforeEach
  void open() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    db = Db.postgres();
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.drop();
    }
  }

  /** What a client does: retry a lost race with the same command id; a refusal is final. */
  static <T> T retrying(java.util.function.Supplier<T> call, AtomicInteger races) {
    while (true) {
      try {
        return call.get();
      } catch (WrongExpectedVersionException e) {
        races.incrementAndGet();
      }
    }
  }

  @Test
  void twoInstances_votingAtOnce_everyAcknowledgedBallotCountedOnce_doubleVotesRefused() throws Exception {
    Clock clock = Clock.systemUTC();
    List<Seat> seats = new ArrayList<>();
    seats.add(Seat.of("party-1", Party.PARTY_COMMITTEE));
    seats.add(Seat.of("rc-1", Party.RESIDENTS_COMMITTEE));
    for (int i = 0; i < VOTERS - 2; i++) {
      seats.add(Seat.of("res-" + i, Party.RESIDENT_REPRESENTATIVES));
    }
    AtomicInteger lostAppends = new AtomicInteger();
    EventStore storeA = counting(EventStores.jdbc(db), lostAppends);
    EventStore storeB = counting(EventStores.jdbc(db), lostAppends);
    JointMeeting a = JointMeeting.convene(storeA, "lishan", SECRETARY, "jm-race", Charter.standard(), seats, clock);
    String motion = a.propose(SECRETARY, Motion.custom(Label.of("扩建", "extend the hall"), Map.of()));
    JointMeeting b = JointMeeting.load(storeB, "lishan", "jm-race", clock);

    // every voter votes through both instances at once, with different choices
    List<Runnable> tasks = new ArrayList<>();
    Map<String, Choice> acknowledged = new ConcurrentHashMap<>();
    Map<String, Integer> refused = new ConcurrentHashMap<>();
    AtomicInteger races = new AtomicInteger();
    for (Seat s : seats) {
      String voter = s.participantId();
      for (JointMeeting m : List.of(a, b)) {
        Choice choice = m == a ? Choice.YES : Choice.NO;
        String commandId = voter + (m == a ? "-a" : "-b");
        tasks.add(() -> {
          try {
            Ballot ballot = retrying(() -> m.vote(Actor.of(voter, Role.RESIDENT), motion, choice, commandId), races);
            Choice before = acknowledged.putIfAbsent(voter, ballot.choice());
            assertTrue(before == null, "two ballots of " + voter + " acknowledged");
          } catch (ConflictException e) {
            assertTrue(e.getMessage().contains("already voted"), e.getMessage());
            refused.merge(voter, 1, Integer::sum);
          }
        });
      }
    }
    Collections.shuffle(tasks, new Random(14));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> futures = new ArrayList<>();
    for (Runnable t : tasks) {
      futures.add(pool.submit(t));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertEquals(VOTERS, acknowledged.size(), "every voter has exactly one acknowledged ballot");
    assertEquals(VOTERS, refused.values().stream().mapToInt(Integer::intValue).sum(), "and one refused");
    JointMeeting fresh = JointMeeting.load(EventStores.jdbc(db), "lishan", "jm-race", clock);
    Map<String, Choice> stored = new TreeMap<>();
    for (Ballot ballot : fresh.ballots(motion)) {
      assertTrue(stored.put(ballot.voterId(), ballot.choice()) == null, "one stored ballot per voter");
    }
    assertEquals(new TreeMap<>(acknowledged), stored, "every acknowledged ballot is stored, as acknowledged");
    Tally t = retrying(() -> b.close(SECRETARY, motion, "close-race"), races);
    long yes = acknowledged.values().stream().filter(c -> c == Choice.YES).count();
    assertEquals(yes, t.yes());
    assertEquals(VOTERS - yes, t.no());
    a.refresh();
    assertEquals(GovernanceStoreContract.state(a), GovernanceStoreContract.state(b));
    assertEquals(GovernanceStoreContract.state(a), GovernanceStoreContract.state(
        JointMeeting.load(EventStores.jdbc(db), "lishan", "jm-race", clock)));
    System.out.println("two instances, " + VOTERS + " voters × 2 racing ballots: " + lostAppends.get()
        + " appends lost a race and were decided again on fresh state; " + races.get() + " commands retried by the client");
  }

  /** A store that counts the appends refused for a stale expected version (a race lost to the other instance). */
  static EventStore counting(EventStore s, AtomicInteger lost) {
    return (EventStore) java.lang.reflect.Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
        (proxy, method, args) -> {
          try {
            return method.invoke(s, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof WrongExpectedVersionException) {
              lost.incrementAndGet();
            }
            throw e.getCause();
          }
        });
  }

  @Test
  void twoInstances_castingBudgetBallotsAtOnce_oneBallotPerVoter() throws Exception {
    Clock clock = Clock.systemUTC();
    Actor committee = Actor.of("rc", Role.RESIDENTS_COMMITTEE);
    BudgetRound a = BudgetRound.open(EventStores.jdbc(db), "lishan", committee, "pb-race", new BigDecimal("1000"),
        BudgetRule.greedy(), clock);
    a.submit(committee, BudgetProject.of("p1", 600));
    a.submit(committee, BudgetProject.of("p2", 500));
    BudgetRound b = BudgetRound.load(EventStores.jdbc(db), "lishan", "pb-race", clock);
    Actor clerk = Actor.of("clerk", Role.COORDINATOR);
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger races = new AtomicInteger();
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String voter = "v-" + i;
      for (BudgetRound r : List.of(a, b)) {
        String project = r == a ? "p1" : "p2";
        tasks.add(() -> {
          try {
            BudgetBallot cast = retrying(() -> r.cast(clerk, BudgetBallot.approval(voter, project)), races);
            assertTrue(acknowledged.putIfAbsent(voter, cast.projectIds().get(0)) == null, "two ballots of " + voter);
          } catch (ConflictException e) {
            refused.incrementAndGet();
          }
        });
      }
    }
    Collections.shuffle(tasks, new Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> futures = new ArrayList<>();
    tasks.forEach(t -> futures.add(pool.submit(t)));
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertEquals(30, acknowledged.size());
    assertEquals(30, refused.get());
    BudgetRound fresh = BudgetRound.load(EventStores.jdbc(db), "lishan", "pb-race", clock);
    Map<String, String> stored = new TreeMap<>();
    fresh.ballots().forEach(x -> stored.put(x.voterId(), x.projectIds().get(0)));
    assertEquals(new TreeMap<>(acknowledged), stored);
    assertEquals(fresh.election().count(BudgetRule.greedy()), retrying(() -> b.close(committee, "close"), races));
  }
}

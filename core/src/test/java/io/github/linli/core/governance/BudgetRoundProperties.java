package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.LinliException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetProject;
import io.github.linli.core.governance.budget.BudgetRound;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.governance.budget.Completion;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import io.github.linli.core.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Issue 14: a budget round against a model, over random submissions, ballots (own, entered by
 * staff, by the wrong person, repeated, conflicting, for unlisted projects) and closes. After every
 * step the round loaded from the store equals the live one (projects, ballots, outcome), the
 * stream holds one event per change, and a closed round's outcome is the election's own count.
 */
class BudgetRoundProperties {
  static final Actor COMMITTEE = Actor.of("rc", Role.RESIDENTS_COMMITTEE);
  static final Actor CLERK = Actor.of("clerk", Role.COORDINATOR);
  static final List<String> VOTERS = List.of("v-1", "v-2", "v-3", "v-4", "v-5");
  static final Map<String, Long> COSTS = Map.of("p-a", 300L, "p-b", 450L, "p-c", 250L, "p-d", 600L);

  static final class World {
    final EventStore store = EventStores.inMemory();
    final MutableClock clock = MutableClock.shanghai();
    final BudgetRule rule;
    final BudgetRound round;
    final Map<String, BudgetProject> projects = new LinkedHashMap<>();
    final Map<String, BudgetBallot> ballots = new LinkedHashMap<>();
    int events = 1;
    boolean closed;

    World(BudgetRule rule) {
      this.rule = rule;
      round = BudgetRound.open(store, "t", COMMITTEE, "pb", new BigDecimal("1000"), rule, clock);
    }

    @Override
    public String toString() {
      return "World{" + projects.keySet() + ", " + ballots.keySet() + (closed ? ", closed" : "") + "}";
    }
  }

  @Property(tries = 150)
  void round_loadedEqualsLive(@ForAll("rounds") ActionChain<World> chain) {
    chain.withInvariant("loaded = live", BudgetRoundProperties::invariants).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> rounds() {
    Arbitrary<BudgetRule> rules = Arbitraries.of(BudgetRule.greedy(), BudgetRule.equalShares(Completion.ADD1, false),
        BudgetRule.equalShares(Completion.ADD1_UTILITARIAN, true), BudgetRule.equalShares(Completion.NONE, false));
    return rules.flatMap(rule -> ActionChain.<World>startWith(() -> new World(rule))
        .withAction(3, submit())
        .withAction(6, cast())
        .withAction(1, close())
        .withMaxTransformations(30));
  }

  static <T> T expect(World w, Class<? extends LinliException> predicted, Supplier<T> call) {
    String before = state(w.round);
    try {
      T t = call.get();
      if (predicted != null) {
        fail("expected " + predicted.getSimpleName() + " but the call succeeded");
      }
      return t;
    } catch (LinliException e) {
      if (predicted == null || !predicted.isInstance(e)) {
        fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (predicted " + predicted + ")", e);
      }
      assertEquals(before, state(w.round), "a refused call changed the round");
      return null;
    }
  }

  static Action.Independent<World> submit() {
    Arbitrary<String> who = Arbitraries.of("v-1", "clerk", "eval");
    return () -> Combinators.combine(who, Arbitraries.of(COSTS.keySet().stream().sorted().toList()), Arbitraries.of(false, false, true))
        .as((actor, id, otherCost) -> Transformer.mutate(actor + " submits " + id + (otherCost ? " (other cost)" : ""), w -> {
          BudgetProject p = BudgetProject.of(id, COSTS.get(id) + (otherCost ? 1 : 0));
          Actor a = actor.equals("clerk") ? CLERK : actor.equals("eval") ? Actor.of("eval", Role.EVALUATOR) : Actor.of(actor, Role.RESIDENT);
          BudgetProject listed = w.projects.get(id);
          Class<? extends LinliException> predicted = actor.equals("eval") ? PermissionDeniedException.class
              : w.closed ? ConflictException.class
              : listed != null ? (listed.equals(p) ? null : ConflictException.class)
              : !w.ballots.isEmpty() ? ConflictException.class : null;
          BudgetProject r = expect(w, predicted, () -> w.round.submit(a, p));
          if (r != null && listed == null) {
            w.projects.put(id, p);
            w.events++;
          }
        }));
  }

  static Action.Independent<World> cast() {
    Arbitrary<String> who = Arbitraries.of("self", "self", "clerk", "other");
    Arbitrary<List<String>> choice = Arbitraries.of("p-a", "p-b", "p-c", "p-d", "p-x").list().uniqueElements().ofMaxSize(3);
    return () -> Combinators.combine(Arbitraries.of(VOTERS), who, choice).as((voter, actor, projects) ->
        Transformer.mutate(actor + " casts " + voter + " " + projects, w -> {
          BudgetBallot b = BudgetBallot.approval(voter, projects);
          Actor a = actor.equals("self") ? Actor.of(voter, Role.RESIDENT) : actor.equals("clerk") ? CLERK : Actor.of("v-9", Role.RESIDENT);
          BudgetBallot cast = w.ballots.get(voter);
          Class<? extends LinliException> predicted = actor.equals("other") ? PermissionDeniedException.class
              : w.closed ? ConflictException.class
              : cast != null ? (cast.equals(b) ? null : ConflictException.class)
              : !w.projects.keySet().containsAll(projects) ? ValidationException.class : null;
          BudgetBallot r = expect(w, predicted, () -> w.round.cast(a, b));
          if (r != null && cast == null) {
            w.ballots.put(voter, b);
            w.events++;
          }
          w.clock.advance(Duration.ofHours(5));
        }));
  }

  static Action.Independent<World> close() {
    return () -> Arbitraries.of(true, true, false).map(bySecretary -> Transformer.mutate("close" + (bySecretary ? "" : " by a resident"), w -> {
      Class<? extends LinliException> predicted = !bySecretary ? PermissionDeniedException.class : w.closed ? ConflictException.class : null;
      if (expect(w, predicted, () -> w.round.close(bySecretary ? Actor.of("sec", Role.MEETING_SECRETARY) : Actor.of("v-1", Role.RESIDENT)))
          != null) {
        w.closed = true;
        w.events++;
      }
    }));
  }

  static String state(BudgetRound r) {
    return r + " " + r.projects() + r.ballots() + r.outcome() + r.version() + r.openedAt() + r.budget() + r.rule() + r.voteType();
  }

  static void invariants(World w) {
    BudgetRound loaded = BudgetRound.load(w.store, "t", "pb", w.clock);
    assertEquals(state(w.round), state(loaded));
    assertEquals(w.round.outcome(), loaded.outcome());
    assertEquals(List.copyOf(w.projects.values()), w.round.projects());
    assertEquals(List.copyOf(w.ballots.values()), w.round.ballots());
    assertEquals(w.events, w.store.version(StreamId.of("t", "budget", "pb")), "one event per change");
    assertEquals(w.closed, w.round.isClosed());
    if (w.closed) {
      assertEquals(w.round.election().count(w.rule), loaded.outcome().orElseThrow(), "the outcome is the election's count");
      assertTrue(loaded.outcome().orElseThrow().totalCost().compareTo(new BigDecimal("1000")) <= 0);
    }
  }
}

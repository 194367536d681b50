package io.github.linli.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** A streaming session under random arrivals and re-optimisations keeps its invariants. */
class StreamingSessionProperties {
  static final DomainFixtures.Instance POOL = DomainFixtures.random(7, 200, 10);

  /** The session and what the test knows about it. */
  static final class State {
    final StreamingMatcher.Session session =
        Matcher.streaming(MatchingPolicy.defaults(), true, 0).open(POOL.offers);
    final Map<String, Need> arrived = new HashMap<>();
    int next;
  }

  @Property(tries = 60)
  void session_keepsCapacityFeasibilityAndAnswers(@ForAll("chains") ActionChain<State> chain) {
    chain
        .withInvariant("capacity and feasibility", StreamingSessionProperties::check)
        .run();
  }

  private static void check(State s) {
    Map<String, Integer> load = new HashMap<>();
    for (Need n : s.arrived.values()) {
      Optional<String> o = s.session.offerOf(n.id());
      if (o.isPresent()) {
        Offer offer = POOL.offers.stream().filter(x -> x.id().equals(o.get())).findFirst().orElseThrow();
        assertTrue(DomainFixtures.feasible(n, offer));
        load.merge(offer.id(), 1, Integer::sum);
      }
    }
    for (Offer o : POOL.offers) {
      assertTrue(load.getOrDefault(o.id(), 0) <= o.capacity(), "capacity of " + o.id());
    }
    assertEquals(s.arrived.size(), s.session.arrivals());
  }

  @Provide
  Arbitrary<ActionChain<State>> chains() {
    return ActionChain.<State>startWith(State::new)
        .withAction(5, new Arrive())
        .withAction(1, new Reoptimise())
        .withMaxTransformations(40);
  }

  /** One demand arrives and is answered at once, consistently with the session's state. */
  static final class Arrive implements Action.Independent<State> {
    @Override
    public Arbitrary<Transformer<State>> transformer() {
      return Arbitraries.just(
          Transformer.mutate(
              "arrive",
              s -> {
                Need n = POOL.needs.get(s.next++ % POOL.needs.size());
                if (s.arrived.containsKey(n.id())) {
                  return;
                }
                StreamingMatcher.Decision d = s.session.arrive(n);
                s.arrived.put(n.id(), n);
                assertEquals(d.offerId(), s.session.offerOf(n.id()));
                for (String displaced : d.displacedNeedIds()) {
                  assertTrue(s.session.offerOf(displaced).isEmpty());
                }
              }));
    }
  }

  /** Re-optimisation never lowers the served-priority score. */
  static final class Reoptimise implements Action.Independent<State> {
    @Override
    public Arbitrary<Transformer<State>> transformer() {
      return Arbitraries.just(
          Transformer.mutate(
              "reoptimise",
              s -> {
                long before = s.session.result().metrics().servedPriorityScore();
                s.session.reoptimise();
                MatchResult after = s.session.result();
                assertTrue(after.metrics().servedPriorityScore() >= before);
                long exact =
                    Matcher.exact().match(List.copyOf(orderOf(s)), POOL.offers).metrics().servedPriorityScore();
                assertEquals(exact, after.metrics().servedPriorityScore());
              }));
    }
  }

  private static List<Need> orderOf(State s) {
    return POOL.needs.stream().filter(n -> s.arrived.containsKey(n.id())).collect(java.util.stream.Collectors.toList());
  }
}

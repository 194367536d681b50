package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
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
 * Random sequences of lifecycle operations by random actors: every operation either moves the
 * demand along a legal edge (history grows by one, close time and satisfaction exactly on close)
 * or fails with a typed error and changes nothing; a conflict names the current state.
 */
class DemandLifecycleProperties {
  static final Actor[] ACTORS = {
    Actor.of("r-1", Role.RESIDENT),
    Actor.of("r-2", Role.RESIDENT),
    Actor.of("staff", Role.COORDINATOR),
    Actor.system(),
    Actor.of("v-1", Role.VOLUNTEER),
    Actor.of("eval", Role.EVALUATOR)
  };

  enum Op {
    CLASSIFY(DemandState.CLASSIFIED),
    RECLASSIFY(DemandState.CLASSIFIED),
    MATCH(DemandState.MATCHED),
    RETURN(DemandState.CLASSIFIED),
    START(DemandState.IN_SERVICE),
    FULFIL(DemandState.FULFILLED),
    UNMET(DemandState.UNMET),
    WITHDRAW(DemandState.WITHDRAWN);

    final DemandState target;

    Op(DemandState target) {
      this.target = target;
    }
  }

  /** The system under test: an intake with its clock, and the current demand. */
  static final class World {
    final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T00:00:00Z"));
    final DemandIntake intake = DemandIntake.create(clock);
    Demand demand;

    World() {
      demand =
          intake.submit(
              ACTORS[0],
              DemandRequest.builder().id("d-1").requester(ResidentId.of("r-1")).text("楼道里有燃气味").gridCell("B2").build());
    }

    World apply(Op op, Actor actor, int satisfaction, long minutes) {
      clock.advance(Duration.ofMinutes(minutes));
      Demand before = demand;
      Demand after;
      try {
        switch (op) {
          case CLASSIFY:
            after = intake.classify(actor, before);
            break;
          case RECLASSIFY:
            after = intake.reclassify(actor, before, MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING, Urgency.CRITICAL);
            break;
          case MATCH:
            after = intake.match(actor, before);
            break;
          case RETURN:
            after = intake.returnToQueue(actor, before);
            break;
          case START:
            after = intake.startService(actor, before);
            break;
          case FULFIL:
            after = intake.fulfil(actor, before, satisfaction);
            break;
          case UNMET:
            after = intake.markUnmet(actor, before, satisfaction);
            break;
          default:
            after = intake.withdraw(actor, before);
        }
      } catch (ConflictException e) {
        assertFalse(allowed(op, before.state()), op + " from " + before.state() + " should have been allowed");
        assertTrue(e.getMessage().contains(before.state().name()), e.getMessage());
        assertSame(before, demand);
        return this;
      } catch (PermissionDeniedException e) {
        assertSame(before, demand);
        return this;
      } catch (ValidationException e) {
        assertTrue(satisfaction < 1 || satisfaction > 5, e.getMessage());
        assertSame(before, demand);
        return this;
      }
      assertTrue(before.state().canMoveTo(after.state()));
      assertTrue(allowed(op, before.state()), op + " from " + before.state() + " should have been refused");
      assertEquals(op.target, after.state());
      assertEquals(before.history().size() + 1, after.history().size());
      assertEquals(actor.id(), after.history().get(after.history().size() - 1).actorId());
      assertEquals(before.createdAt(), after.createdAt());
      if (op == Op.FULFIL || op == Op.UNMET) {
        assertEquals(satisfaction, after.satisfaction().getAsInt());
      }
      demand = after;
      return this;
    }
  }

  /** The operations' own rules: classification before matching only; returning from MATCHED only. */
  static boolean allowed(Op op, DemandState from) {
    switch (op) {
      case CLASSIFY:
      case RECLASSIFY:
        return from == DemandState.SUBMITTED || from == DemandState.CLASSIFIED;
      case RETURN:
        return from == DemandState.MATCHED;
      default:
        return from.canMoveTo(op.target);
    }
  }

  @Property(tries = 150)
  void lifecycle_onlyLegalMovesSucceed(@ForAll("chains") ActionChain<World> chain) {
    chain
        .withInvariant(
            "consistent",
            w -> {
              Demand d = w.demand;
              assertEquals(d.state(), d.history().get(d.history().size() - 1).state());
              assertEquals(d.state().isClosed(), d.closedAt().isPresent());
              if (d.satisfaction().isPresent()) {
                assertTrue(d.state() == DemandState.FULFILLED || d.state() == DemandState.UNMET);
              }
              for (int i = 1; i < d.history().size(); i++) {
                assertTrue(d.history().get(i - 1).state().canMoveTo(d.history().get(i).state()));
                assertFalse(d.history().get(i).at().isBefore(d.history().get(i - 1).at()));
              }
              if (d.state() != DemandState.SUBMITTED && d.state() != DemandState.WITHDRAWN) {
                assertTrue(d.tier().isPresent() && d.domain().isPresent() && d.responseLevel().isPresent());
              }
            })
        .run();
  }

  @Provide
  Arbitrary<ActionChain<World>> chains() {
    Supplier<World> start = World::new;
    return ActionChain.<World>startWith(start).withAction(new Step()).withMaxTransformations(12);
  }

  /** One operation by one actor with one satisfaction score after some minutes. */
  static final class Step implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Combinators.combine(
              Arbitraries.of(Op.values()),
              Arbitraries.of(ACTORS),
              Arbitraries.integers().between(0, 6),
              Arbitraries.longs().between(0, 600))
          .as((op, actor, s, m) -> Transformer.transform(op + " by " + actor.id() + " sat " + s, w -> ((World) w).apply(op, actor, s, m)));
    }
  }

  @Property(tries = 50)
  void demandState_successorsAreExactlyTheAllowedMoves(@ForAll DemandState from, @ForAll DemandState to) {
    assertEquals(from.successors().contains(to), from.canMoveTo(to));
    if (from.isClosed()) {
      assertTrue(from.successors().isEmpty());
    }
    if (to == DemandState.SUBMITTED && from.canMoveTo(to)) {
      fail("nothing moves back to SUBMITTED");
    }
  }
}

package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of commands on a store-backed intake (several demands, random actors, a clock
 * with nanoseconds): each command has the outcome the in-memory intake has on the same demand (the
 * same rules, applied in one place), and after every step an intake loaded from the store equals
 * the live one, demand by demand.
 */
class StoredDemandProperties {
  static final Actor[] ACTORS = {
    Actor.of("r-1", Role.RESIDENT),
    Actor.of("r-2", Role.RESIDENT),
    Actor.of("staff", Role.COORDINATOR),
    Actor.system(),
    Actor.of("v-1", Role.VOLUNTEER),
    Actor.of("v-2", Role.VOLUNTEER),
    Actor.of("eval", Role.EVALUATOR)
  };
  static final String[] IDS = {"d-1", "d-2", "d-3"};
  static final Protector PROTECTOR = Protector.aesGcm(new SecretKeySpec(new byte[16], "AES"));
  private static Db h2;

  enum Op { SUBMIT, CLASSIFY, RECLASSIFY, MATCH, MATCH_TO, START, FULFIL, UNMET, WITHDRAW }

  static final class World {
    final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T00:00:00.000000001Z"));
    final EventStore store;
    final PersonalDataStore personalData;
    final String tenant;
    final DemandIntake stored;
    final DemandIntake model;
    final Map<String, Demand> live = new TreeMap<>();
    final Map<String, Demand> expected = new TreeMap<>();
    int commands;

    World(EventStore store, PersonalDataStore personalData, String tenant) {
      this.store = store;
      this.personalData = personalData;
      this.tenant = tenant;
      this.stored = DemandIntake.open(store, tenant, clock, personalData);
      this.model = DemandIntake.create(clock);
    }

    static World inMemory() {
      return new World(EventStores.inMemory(), PersonalDataStore.builder().protector(PROTECTOR).build(), "t");
    }

    static World h2() {
      String tenant = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
      return new World(EventStores.jdbc(db()), PersonalDataStore.jdbc(db(), tenant, PROTECTOR, java.time.Clock.systemUTC()), tenant);
    }

    DemandRequest request(String id, Actor actor) {
      return DemandRequest.builder().id(id).requester(ResidentId.of(actor.has(Role.RESIDENT) ? actor.id() : "r-1"))
          .text("楼道里有燃气味，" + id).point(GeoPoint.of(30.1 + commands * 1e-6, 120.2)).gridCell("B" + commands % 3)
          .householdFlags(commands % 2 == 0 ? Set.of() : Set.of(HouseholdFlag.values()[commands % HouseholdFlag.values().length]))
          .build();
    }

    World step(Op op, String id, Actor actor, int satisfaction, long nanos) {
      clock.advance(Duration.ofNanos(nanos));
      commands++;
      Class<?> modelOutcome = null;
      Demand modelDemand = null;
      try {
        modelDemand = run(model, op, id, actor, satisfaction, expected.get(id));
      } catch (ConflictException | PermissionDeniedException | ValidationException | NotFoundException e) {
        modelOutcome = e.getClass();
      }
      Class<?> storedOutcome = null;
      Demand storedDemand = null;
      try {
        storedDemand = run(stored, op, id, actor, satisfaction, live.get(id));
      } catch (ConflictException | PermissionDeniedException | ValidationException | NotFoundException e) {
        storedOutcome = e.getClass();
      }
      assertEquals(modelOutcome, storedOutcome, op + " " + id + " by " + actor.id());
      if (storedDemand != null) {
        // the stored intake reads personal fields through the access policy: a volunteer or member
        // representative handling the need sees its text and place, not the household's facts
        boolean seesAll = actor.hasAny(Set.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM))
            || (actor.has(Role.RESIDENT) && actor.id().equals(modelDemand.requester().value()));
        Demand visible = seesAll ? modelDemand : Demand.builder().from(modelDemand).householdFlags(Set.of()).build();
        assertEquals(visible, storedDemand, "the stored intake applies the in-memory intake's rules");
        live.put(id, storedDemand);
        expected.put(id, modelDemand);
      }
      return this;
    }

    private Demand run(DemandIntake intake, Op op, String id, Actor actor, int satisfaction, Demand current) {
      if (op == Op.SUBMIT) {
        Demand d = intake.submit(actor, request(id, actor)); // the role is checked first
        if (intake == model && current != null) {
          throw new ConflictException("demand " + id + " already exists (state " + current.state() + ")");
        }
        return d;
      }
      if (current == null && intake == model) {
        // the stored intake checks the role before it looks the demand up (withdraw: after)
        if (op != Op.WITHDRAW) {
          try {
            run(intake, op, id, actor, satisfaction, intake.submit(Actor.system(), request(id, actor)));
          } catch (PermissionDeniedException e) {
            throw e;
          } catch (RuntimeException e) {
            // not about the role
          }
        }
        throw new NotFoundException("demand", id);
      }
      if (current == null) {
        current = DemandIntake.create(clock).submit(Actor.system(), request(id, actor)); // names the id only
      }
      switch (op) {
        case CLASSIFY:
          return intake.classify(actor, current);
        case RECLASSIFY:
          return intake.reclassify(actor, current, MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING, Urgency.CRITICAL);
        case MATCH:
          return intake.match(actor, current);
        case MATCH_TO:
          return intake.match(actor, current, "v-1");
        case START:
          return intake.startService(actor, current);
        case FULFIL:
          return intake.fulfil(actor, current, satisfaction);
        case UNMET:
          return intake.markUnmet(actor, current, satisfaction);
        default:
          return intake.withdraw(actor, current);
      }
    }

    void loadedEqualsLive() {
      DemandIntake loaded = DemandIntake.open(store, tenant, clock, personalData);
      assertEquals(live.keySet(), Set.copyOf(loaded.ids()));
      for (Map.Entry<String, Demand> e : live.entrySet()) {
        Demand d = loaded.find(Actor.of("staff", Role.COORDINATOR), e.getKey()).orElseThrow();
        // staff read every field: the loaded demand equals the in-memory intake's, which step() showed
        // the live stored answers equal (less what the access policy withheld from the actor)
        assertEquals(expected.get(e.getKey()), d, "loaded " + e.getKey());
        assertEquals(e.getValue().history(), d.history());
        assertTrue(d.createdAt().getNano() % 1000 == 0);
      }
    }
  }

  @Property(tries = 100)
  void inMemoryStore_loadedEqualsLive(@ForAll("inMemoryChains") ActionChain<World> chain) {
    chain.withInvariant("loaded equals live", World::loadedEqualsLive).run();
  }

  @Property(tries = 12)
  void h2Store_loadedEqualsLive(@ForAll("h2Chains") ActionChain<World> chain) {
    chain.withInvariant("loaded equals live", World::loadedEqualsLive).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> inMemoryChains() {
    Supplier<World> start = World::inMemory;
    return ActionChain.<World>startWith(start).withAction(new Step()).withMaxTransformations(25);
  }

  @Provide
  Arbitrary<ActionChain<World>> h2Chains() {
    Supplier<World> start = World::h2;
    return ActionChain.<World>startWith(start).withAction(new Step()).withMaxTransformations(15);
  }

  static synchronized Db db() {
    if (h2 == null) {
      h2 = Db.h2();
    }
    return h2;
  }

  @AfterContainer
  static void dropDb() {
    if (h2 != null) {
      h2.drop();
    }
  }

  /** One command on one demand by one actor. */
  static final class Step implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Combinators.combine(
              Arbitraries.of(Op.values()),
              Arbitraries.of(IDS),
              Arbitraries.of(ACTORS),
              Arbitraries.integers().between(0, 6),
              Arbitraries.longs().between(0, 90_000_000_000L))
          .as((op, id, actor, s, n) -> Transformer.transform(op + " " + id + " by " + actor.id() + " sat " + s,
              w -> ((World) w).step(op, id, actor, s, n)));
    }
  }
}

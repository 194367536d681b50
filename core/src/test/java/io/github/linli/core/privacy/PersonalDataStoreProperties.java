package io.github.linli.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Issue 9: the personal-data store against a model, under random writes, reads and erasures by
 * random actors (every role, and the residents themselves). Invariants: the store holds exactly
 * what the model holds; a read returns the model's value; every operation, allowed or refused, adds
 * exactly one access record saying which; a refusal changes nothing; an erasure leaves nothing of
 * the resident; no rendering ever shows a stored value.
 */
class PersonalDataStoreProperties {
  static final List<String> RESIDENTS = List.of("r-0", "r-1", "r-2");
  static final Set<Role> WRITERS = EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);
  static final Set<Role> ERASERS = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);

  static final class World {
    final PersonalDataStore store;

    World() {
      this(PersonalDataStore.inMemory(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
    }

    World(PersonalDataStore store) {
      this.store = store;
    }

    final Map<String, Map<PersonalDataKind, String>> model = new HashMap<>();
    int operations;

    @Override
    public String toString() {
      return "World{" + operations + " operations}";
    }
  }

  @Property(tries = 120)
  void store_matchesModel(@ForAll("chains") ActionChain<World> chain) {
    chain.withInvariant("model", PersonalDataStoreProperties::invariants).run();
  }

  /** The same on the database store: AES-GCM at rest, the access log in a table, a fresh tenant per run. */
  @Property(tries = 25)
  void jdbcStore_matchesModel(@ForAll("jdbcChains") ActionChain<World> chain) {
    chain.withInvariant("model", PersonalDataStoreProperties::invariants).run();
  }

  private static io.github.linli.core.store.Db h2;

  static synchronized io.github.linli.core.store.Db h2() {
    if (h2 == null) {
      h2 = io.github.linli.core.store.Db.h2();
      io.github.linli.core.store.Migrations.apply(h2);
    }
    return h2;
  }

  @net.jqwik.api.lifecycle.AfterContainer
  static void dropH2() {
    if (h2 != null) {
      h2.drop();
    }
  }

  @Provide
  Arbitrary<ActionChain<World>> jdbcChains() {
    return ActionChain.<World>startWith(() -> new World(PersonalDataStore.jdbc(h2(), "t-" + java.util.UUID.randomUUID(),
            Protector.aesGcm(new javax.crypto.spec.SecretKeySpec(new byte[16], "AES")), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))))
        .withAction(4, put())
        .withAction(4, read())
        .withAction(1, erase())
        .withMaxTransformations(25);
  }

  @Provide
  Arbitrary<ActionChain<World>> chains() {
    return ActionChain.<World>startWith(World::new)
        .withAction(4, put())
        .withAction(4, read())
        .withAction(1, erase())
        .withMaxTransformations(40);
  }

  static Arbitrary<Actor> actors() {
    return Arbitraries.oneOf(
        Arbitraries.of(Role.values()).map(r -> Actor.of("staff-" + r.name().toLowerCase(java.util.Locale.ROOT), r)),
        Arbitraries.of(RESIDENTS).map(r -> Actor.of(r, Role.RESIDENT)));
  }

  static Arbitrary<String> values() {
    return Arbitraries.strings().withCharRange('一', '龥').ofMinLength(3).ofMaxLength(8).map(s -> "秘" + s);
  }

  static Action.Independent<World> put() {
    return () -> Combinators.combine(actors(), Arbitraries.of(RESIDENTS), Arbitraries.of(PersonalDataKind.class), values())
        .as((a, r, k, v) -> Transformer.mutate(a.id() + " puts " + k + " of " + r, w -> {
          boolean allowed = a.id().equals(r) || a.hasAny(WRITERS);
          expect(w, allowed, () -> {
            w.store.put(a, ResidentId.of(r), k, v);
            return true;
          });
          if (allowed) {
            w.model.computeIfAbsent(r, x -> new EnumMap<>(PersonalDataKind.class)).put(k, v);
          }
        }));
  }

  static Action.Independent<World> read() {
    return () -> Combinators.combine(actors(), Arbitraries.of(RESIDENTS), Arbitraries.of(PersonalDataKind.class), Arbitraries.of(Purpose.class))
        .as((a, r, k, p) -> Transformer.mutate(a.id() + " reads " + k + " of " + r + " for " + p, w -> {
          boolean allowed = AccessPolicy.standard().allows(a, ResidentId.of(r), k, p);
          Optional<String> got = expect(w, allowed, () -> w.store.read(a, ResidentId.of(r), k, p));
          if (allowed) {
            assertEquals(Optional.ofNullable(w.model.getOrDefault(r, Map.of()).get(k)), got);
          }
        }));
  }

  static Action.Independent<World> erase() {
    return () -> Combinators.combine(actors(), Arbitraries.of(RESIDENTS))
        .as((a, r) -> Transformer.mutate(a.id() + " erases " + r, w -> {
          boolean allowed = a.id().equals(r) || a.hasAny(ERASERS);
          Integer n = expect(w, allowed, () -> w.store.erase(a, ResidentId.of(r)));
          if (allowed) {
            Map<PersonalDataKind, String> gone = w.model.remove(r);
            assertEquals(gone == null ? 0 : gone.size(), n);
          }
        }));
  }

  static <T> T expect(World w, boolean allowed, java.util.function.Supplier<T> call) {
    String before = snapshot(w);
    int logBefore = w.store.accessLog().records().size();
    T result = null;
    try {
      result = call.get();
      if (!allowed) {
        fail("should have been refused");
      }
    } catch (PermissionDeniedException e) {
      if (allowed) {
        fail("should have been allowed: " + e.getMessage());
      }
      assertEquals(before, snapshot(w), "a refusal changed the store");
    }
    w.operations++;
    List<AccessRecord> log = w.store.accessLog().records();
    assertEquals(logBefore + 1, log.size(), "one access record per operation");
    assertEquals(allowed, log.get(log.size() - 1).allowed());
    return result;
  }

  static String snapshot(World w) {
    StringBuilder b = new StringBuilder();
    for (String r : RESIDENTS) {
      b.append(r).append(w.store.kindsHeld(ResidentId.of(r)));
      for (PersonalDataKind k : PersonalDataKind.values()) {
        b.append(w.store.masked(ResidentId.of(r), k).orElse("-"));
      }
    }
    return b.toString();
  }

  static void invariants(World w) {
    for (String r : RESIDENTS) {
      assertEquals(w.model.getOrDefault(r, Map.of()).keySet(), w.store.kindsHeld(ResidentId.of(r)), "kinds held by " + r);
    }
    String rendered = w.store.toString() + w.store.accessLog().records();
    for (Map<PersonalDataKind, String> values : w.model.values()) {
      for (String v : values.values()) {
        assertFalse(rendered.contains(v), "rendering shows " + v);
      }
    }
    assertEquals(w.operations, w.store.accessLog().records().size());
  }
}

package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Role;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Stateful properties of the ledger on both stores: random sequences of transfers, pending
 * transfers, posts, voids, expiries, reversals, linked chains, retried ids, status changes and
 * clock moves. After every step, checked by the test's own replay and reference model (not by the
 * store's verify alone): per ledger balances sum to zero; every stored total equals the journal's;
 * no account below its floor or above its ceiling; each pending resolved at most once; and the
 * reference model, which applies exactly what the results say, agrees with the store's balances.
 */
class LedgerProperties {
  static final List<String> ACCOUNTS = List.of("a", "b", "c", "d", "pts", "nobody");
  static final Actor COORDINATOR = Actor.of("c1", Role.COORDINATOR);

  /** The system under test and a reference model. */
  static final class World {
    final TestClock clock = new TestClock(Instant.parse("2026-10-01T00:00:00Z"));
    final LedgerStore store;
    final TimeBank bank;
    // reference model
    final Map<String, long[]> model = new TreeMap<>(); // posted balance, dq, cq
    final Map<String, TransferRequest> sent = new HashMap<>();
    final Map<String, TransferStatus> outcome = new HashMap<>();
    final Map<String, long[]> pendings = new HashMap<>(); // amount, expiresAtMillis (or MAX)
    final Map<String, String[]> pendingAccounts = new HashMap<>();
    final Map<String, PendingState> pendingStates = new HashMap<>();
    int counter;

    World(LedgerStore store) {
      this.store = store;
      this.bank = TimeBank.builder().store(store).clock(clock).build();
      open("a", 60, null, LedgerId.SERVICE_MINUTES);
      open("b", 30, null, LedgerId.SERVICE_MINUTES);
      open("c", 0, 120L, LedgerId.SERVICE_MINUTES);
      open("d", 0, null, LedgerId.SERVICE_MINUTES);
      open("pts", 100, null, LedgerId.CARBON_POINTS);
    }

    void open(String id, long overdraft, Long ceiling, LedgerId ledger) {
      AccountSpec.Builder b =
          AccountSpec.builder().id(AccountId.of(id)).ledger(ledger).overdraftLimit(Credits.ofMinutes(overdraft));
      if (ceiling != null) {
        b.ceiling(Credits.ofMinutes(ceiling));
      }
      bank.openAccount(b.build());
      model.put(id, new long[3]);
    }

    void expireModel() {
      long now = clock.instant().toEpochMilli();
      for (Map.Entry<String, long[]> e : pendings.entrySet()) {
        if (pendingStates.get(e.getKey()) == PendingState.PENDING && e.getValue()[1] <= now) {
          release(e.getKey(), PendingState.EXPIRED);
        }
      }
    }

    void release(String pid, PendingState s) {
      String[] acc = pendingAccounts.get(pid);
      long amount = pendings.get(pid)[0];
      model.get(acc[0])[1] -= amount;
      model.get(acc[1])[2] -= amount;
      pendingStates.put(pid, s);
    }

    List<TransferResult> submit(List<TransferRequest> batch) {
      expireModel();
      List<TransferResult> results = bank.submit(batch);
      boolean chainFailed = !results.stream().allMatch(TransferResult::isOk);
      if (batch.size() > 1 && chainFailed) {
        // a failed linked chain: one member names the failure, the rest LINKED_EVENT_FAILED
        long failures =
            results.stream().filter(r -> r.status() != TransferStatus.LINKED_EVENT_FAILED).count();
        assertEquals(1, failures, results.toString());
        return results;
      }
      for (int i = 0; i < batch.size(); i++) {
        apply(batch.get(i), results.get(i).status(), false);
      }
      return results;
    }

    void apply(TransferRequest r, TransferStatus s, boolean inBatch) {
      String id = r.id().value();
      TransferRequest before = sent.get(id);
      TransferStatus was = outcome.get(id);
      // idempotency, predicted exactly
      if (was == TransferStatus.CREATED && !inBatch) {
        assertTrue(
            s == TransferStatus.EXISTS || s == TransferStatus.EXISTS_WITH_DIFFERENT_FIELDS,
            id + " was created; now " + s);
        if (before.toString().equals(r.toString()) && before.kind() == r.kind()) {
          assertEquals(TransferStatus.EXISTS, s, id);
        }
        return;
      }
      if (was != null && was.isRecorded() && !inBatch) {
        assertEquals(TransferStatus.ID_ALREADY_FAILED, s, id + " failed before with " + was);
        return;
      }
      if (s == TransferStatus.CREATED) {
        sent.put(id, r);
        outcome.put(id, s);
        effect(r);
      } else if (s.isRecorded() && was == null) {
        sent.put(id, r);
        outcome.put(id, s);
      }
    }

    void effect(TransferRequest r) {
      String id = r.id().value();
      switch (r.kind()) {
        case SINGLE:
          model.get(r.debit().get().value())[0] -= r.amount().get().minutes();
          model.get(r.credit().get().value())[0] += r.amount().get().minutes();
          break;
        case PENDING:
          long amount = r.amount().get().minutes();
          model.get(r.debit().get().value())[1] += amount;
          model.get(r.credit().get().value())[2] += amount;
          long exp =
              r.timeout().isPresent()
                  ? clock.instant().plus(r.timeout().get()).toEpochMilli()
                  : Long.MAX_VALUE;
          pendings.put(id, new long[] {amount, exp});
          pendingAccounts.put(
              id, new String[] {r.debit().get().value(), r.credit().get().value()});
          pendingStates.put(id, PendingState.PENDING);
          break;
        case POST_PENDING:
        case VOID_PENDING:
          String pid = r.reference().get().value();
          assertEquals(PendingState.PENDING, pendingStates.get(pid), "resolved twice: " + pid);
          boolean post = r.kind() == TransferKind.POST_PENDING;
          release(pid, post ? PendingState.POSTED : PendingState.VOIDED);
          if (post) {
            String[] acc = pendingAccounts.get(pid);
            model.get(acc[0])[0] -= r.amount().get().minutes();
            model.get(acc[1])[0] += r.amount().get().minutes();
          }
          break;
        case REVERSAL:
          Transfer o = bank.lookup(r.reference().get()).get();
          long amt = r.amount().map(Credits::minutes).orElse(o.amountMinutes());
          model.get(o.creditAccount().value())[0] -= amt;
          model.get(o.debitAccount().value())[0] += amt;
          break;
        default:
          throw new AssertionError();
      }
    }

    /** The invariants, checked independently of the store's own verify(). */
    void check() {
      List<Account> accounts = bank.accounts();
      Map<LedgerId, long[]> perLedger = new HashMap<>();
      Map<String, long[]> replay = new HashMap<>();
      accounts.forEach(a -> replay.put(a.id().value(), new long[4]));
      Map<String, Integer> resolutions = new HashMap<>();
      Map<String, Transfer> pendingTransfers = new HashMap<>();
      for (Transfer t : bank.journal()) {
        if (t.kind().posts()) {
          replay.get(t.debitAccount().value())[0] += t.amountMinutes();
          replay.get(t.creditAccount().value())[1] += t.amountMinutes();
        }
        if (t.kind() == TransferKind.PENDING) {
          pendingTransfers.put(t.id().value(), t);
        }
        if (t.kind() == TransferKind.POST_PENDING || t.kind() == TransferKind.VOID_PENDING) {
          resolutions.merge(t.reference().get().value(), 1, Integer::sum);
        }
      }
      resolutions.forEach((p, n) -> assertEquals(1, n, "pending " + p + " resolved " + n + " times"));
      for (Transfer p : pendingTransfers.values()) {
        PendingState s = bank.pendingState(p.id()).get();
        assertEquals(pendingStates.get(p.id().value()), s, "pending state of " + p.id());
        if (s == PendingState.PENDING) {
          replay.get(p.debitAccount().value())[2] += p.amountMinutes();
          replay.get(p.creditAccount().value())[3] += p.amountMinutes();
        }
      }
      for (Account a : accounts) {
        long[] r = replay.get(a.id().value());
        assertEquals(r[0], a.debitsPosted(), "debits posted of " + a.id());
        assertEquals(r[1], a.creditsPosted(), "credits posted of " + a.id());
        assertEquals(r[2], a.debitsPending(), "debits pending of " + a.id());
        assertEquals(r[3], a.creditsPending(), "credits pending of " + a.id());
        long[] m = model.get(a.id().value());
        assertEquals(m[0], a.balance().minutes(), "model balance of " + a.id());
        assertEquals(m[1], a.debitsPending(), "model pending debits of " + a.id());
        assertEquals(m[2], a.creditsPending(), "model pending credits of " + a.id());
        long floor = a.creditsPosted() - a.debitsPosted() - a.debitsPending();
        assertTrue(floor >= -a.overdraftLimit().minutes(), a + " below its floor");
        a.ceiling()
            .ifPresent(
                c ->
                    assertTrue(
                        a.creditsPosted() + a.creditsPending() - a.debitsPosted() <= c.minutes(),
                        a + " above its ceiling"));
        long[] l = perLedger.computeIfAbsent(a.ledger(), k -> new long[2]);
        l[0] += a.balance().minutes();
        l[1] += a.creditsPending() - a.debitsPending();
      }
      perLedger.forEach(
          (k, v) -> {
            assertEquals(0, v[0], "posted balances of " + k + " sum to zero");
            assertEquals(0, v[1], "pending of " + k + " sums to zero");
          });
      assertTrue(store.verify().isConsistent(), () -> store.verify().problems().toString());
    }
  }

  // ------------------------------------------------------------------ actions

  static Arbitrary<AccountId> account() {
    return Arbitraries.of(ACCOUNTS).map(AccountId::of);
  }

  /** Ids from a small pool so that retries happen. */
  static Arbitrary<TransferId> transferId() {
    return Arbitraries.integers().between(0, 40).map(i -> TransferId.of("t" + i));
  }

  static Arbitrary<Credits> amount() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-5, 0)),
        net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(1, 90)))
        .map(Credits::ofMinutes);
  }

  static Transformer<World> submit(String what, Supplier<List<TransferRequest>> batch) {
    return Transformer.mutate(what, w -> w.submit(batch.get()));
  }

  static Action.Independent<World> single() {
    return () ->
        Combinators.combine(transferId(), account(), account(), amount())
            .as(
                (id, d, c, a) -> {
                  TransferRequest r = TransferRequest.single(id, d, c, a);
                  return submit(r.toString(), () -> List.of(r));
                });
  }

  static Action.Independent<World> pending() {
    return () ->
        Combinators.combine(
                transferId(), account(), account(), amount(), Arbitraries.of(0, 0, 30, 120))
            .as(
                (id, d, c, a, minutes) -> {
                  TransferRequest r =
                      TransferRequest.pending(id, d, c, a, Duration.ofMinutes(minutes));
                  return submit(r.toString(), () -> List.of(r));
                });
  }

  static Action.Independent<World> postOrVoid() {
    return () ->
        Combinators.combine(transferId(), transferId(), amount(), Arbitraries.of(true, false))
            .as(
                (id, pid, a, post) -> {
                  TransferRequest r =
                      post ? TransferRequest.post(id, pid, a) : TransferRequest.voiding(id, pid);
                  return submit(r.toString(), () -> List.of(r));
                });
  }

  static Action.Independent<World> reversal() {
    return () ->
        Combinators.combine(transferId(), transferId())
            .as(
                (id, o) -> {
                  TransferRequest r = TransferRequest.reversal(id, o);
                  return submit(r.toString(), () -> List.of(r));
                });
  }

  static Action.Independent<World> chain() {
    return () ->
        Combinators.combine(transferId(), transferId(), account(), account(), account(), amount(), amount())
            .as(
                (i1, i2, x, y, z, a1, a2) -> {
                  List<TransferRequest> batch =
                      List.of(
                          TransferRequest.single(i1, x, y, a1).linked(),
                          TransferRequest.single(i2, y, z, a2));
                  return submit("chain " + batch, () -> batch);
                });
  }

  static Action.Independent<World> advanceClock() {
    return () ->
        Arbitraries.of(1, 20, 60, 200)
            .map(
                m ->
                    Transformer.mutate(
                        "advance " + m + " min",
                        w -> {
                          w.clock.advance(Duration.ofMinutes(m));
                          if (m >= 60) {
                            w.expireModel();
                            w.bank.expirePending();
                          }
                        }));
  }

  static Action.Independent<World> status() {
    return () ->
        Combinators.combine(Arbitraries.of("a", "b", "c", "d"), Arbitraries.of(AccountStatus.values()))
            .as(
                (id, s) ->
                    Transformer.mutate(
                        id + " -> " + s,
                        w -> {
                          AccountId aid = AccountId.of(id);
                          if (w.bank.account(aid).status() == AccountStatus.CLOSED) {
                            return;
                          }
                          if (s == AccountStatus.FROZEN) {
                            w.bank.freeze(COORDINATOR, aid);
                          } else if (s == AccountStatus.ACTIVE) {
                            w.bank.unfreeze(COORDINATOR, aid);
                          } else if (id.equals("d")) {
                            w.bank.close(COORDINATOR, aid); // only d is ever closed
                          }
                        }));
  }

  static Arbitrary<ActionChain<World>> chains(Supplier<World> world) {
    return ActionChain.startWith(world)
        .withAction(6, single())
        .withAction(3, pending())
        .withAction(3, postOrVoid())
        .withAction(2, reversal())
        .withAction(2, chain())
        .withAction(2, advanceClock())
        .withAction(1, status())
        .withMaxTransformations(40);
  }

  @Provide
  Arbitrary<ActionChain<World>> inMemory() {
    return chains(() -> new World(LedgerStores.inMemoryHashChained()));
  }

  private static LedgerStore previous;

  @Provide
  Arbitrary<ActionChain<World>> h2() {
    return chains(
        () -> {
          if (previous != null) {
            previous.close();
          }
          // one table set per chain, in a shared in-memory database
          previous =
              Databases.store(Databases.h2Memory("properties"), Databases.uniqueTenant());
          return new World(previous);
        });
  }

  private static final boolean PG = Databases.postgresAnswers();
  private static final List<String> PG_PREFIXES = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Provide
  Arbitrary<ActionChain<World>> postgres() {
    return chains(
        () -> {
          if (previous != null) {
            previous.close();
          }
          String tenant = Databases.uniqueTenant();
          PG_PREFIXES.add(tenant);
          previous = Databases.store(Databases.postgres(), tenant);
          return new World(previous);
        });
  }

  /** The same property on PostgreSQL, fewer tries (each chain gets its own tables); skipped without a server. */
  @Property(tries = 12)
  @net.jqwik.api.lifecycle.AddLifecycleHook(RequirePostgres.class)
  void jdbcStoreOnPostgres_keepsEveryInvariant(@ForAll("postgres") ActionChain<World> chain) {
    chain.withInvariant("ledger invariants", World::check).run();
  }

  /** Reports the PostgreSQL property skipped when no server answers. */
  public static final class RequirePostgres implements net.jqwik.api.lifecycle.SkipExecutionHook {
    @Override
    public net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult shouldBeSkipped(
        net.jqwik.api.lifecycle.LifecycleContext context) {
      return PG
          ? net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult.doNotSkip()
          : net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult.skip(
              "no PostgreSQL at " + Databases.pgUrl());
    }
  }

  @net.jqwik.api.lifecycle.AfterContainer
  static void dropPostgresTables() throws Exception {
    if (previous != null) {
      previous.close();
      previous = null;
    }
    for (String tenant : PG_PREFIXES) {
      Databases.dropTenant(Databases.postgres(), tenant);
    }
  }

  @Property(tries = 400)
  void inMemoryStore_keepsEveryInvariant(@ForAll("inMemory") ActionChain<World> chain) {
    chain.withInvariant("ledger invariants", World::check).run();
  }

  @Property(tries = 80)
  void jdbcStoreOnH2_keepsEveryInvariant(@ForAll("h2") ActionChain<World> chain) {
    chain.withInvariant("ledger invariants", World::check).run();
  }
}

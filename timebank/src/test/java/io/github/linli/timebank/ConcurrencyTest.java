package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Many writers, retried ids and tight limits. Every id's fields are a function of the id, so
 * every writer that sends an id sends the same transfer: at most one CREATED per id, the others
 * EXISTS (or ID_ALREADY_FAILED after a rejection), no account below its floor, and the journal
 * replays to the balances. JDBC writers each get their own store instance, as separate processes
 * would.
 */
class ConcurrencyTest {
  static final int ACCOUNTS = 6;
  static final int IDS = 1500;

  static TransferRequest request(int k) {
    int d = k % ACCOUNTS;
    int c = (d + 1 + (k / ACCOUNTS) % (ACCOUNTS - 1)) % ACCOUNTS;
    return TransferRequest.single(
        TransferId.of("x" + k), AccountId.of("acc" + d), AccountId.of("acc" + c),
        Credits.ofMinutes(1 + k % 25));
  }

  void run(Supplier<LedgerStore> stores, int threads, int batchSize) throws Exception {
    List<LedgerStore> opened = new ArrayList<>();
    LedgerStore first = stores.get();
    opened.add(first);
    TimeBank setup = TimeBank.builder().store(first).build();
    openAccounts(setup);
    for (int t = 1; t < threads; t++) {
      opened.add(stores.get());
    }
    Map<String, List<TransferStatus>> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      TimeBank bank = TimeBank.builder().store(opened.get(t)).clock(Clock.systemUTC()).build();
      Random random = new Random(t);
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int round = 0; round < 60; round++) {
                  List<TransferRequest> batch = new ArrayList<>();
                  for (int i = 0; i < batchSize; i++) {
                    batch.add(request(random.nextInt(IDS))); // ids collide across writers
                  }
                  List<TransferResult> results = bank.submit(batch);
                  for (TransferResult r : results) {
                    seen.computeIfAbsent(r.id().value(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(r.status());
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    check(first, seen);
    for (LedgerStore s : opened) {
      s.close();
    }
  }

  static void openAccounts(TimeBank bank) {
    for (int i = 0; i < ACCOUNTS; i++) {
      bank.openAccount(AccountId.of("acc" + i), Credits.ofMinutes(30)); // tight: half an hour
    }
  }

  /** Checks what the writers saw against the ledger. */
  static void check(LedgerStore first, Map<String, List<TransferStatus>> seen) {
    TimeBank check = TimeBank.builder().store(first).build();
    Set<String> journal = new HashSet<>();
    for (Transfer t : check.journal()) {
      assertTrue(journal.add(t.id().value()), "written twice: " + t.id());
    }
    int created = 0;
    int failedThenRetried = 0;
    for (Map.Entry<String, List<TransferStatus>> e : seen.entrySet()) {
      List<TransferStatus> s = e.getValue();
      long c = s.stream().filter(x -> x == TransferStatus.CREATED).count();
      assertTrue(c <= 1, e.getKey() + " created " + c + " times");
      if (journal.contains(e.getKey())) {
        assertEquals(1, c, e.getKey() + " in the journal but never CREATED: " + s);
        assertTrue(
            s.stream().allMatch(x -> x == TransferStatus.CREATED || x == TransferStatus.EXISTS),
            e.getKey() + ": " + s);
        created++;
      } else {
        assertEquals(0, c);
        assertTrue(s.stream().noneMatch(x -> x == TransferStatus.EXISTS), e.getKey() + ": " + s);
        // results arrive in any order across threads: one original rejection, the rest say so
        long originals = s.stream().filter(x -> x != TransferStatus.ID_ALREADY_FAILED).count();
        assertEquals(1, originals, e.getKey() + ": " + s);
        if (s.size() > 1) {
          failedThenRetried++;
        }
      }
    }
    assertTrue(created > 50, "enough transfers went through: " + created);
    assertTrue(failedThenRetried > 0, "tight limits rejected some retried ids");
    Map<LedgerId, Long> sum = new HashMap<>();
    for (Account a : check.accounts()) {
      assertTrue(a.balance().minutes() >= -30, a + " below its floor");
      sum.merge(a.ledger(), a.balance().minutes(), Long::sum);
    }
    assertEquals(0L, sum.get(LedgerId.SERVICE_MINUTES));
    check.verify();
  }

  /**
   * Two application servers (two stores on one H2 database) race a confirm against a dispute on
   * each of 40 delivered exchanges: exactly one step wins each time, and the ledger holds the post
   * if and only if the confirm won.
   */
  @Test
  void exchanges_confirmRacingDispute_exactlyOneWins() throws Exception {
    DataSource ds = Databases.h2Memory("exchange-race");
    String tenant = Databases.uniqueTenant();
    io.github.linli.core.Actor wang =
        io.github.linli.core.Actor.of("res-wang", io.github.linli.core.Role.RESIDENT);
    io.github.linli.core.Actor zhao =
        io.github.linli.core.Actor.of("res-zhao", io.github.linli.core.Role.VOLUNTEER);
    try (LedgerStore s1 = Databases.store(ds, tenant);
        LedgerStore s2 = Databases.store(ds, tenant)) {
      TimeBank a = TimeBank.builder().store(s1).build();
      TimeBank b = TimeBank.builder().store(s2).build();
      a.openAccount(AccountSpec.builder().id(AccountId.of("w")).holder("res-wang")
          .overdraftLimit(Credits.ofHours(100)).build());
      a.openAccount(AccountSpec.builder().id(AccountId.of("z")).holder("res-zhao").build());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      int confirmed = 0;
      for (int i = 0; i < 40; i++) {
        String id = "e" + i;
        a.exchanges().request(wang, id, AccountId.of("w"), AccountId.of("z"), Credits.ofMinutes(30));
        a.exchanges().accept(zhao, id);
        a.exchanges().deliver(zhao, id, Credits.ofMinutes(20));
        CountDownLatch go = new CountDownLatch(1);
        Future<Boolean> confirm = pool.submit(() -> { go.await(); return wins(() -> a.exchanges().confirm(wang, id)); });
        Future<Boolean> dispute = pool.submit(() -> { go.await(); return wins(() -> b.exchanges().dispute(wang, id)); });
        go.countDown();
        boolean c = confirm.get();
        boolean d = dispute.get();
        assertTrue(c ^ d, id + ": confirm " + c + ", dispute " + d);
        ExchangeStatus status = b.exchanges().get(id).status();
        assertEquals(c ? ExchangeStatus.POSTED : ExchangeStatus.DISPUTED, status);
        assertEquals(c, a.lookup(TransferId.of("ex:" + id + ":post")).isPresent());
        confirmed += c ? 1 : 0;
      }
      pool.shutdown();
      assertEquals(20L * confirmed, a.balance(AccountId.of("z")).minutes());
      a.verify();
    } finally {
      Databases.dropTenant(ds, tenant);
    }
  }

  private static boolean wins(Runnable step) {
    try {
      step.run();
      return true;
    } catch (io.github.linli.core.ConflictException lost) {
      return false;
    }
  }

  @Test
  void inMemory_manyThreads_keepLimitsAndIdempotency() throws Exception {
    LedgerStore shared = LedgerStores.inMemory();
    run(() -> shared, 8, 20);
  }

  @Test
  void jdbcOnH2_severalStoreInstances_keepLimitsAndIdempotency() throws Exception {
    DataSource ds = Databases.h2Memory("concurrency");
    String tenant = Databases.uniqueTenant();
    run(() -> Databases.store(ds, tenant), 4, 20);
    Databases.dropTenant(ds, tenant);
  }

  @Test
  void jdbcOnPostgres_severalStoreInstances_keepLimitsAndIdempotency() throws Exception {
    assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
    DataSource ds = Databases.postgres();
    String tenant = Databases.uniqueTenant();
    try {
      run(() -> Databases.store(ds, tenant), 4, 20);
    } finally {
      Databases.dropTenant(ds, tenant);
    }
  }
}

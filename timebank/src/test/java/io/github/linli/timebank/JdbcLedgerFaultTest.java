package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import io.github.linli.timebank.store.RetryPolicy;
import io.github.linli.timebank.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, the JDBC ledger store under faults, on H2 and (when one answers) PostgreSQL: a commit
 * whose connection breaks after the server applied it is resolved as written, not reported as
 * failed; one that broke before is run again and written once; one whose outcome cannot be read
 * back says so ({@code outcomeUnknown}), and a retry with the same ids settles it; terminated
 * backends and a server starting are retried inside; a unique violation in the journal is not
 * retried; an interrupt stops the retries and stays set.
 */
class JdbcLedgerFaultTest {
  static final AccountId WANG = AccountId.of("wang");
  static final AccountId LI = AccountId.of("li");
  /** Quick retries, so that giving up takes milliseconds. */
  static final RetryPolicy QUICK = RetryPolicy.of(4, Duration.ofMillis(1), Duration.ofMillis(2));

  DataSource plain;
  String tenant;
  final List<LedgerStore> opened = new ArrayList<>();

  @AfterEach
  void dropTenant() throws Exception {
    opened.forEach(LedgerStore::close);
    if (plain != null) {
      Databases.dropTenant(plain, tenant);
    }
  }

  FaultyDataSource faulty(String db) {
    if (db.equals("postgres")) {
      assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
      plain = Databases.postgres();
    } else {
      plain = Databases.h2Memory("faults");
    }
    tenant = Databases.uniqueTenant();
    return new FaultyDataSource(plain);
  }

  TimeBank bank(DataSource ds, RetryPolicy policy) {
    LedgerStore store = LedgerStores.jdbc().dataSource(ds).tenant(tenant).retryPolicy(policy).build();
    opened.add(store);
    TimeBank bank = TimeBank.builder().store(store)
        .clock(new TestClock(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.ofHours(8))).build();
    bank.openAccount(WANG, Credits.ofHours(10));
    bank.openAccount(LI, Credits.ofHours(10));
    return bank;
  }

  static List<TransferRequest> batch(String prefix) {
    return List.of(
        TransferRequest.single(TransferId.of(prefix + "-1"), WANG, LI, Credits.ofMinutes(30)),
        TransferRequest.single(TransferId.of(prefix + "-2"), LI, WANG, Credits.ofMinutes(5)),
        // rejected: the failure is written too, and must not be written twice either
        TransferRequest.single(TransferId.of(prefix + "-3"), WANG, AccountId.of("nobody"), Credits.ofMinutes(1)));
  }

  static List<TransferStatus> statuses(List<TransferResult> results) {
    return results.stream().map(TransferResult::status).toList();
  }

  static final List<TransferStatus> WRITTEN =
      List.of(TransferStatus.CREATED, TransferStatus.CREATED, TransferStatus.ACCOUNT_NOT_FOUND);
  static final List<TransferStatus> ALREADY =
      List.of(TransferStatus.EXISTS, TransferStatus.EXISTS, TransferStatus.ID_ALREADY_FAILED);

  /** The batch is in the journal exactly once, and the ledger verifies. */
  static void writtenOnce(TimeBank bank) {
    assertEquals(2, bank.journal().size(), () -> bank.journal().toString());
    assertEquals(-25, bank.balance(WANG).minutes());
    assertEquals(25, bank.balance(LI).minutes());
    assertTrue(bank.verify().problems().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_commitFailsAfterTheServerAppliedIt_resolvedAsWrittenNotReportedAsFailed(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.defaults());
    ds.nextCommit(FaultyDataSource.CommitFault.AFTER_APPLYING, () -> {});

    List<TransferResult> results = bank.submit(batch("a"));

    assertEquals(WRITTEN, statuses(results), "the results of the batch that landed");
    writtenOnce(bank);
    assertEquals(ALREADY, statuses(bank.submit(batch("a"))), "a client retry finds it written");
    writtenOnce(bank);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_commitFailsBeforeTheServerAppliedIt_runAgainAndWrittenOnce(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.defaults());
    ds.nextCommit(FaultyDataSource.CommitFault.BEFORE_APPLYING, () -> {});

    assertEquals(WRITTEN, statuses(bank.submit(batch("b"))));
    writtenOnce(bank);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_commitLandedButTheDatabaseIsGone_outcomeUnknownAndARetryWithTheSameIdsAnswersExists(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, QUICK);
    ds.nextCommit(FaultyDataSource.CommitFault.AFTER_APPLYING, () -> ds.refuseConnections(Integer.MAX_VALUE, "08001"));

    StoreException e = assertThrows(StoreException.class, () -> bank.submit(batch("c")));

    assertTrue(e.outcomeUnknown(), e.getMessage());
    assertTrue(e.getMessage().contains("outcome unknown: retry with the same ids"), e.getMessage());
    assertTrue(ds.refused.get() >= QUICK.attempts() - 1, "the store tried to read the outcome back");
    ds.heal();
    assertEquals(ALREADY, statuses(bank.submit(batch("c"))));
    writtenOnce(bank);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_commitLostAndTheDatabaseIsGone_outcomeUnknownAndARetryWritesItOnce(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, QUICK);
    ds.nextCommit(FaultyDataSource.CommitFault.BEFORE_APPLYING, () -> ds.refuseConnections(Integer.MAX_VALUE, "08001"));

    StoreException e = assertThrows(StoreException.class, () -> bank.submit(batch("d")));

    assertTrue(e.outcomeUnknown(), e.getMessage());
    ds.heal();
    assertEquals(WRITTEN, statuses(bank.submit(batch("d"))));
    writtenOnce(bank);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void exchangeStep_commitFailsAfterTheServerAppliedIt_theStepSucceedsOnce(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.defaults());
    io.github.linli.core.Actor staff = io.github.linli.core.Actor.of("staff-1", io.github.linli.core.Role.COORDINATOR);
    ds.nextCommit(FaultyDataSource.CommitFault.AFTER_APPLYING, () -> {});
    bank.exchanges().request(staff, "x1", WANG, LI, Credits.ofMinutes(30));   // the insert landed: no conflict
    ds.nextCommit(FaultyDataSource.CommitFault.AFTER_APPLYING, () -> {});
    bank.exchanges().accept(staff, "x1");                                      // the compare-and-set landed
    assertEquals(ExchangeStatus.ACCEPTED, bank.exchanges().get("x1").status());
    assertEquals(1, bank.exchanges().all().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_backendTerminatedOrServerStarting_retriedInsideTheStore(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.defaults());
    int before = ds.connections.get();
    ds.failStatements(2, "FOR UPDATE", "57P01");
    assertEquals(WRITTEN, statuses(bank.submit(batch("e"))));
    assertEquals(3, ds.connections.get() - before, "two terminated attempts, then one that commits");

    ds.refuseConnections(3, "57P03");
    assertEquals(TransferStatus.CREATED, bank.transfer(TransferId.of("e-4"), WANG, LI, Credits.ofMinutes(1)).status());
    assertEquals(3, ds.refused.get());
    assertEquals(3, bank.journal().size());
    assertTrue(bank.verify().problems().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_uniqueViolationInTheJournal_notRetriedAndNothingWritten(String db) throws Exception {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.defaults());
    bank.transfer(TransferId.of("f-0"), WANG, LI, Credits.ofMinutes(10));
    // a row written behind the store's back at the next sequence: the batch's insert collides with it
    Databases.exec(plain, "INSERT INTO linli_ledger_transfer (tenant, seq, id, kind, debit, credit, ledger, amount,"
        + " code, ts, hash) VALUES ('" + tenant + "', 2, 'forged', 'SINGLE', 'li', 'wang', 'service-minutes', 1, 0,"
        + " 0, 'x')");
    int before = ds.connections.get();

    StoreException e = assertThrows(StoreException.class, () -> bank.submit(batch("f")));

    assertFalse(e.outcomeUnknown());
    assertEquals(1, ds.connections.get() - before, "a unique violation is not run again: " + e.getMessage());
    Databases.exec(plain, "DELETE FROM linli_ledger_transfer WHERE tenant = '" + tenant + "' AND id = 'forged'");
    assertEquals(1, bank.journal().size(), "the failed call wrote nothing");
    assertEquals(10, bank.balance(LI).minutes());
    assertTrue(bank.verify().problems().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_interruptedWhileRetrying_stopsAtOnceAndKeepsTheFlag(String db) {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.of(1000, Duration.ZERO, Duration.ZERO));
    // the third refused connection interrupts the caller, as a shutting-down executor would
    ds.onRefuse(() -> {
      if (ds.refused.get() == 3) {
        Thread.currentThread().interrupt();
      }
    });
    ds.refuseConnections(Integer.MAX_VALUE, "57P03");
    try {
      StoreException e = assertThrows(StoreException.class, () -> bank.submit(batch("g")));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
      assertEquals(3, ds.refused.get(), "no attempt after the interrupt: " + e.getMessage());
      assertFalse(e.outcomeUnknown());
      assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    } finally {
      Thread.interrupted();
      ds.heal();
    }
    assertEquals(0, bank.journal().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void submit_interruptedDuringTheBackOff_returnsWithoutWaitingItOut(String db) throws Exception {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.of(3, Duration.ofMinutes(1), Duration.ofMinutes(1)));
    CountDownLatch firstRefusal = new CountDownLatch(1);
    ds.onRefuse(firstRefusal::countDown);
    ds.refuseConnections(Integer.MAX_VALUE, "08001");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicBoolean flagKept = new AtomicBoolean();
    try {
      Future<Throwable> call = pool.submit(() -> {
        try {
          bank.submit(batch("h"));
          return null;
        } catch (RuntimeException e) {
          flagKept.set(Thread.currentThread().isInterrupted());
          return e;
        }
      });
      assertTrue(firstRefusal.await(60, TimeUnit.SECONDS));
      pool.shutdownNow(); // interrupts the caller, now waiting out a one-minute back-off
      // generous: only a store that sleeps through the interrupt (a minute) comes near it
      Throwable thrown = call.get(30, TimeUnit.SECONDS);
      assertTrue(thrown instanceof StoreException, String.valueOf(thrown));
      assertTrue(flagKept.get(), "the interrupt flag is kept");
      assertEquals(1, ds.refused.get(), "no attempt after the interrupt");
    } finally {
      pool.shutdownNow();
      ds.heal();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres"})
  void submit_realBackendTerminatedMidTransaction_retriedAndWrittenOnce(String db) throws Exception {
    FaultyDataSource ds = faulty(db);
    TimeBank bank = bank(ds, RetryPolicy.defaults());
    // terminate the backend of the connection that is about to lock the head, from another session
    DataSource killer = Databases.postgres();
    AtomicBoolean killed = new AtomicBoolean();
    DataSource killing = new TestDataSourceBase() {
      @Override
      public Connection getConnection() throws java.sql.SQLException {
        Connection c = ds.getConnection();
        if (killed.compareAndSet(false, true)) {
          int pid;
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
          }
          try (Connection k = killer.getConnection(); Statement s = k.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
          }
        }
        return c;
      }

      @Override
      public Connection getConnection(String u, String p) throws java.sql.SQLException {
        return getConnection();
      }
    };
    LedgerStore store = LedgerStores.jdbc().dataSource(killing).tenant(tenant).build();
    opened.add(store);
    killed.set(false);
    TimeBank viaKilled = TimeBank.builder().store(store).build();
    int before = ds.connections.get();

    assertEquals(WRITTEN, statuses(viaKilled.submit(batch("k"))));

    assertTrue(killed.get());
    assertTrue(ds.connections.get() - before >= 2, "the terminated attempt was run again");
    writtenOnce(bank);
  }
}

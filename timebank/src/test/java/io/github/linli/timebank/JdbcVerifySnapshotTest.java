package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.core.ConsistencyException;
import io.github.linli.timebank.store.LedgerStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code verify()} on the JDBC store reads one snapshot without the head lock: a writer on another
 * connection commits transfers while verify is paused between reading the accounts and reading the
 * journal. The writer must finish (it would wait on the head lock for the whole verify before),
 * and verify must report exactly the snapshot, clean. Runs on H2 and, when one answers, PostgreSQL.
 */
class JdbcVerifySnapshotTest {
  static final AccountId WANG = AccountId.of("wang");
  static final AccountId LI = AccountId.of("li");
  static final AccountId ZHAO = AccountId.of("zhao");
  /** Generous: the writer takes milliseconds; only a blocked writer comes near this. */
  static final long WRITER_TIMEOUT_SECONDS = 60;

  @Test
  void verify_writerCommitsMidRun_notBlockedAndReportIsTheSnapshot_h2() throws Exception {
    writerCommitsMidRun(Databases.h2Memory("verify-snapshot"));
  }

  @Test
  void verify_writerCommitsMidRun_notBlockedAndReportIsTheSnapshot_postgres() throws Exception {
    assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
    writerCommitsMidRun(Databases.postgres());
  }

  @Test
  void verify_tamperedRowWhileAWriterCommitsMidRun_reportsTheProblem_h2() throws Exception {
    tamperedWhileWriterCommitsMidRun(Databases.h2Memory("verify-snapshot-tamper"));
  }

  @Test
  void verify_tamperedRowWhileAWriterCommitsMidRun_reportsTheProblem_postgres() throws Exception {
    assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
    tamperedWhileWriterCommitsMidRun(Databases.postgres());
  }

  @Test
  void verify_throwsOnAnUnreadableRow_connectionStillRestored_h2() throws Exception {
    unreadableRowRestoresConnection(Databases.h2Memory("verify-snapshot-unreadable"));
  }

  @Test
  void verify_throwsOnAnUnreadableRow_connectionStillRestored_postgres() throws Exception {
    assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
    unreadableRowRestoresConnection(Databases.postgres());
  }

  void writerCommitsMidRun(DataSource plain) throws Exception {
    String tenant = Databases.uniqueTenant();
    PausingDataSource pausing = new PausingDataSource(plain);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (LedgerStore writerStore = Databases.store(plain, tenant);
        LedgerStore verifyStore = Databases.store(pausing, tenant)) {
      TestClock clock = new TestClock(Instant.parse("2026-10-01T08:00:00Z"), ZoneOffset.ofHours(8));
      TimeBank writer = TimeBank.builder().store(writerStore).clock(clock).build();
      writer.openAccount(WANG, Credits.ofHours(5));
      writer.openAccount(LI, Credits.ofHours(5));
      writer.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30));
      writer.transfer(TransferId.of("t2"), LI, WANG, Credits.ofMinutes(10));
      assertEquals(
          TransferStatus.CREATED,
          writer.submit(List.of(TransferRequest.pending(
                  TransferId.of("p1"), WANG, LI, Credits.ofMinutes(20), Duration.ofDays(1))))
              .get(0).status());
      int before = writer.journal().size();

      // mid-run, the writer opens an account, posts the pending transfer (changing its pending
      // state) and adds transfers: none of it is in verify's snapshot
      List<TransferResult> written = new CopyOnWriteArrayList<>();
      pausing.pauseOnce(
          () -> {
            Future<?> f =
                pool.submit(
                    () -> {
                      writer.openAccount(ZHAO, Credits.ZERO);
                      written.addAll(
                          writer.submit(
                              List.of(
                                  TransferRequest.post(TransferId.of("p1-post"), TransferId.of("p1"), Credits.ofMinutes(20)),
                                  TransferRequest.single(TransferId.of("t3"), WANG, ZHAO, Credits.ofMinutes(15)),
                                  TransferRequest.single(TransferId.of("t4"), LI, WANG, Credits.ofMinutes(5)))));
                      return null;
                    });
            awaitWriter(f);
          });

      VerifyReport report = verifyStore.verify();

      assertTrue(pausing.paused(), "verify reached the journal and paused there");
      assertEquals(3, written.size());
      for (TransferResult r : written) {
        assertEquals(TransferStatus.CREATED, r.status(), r.id() + " committed while verify ran");
      }
      assertTrue(report.problems().isEmpty(), () -> "clean snapshot: " + report.problems());
      assertEquals(before, report.transfers(), "exactly the transfers committed before verify");
      assertEquals(2, report.accounts(), "the accounts of the snapshot");
      pausing.assertConnectionsGivenBackAsTheyCame();

      VerifyReport after = verifyStore.verify();
      assertTrue(after.problems().isEmpty(), () -> "clean: " + after.problems());
      assertEquals(before + 3, after.transfers());
      assertEquals(3, after.accounts());
      assertEquals(PendingState.POSTED, writerStore.pendingState(TransferId.of("p1")).get());

      // the connection verify used writes again through its own store (read-only was undone)
      TimeBank viaVerifyStore = TimeBank.builder().store(verifyStore).clock(clock).build();
      assertEquals(
          TransferStatus.CREATED,
          viaVerifyStore.transfer(TransferId.of("t5"), WANG, LI, Credits.ofMinutes(1)).status());
      assertEquals(before + 4, viaVerifyStore.verify().transfers());
    } finally {
      pool.shutdownNow();
      Databases.dropTenant(plain, tenant);
    }
  }

  void tamperedWhileWriterCommitsMidRun(DataSource plain) throws Exception {
    String tenant = Databases.uniqueTenant();
    PausingDataSource pausing = new PausingDataSource(plain);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (LedgerStore writerStore = Databases.store(plain, tenant);
        LedgerStore verifyStore = Databases.store(pausing, tenant)) {
      TimeBank writer = TimeBank.builder().store(writerStore).build();
      writer.openAccount(WANG, Credits.ofHours(5));
      writer.openAccount(LI, Credits.ofHours(5));
      writer.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30));
      writer.transfer(TransferId.of("t2"), WANG, LI, Credits.ofMinutes(10));
      try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
        // a forger changes the amount and the balances so that they still agree
        s.executeUpdate("UPDATE linli_ledger_transfer SET amount = 1 WHERE tenant = '" + tenant + "' AND id = 't1'");
        s.executeUpdate("UPDATE linli_ledger_account SET dp = 11 WHERE tenant = '" + tenant + "' AND id = 'wang'");
        s.executeUpdate("UPDATE linli_ledger_account SET cp = 11 WHERE tenant = '" + tenant + "' AND id = 'li'");
        if (!c.getAutoCommit()) {
          c.commit();
        }
      }
      List<TransferResult> written = new CopyOnWriteArrayList<>();
      pausing.pauseOnce(
          () ->
              awaitWriter(
                  pool.submit(
                      () -> written.add(
                          writer.transfer(TransferId.of("t3"), LI, WANG, Credits.ofMinutes(5))))));

      VerifyReport report = verifyStore.verify();

      assertTrue(pausing.paused());
      assertEquals(TransferStatus.CREATED, written.get(0).status());
      assertEquals(2, report.transfers());
      assertEquals(1, report.problems().size(), () -> report.problems().toString());
      assertTrue(
          report.problems().get(0).contains("hash chain broken at sequence 1"),
          report.problems().get(0));
      pausing.assertConnectionsGivenBackAsTheyCame();
      assertEquals(1, verifyStore.verify().problems().size(), "still the one forged row");
    } finally {
      pool.shutdownNow();
      Databases.dropTenant(plain, tenant);
    }
  }

  void unreadableRowRestoresConnection(DataSource plain) throws Exception {
    String tenant = Databases.uniqueTenant();
    PausingDataSource watched = new PausingDataSource(plain);
    try (LedgerStore store = Databases.store(watched, tenant)) {
      TimeBank bank = TimeBank.builder().store(store).build();
      bank.openAccount(WANG, Credits.ofHours(1));
      bank.openAccount(LI, Credits.ofHours(1));
      bank.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30));
      try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE linli_ledger_account SET status = 'BOGUS' WHERE tenant = '" + tenant + "' AND id = 'li'");
        if (!c.getAutoCommit()) {
          c.commit();
        }
      }
      ConsistencyException e = assertThrows(ConsistencyException.class, store::verify);
      assertTrue(e.getMessage().contains("account row li"), e.getMessage());
      watched.assertConnectionsGivenBackAsTheyCame();
      // and the store's connection writes again
      try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE linli_ledger_account SET status = 'ACTIVE' WHERE tenant = '" + tenant + "' AND id = 'li'");
        if (!c.getAutoCommit()) {
          c.commit();
        }
      }
      assertEquals(
          TransferStatus.CREATED,
          bank.transfer(TransferId.of("t2"), LI, WANG, Credits.ofMinutes(5)).status());
      assertEquals(2, bank.verify().transfers());
    } finally {
      Databases.dropTenant(plain, tenant);
    }
  }

  /** Waits for the writer; a writer still waiting after the generous timeout was blocked. */
  static void awaitWriter(Future<?> writer) throws Exception {
    try {
      writer.get(WRITER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException blocked) {
      throw new AssertionError("the writer did not commit while verify was running", blocked);
    }
  }

  /** Code the pause runs; it may throw. */
  interface Pause {
    void run() throws Exception;
  }

  /**
   * Hands out proxied connections: the first time one prepares the journal-page query ({@code FROM
   * linli_ledger_transfer WHERE tenant = ? AND seq > ?}, which verify reads after the head and the
   * accounts) after {@link #pauseOnce} was armed, the pause runs on that thread before the statement
   * is prepared. Notes each connection's settings when handed out and when closed, so a test can
   * check that the store gives every connection back (to a pool, in real use) as it came.
   */
  static final class PausingDataSource extends TestDataSourceBase {
    private static final String JOURNAL_PAGE = "from linli_ledger_transfer where tenant = ? and seq > ?";
    private final DataSource delegate;
    private final List<Connection> handedOut = new CopyOnWriteArrayList<>();
    private final List<String> changed = new CopyOnWriteArrayList<>();
    private volatile Pause pause;
    private volatile boolean paused;

    PausingDataSource(DataSource delegate) {
      this.delegate = delegate;
    }

    void pauseOnce(Pause p) {
      paused = false;
      pause = p;
    }

    boolean paused() {
      return paused;
    }

    /**
     * The store kept no connection (every one handed out was closed) and closed each with the
     * isolation, read-only and auto-commit settings it was handed out with.
     */
    void assertConnectionsGivenBackAsTheyCame() throws SQLException {
      assertFalse(handedOut.isEmpty(), "the store used connections");
      for (Connection c : handedOut) {
        assertTrue(c.isClosed(), "the store keeps no connection between calls");
      }
      assertTrue(changed.isEmpty(), () -> "connections closed with other settings: " + changed);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return wrap(delegate.getConnection(user, password));
    }

    private static String settings(Connection c) throws SQLException {
      return "isolation " + c.getTransactionIsolation() + ", readOnly " + c.isReadOnly() + ", autoCommit " + c.getAutoCommit();
    }

    private Connection wrap(Connection real) throws SQLException {
      String initial = settings(real);
      InvocationHandler h =
          (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement")
                && args != null
                && args[0] instanceof String
                && ((String) args[0]).toLowerCase(Locale.ROOT).contains(JOURNAL_PAGE)) {
              Pause p = pause;
              if (p != null) {
                pause = null;
                paused = true;
                p.run();
              }
            }
            if (method.getName().equals("close") && !real.isClosed()) {
              String now = settings(real);
              if (!now.equals(initial)) {
                changed.add(initial + " -> " + now);
              }
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      Connection c =
          (Connection)
              Proxy.newProxyInstance(
                  Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
      handedOut.add(c);
      return c;
    }
  }
}

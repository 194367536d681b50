package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.Role;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import io.github.linli.timebank.store.PrefixMigration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 part 6: a ledger kept before 0.2 in the tables of a prefix moves into a tenant's rows of
 * the shared tables, with every row, sequence and hash, so it verifies and goes on; the move is
 * idempotent, refuses to merge into a tenant with a ledger or to move one prefix twice, and
 * notices old tables written afterwards. The deprecated {@code jdbc(ds, prefix)} and {@code
 * jdbc(ds)} move their tables on first use. Each test has a database of its own (a fresh H2 in
 * memory, or a fresh PostgreSQL schema).
 */
class PrefixedTablesMigrationTest {
  static final AccountId WANG = AccountId.of("wang");
  static final AccountId LI = AccountId.of("li");
  static final AccountId ZHAO = AccountId.of("zhao");

  /** The schema of the JDBC ledger before 0.2, as {@code JdbcLedgerStore.createSchema} wrote it. */
  static List<String> oldSchema(String p) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + p + "head (id INT PRIMARY KEY, last_seq BIGINT NOT NULL,"
            + " last_ts BIGINT NOT NULL, last_hash VARCHAR(64) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + p + "accounts (id VARCHAR(128) PRIMARY KEY,"
            + " ledger VARCHAR(128) NOT NULL, kind VARCHAR(32) NOT NULL, holder VARCHAR(128),"
            + " overdraft BIGINT NOT NULL, ceiling BIGINT, status VARCHAR(16) NOT NULL,"
            + " dp BIGINT NOT NULL, cp BIGINT NOT NULL, dq BIGINT NOT NULL, cq BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + p + "transfers (seq BIGINT PRIMARY KEY,"
            + " id VARCHAR(128) NOT NULL UNIQUE, kind VARCHAR(16) NOT NULL,"
            + " debit VARCHAR(128) NOT NULL, credit VARCHAR(128) NOT NULL,"
            + " ledger VARCHAR(128) NOT NULL, amount BIGINT NOT NULL, ref_id VARCHAR(128),"
            + " timeout_ms BIGINT, code INT NOT NULL, ts BIGINT NOT NULL, hash VARCHAR(64) NOT NULL)",
        "CREATE INDEX IF NOT EXISTS " + p + "transfers_ts ON " + p + "transfers (ts)",
        "CREATE TABLE IF NOT EXISTS " + p + "failed (id VARCHAR(128) PRIMARY KEY, status VARCHAR(40) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + p + "pending (id VARCHAR(128) PRIMARY KEY,"
            + " state VARCHAR(16) NOT NULL, expires_at BIGINT)",
        "CREATE TABLE IF NOT EXISTS " + p + "reversed (original VARCHAR(128) PRIMARY KEY,"
            + " reversal VARCHAR(128) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + p + "exchanges (id VARCHAR(128) PRIMARY KEY,"
            + " receiver VARCHAR(128) NOT NULL, provider VARCHAR(128) NOT NULL,"
            + " estimate BIGINT NOT NULL, status VARCHAR(16) NOT NULL, reported BIGINT,"
            + " posted BIGINT, requested_at BIGINT NOT NULL, delivered_at BIGINT)");
  }

  final List<Runnable> cleanUp = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    cleanUp.forEach(Runnable::run);
  }

  DataSource database(String db) {
    if (db.equals("postgres")) {
      assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
      String schema = "linli_mig" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      Databases.createSchema(schema);
      cleanUp.add(() -> Databases.dropSchema(schema));
      return Databases.postgres(schema);
    }
    return Databases.h2Memory("migration-" + UUID.randomUUID());
  }

  static TestClock clock() {
    return new TestClock(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.ofHours(8));
  }

  /** What a ledger shows: accounts, journal, pending states, exchanges. */
  record Picture(List<Account> accounts, List<Transfer> journal, List<Object> pending, List<String> exchanges) {
    static Picture of(LedgerStore s) {
      List<Transfer> journal = new ArrayList<>();
      s.forEachTransfer(journal::add);
      List<Object> pending = new ArrayList<>();
      for (String id : List.of("p-open", "p-posted", "p-voided")) {
        pending.add(s.pendingState(TransferId.of(id)).orElse(null));
      }
      List<String> exchanges = new ArrayList<>();
      for (Exchange e : s.exchanges()) {   // Exchange has no value equality: compare every field
        exchanges.add(List.of(e.id(), e.receiver(), e.provider(), e.estimate(), e.status(), e.reported(), e.posted(),
            e.requestedAt(), e.deliveredAt()).toString());
      }
      return new Picture(s.accounts(), journal, pending, exchanges);
    }
  }

  /**
   * Writes a ledger with every kind of row (accounts with holder and ceiling, single, pending
   * posted, voided and open, a reversal, a rejected id, an exchange) in a scratch tenant, copies its
   * rows into tables of the old schema under the prefix, and deletes the scratch tenant: the old
   * tables then hold what Linli 0.1 wrote, sequences and hashes included.
   */
  static Picture oldLedger(DataSource ds, String prefix) throws Exception {
    String scratch = "scratch-" + UUID.randomUUID();
    Picture picture;
    try (LedgerStore s = Databases.store(ds, scratch)) {
      TimeBank bank = TimeBank.builder().store(s).clock(clock()).build();
      bank.openAccount(AccountSpec.builder().id(WANG).holder("res-wang").overdraftLimit(Credits.ofHours(5)).build());
      bank.openAccount(AccountSpec.builder().id(LI).holder("res-li").ceiling(Credits.ofHours(50)).build());
      bank.openAccount(ZHAO);
      bank.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(90));
      bank.submit(TransferRequest.pending(TransferId.of("p-open"), WANG, LI, Credits.ofMinutes(10), Duration.ofDays(30)));
      bank.submit(TransferRequest.pending(TransferId.of("p-posted"), WANG, LI, Credits.ofMinutes(20), Duration.ZERO));
      bank.submit(TransferRequest.post(TransferId.of("p-posted:post"), TransferId.of("p-posted"), Credits.ofMinutes(20)));
      bank.submit(TransferRequest.pending(TransferId.of("p-voided"), LI, ZHAO, Credits.ofMinutes(5), Duration.ZERO));
      bank.submit(TransferRequest.voiding(TransferId.of("p-voided:void"), TransferId.of("p-voided")));
      bank.transfer(TransferId.of("t2"), LI, ZHAO, Credits.ofMinutes(15));
      bank.submit(TransferRequest.reversal(TransferId.of("r1"), TransferId.of("t2")));
      bank.transfer(TransferId.of("t-bad"), ZHAO, WANG, Credits.ofHours(100));
      bank.exchanges().request(Actor.of("res-wang", Role.RESIDENT), "e1", WANG, LI, Credits.ofMinutes(40));
      bank.verify();
      picture = Picture.of(s);
    }
    List<String> sql = new ArrayList<>(oldSchema(prefix));
    String where = " WHERE tenant = '" + scratch + "'";
    sql.add("INSERT INTO " + prefix + "head (id, last_seq, last_ts, last_hash) SELECT 1, last_seq, last_ts, last_hash"
        + " FROM linli_ledger_head" + where);
    sql.add("INSERT INTO " + prefix + "accounts SELECT id, ledger, kind, holder, overdraft, ceiling, status, dp, cp,"
        + " dq, cq FROM linli_ledger_account" + where);
    sql.add("INSERT INTO " + prefix + "transfers SELECT seq, id, kind, debit, credit, ledger, amount, ref_id,"
        + " timeout_ms, code, ts, hash FROM linli_ledger_transfer" + where);
    sql.add("INSERT INTO " + prefix + "failed SELECT id, status FROM linli_ledger_failed" + where);
    sql.add("INSERT INTO " + prefix + "pending SELECT id, state, expires_at FROM linli_ledger_pending" + where);
    sql.add("INSERT INTO " + prefix + "reversed SELECT original, reversal FROM linli_ledger_reversed" + where);
    sql.add("INSERT INTO " + prefix + "exchanges SELECT id, receiver, provider, estimate, status, reported, posted,"
        + " requested_at, delivered_at FROM linli_ledger_exchange" + where);
    Databases.exec(ds, sql.toArray(String[]::new));
    Databases.dropTenant(ds, scratch);
    assertEquals(8, count(ds, prefix + "transfers"));
    return picture;
  }

  static long count(DataSource ds, String table) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void migratePrefixedTables_movesEveryRow_ledgerVerifiesAndGoesOn(String db) throws Exception {
    DataSource ds = database(db);
    Picture before = oldLedger(ds, "lishan_tb_");

    PrefixMigration m = LedgerStores.migratePrefixedTables(ds, "lishan_tb_", "lishan");

    assertTrue(m.found());
    assertFalse(m.alreadyDone());
    assertEquals(3, m.accounts());
    assertEquals(8, m.transfers());
    assertEquals(1, m.exchanges());
    assertEquals("PrefixMigration{lishan_tb_* -> tenant lishan: 3 accounts, 8 transfers, 1 exchanges copied}", m.toString());
    try (LedgerStore s = Databases.store(ds, "lishan")) {
      assertEquals(before, Picture.of(s), "every row as it was");
      TimeBank bank = TimeBank.builder().store(s).clock(clock()).build();
      VerifyReport report = bank.verify();
      assertEquals(8, report.transfers());
      assertTrue(report.hashChained());
      // the chain goes on from the old head; ids written before answer as before
      assertEquals(TransferStatus.EXISTS, bank.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(90)).status());
      assertEquals(TransferStatus.ID_ALREADY_FAILED,
          bank.transfer(TransferId.of("t-bad"), ZHAO, WANG, Credits.ofHours(100)).status());
      assertEquals(TransferStatus.CREATED, bank.transfer(TransferId.of("t3"), WANG, ZHAO, Credits.ofMinutes(5)).status());
      assertEquals(9, bank.verify().transfers());
      assertEquals(9, bank.journal().get(8).sequence());
    }
    // the old tables stay as they were; a second run copies nothing
    assertEquals(8, count(ds, "lishan_tb_transfers"));
    PrefixMigration again = LedgerStores.migratePrefixedTables(ds, "LISHAN_TB_", "lishan");
    assertTrue(again.alreadyDone());
    assertEquals(0, again.transfers());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void migratePrefixedTables_oldTablesWrittenAfterwards_refusedNamingPrefixAndTenant(String db) throws Exception {
    DataSource ds = database(db);
    oldLedger(ds, "tb_old_");
    LedgerStores.migratePrefixedTables(ds, "tb_old_", "old");
    // an old server, still running, wrote one more transfer
    Databases.exec(ds, "UPDATE tb_old_head SET last_seq = last_seq + 1");

    ConsistencyException e =
        assertThrows(ConsistencyException.class, () -> LedgerStores.migratePrefixedTables(ds, "tb_old_", "old"));
    assertTrue(e.getMessage().contains("tb_old_") && e.getMessage().contains("tenant old"), e.getMessage());
    @SuppressWarnings("deprecation")
    ConsistencyException onOpen = assertThrows(ConsistencyException.class,
        () -> LedgerStores.jdbc().dataSource(ds).tenant("old").tablePrefix("tb_old_").build());
    assertTrue(onOpen.getMessage().contains("written since"), onOpen.getMessage());
    // the deprecated factory names the tenant after the prefix: a second copy is refused, not made
    @SuppressWarnings("deprecation")
    ConflictException elsewhere = assertThrows(ConflictException.class, () -> LedgerStores.jdbc(ds, "tb_old_"));
    assertTrue(elsewhere.getMessage().contains("already moved into tenant old"), elsewhere.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void migratePrefixedTables_intoATenantWithALedgerOrTwice_conflictAndNothingCopied(String db) throws Exception {
    DataSource ds = database(db);
    oldLedger(ds, "p1_");
    try (LedgerStore s = Databases.store(ds, "busy")) {
      TimeBank bank = TimeBank.builder().store(s).clock(clock()).build();
      bank.openAccount(WANG, Credits.ofHours(1));
      bank.openAccount(LI);
      bank.transfer(TransferId.of("own"), WANG, LI, Credits.ofMinutes(1));
      ConflictException e = assertThrows(ConflictException.class, () -> LedgerStores.migratePrefixedTables(ds, "p1_", "busy"));
      assertTrue(e.getMessage().contains("tenant busy"), e.getMessage());
      assertEquals(1, bank.journal().size(), "nothing copied");
      assertEquals(2, s.accounts().size());
    }
    // an empty tenant with only its head row (a store was opened on it) takes the ledger
    Databases.store(ds, "fresh").close();
    assertEquals(8, LedgerStores.migratePrefixedTables(ds, "p1_", "fresh").transfers());
    ConflictException twice = assertThrows(ConflictException.class, () -> LedgerStores.migratePrefixedTables(ds, "p1_", "other"));
    assertTrue(twice.getMessage().contains("already moved into tenant fresh"), twice.getMessage());
    PrefixMigration none = LedgerStores.migratePrefixedTables(ds, "nothing_here_", "x");
    assertFalse(none.found());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  @SuppressWarnings("deprecation")
  void deprecatedJdbcWithPrefix_movesTheTablesOnFirstUse_andKeepsWorking(String db) throws Exception {
    DataSource ds = database(db);
    Picture before = oldLedger(ds, "lishan_tb_");
    try (LedgerStore s = LedgerStores.jdbc(ds, "LiShan_TB_")) {
      assertEquals("JdbcLedgerStore{tenant lishan_tb_}", s.toString());
      assertEquals(before, Picture.of(s));
      TimeBank bank = TimeBank.builder().store(s).clock(clock()).build();
      assertEquals(TransferStatus.CREATED, bank.transfer(TransferId.of("t3"), WANG, ZHAO, Credits.ofMinutes(5)).status());
    }
    try (LedgerStore again = LedgerStores.jdbc(ds, "lishan_tb_")) {
      assertEquals(9, again.verify().transfers(), "opened again: moved once, the new transfer kept");
    }
    try (LedgerStore viaBuilder = LedgerStores.jdbc().dataSource(ds).tablePrefix("lishan_tb_").build()) {
      assertEquals(9, viaBuilder.verify().transfers());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void jdbcWithoutPrefix_movesTheOldDefaultTablesIntoTheDefaultTenant(String db) throws Exception {
    DataSource ds = database(db);
    Picture before = oldLedger(ds, "tb_");
    try (LedgerStore s = LedgerStores.jdbc(ds)) {
      assertEquals("JdbcLedgerStore{tenant default}", s.toString());
      assertEquals(before, Picture.of(s));
      assertTrue(s.verify().problems().isEmpty());
    }
    try (LedgerStore s = LedgerStores.jdbc().dataSource(ds).tenant(LedgerStores.DEFAULT_TENANT).build()) {
      assertEquals(before, Picture.of(s), "the builder sees the same tenant");
    }
  }
}

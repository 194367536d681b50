package io.github.linli.timebank.store;

import static io.github.linli.timebank.store.LedgerRows.ACCOUNT;
import static io.github.linli.timebank.store.LedgerRows.ACCOUNT_COLUMNS;
import static io.github.linli.timebank.store.LedgerRows.EXCHANGE;
import static io.github.linli.timebank.store.LedgerRows.EXCHANGE_COLUMNS;
import static io.github.linli.timebank.store.LedgerRows.FAILED;
import static io.github.linli.timebank.store.LedgerRows.HEAD;
import static io.github.linli.timebank.store.LedgerRows.IMPORT;
import static io.github.linli.timebank.store.LedgerRows.PENDING;
import static io.github.linli.timebank.store.LedgerRows.REVERSED;
import static io.github.linli.timebank.store.LedgerRows.TRANSFER;
import static io.github.linli.timebank.store.LedgerRows.TRANSFER_COLUMNS;

import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.internal.sql.Dialect;
import io.github.linli.core.internal.sql.Migration;
import io.github.linli.core.internal.sql.Migrator;
import io.github.linli.core.store.EventStoreException;
import io.github.linli.core.store.SchemaVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's schema: its Flyway-named migrations (applied through core's {@link Migrator} into
 * {@code linli_schema_history}), a tenant's head row, and the move of a ledger from the tables of
 * a prefix (before 0.2) into a tenant's rows of the shared tables. Not API.
 */
final class LedgerSchema {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcLedgerStore.class);

  /** The module word that leads the ledger's migration descriptions. */
  static final String MODULE = "ledger";

  /**
   * Below core's folder, not in it: a folder holding resources is a package to the module system,
   * and two modules holding one package ({@code db.migration.linli}) cannot be loaded together on
   * the module path. Flyway scans a location's subfolders, so {@code classpath:linli/migration}
   * finds core's and the ledger's scripts alike.
   */
  static final String FOLDER = "/linli/migration/ledger/";
  static final List<String> SCRIPTS = List.of("V2026.12.07.2__ledger_tables.sql");

  /** What a table prefix may be, as before 0.2. */
  static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,30}");

  private LedgerSchema() {}

  static List<Migration> migrations() {
    return SCRIPTS.stream().map(s -> Migration.load(LedgerSchema.class, FOLDER, s)).toList();
  }

  /**
   * Applies the pending ledger migrations, again after a transient failure (the server starting)
   * as the policy says; a database failure is a {@link StoreException}.
   */
  static int apply(DataSource dataSource, RetryPolicy policy) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Migrator.apply(dataSource, MODULE, migrations());
      } catch (SchemaVersionException e) {
        throw e;
      } catch (EventStoreException e) {
        boolean transientCause = e.getCause() instanceof SQLException && Dialect.isTransient((SQLException) e.getCause());
        if (!transientCause || attempt >= policy.attempts() || !pause(policy.backoffMillis(attempt))) {
          throw new StoreException(e.getMessage(), e);
        }
      }
    }
  }

  private static boolean pause(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The ledger migrations not yet applied. */
  static List<String> pending(DataSource dataSource) {
    try {
      return Migrator.pending(dataSource, MODULE, migrations());
    } catch (SchemaVersionException e) {
      throw e;
    } catch (EventStoreException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /** Creates the tenant's head row if missing (a concurrent creator makes this a unique violation: run again). */
  static Void ensureHead(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + HEAD + " (tenant, last_seq, last_ts, last_hash) SELECT ?, 0, 0, ''"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + HEAD + " WHERE tenant = ?)")) {
      ps.setString(1, tenant);
      ps.setString(2, tenant);
      ps.executeUpdate();
    }
    return null;
  }

  static String checkPrefix(String tablePrefix) {
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new IllegalArgumentException("tablePrefix must match " + PREFIX + ": '" + tablePrefix + "'");
    }
    return tablePrefix.toLowerCase(Locale.ROOT);
  }

  /**
   * Copies the ledger kept in the tables of {@code prefix} into the tenant's rows, in the caller's
   * transaction: under the old head's lock (old writers wait), refusing a tenant that already
   * holds a ledger, and recording where the old journal stood. Idempotent: a second run finds the
   * record and copies nothing; if the old journal moved on since, it refuses.
   */
  static PrefixMigration importPrefixed(Connection c, String prefix, String tenant, Instant now) throws SQLException {
    String oldHead = prefix + "head";
    if (!Dialect.tableExists(c, oldHead)) {
      return PrefixMigration.of(prefix, tenant, false, false, 0, 0, 0);
    }
    long seq;
    String hash;
    long ts;
    try (PreparedStatement ps =
            c.prepareStatement("SELECT last_seq, last_ts, last_hash FROM " + oldHead + " WHERE id = 1 FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new ConsistencyException("the table " + oldHead + " has no head row: it is not a Linli ledger's");
      }
      seq = rs.getLong(1);
      ts = rs.getLong(2);
      hash = rs.getString(3);
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT last_seq, last_hash, tenant FROM " + IMPORT + " WHERE source_prefix = ?")) {
      ps.setString(1, prefix);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          if (!rs.getString(3).equals(tenant)) {
            throw new ConflictException("the tables with prefix " + prefix + " were already moved into tenant "
                + rs.getString(3) + "; moving them into tenant " + tenant + " too would post their ledger twice");
          }
          if (rs.getLong(1) != seq || !rs.getString(2).equals(hash)) {
            throw new ConsistencyException("the tables with prefix " + prefix + " were moved into tenant " + tenant
                + " at journal sequence " + rs.getLong(1) + ", but they have been written since (now at sequence "
                + seq + "): an older Linli is still writing to them. Stop it; the transfers after sequence "
                + rs.getLong(1) + " must be submitted again through the tenant");
          }
          return PrefixMigration.of(prefix, tenant, true, true, 0, 0, 0);
        }
      }
    }
    // the tenant must hold no ledger of its own; its head row may exist (a store opened on it), empty
    boolean headExists;
    try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM " + HEAD + " WHERE tenant = ? FOR UPDATE")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        headExists = rs.next();
        if (headExists && rs.getLong(1) != 0) {
          throw new ConflictException("tenant " + tenant + " already holds a ledger (journal at sequence "
              + rs.getLong(1) + "); the tables with prefix " + prefix + " cannot be merged into it: choose another tenant");
        }
      }
    }
    for (String table : List.of(ACCOUNT, EXCHANGE, FAILED)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant = ?")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) != 0) {
            throw new ConflictException("tenant " + tenant + " already holds " + rs.getLong(1) + " rows in " + table
                + "; the tables with prefix " + prefix + " cannot be merged into it: choose another tenant");
          }
        }
      }
    }
    String t = "CAST(? AS VARCHAR(128))";
    long accounts = copy(c, tenant, "INSERT INTO " + ACCOUNT + " (tenant, " + ACCOUNT_COLUMNS + ") SELECT " + t + ", "
        + ACCOUNT_COLUMNS + " FROM " + prefix + "accounts", prefix + "accounts");
    long transfers = copy(c, tenant, "INSERT INTO " + TRANSFER + " (tenant, " + TRANSFER_COLUMNS + ", hash) SELECT " + t
        + ", " + TRANSFER_COLUMNS + ", hash FROM " + prefix + "transfers", prefix + "transfers");
    copy(c, tenant, "INSERT INTO " + FAILED + " (tenant, id, status) SELECT " + t + ", id, status FROM "
        + prefix + "failed", prefix + "failed");
    copy(c, tenant, "INSERT INTO " + PENDING + " (tenant, id, state, expires_at) SELECT " + t
        + ", id, state, expires_at FROM " + prefix + "pending", prefix + "pending");
    copy(c, tenant, "INSERT INTO " + REVERSED + " (tenant, original, reversal) SELECT " + t
        + ", original, reversal FROM " + prefix + "reversed", prefix + "reversed");
    long exchanges = copy(c, tenant, "INSERT INTO " + EXCHANGE + " (tenant, " + EXCHANGE_COLUMNS + ") SELECT " + t + ", "
        + EXCHANGE_COLUMNS + " FROM " + prefix + "exchanges", prefix + "exchanges");
    if (transfers != seq) {
      throw new ConsistencyException("the tables with prefix " + prefix + " hold " + transfers
          + " transfers but their head says " + seq + ": run verify() on them with the SDK that wrote them first");
    }
    try (PreparedStatement ps = c.prepareStatement(headExists
        ? "UPDATE " + HEAD + " SET last_seq = ?, last_ts = ?, last_hash = ? WHERE tenant = ?"
        : "INSERT INTO " + HEAD + " (last_seq, last_ts, last_hash, tenant) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, seq);
      ps.setLong(2, ts);
      ps.setString(3, hash);
      ps.setString(4, tenant);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + IMPORT
        + " (tenant, source_prefix, last_seq, last_hash, imported_at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, tenant);
      ps.setString(2, prefix);
      ps.setLong(3, seq);
      ps.setString(4, hash);
      ps.setLong(5, now.getEpochSecond() * 1_000_000L + now.getNano() / 1000);
      ps.executeUpdate();
    }
    LOG.info("moved the ledger of tables {}* into tenant {}: {} accounts, {} transfers, {} exchanges",
        prefix, tenant, accounts, transfers, exchanges);
    return PrefixMigration.of(prefix, tenant, true, false, accounts, transfers, exchanges);
  }

  private static long copy(Connection c, String tenant, String sql, String table) throws SQLException {
    if (!Dialect.tableExists(c, table)) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      return ps.executeUpdate();
    }
  }
}

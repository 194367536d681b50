package io.github.linli.core.internal.sql;

import io.github.linli.core.store.EventStoreException;
import io.github.linli.core.store.SchemaVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's versioned SQL migrations and records them in {@code linli_schema_history},
 * a table with Flyway's columns and checksums: a portal that runs Flyway itself points it at the
 * same folder and table and sees them as applied. Not API.
 *
 * <p>Each module's migrations carry the module's word first in their description ({@code
 * V2026.12.07.1__core_event_store.sql} belongs to {@code core}). A run refuses, changing nothing,
 * when the history holds a migration of the module that this SDK does not ship and that is newer
 * than all it ships (the schema is newer than the SDK), when one it ships is missing between
 * applied ones, when an applied script's checksum differs, or when an earlier run failed.
 *
 * <p>On PostgreSQL runs take a session advisory lock, so servers starting together apply each
 * migration once; elsewhere (H2, one process) a lock inside the JVM.
 */
public final class Migrator {
  /** The history table, shared with Flyway's format. */
  public static final String HISTORY = "linli_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
  private static final long ADVISORY_KEY = 0x4c696e6c69L; // "Linli"
  private static final ReentrantLock LOCAL = new ReentrantLock();
  /** A version as {@link Migration} reads one from a script's name. */
  private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[0-9]+(?:[._][0-9]+)*");

  private Migrator() {}

  /**
   * Applies what is pending, under the lock.
   *
   * @param dataSource the database
   * @param module the module word ({@code core}, {@code ledger})
   * @param migrations every migration the module ships
   * @return how many were applied now
   * @throws SchemaVersionException if the schema does not match this SDK
   * @throws EventStoreException if the database fails
   */
  public static int apply(DataSource dataSource, String module, List<Migration> migrations) {
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = Dialect.isPostgres(c);
      boolean locked = false;
      LOCAL.lock();
      try {
        if (postgres) {
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
          }
          locked = true;
        }
        return applyLocked(c, module, migrations);
      } finally {
        if (locked) {
          try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
          } catch (SQLException e) {
            LOG.warn("could not release the migration lock (SQL state {}); it goes with the connection", e.getSQLState());
          }
        }
        LOCAL.unlock();
      }
    } catch (SQLException e) {
      throw new EventStoreException(
          "applying Linli's " + module + " migrations failed: SQL state " + e.getSQLState() + ", " + e.getMessage(), false, e);
    }
  }

  /**
   * Checks without changing anything that every migration the module ships is applied.
   *
   * @param dataSource the database
   * @param module the module word
   * @param migrations every migration the module ships
   * @return the scripts not yet applied (empty when up to date)
   * @throws SchemaVersionException if the schema does not match this SDK
   */
  public static List<String> pending(DataSource dataSource, String module, List<Migration> migrations) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      List<String> out = new ArrayList<>();
      for (Migration m : plan(c, module, migrations, false)) {
        out.add(m.script());
      }
      return out;
    } catch (SQLException e) {
      throw new EventStoreException("reading " + HISTORY + " failed: SQL state " + e.getSQLState(), false, e);
    }
  }

  private static int applyLocked(Connection c, String module, List<Migration> migrations) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " ("
          + "installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL,"
          + " type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT,"
          + " installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
          + " execution_time INT NOT NULL, success BOOLEAN NOT NULL,"
          + " CONSTRAINT " + HISTORY + "_pk PRIMARY KEY (installed_rank))");
    }
    List<Migration> pending = plan(c, module, migrations, true);
    String user = c.getMetaData().getUserName();
    for (Migration m : pending) {
      long start = System.nanoTime();
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          for (String sql : m.statements()) {
            s.execute(sql);
          }
        }
        int rank;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(installed_rank), 0) FROM " + HISTORY)) {
          r.next();
          rank = r.getInt(1) + 1;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + HISTORY
            + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
            + " VALUES (?, ?, ?, 'SQL', ?, ?, ?, ?, TRUE)")) {
          p.setInt(1, rank);
          p.setString(2, m.version());
          p.setString(3, m.description());
          p.setString(4, m.script());
          p.setInt(5, m.checksum());
          p.setString(6, user == null ? "linli" : user);
          p.setInt(7, (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000));
          p.executeUpdate();
        }
        c.commit();
        LOG.info("applied Linli migration {}", m.script());
      } catch (SQLException e) {
        c.rollback();
        throw new EventStoreException("Linli migration " + m.script() + " failed: SQL state " + e.getSQLState()
            + ", " + e.getMessage() + " (nothing of it was kept on PostgreSQL; on H2 remove the tables it made)", false, e);
      } finally {
        c.setAutoCommit(true);
      }
    }
    return pending.size();
  }

  private static List<Migration> plan(Connection c, String module, List<Migration> shipped, boolean tableExists)
      throws SQLException {
    List<Migration> known = new ArrayList<>(shipped);
    known.sort(null);
    Map<String, Object[]> applied = new HashMap<>();
    boolean exists = tableExists || Dialect.tableExists(c, HISTORY);
    if (exists) {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT version, description, script, checksum, success, installed_rank FROM " + HISTORY)) {
        while (r.next()) {
          String version = r.getString(1);
          String description = r.getString(2);
          if (version == null || description == null || !description.startsWith(module + " ")) {
            continue;
          }
          if (!VERSION.matcher(version).matches()) {
            // a row changed by hand: a typed refusal naming the row, never its content
            throw new SchemaVersionException(HISTORY + " row installed_rank " + r.getString(6) + " (a Linli " + module
                + " migration) has a malformed version: repair the row by hand (docs/migrations.md) and start again");
          }
          applied.put(version, new Object[] {r.getString(3), r.getObject(4), r.getBoolean(5)});
        }
      }
    }
    Migration newestKnown = known.isEmpty() ? null : known.get(known.size() - 1);
    for (Map.Entry<String, Object[]> a : applied.entrySet()) {
      String version = a.getKey();
      Object[] row = a.getValue();
      if (!(Boolean) row[2]) {
        throw new SchemaVersionException("Linli migration " + row[0] + " (version " + version + ") failed in an earlier run:"
            + " repair the schema by hand (see docs/migrations.md), delete its row from " + HISTORY + ", and start again");
      }
      Migration m = known.stream().filter(k -> k.compareVersion(version) == 0).findFirst().orElse(null);
      if (m == null) {
        if (newestKnown == null || newestKnown.compareVersion(version) < 0) {
          throw new SchemaVersionException("the database's Linli " + module + " schema is at version " + version + " (" + row[0]
              + "), newer than this SDK knows (" + (newestKnown == null ? "none" : newestKnown.version())
              + "): upgrade the SDK on this server; it refuses to run against a newer schema");
        }
        throw new SchemaVersionException("the database holds Linli migration " + row[0] + " (version " + version
            + ") that this SDK does not ship: the SDK and the database come from different builds");
      }
      Object sum = row[1];
      if (sum == null || ((Number) sum).intValue() != m.checksum()) {
        throw new SchemaVersionException("Linli migration " + m.script() + " was applied from a different text (checksum "
            + sum + ", this SDK's " + m.checksum() + "): the SDK and the database come from different builds");
      }
    }
    List<Migration> pending = new ArrayList<>();
    for (Migration m : known) {
      if (!applied.containsKey(m.version())) {
        pending.add(m);
      }
    }
    if (!pending.isEmpty()) {
      for (String version : applied.keySet()) {
        if (pending.get(0).compareVersion(version) < 0) {
          throw new SchemaVersionException("Linli migration " + pending.get(0).script() + " is missing from the database,"
              + " though the later version " + version + " was applied: apply it by hand or restore the schema (docs/migrations.md)");
        }
      }
    }
    return pending;
  }
}

package io.github.linli.timebank;

import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import io.github.linli.timebank.store.RetryPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Data sources for the store tests: H2 in memory or on disk, and PostgreSQL when one answers (in a
 * schema of this test run's own, created on first use and dropped when the JVM exits).
 */
final class Databases {
  private Databases() {}

  /** Retries fast enough for tests that provoke failures. */
  static final RetryPolicy FAST = RetryPolicy.of(5, Duration.ofMillis(1), Duration.ofMillis(5));

  static DataSource h2(String url) {
    return new SimpleDataSource(url, "sa", "");
  }

  static DataSource h2Memory(String name) {
    return h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
  }

  static String pgUrl() {
    String url = System.getenv("LINLI_PG_URL");
    return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test";
  }

  static String pgUser() {
    String user = System.getenv("LINLI_PG_USER");
    return user != null ? user : "postgres";
  }

  private static volatile String schema;

  /** This run's schema on PostgreSQL, created on first use and dropped at exit. */
  static synchronized String pgSchema() {
    if (schema == null) {
      String s = "linli_tb" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      createSchema(s);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(s)));
      schema = s;
    }
    return schema;
  }

  static void createSchema(String s) {
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), ""); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void dropSchema(String s) {
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), ""); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
    } catch (Exception e) {
      // best effort
    }
  }

  /** The URL of a schema, for this JVM or a child process. */
  static String pgUrl(String schema) {
    String url = pgUrl();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&connectTimeout=2&reWriteBatchedInserts=true";
  }

  /** PostgreSQL in this run's schema. */
  static DataSource postgres() {
    return new SimpleDataSource(pgUrl(pgSchema()), pgUser(), "");
  }

  /** PostgreSQL in a given schema (created by the caller). */
  static DataSource postgres(String schema) {
    return new SimpleDataSource(pgUrl(schema), pgUser(), "");
  }

  /** Whether PostgreSQL answers, without throwing. */
  static boolean postgresAnswers() {
    try (Connection c = DriverManager.getConnection(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "connectTimeout=2",
        pgUser(), "")) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  /** A tenant no other test uses. */
  static String uniqueTenant() {
    return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A table prefix no other run uses (for the tables of before 0.2). */
  static String uniquePrefix() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
  }

  /** A store for a tenant with the default retry policy. */
  static LedgerStore store(DataSource ds, String tenant) {
    return LedgerStores.jdbc().dataSource(ds).tenant(tenant).build();
  }

  /** Deletes a tenant's rows from the shared ledger tables. */
  static void dropTenant(DataSource ds, String tenant) throws Exception {
    try (Connection c = ds.getConnection()) {
      for (String t : List.of("linli_ledger_account", "linli_ledger_transfer", "linli_ledger_failed",
          "linli_ledger_pending", "linli_ledger_reversed", "linli_ledger_exchange", "linli_ledger_import",
          "linli_ledger_head")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE tenant = ?")) {
          ps.setString(1, tenant);
          ps.executeUpdate();
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  /** Drops the tables of a prefix. */
  static void dropTables(DataSource ds, String prefix) throws Exception {
    try (Connection c = ds.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
        while (rs.next()) {
          String t = rs.getString("TABLE_NAME");
          if (t.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
            tables.add(t);
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String t : tables) {
          s.execute("DROP TABLE IF EXISTS " + t);
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  /** Runs statements on a fresh connection (auto-commit). */
  static void exec(DataSource ds, String... sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}

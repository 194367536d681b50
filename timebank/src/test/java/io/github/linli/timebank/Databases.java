package io.github.linli.timebank;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/** Data sources for the store tests: H2 in memory or on disk, and PostgreSQL when one answers. */
final class Databases {
  private Databases() {}

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

  static DataSource postgres() {
    String url = pgUrl();
    url += (url.contains("?") ? "&" : "?") + "connectTimeout=2&reWriteBatchedInserts=true";
    return new SimpleDataSource(url, pgUser(), "");
  }

  /** Whether PostgreSQL answers, without throwing. */
  static boolean postgresAnswers() {
    try (Connection c = postgres().getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  /** A table prefix no other run uses. */
  static String uniquePrefix() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
  }

  /** Drops the tables of a prefix. */
  static void dropTables(DataSource ds, String prefix) throws Exception {
    try (Connection c = ds.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
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
}

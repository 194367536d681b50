package io.github.linli.core.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Test databases: H2 in memory, and a fresh schema on the PostgreSQL that CI starts. */
public final class Db extends io.github.linli.core.internal.sql.DataSourceBase {
  private final String url;
  private final String user;

  private Db(String url, String user) {
    this.url = url;
    this.user = user;
  }

  /** A fresh H2 database in memory. */
  public static Db h2() {
    return new Db("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa");
  }

  /** An H2 database in a file. */
  public static Db h2File(java.nio.file.Path dir) {
    return new Db("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";LOCK_TIMEOUT=20000", "sa");
  }

  /** A data source on any URL. */
  public static Db at(String url, String user) {
    return new Db(url, user);
  }

  public static String pgUrl() {
    String url = System.getenv("LINLI_PG_URL");
    return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test";
  }

  public static String pgUser() {
    String user = System.getenv("LINLI_PG_USER");
    return user != null ? user : "postgres";
  }

  /** Whether PostgreSQL answers. */
  public static boolean postgresAnswers() {
    try (Connection c = DriverManager.getConnection(pgUrl() + "?connectTimeout=2", pgUser(), "")) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  /** A new, empty schema on PostgreSQL; {@link #drop()} removes it. */
  public static Db postgres() {
    String schema = "linli_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return postgres(schema);
  }

  /** A data source on a named PostgreSQL schema, created if missing. */
  public static Db postgres(String schema) {
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String url = pgUrl();
    url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true&connectTimeout=5";
    return new Db(url, pgUser());
  }

  public String url() {
    return url;
  }

  public String schema() {
    int i = url.indexOf("currentSchema=");
    return i < 0 ? null : url.substring(i + 14, url.indexOf('&', i));
  }

  /** Drops the PostgreSQL schema (or the H2 database's objects). */
  public void drop() {
    try (Connection c = getConnection(); Statement s = c.createStatement()) {
      if (schema() != null) {
        s.execute("DROP SCHEMA " + schema() + " CASCADE");
      } else {
        s.execute("DROP ALL OBJECTS");
      }
    } catch (SQLException e) {
      // best effort
    }
  }

  /** Runs one statement. */
  public void exec(String sql) {
    try (Connection c = getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  @Override
  public Connection getConnection(String u, String p) throws SQLException {
    return DriverManager.getConnection(url, u, p);
  }

}

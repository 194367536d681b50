package io.github.linli.core.internal.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** What differs between the databases Linli runs on, and which SQL errors are worth a retry. Not API. */
public final class Dialect {
  /** SQL states after which the same transaction may succeed when run again. */
  private static final Set<String> TRANSIENT = Set.of(
      "40001", // serialization failure
      "40P01", // deadlock detected (PostgreSQL)
      "55P03", // lock not available
      "57P01", // admin shutdown: backend terminated
      "57P02", // crash shutdown
      "57P03", // cannot connect now: server starting or stopping
      "53300", // too many connections
      "HYT00", // H2 lock timeout
      "40P02");

  private Dialect() {}

  /**
   * Whether the connection is to PostgreSQL (or a database that says it is).
   *
   * @param c the connection
   * @return true for PostgreSQL
   * @throws SQLException if the metadata cannot be read
   */
  public static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /**
   * Whether a table exists in the connection's current schema.
   *
   * @param c the connection
   * @param table the table, lower case
   * @return true if it exists
   * @throws SQLException if the metadata cannot be read
   */
  public static boolean tableExists(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    // getTables takes a LIKE pattern: escape '_' and '%' so that only this very name matches
    String escape = md.getSearchStringEscape();
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      String pattern = escape == null || escape.isEmpty()
          ? name
          : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
      try (ResultSet r = md.getTables(c.getCatalog(), c.getSchema(), pattern, new String[] {"TABLE"})) {
        if (r.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether running the transaction again may succeed: a serialisation failure, a deadlock, a lock
   * timeout, a server restarting or a lost connection (SQL state class 08).
   *
   * @param e the error
   * @return true if transient
   */
  public static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        String state = ((SQLException) t).getSQLState();
        if (state != null && (TRANSIENT.contains(state) || state.startsWith("08"))) {
          return true;
        }
      }
      if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the error is a unique-key violation (SQL state 23505).
   *
   * @param e the error
   * @return true for a duplicate key
   */
  public static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException && "23505".equals(((SQLException) t).getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

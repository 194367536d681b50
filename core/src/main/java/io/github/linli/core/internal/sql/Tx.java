package io.github.linli.core.internal.sql;

import io.github.linli.core.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one transaction at {@code READ COMMITTED}, retrying transient failures a few times
 * with a short back-off (read models, the personal-data store). Not API.
 */
public final class Tx {
  private Tx() {}

  /**
   * Work in one transaction.
   *
   * @param <T> its result
   */
  public interface Work<T> {
    /**
     * Runs in the transaction.
     *
     * @param c the connection
     * @return the result
     * @throws SQLException on a database error (the transaction rolls back)
     */
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs the work, committing on success and rolling back on any failure.
   *
   * @param dataSource the database
   * @param what what runs, for the error ("read model demand-pages")
   * @param retryUniqueViolation whether a unique violation (two servers inserting the same row) is
   *     worth another attempt
   * @param withDatabaseMessage whether the error quotes the database's message (never where a
   *     message could hold a personal value)
   * @param work the work
   * @param <T> its result
   * @return the result
   * @throws EventStoreException if the database fails after the retries
   */
  public static <T> T run(DataSource dataSource, String what, boolean retryUniqueViolation, boolean withDatabaseMessage,
      Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
          T t = work.run(c);
          c.commit();
          return t;
        } catch (SQLException | RuntimeException e) {
          try {
            c.rollback();
          } catch (SQLException ignored) {
            // the connection is gone: the server rolls back
          }
          throw e;
        }
      } catch (SQLException e) {
        last = e;
        if (!Dialect.isTransient(e) && !(retryUniqueViolation && Dialect.isUniqueViolation(e))) {
          break;
        }
        try {
          Thread.sleep(10L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new EventStoreException(what + " failed: SQL state " + (last == null ? "?" : last.getSQLState())
        + (withDatabaseMessage && last != null ? ", " + last.getMessage() : ""), false, last);
  }
}

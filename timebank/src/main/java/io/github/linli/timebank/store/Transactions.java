package io.github.linli.timebank.store;

import io.github.linli.core.internal.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ledger store's transactions: one connection borrowed from the caller's {@link
 * DataSource} per attempt and given back at once (the {@code DataSource} pools; the store keeps
 * none), retries after transient failures as its {@link RetryPolicy} says, and after a commit
 * whose outcome is unknown asks the operation's {@link Resolver} on a fresh connection whether it
 * landed.
 *
 * <p>Every connection goes back with the auto-commit, isolation and read-only settings it came
 * with (a pool hands it to someone else next). An interrupt stops the retries: the call throws
 * {@link StoreException} and the interrupt flag stays set.
 *
 * <p>Thread-safe.
 */
final class Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcLedgerStore.class);

  /** What kind of transaction. */
  enum Mode {
    /** {@code READ COMMITTED}, read-write: every operation but verify. */
    WRITE,
    /** Read-only, one snapshot across tables (PostgreSQL {@code REPEATABLE READ}, H2 {@code SNAPSHOT}). */
    SNAPSHOT
  }

  /** The body of a transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * After a commit failed: on a fresh connection, in a transaction of its own, whether the attempt
   * that returned {@code attempted} had in fact committed. True: it did (its result stands);
   * false: it did not (it is run again). An exception: the outcome stays unknown for now.
   */
  interface Resolver<T> {
    boolean committed(Connection fresh, T attempted) throws SQLException;
  }

  private final DataSource dataSource;
  private final RetryPolicy policy;
  private volatile Dialects.Flavor flavor = Dialects.Flavor.OTHER;

  Transactions(DataSource dataSource, RetryPolicy policy) {
    this.dataSource = dataSource;
    this.policy = policy;
  }

  void flavor(Dialects.Flavor flavor) {
    this.flavor = flavor;
  }

  Dialects.Flavor flavor() {
    return flavor;
  }

  RetryPolicy policy() {
    return policy;
  }

  /** An idempotent transaction: running it again after an unknown commit gives the same answer. */
  <T> T run(String what, Work<T> work) {
    return run(what, Mode.WRITE, false, work, null);
  }

  /**
   * Runs {@code work} in one transaction.
   *
   * @param what the operation, for messages and logs (never a stored value)
   * @param mode the kind of transaction
   * @param retryUniqueViolation whether a unique violation means a concurrent insert of the same
   *     key that a second run resolves (then it is retried like a transient failure)
   * @param work the body
   * @param resolver how to find out whether a commit whose outcome is unknown landed; null when
   *     the body is idempotent (it is simply run again)
   */
  <T> T run(String what, Mode mode, boolean retryUniqueViolation, Work<T> work, Resolver<T> resolver) {
    SQLException last = null;
    int attempt = 0;
    while (true) {
      attempt++;
      if (attempt > 1 && Thread.currentThread().isInterrupted()) {
        // the first attempt runs whatever the flag (as any JDBC call would); no retry starts after an interrupt
        throw interrupted(what, attempt - 1, last);
      }
      Connection c;
      try {
        c = dataSource.getConnection();
      } catch (SQLException e) {
        last = e;
        if (Dialect.isTransient(e) && retryAfter(what, attempt, e)) {
          continue;
        }
        throw failed(what, attempt, e);
      }
      Saved saved = null;
      T result;
      try {
        saved = Saved.of(c, flavor);
        begin(c, mode, saved);
        result = work.run(c);
      } catch (SQLException e) {
        rollbackQuietly(c);
        end(c, saved);
        last = e;
        if ((Dialect.isTransient(e) || retryUniqueViolation && Dialect.isUniqueViolation(e))
            && retryAfter(what, attempt, e)) {
          continue;
        }
        throw failed(what, attempt, e);
      } catch (RuntimeException | Error e) {
        rollbackQuietly(c);
        end(c, saved);
        throw e;
      }
      try {
        c.commit();
      } catch (SQLException | RuntimeException e) {
        end(c, saved);
        SQLException cause = e instanceof SQLException ? (SQLException) e : new SQLException(e.getMessage(), "08000", e);
        last = cause;
        LOG.warn("{}: the commit failed (SQL state {}); resolving its outcome", what, cause.getSQLState());
        if (resolver != null && resolve(what, resolver, result, cause)) {
          return result;
        }
        // not committed (or idempotent): run it again
        if (retryAfter(what, attempt, cause)) {
          continue;
        }
        throw new StoreException(what + " failed after " + attempt + " attempts; the last commit failed (SQL state "
            + cause.getSQLState() + ")" + (resolver == null ? ", " + StoreException.OUTCOME_UNKNOWN : " and was not applied"),
            resolver == null, cause);
      }
      end(c, saved);
      return result;
    }
  }

  /** True if the attempt committed, false if it did not; throws if that cannot be found out. */
  private <T> boolean resolve(String what, Resolver<T> resolver, T attempted, SQLException commitError) {
    SQLException last = commitError;
    for (int attempt = 1; ; attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      Connection c = null;
      Saved saved = null;
      try {
        c = dataSource.getConnection();
        saved = Saved.of(c, flavor);
        begin(c, Mode.WRITE, saved);
        boolean committed = resolver.committed(c, attempted);
        c.rollback();
        LOG.info("{}: the failed commit had {}", what, committed ? "landed" : "not landed");
        return committed;
      } catch (SQLException e) {
        last = e;
        if (c != null) {
          rollbackQuietly(c);
        }
        if (!sleep(attempt)) {
          break;
        }
      } finally {
        if (c != null) {
          end(c, saved);
        }
      }
    }
    throw new StoreException(what + ": the commit failed (SQL state " + commitError.getSQLState()
        + ") and whether it landed could not be read back (last error SQL state " + last.getSQLState() + "); "
        + StoreException.OUTCOME_UNKNOWN, true, commitError);
  }

  /** Waits before the next attempt; false when none is left or the thread was interrupted. */
  private boolean retryAfter(String what, int attempt, SQLException e) {
    if (attempt >= policy.attempts()) {
      return false;
    }
    LOG.debug("{}: transient failure (SQL state {}), attempt {} of {}", what, e.getSQLState(), attempt, policy.attempts());
    return sleep(attempt);
  }

  private boolean sleep(int attempt) {
    if (attempt >= policy.attempts() || Thread.currentThread().isInterrupted()) {
      return false;
    }
    long ms = policy.backoffMillis(attempt);
    if (ms == 0) {
      return true;
    }
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private StoreException failed(String what, int attempt, SQLException e) {
    if (Thread.currentThread().isInterrupted()) {
      return interrupted(what, attempt, e);
    }
    if (attempt > 1) {
      return new StoreException(what + " failed after " + attempt + " attempts; the last error (SQL state "
          + e.getSQLState() + "): " + e.getMessage(), e);
    }
    return new StoreException(what + " failed (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
  }

  private static StoreException interrupted(String what, int attempts, SQLException last) {
    return new StoreException(what + " was interrupted after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
        + (last == null ? "" : " (last error SQL state " + last.getSQLState() + ")")
        + "; nothing was written, the interrupt flag is kept", last);
  }

  /** The settings a connection came with. */
  private static final class Saved {
    boolean autoCommit;
    int isolation;
    boolean readOnly;
    boolean isolationChanged;
    boolean readOnlyChanged;

    /**
     * On PostgreSQL the isolation is set per transaction ({@code SET TRANSACTION}), so the session's
     * is neither read (a round trip in the driver) nor changed.
     */
    static Saved of(Connection c, Dialects.Flavor f) throws SQLException {
      Saved s = new Saved();
      s.autoCommit = c.getAutoCommit();
      s.isolation = f.postgres() ? -1 : c.getTransactionIsolation();
      s.readOnly = c.isReadOnly();
      return s;
    }
  }

  /** Starts the transaction; {@code s} holds what the connection came with, read before any change. */
  private void begin(Connection c, Mode mode, Saved s) throws SQLException {
    if (s.autoCommit) {
      c.setAutoCommit(false);
    }
    Dialects.Flavor f = flavor;
    if (f.postgres()) {
      // Everything here ends with the transaction, so the pooled connection goes back as it came.
      // A generic plan for "id IN (?, …)" can turn into a sequential scan of the journal once the
      // driver prepares a statement on the server: plan each execution for its values (12+).
      if (s.readOnly && mode == Mode.WRITE) {
        s.readOnlyChanged = true;
        c.setReadOnly(false);
      }
      try (Statement st = c.createStatement()) {
        st.execute(mode == Mode.SNAPSHOT
            ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
            : "SET TRANSACTION ISOLATION LEVEL READ COMMITTED"
                + (f == Dialects.Flavor.POSTGRES_12 ? "; SET LOCAL plan_cache_mode = force_custom_plan" : ""));
      }
      return;
    }
    if (mode == Mode.SNAPSHOT) {
      s.isolationChanged = true;
      s.readOnlyChanged = !s.readOnly;
      c.setReadOnly(true);
      if (f == Dialects.Flavor.H2) {
        try (Statement st = c.createStatement()) {
          st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
        }
      }
      return;
    }
    if (s.readOnly) {
      s.readOnlyChanged = true;
      c.setReadOnly(false);
    }
    if (s.isolation != Connection.TRANSACTION_READ_COMMITTED) {
      s.isolationChanged = true;
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  /** Puts the connection back as it came and gives it back to the pool; a broken one is just closed. */
  private static void end(Connection c, Saved s) {
    try {
      if (s != null) {
        if (s.isolationChanged) {
          c.setTransactionIsolation(s.isolation);
        }
        if (s.readOnlyChanged) {
          c.setReadOnly(s.readOnly);
        }
        if (s.autoCommit) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      LOG.debug("restoring a connection's settings failed (SQL state {}); closing it", e.getSQLState());
    } finally {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing a connection failed (SQL state {})", e.getSQLState());
      }
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed (SQL state {})", e.getSQLState());
    }
  }
}

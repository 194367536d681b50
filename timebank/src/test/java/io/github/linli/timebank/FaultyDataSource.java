package io.github.linli.timebank;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that fails on cue the way a database and its network do: connections
 * refused, a statement failing with a given SQL state, and a commit that breaks the connection
 * either after the server applied it or before. Counts the connections handed out.
 */
final class FaultyDataSource extends TestDataSourceBase {
  /** What the next commit does. */
  enum CommitFault {
    NONE,
    /** The server commits, then the connection breaks before the answer arrives. */
    AFTER_APPLYING,
    /** The connection breaks before the server commits (the server rolls back). */
    BEFORE_APPLYING
  }

  private final DataSource delegate;
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger refuseNext = new AtomicInteger();
  private volatile String refuseState = "08001";
  private final AtomicReference<CommitFault> commitFault = new AtomicReference<>(CommitFault.NONE);
  private volatile Runnable afterCommitFault = () -> {};
  private final AtomicInteger failStatements = new AtomicInteger();
  private volatile String failStatementContaining = "";
  private volatile String failStatementState = "57P01";
  private volatile Runnable onRefuse = () -> {};

  FaultyDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** The next {@code n} connection requests fail with the SQL state ({@code Integer.MAX_VALUE}: until healed). */
  FaultyDataSource refuseConnections(int n, String sqlState) {
    refuseState = sqlState;
    refuseNext.set(n);
    return this;
  }

  /** Runs on the thread asking for a connection, each time one is refused. */
  FaultyDataSource onRefuse(Runnable r) {
    onRefuse = r;
    return this;
  }

  FaultyDataSource heal() {
    refuseNext.set(0);
    failStatements.set(0);
    return this;
  }

  /** The next commit fails this way; {@code then} runs right after (for example to take the database away). */
  FaultyDataSource nextCommit(CommitFault fault, Runnable then) {
    afterCommitFault = then;
    commitFault.set(fault);
    return this;
  }

  /** The next {@code n} statements whose SQL contains the text fail with the SQL state when executed. */
  FaultyDataSource failStatements(int n, String containing, String sqlState) {
    failStatementContaining = containing.toLowerCase(Locale.ROOT);
    failStatementState = sqlState;
    failStatements.set(n);
    return this;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (refuseNext.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
      refused.incrementAndGet();
      onRefuse.run();
      throw new SQLException("connection refused (fault injected)", refuseState);
    }
    connections.incrementAndGet();
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  private Connection wrap(Connection real) {
    InvocationHandler h =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("commit")) {
            CommitFault f = commitFault.getAndSet(CommitFault.NONE);
            if (f == CommitFault.AFTER_APPLYING) {
              real.commit();
              real.close();
              afterCommitFault.run();
              throw new SQLException("terminating connection due to administrator command (fault injected)", "57P01");
            }
            if (f == CommitFault.BEFORE_APPLYING) {
              real.rollback();
              real.close();
              afterCommitFault.run();
              throw new SQLException("An I/O error occurred while sending to the backend (fault injected)", "08006");
            }
          }
          if (name.equals("prepareStatement") && args != null && args[0] instanceof String
              && ((String) args[0]).toLowerCase(Locale.ROOT).contains(failStatementContaining)
              && failStatements.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            String state = failStatementState;
            throw new SQLException("terminating connection due to administrator command (fault injected)", state);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }
}

package io.github.linli.core.internal.es;

import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStoreException;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.internal.sql.Dialect;
import io.github.linli.core.internal.sql.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A read model kept in ordinary tables from a tenant's feed: a portal page (open needs by grid
 * cell, members by status) served by plain, indexed, paged SQL. Not API.
 *
 * <p>{@link #run(String)} reads the feed after the projection's checkpoint ({@code
 * linli_checkpoint}) and applies each page in one transaction that also moves the checkpoint, so
 * rows and mark never disagree, even after a crash. The checkpoint row is locked for the
 * transaction, so servers running the same projection take turns and apply each event once. Because
 * the feed is gapless and in commit order, a projection never misses an event that commits late.
 * {@link #rebuild(String)} deletes the tenant's rows and the mark, and runs from the start: the same
 * rows again.
 *
 * <p>Thread-safe.
 */
public abstract class TableProjection {
  private final String name;
  private final EventStore store;
  private final DataSource dataSource;
  private final List<String> categories;

  /**
   * Creates a projection.
   *
   * @param name its name in {@code linli_checkpoint}
   * @param store the store whose feed it reads
   * @param dataSource the database that holds its tables (and {@code linli_checkpoint})
   * @param categories the stream categories it reads
   */
  protected TableProjection(String name, EventStore store, DataSource dataSource, List<String> categories) {
    this.name = name;
    this.store = store;
    this.dataSource = dataSource;
    this.categories = List.copyOf(categories);
  }

  /**
   * Applies one event to the tables, in the page's transaction. Must be deterministic: a rebuild
   * gives the same rows.
   *
   * @param c the transaction's connection
   * @param event the event
   * @throws SQLException on a database error (the page rolls back)
   */
  protected abstract void handle(Connection c, RecordedEvent event) throws SQLException;

  /**
   * Deletes the tenant's rows from the projection's tables, for a rebuild.
   *
   * @param c the transaction's connection
   * @param tenant the tenant
   * @throws SQLException on a database error
   */
  protected abstract void clear(Connection c, String tenant) throws SQLException;

  /**
   * Brings the tables up to the tenant's head.
   *
   * @param tenant the tenant
   * @return the number of events applied
   * @throws EventStoreException if the database fails
   */
  public final int run(String tenant) {
    int total = 0;
    while (true) {
      int n = page(tenant);
      total += n;
      if (n == 0) {
        return total;
      }
    }
  }

  /**
   * Deletes the tenant's rows and mark, and runs from the start of the feed.
   *
   * @param tenant the tenant
   * @return the number of events applied
   */
  public final int rebuild(String tenant) {
    inTransaction(c -> {
      lockCheckpoint(c, tenant);
      clear(c, tenant);
      try (PreparedStatement p = c.prepareStatement("UPDATE linli_checkpoint SET position = 0 WHERE tenant = ? AND projection = ?")) {
        p.setString(1, tenant);
        p.setString(2, name);
        p.executeUpdate();
      }
      return 0;
    });
    return run(tenant);
  }

  /**
   * The feed position the tables reflect.
   *
   * @param tenant the tenant
   * @return the checkpoint, 0 before any run
   */
  public final long checkpoint(String tenant) {
    return inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT position FROM linli_checkpoint WHERE tenant = ? AND projection = ?")) {
        p.setString(1, tenant);
        p.setString(2, name);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? r.getLong(1) : 0L;
        }
      }
    });
  }

  private int page(String tenant) {
    return inTransaction(c -> {
      long mark = lockCheckpoint(c, tenant);
      List<RecordedEvent> events = store.feed(tenant, categories, mark, 1000);
      if (events.isEmpty()) {
        return 0;
      }
      for (RecordedEvent e : events) {
        handle(c, e);
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE linli_checkpoint SET position = ? WHERE tenant = ? AND projection = ?")) {
        p.setLong(1, events.get(events.size() - 1).position());
        p.setString(2, tenant);
        p.setString(3, name);
        p.executeUpdate();
      }
      return events.size();
    });
  }

  private long lockCheckpoint(Connection c, String tenant) throws SQLException {
    for (int i = 0; i < 2; i++) {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT position FROM linli_checkpoint WHERE tenant = ? AND projection = ? FOR UPDATE")) {
        p.setString(1, tenant);
        p.setString(2, name);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            return r.getLong(1);
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO linli_checkpoint (tenant, projection, position) VALUES (?, ?, 0)")) {
        p.setString(1, tenant);
        p.setString(2, name);
        p.executeUpdate();
        return 0;
      } catch (SQLException e) {
        if (!Dialect.isUniqueViolation(e)) {
          throw e;
        }
        c.rollback();
      }
    }
    throw new SQLException("checkpoint row of " + name + " could not be created", "40001");
  }

  /**
   * A unit of work in one transaction.
   *
   * @param <T> its result
   */
  public interface Work<T> extends Tx.Work<T> {}

  /**
   * Runs work in one transaction at READ COMMITTED, retrying transient failures a few times.
   *
   * @param work the work
   * @param <T> its result
   * @return the result
   */
  protected final <T> T inTransaction(Work<T> work) {
    return Tx.run(dataSource, "read model " + name, true, true, work);
  }

  /**
   * The database of the tables, for the read model's queries.
   *
   * @return the data source
   */
  protected final DataSource dataSource() {
    return dataSource;
  }

  /**
   * The projection's name.
   *
   * @return the name
   */
  public final String name() {
    return name;
  }
}

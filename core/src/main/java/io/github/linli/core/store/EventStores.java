package io.github.linli.core.store;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.sql.DriverDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The event stores Linli ships.
 *
 * <ul>
 *   <li>{@link #inMemory(Clock)}: for tests and JShell; nothing survives the process.
 *   <li>{@link #embedded(Path)}: H2 in a file, for the tour, notebooks and a quick start; nothing to
 *       install beyond the H2 jar ({@code com.h2database:h2}) on the class path, and the state
 *       survives a restart. One process at a time.
 *   <li>{@link #jdbc(DataSource)}: PostgreSQL (or H2) through the portal's pooled {@code
 *       DataSource}; several servers may share the database.
 * </ul>
 *
 * @since 0.2.0
 */
public final class EventStores {
  private EventStores() {}

  /**
   * An empty in-memory store.
   *
   * @param clock stamps recorded events
   * @return the store
   */
  public static EventStore inMemory(Clock clock) {
    return new InMemoryEventStore(clock(clock));
  }

  /**
   * An empty in-memory store on the system clock.
   *
   * @return the store
   */
  public static EventStore inMemory() {
    return inMemory(Clock.systemUTC());
  }

  /**
   * A store on a database, applying the event store's migrations first if any are pending.
   *
   * @param dataSource the database (PostgreSQL or H2), ideally pooled
   * @return the store
   * @throws SchemaVersionException if the schema does not match this SDK
   * @throws EventStoreException if the database cannot be reached
   */
  public static EventStore jdbc(DataSource dataSource) {
    return jdbc().dataSource(dataSource).build();
  }

  /**
   * A builder for a JDBC store.
   *
   * @return the builder
   */
  public static JdbcBuilder jdbc() {
    return new JdbcBuilder();
  }

  /**
   * The embedded store: H2 in the file {@code <dir>/linli.mv.db}, created if missing. Needs H2
   * ({@code com.h2database:h2}) on the class path.
   *
   * @param dir the folder that holds the database
   * @return the store
   * @throws ValidationException if H2 is not on the class path or the folder cannot be used
   */
  public static EventStore embedded(Path dir) {
    return jdbc().dataSource(embeddedDataSource(dir)).build();
  }

  /**
   * The {@code DataSource} of the embedded database in a folder, for read models and the
   * personal-data store that share it. Connections are opened on demand; the database stays open
   * while the process runs.
   *
   * @param dir the folder that holds the database
   * @return the data source
   * @throws ValidationException if H2 is not on the class path or the folder cannot be used
   */
  public static DataSource embeddedDataSource(Path dir) {
    if (dir == null) {
      throw new ValidationException("dir", null, "must not be null");
    }
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException | RuntimeException e) {
      throw new ValidationException("dir", dir, "cannot be created: " + e.getClass().getSimpleName());
    }
    // WRITE_DELAY=0: a commit is on disk before append returns, so kill -9 loses no acknowledged event
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("linli") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    return DriverDataSource.of(url, "sa", "", "H2 (com.h2database:h2) is not on the class path:"
        + " add it to use the embedded store, or pass a DataSource to EventStores.jdbc");
  }

  private static Clock clock(Clock clock) {
    if (clock == null) {
      throw new ValidationException("clock", null, "must not be null");
    }
    return clock;
  }

  /** Builds a JDBC store. Not thread-safe. */
  public static final class JdbcBuilder {
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private boolean migrate = true;
    private int attempts = 10;

    private JdbcBuilder() {}

    /**
     * The database.
     *
     * @param dataSource a (pooled) data source for PostgreSQL or H2
     * @return this builder
     */
    public JdbcBuilder dataSource(DataSource dataSource) {
      if (dataSource == null) {
        throw new ValidationException("dataSource", null, "must not be null");
      }
      this.dataSource = dataSource;
      return this;
    }

    /**
     * The clock that stamps recorded events (default: the system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public JdbcBuilder clock(Clock clock) {
      this.clock = EventStores.clock(clock);
      return this;
    }

    /**
     * Whether the store applies its pending migrations when built (default true). With false it
     * only checks, and refuses to start if any is pending: for portals whose Flyway applies them.
     *
     * @param migrate whether to apply migrations
     * @return this builder
     */
    public JdbcBuilder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * How many times a transaction that failed for a transient reason (deadlock, serialisation
     * failure, server restarting, lost connection) is run (default 10, with back-off from 10 ms to
     * 2 s).
     *
     * @param attempts 1 to 100
     * @return this builder
     */
    public JdbcBuilder attempts(int attempts) {
      if (attempts < 1 || attempts > 100) {
        throw new ValidationException("attempts", attempts, "must be 1 to 100");
      }
      this.attempts = attempts;
      return this;
    }

    /**
     * Builds the store, applying or checking migrations.
     *
     * @return the store
     * @throws ValidationException if no data source was given
     * @throws SchemaVersionException if the schema does not match this SDK or, without migration,
     *     is behind it
     */
    public EventStore build() {
      if (dataSource == null) {
        throw new ValidationException("dataSource", null, "is required");
      }
      if (migrate) {
        Migrations.apply(dataSource);
      } else {
        List<String> pending = Migrations.pending(dataSource);
        if (!pending.isEmpty()) {
          throw new SchemaVersionException("the database lacks Linli migrations " + pending
              + ": apply them with Flyway (location " + Migrations.LOCATION + ", table " + Migrations.HISTORY_TABLE
              + ") or build the store with migrate(true)");
        }
      }
      return new JdbcEventStore(dataSource, clock, attempts);
    }
  }
}

package io.github.linli.core.store;

import io.github.linli.core.internal.sql.Migration;
import io.github.linli.core.internal.sql.Migrator;
import java.util.List;
import javax.sql.DataSource;

/**
 * The event store's schema, shipped as versioned SQL migrations under Flyway's naming in {@value
 * #LOCATION}, recorded in the table {@value #HISTORY_TABLE} (Flyway's format).
 *
 * <p>A portal that runs Flyway applies them with its own (a second Flyway configuration with
 * {@code locations=classpath:linli/migration} and {@code table=linli_schema_history}), and opens
 * the store with {@link EventStores.JdbcBuilder#migrate(boolean) migrate(false)}; otherwise {@link
 * EventStores#jdbc(javax.sql.DataSource)} applies them itself, once, under a lock that servers
 * starting together share. Either way a schema newer than the SDK, a missing or changed migration,
 * or a failed earlier run stops the store with a {@link SchemaVersionException}.
 *
 * <p>Thread-safe.
 *
 * @since 0.2.0
 */
public final class Migrations {
  /** Where the scripts are on the class path, as Flyway writes a location. */
  public static final String LOCATION = "classpath:linli/migration";

  /** The history table. */
  public static final String HISTORY_TABLE = Migrator.HISTORY;

  private static final String FOLDER = "/linli/migration/";
  private static final List<String> SCRIPTS = List.of(
      "V2026.12.07.1__core_event_store.sql",
      "V2026.12.07.3__core_alliance_read_models.sql",
      "V2026.12.07.4__core_demand_and_personal_data.sql",
      "V2026.12.07.5__core_governance_read_models.sql");

  private Migrations() {}

  /**
   * The event store's migration scripts, oldest first.
   *
   * @return the file names
   */
  public static List<String> scripts() {
    return SCRIPTS;
  }

  static List<Migration> core() {
    return SCRIPTS.stream().map(s -> Migration.load(Migrations.class, FOLDER, s)).toList();
  }

  /**
   * Applies the event store's pending migrations, under the lock.
   *
   * @param dataSource the database
   * @return how many were applied now (0 when up to date)
   * @throws SchemaVersionException if the schema does not match this SDK
   * @throws EventStoreException if the database fails
   */
  public static int apply(DataSource dataSource) {
    return Migrator.apply(checked(dataSource), "core", core());
  }

  /**
   * The event store's migrations not yet applied, changing nothing.
   *
   * @param dataSource the database
   * @return the scripts still to apply, empty when up to date
   * @throws SchemaVersionException if the schema does not match this SDK
   */
  public static List<String> pending(DataSource dataSource) {
    return Migrator.pending(checked(dataSource), "core", core());
  }

  private static DataSource checked(DataSource dataSource) {
    if (dataSource == null) {
      throw new io.github.linli.core.ValidationException("dataSource", null, "must not be null");
    }
    return dataSource;
  }
}

package io.github.linli.spring.boot;

import io.github.linli.core.store.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Linli's migrations applied by Flyway, when the application uses Flyway: its own Flyway
 * configuration on the application's {@code DataSource}, with Linli's location
 * ({@value Migrations#LOCATION}, the time bank's scripts in its subfolder) and history table
 * ({@code linli_schema_history}), so Linli's versions stay apart from the application's. The event
 * store is then built with {@code migrate(false)} and only checks that nothing is pending. It runs
 * after the application's own Flyway, and starts Linli's history at a baseline (version 0) in a
 * schema that already holds the application's tables.
 * {@code linli.flyway.enabled=false} leaves migrations to the store.
 *
 * <p>PostgreSQL only: on H2, Flyway names the history table in lower case and quoted, which Linli's
 * own schema check does not read, so there the event store applies the migrations itself.
 * Thread-safe once constructed.
 *
 * @since 0.1.0
 */
public final class LinliFlywayMigrations {
  private final boolean used;
  private final int applied;

  /**
   * Applies what is pending, on PostgreSQL.
   *
   * @param dataSource the application's database
   * @throws IllegalStateException if the database cannot be reached
   */
  public LinliFlywayMigrations(DataSource dataSource) {
    this.used = isPostgres(dataSource);
    this.applied = used ? Flyway.configure().dataSource(dataSource).locations(Migrations.LOCATION)
        .table(Migrations.HISTORY_TABLE)
        // the schema already holds the application's tables (and its flyway_schema_history): Flyway
        // refuses a non-empty schema without a history of its own unless it may start one at a
        // baseline below every Linli version; Linli's schema check skips the baseline row
        .baselineOnMigrate(true).baselineVersion("0")
        .load().migrate().migrationsExecuted : 0;
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to apply Linli's migrations: SQL state " + e.getSQLState(), e);
    }
  }

  /**
   * Whether Flyway applied Linli's migrations (false: the event store does).
   *
   * @return true on PostgreSQL
   */
  public boolean used() {
    return used;
  }

  /**
   * How many migrations this start-up applied.
   *
   * @return the count
   */
  public int applied() {
    return applied;
  }
}

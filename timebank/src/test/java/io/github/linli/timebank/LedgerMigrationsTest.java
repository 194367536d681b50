package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.core.store.Migrations;
import io.github.linli.core.store.SchemaVersionException;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger's schema is a Flyway-named migration applied through core's migrator into the same
 * history table as core's event store: both recorded, each once, each module's word first; a
 * store built with {@code migrate(false)} refuses a pending migration, and a schema newer than
 * the SDK is refused. Each test has a fresh database (H2 in memory, or a PostgreSQL schema).
 */
class LedgerMigrationsTest {
  DataSource fresh(String db, List<String> drop) {
    if (db.equals("postgres")) {
      assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
      String schema = "linli_lm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      Databases.createSchema(schema);
      drop.add(schema);
      return Databases.postgres(schema);
    }
    return Databases.h2Memory("ledger-migrations-" + UUID.randomUUID());
  }

  static List<String> history(DataSource ds) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, description, script, success FROM linli_schema_history"
            + " ORDER BY installed_rank")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void build_besideCoresEventStore_oneHistoryEachMigrationOnce(String db) throws Exception {
    List<String> drop = new ArrayList<>();
    try {
      DataSource ds = fresh(db, drop);
      assertEquals(Migrations.scripts().size(), Migrations.apply(ds));
      try (LedgerStore a = Databases.store(ds, "a"); LedgerStore b = Databases.store(ds, "b")) {
        assertTrue(a.accounts().isEmpty() && b.accounts().isEmpty());
      }
      assertEquals(0, Migrations.apply(ds), "core's migrator does not mistake the ledger's row for its own");
      List<String> expected = new ArrayList<>();
      for (String script : Migrations.scripts()) {   // core's, whatever their number
        String version = script.substring(1, script.indexOf("__"));
        String description = script.substring(script.indexOf("__") + 2, script.length() - 4).replace('_', ' ');
        expected.add(version + " " + description + " " + script + " true");
      }
      expected.add("2026.12.07.2 ledger tables V2026.12.07.2__ledger_tables.sql true");
      assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(history(ds)));
      assertEquals(expected.size(), history(ds).size(), "each migration recorded once");
      assertEquals(List.of("V2026.12.07.2__ledger_tables.sql"), LedgerStores.migrationScripts());
    } finally {
      drop.forEach(Databases::dropSchema);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void build_withoutMigrating_refusesAPendingMigrationAndChangesNothing(String db) throws Exception {
    List<String> drop = new ArrayList<>();
    try {
      DataSource ds = fresh(db, drop);
      SchemaVersionException e = assertThrows(SchemaVersionException.class,
          () -> LedgerStores.jdbc().dataSource(ds).tenant("x").migrate(false).build());
      assertTrue(e.getMessage().contains("V2026.12.07.2__ledger_tables.sql"), e.getMessage());
      Databases.store(ds, "x").close();
      try (LedgerStore s = LedgerStores.jdbc().dataSource(ds).tenant("x").migrate(false).build()) {
        assertTrue(s.accounts().isEmpty(), "applied once, the check passes");
      }
    } finally {
      drop.forEach(Databases::dropSchema);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void build_schemaNewerThanTheSdk_refused(String db) throws Exception {
    List<String> drop = new ArrayList<>();
    try {
      DataSource ds = fresh(db, drop);
      Databases.store(ds, "x").close();
      Databases.exec(ds, "INSERT INTO linli_schema_history (installed_rank, version, description, type, script,"
          + " checksum, installed_by, execution_time, success) VALUES (99, '2099.1.1.1', 'ledger from the future',"
          + " 'SQL', 'V2099.1.1.1__ledger_from_the_future.sql', 0, 'test', 0, TRUE)");
      SchemaVersionException e = assertThrows(SchemaVersionException.class, () -> Databases.store(ds, "x"));
      assertTrue(e.getMessage().contains("newer than this SDK"), e.getMessage());
    } finally {
      drop.forEach(Databases::dropSchema);
    }
  }
}

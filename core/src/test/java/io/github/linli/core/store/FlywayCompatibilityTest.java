package io.github.linli.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 part 6: a portal's own Flyway applies Linli's migrations, and reads Linli's history as its own. */
class FlywayCompatibilityTest {
  private Db db;

  @BeforeEach
  void schema() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer");
    db = Db.postgres();
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.drop();
    }
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(db)
        .schemas(db.schema())
        .locations(Migrations.LOCATION)
        .table(Migrations.HISTORY_TABLE)
        .load();
  }

  @Test
  void portalFlywayApplies_thenStoreStartsWithoutMigrating() {
    assertEquals(Migrations.scripts().size(), flyway().migrate().migrationsExecuted);
    EventStore store = EventStores.jdbc().dataSource(db).migrate(false).build();
    store.append(AppendRequest.to(StreamId.of("t", "member", "m"), 0, EventData.of("Applied", 1, "{}")));
    assertEquals(1, store.head("t"));
    assertEquals(0, Migrations.apply(db), "Linli's migrator sees Flyway's history as applied");
  }

  @Test
  void linliApplies_thenFlywayValidatesSameChecksums() {
    Migrations.apply(db);
    Flyway flyway = flyway();
    flyway.validate();
    assertEquals(0, flyway.migrate().migrationsExecuted);
  }
}

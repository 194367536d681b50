package io.github.linli.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 14: migrations applied once, and a schema the SDK does not know refused. */
class MigrationsTest {
  private final List<Db> dbs = new ArrayList<>();

  static Stream<String> databases() {
    return Db.postgresAnswers() ? Stream.of("h2", "postgres") : Stream.of("h2");
  }

  private Db db(String kind) {
    Db db = kind.equals("h2") ? Db.h2() : Db.postgres();
    dbs.add(db);
    return db;
  }

  @AfterEach
  void drop() {
    dbs.forEach(Db::drop);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void apply_twice_secondDoesNothing(String kind) {
    Db db = db(kind);
    assertEquals(Migrations.scripts(), Migrations.pending(db));
    assertEquals(Migrations.scripts().size(), Migrations.apply(db));
    assertEquals(0, Migrations.apply(db));
    assertEquals(List.of(), Migrations.pending(db));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void build_schemaNewerThanSdk_refused(String kind) {
    Db db = db(kind);
    Migrations.apply(db);
    db.exec("INSERT INTO linli_schema_history (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) VALUES (99, '2099.1', 'core future', 'SQL',"
        + " 'V2099.1__core_future.sql', 1, 'x', 1, TRUE)");
    SchemaVersionException e = assertThrows(SchemaVersionException.class, () -> EventStores.jdbc(db));
    assertTrue(e.getMessage().contains("2099.1") && e.getMessage().contains("newer"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void build_changedScript_refused(String kind) {
    Db db = db(kind);
    Migrations.apply(db);
    db.exec("UPDATE linli_schema_history SET checksum = checksum + 1");
    SchemaVersionException e = assertThrows(SchemaVersionException.class, () -> EventStores.jdbc(db));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void build_failedEarlierRun_refused(String kind) {
    Db db = db(kind);
    Migrations.apply(db);
    db.exec("UPDATE linli_schema_history SET success = FALSE");
    assertThrows(SchemaVersionException.class, () -> EventStores.jdbc(db));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void build_withoutMigrateOnEmptySchema_refusedNamingWhatIsMissing(String kind) {
    Db db = db(kind);
    SchemaVersionException e = assertThrows(SchemaVersionException.class,
        () -> EventStores.jdbc().dataSource(db).migrate(false).build());
    assertTrue(e.getMessage().contains(Migrations.scripts().get(0)), e.getMessage());
    Migrations.apply(db);
    EventStores.jdbc().dataSource(db).migrate(false).build();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void apply_serversStartingTogether_eachMigrationOnce(String kind) throws Exception {
    Db db = db(kind);
    ConcurrentLinkedQueue<Integer> applied = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        try {
          applied.add(Migrations.apply(db));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      t.start();
      ts.add(t);
    }
    for (Thread t : ts) {
      t.join();
    }
    assertTrue(errors.isEmpty(), errors::toString);
    assertEquals(Migrations.scripts().size(), applied.stream().mapToInt(Integer::intValue).sum());
  }
}

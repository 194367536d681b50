package io.github.linli.core.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

class PostgresEventStoreTest extends EventStoreContract {
  private static Db db;
  private static EventStore store;

  @BeforeAll
  static void open() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    db = Db.postgres();
    store = EventStores.jdbc().dataSource(db).clock(CLOCK).build();
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.drop();
    }
  }

  @Override
  EventStore store() {
    return store;
  }
}

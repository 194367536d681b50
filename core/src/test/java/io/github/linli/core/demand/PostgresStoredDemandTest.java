package io.github.linli.core.demand;

import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

class PostgresStoredDemandTest extends StoredJdbcDemandContract {
  private static Db db;
  private static EventStore store;

  @BeforeAll
  static void setUp() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    db = Db.postgres();
    store = EventStores.jdbc(db);
  }

  @AfterAll
  static void tearDown() {
    if (db != null) {
      db.drop();
    }
  }

  @Override
  EventStore store() {
    return store;
  }

  @Override
  Db db() {
    return db;
  }
}

package io.github.linli.core.demand;

import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2StoredDemandTest extends StoredJdbcDemandContract {
  private static Db db;
  private static EventStore store;

  @BeforeAll
  static void setUp() {
    db = Db.h2();
    store = EventStores.jdbc(db);
  }

  @AfterAll
  static void tearDown() {
    db.drop();
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

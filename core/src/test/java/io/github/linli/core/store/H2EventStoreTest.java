package io.github.linli.core.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2EventStoreTest extends EventStoreContract {
  private static Db db;
  private static EventStore store;

  @BeforeAll
  static void open() {
    db = Db.h2();
    store = EventStores.jdbc().dataSource(db).clock(CLOCK).build();
  }

  @AfterAll
  static void close() {
    db.drop();
  }

  @Override
  EventStore store() {
    return store;
  }
}

package io.github.linli.core.alliance;

import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2AllianceStoreTest extends AllianceStoreContract {
  private static Db db;
  private static EventStore store;

  @BeforeAll
  static void open() {
    db = Db.h2();
    store = EventStores.jdbc(db);
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

package io.github.linli.core.alliance;

import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

class PostgresAllianceStoreTest extends AllianceStoreContract {
  private static Db db;
  private static EventStore store;

  @BeforeAll
  static void open() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    db = Db.postgres();
    store = EventStores.jdbc(db);
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

package io.github.linli.core.governance;

import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import javax.sql.DataSource;

class InMemoryGovernanceStoreTest extends GovernanceStoreContract {
  private final EventStore store = EventStores.inMemory();

  @Override
  EventStore store() {
    return store;
  }

  @Override
  DataSource dataSource() {
    return null;
  }
}

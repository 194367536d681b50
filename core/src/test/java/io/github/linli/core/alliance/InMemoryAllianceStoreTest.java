package io.github.linli.core.alliance;

import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.testing.MutableClock;

class InMemoryAllianceStoreTest extends AllianceStoreContract {
  private static final EventStore STORE = EventStores.inMemory(MutableClock.shanghai());

  @Override
  EventStore store() {
    return STORE;
  }
}

package io.github.linli.core.store;

class InMemoryEventStoreTest extends EventStoreContract {
  private final EventStore store = EventStores.inMemory(CLOCK);

  @Override
  EventStore store() {
    return store;
  }
}

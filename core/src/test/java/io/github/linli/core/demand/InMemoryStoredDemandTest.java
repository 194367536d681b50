package io.github.linli.core.demand;

import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;

class InMemoryStoredDemandTest extends StoredDemandContract {
  private final EventStore store = EventStores.inMemory();
  private final PersonalDataStore personalData = PersonalDataStore.builder().protector(PROTECTOR).clock(clock).build();

  @Override
  EventStore store() {
    return store;
  }

  @Override
  PersonalDataStore personalData() {
    return personalData;
  }
}

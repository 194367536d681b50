package io.github.linli.core.mediation;

import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;

class InMemoryMediationStoreTest extends MediationStoreContract {
  private final EventStore store = EventStores.inMemory();
  private PersonalDataStore people;

  @Override
  EventStore store() {
    return store;
  }

  @Override
  PersonalDataStore personalData() {
    if (people == null) {
      people = PersonalDataStore.inMemory(clock);
    }
    return people;
  }
}

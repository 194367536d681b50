package io.github.linli.core.mediation;

import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import java.nio.file.Path;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 store in a file, with the personal-data store in the same database. */
class EmbeddedMediationStoreTest extends MediationStoreContract {
  @TempDir
  Path dir;
  private EventStore store;
  private PersonalDataStore people;

  @Override
  EventStore store() {
    if (store == null) {
      store = EventStores.embedded(dir);
    }
    return store;
  }

  @Override
  PersonalDataStore personalData() {
    if (people == null) {
      try {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        store();
        people = PersonalDataStore.jdbc(EventStores.embeddedDataSource(dir), tenant, Protector.aesGcm(g.generateKey()), clock);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return people;
  }
}

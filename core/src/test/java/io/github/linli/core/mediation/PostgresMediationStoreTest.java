package io.github.linli.core.mediation;

import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** PostgreSQL, in a schema of its own, with the personal-data store in the same schema. */
class PostgresMediationStoreTest extends MediationStoreContract {
  private static Db db;
  private static EventStore store;
  private PersonalDataStore people;

  @BeforeAll
  static void openDb() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    db = Db.postgres();
    store = EventStores.jdbc(db);
  }

  @AfterAll
  static void closeDb() {
    if (db != null) {
      db.drop();
    }
  }

  @Override
  EventStore store() {
    return store;
  }

  @Override
  PersonalDataStore personalData() {
    if (people == null) {
      try {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        people = PersonalDataStore.jdbc(db, tenant, Protector.aesGcm(g.generateKey()), clock);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return people;
  }
}

package io.github.linli.timebank;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import javax.sql.DataSource;

/**
 * The ledger's rules on the JDBC store over PostgreSQL (LINLI_PG_URL, LINLI_PG_USER; by default
 * 127.0.0.1:5432/test as postgres). Skipped when no server answers. Each test uses its own tables.
 */
class PostgresLedgerTest extends LedgerContractTest {
  DataSource ds;
  String prefix;

  static final boolean AVAILABLE = Databases.postgresAnswers();

  @Override
  LedgerStore newStore() {
    // each test reports itself skipped when no server answers
    assumeTrue(AVAILABLE, "no PostgreSQL at " + Databases.pgUrl());
    ds = Databases.postgres();
    prefix = Databases.uniquePrefix();
    return LedgerStores.jdbc(ds, prefix);
  }

  @Override
  void dropStore() throws Exception {
    Databases.dropTables(ds, prefix);
  }
}

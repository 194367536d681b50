package io.github.linli.timebank;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.timebank.store.LedgerStore;
import javax.sql.DataSource;

/**
 * The ledger's rules on the JDBC store over PostgreSQL (LINLI_PG_URL, LINLI_PG_USER; by default
 * 127.0.0.1:5432/test as postgres). Skipped when no server answers. Each test uses its own tenant in this run's schema.
 */
class PostgresLedgerTest extends LedgerContractTest {
  DataSource ds;
  String tenant;

  static final boolean AVAILABLE = Databases.postgresAnswers();

  @Override
  LedgerStore newStore() {
    // each test reports itself skipped when no server answers
    assumeTrue(AVAILABLE, "no PostgreSQL at " + Databases.pgUrl());
    ds = Databases.postgres();
    tenant = Databases.uniqueTenant();
    return Databases.store(ds, tenant);
  }

  @Override
  void dropStore() throws Exception {
    Databases.dropTenant(ds, tenant);
  }
}

package io.github.linli.timebank;

import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;

/** The ledger's rules on the in-memory store (with its hash chain on). */
class InMemoryLedgerTest extends LedgerContractTest {
  @Override
  LedgerStore newStore() {
    return LedgerStores.inMemoryHashChained();
  }
}

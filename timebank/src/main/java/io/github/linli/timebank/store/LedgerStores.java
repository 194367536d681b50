package io.github.linli.timebank.store;

import static com.google.common.base.Preconditions.checkNotNull;

import javax.sql.DataSource;

/**
 * Factories of the {@link LedgerStore}s.
 *
 * @since 0.1.0
 */
public final class LedgerStores {
  private LedgerStores() {}

  /**
   * An in-memory store without a hash chain: the fastest, for tests, tours and embedded use whose
   * durability comes from elsewhere.
   *
   * @return a new empty store
   */
  public static LedgerStore inMemory() {
    return new InMemoryLedgerStore(false);
  }

  /**
   * An in-memory store that hash-chains its journal, so {@link LedgerStore#verify()} also checks
   * the chain.
   *
   * @return a new empty store
   */
  public static LedgerStore inMemoryHashChained() {
    return new InMemoryLedgerStore(true);
  }

  /**
   * A JDBC store in the default tables ({@code tb_} prefix), created if missing. Runs on H2 and
   * PostgreSQL; needs no compile-time dependency on either driver.
   *
   * @param dataSource where to connect; each batch takes one connection and one transaction
   * @return the store
   * @throws io.github.linli.core.ConsistencyException if the schema cannot be created or read
   */
  public static LedgerStore jdbc(DataSource dataSource) {
    return jdbc(dataSource, "tb_");
  }

  /**
   * A JDBC store in tables with the given prefix, created if missing: several ledgers (or test
   * runs) can share one database.
   *
   * @param dataSource where to connect
   * @param tablePrefix a prefix of letters, digits and underscores, for example {@code tb_}
   * @return the store
   * @throws IllegalArgumentException if the prefix has other characters
   * @throws io.github.linli.core.ConsistencyException if the schema cannot be created or read
   */
  public static LedgerStore jdbc(DataSource dataSource, String tablePrefix) {
    checkNotNull(dataSource, "dataSource");
    checkNotNull(tablePrefix, "tablePrefix");
    return new JdbcLedgerStore(dataSource, tablePrefix);
  }
}

package io.github.linli.timebank.store;

import java.util.Objects;

/**
 * What {@link LedgerStores#migratePrefixedTables} did: the ledger kept before 0.2 in the tables of
 * a prefix ({@code <prefix>head}, {@code <prefix>accounts}, …) copied into one tenant's rows of the
 * shared tables ({@code linli_ledger_*}). The old tables are left as they were; drop them once the
 * migrated ledger verifies.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class PrefixMigration {
  private final String tablePrefix;
  private final String tenant;
  private final boolean found;
  private final boolean alreadyDone;
  private final long accounts;
  private final long transfers;
  private final long exchanges;

  private PrefixMigration(
      String tablePrefix, String tenant, boolean found, boolean alreadyDone, long accounts, long transfers, long exchanges) {
    this.tablePrefix = tablePrefix;
    this.tenant = tenant;
    this.found = found;
    this.alreadyDone = alreadyDone;
    this.accounts = accounts;
    this.transfers = transfers;
    this.exchanges = exchanges;
  }

  static PrefixMigration of(
      String tablePrefix, String tenant, boolean found, boolean alreadyDone, long accounts, long transfers, long exchanges) {
    return new PrefixMigration(tablePrefix, tenant, found, alreadyDone, accounts, transfers, exchanges);
  }

  /**
   * The prefix the old tables carry, lower case.
   *
   * @return the prefix
   */
  public String tablePrefix() {
    return tablePrefix;
  }

  /**
   * The tenant whose rows now hold the ledger.
   *
   * @return the tenant
   */
  public String tenant() {
    return tenant;
  }

  /**
   * Whether tables with the prefix were found; false when there was nothing to migrate.
   *
   * @return true if the old tables exist
   */
  public boolean found() {
    return found;
  }

  /**
   * Whether an earlier run had already migrated them (this run copied nothing).
   *
   * @return true if already migrated
   */
  public boolean alreadyDone() {
    return alreadyDone;
  }

  /**
   * Accounts copied by this run.
   *
   * @return the count
   */
  public long accounts() {
    return accounts;
  }

  /**
   * Journal transfers copied by this run.
   *
   * @return the count
   */
  public long transfers() {
    return transfers;
  }

  /**
   * Service exchanges copied by this run.
   *
   * @return the count
   */
  public long exchanges() {
    return exchanges;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PrefixMigration)) {
      return false;
    }
    PrefixMigration m = (PrefixMigration) o;
    return m.tablePrefix.equals(tablePrefix) && m.tenant.equals(tenant) && m.found == found
        && m.alreadyDone == alreadyDone && m.accounts == accounts && m.transfers == transfers && m.exchanges == exchanges;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tablePrefix, tenant, found, alreadyDone, accounts, transfers, exchanges);
  }

  /**
   * Returns what happened, for example {@code PrefixMigration{lishan_tb_* -> tenant lishan: 120
   * accounts, 5321 transfers, 14 exchanges copied}}.
   */
  @Override
  public String toString() {
    String what = !found ? "no such tables"
        : alreadyDone ? "already migrated"
        : accounts + " accounts, " + transfers + " transfers, " + exchanges + " exchanges copied";
    return "PrefixMigration{" + tablePrefix + "* -> tenant " + tenant + ": " + what + "}";
  }
}

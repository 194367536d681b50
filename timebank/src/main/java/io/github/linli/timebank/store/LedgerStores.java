package io.github.linli.timebank.store;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.store.SchemaVersionException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Factories of the {@link LedgerStore}s.
 *
 * <p>The JDBC store keeps every community's ledger in one set of shared tables ({@code
 * linli_ledger_head}, {@code _account}, {@code _transfer}, {@code _pending}, {@code _failed},
 * {@code _reversed}, {@code _exchange}), each keyed by the tenant (community) first, so one schema
 * holds a city's thousands of communities. The tables are Flyway-named SQL migrations shipped in
 * {@value #MIGRATIONS_LOCATION} ({@link #migrationScripts()}), recorded in {@code
 * linli_schema_history}: a portal's own Flyway applies them with core's, or the store applies them
 * itself when built, under a lock.
 *
 * <p>Before 0.2 each ledger had tables of its own, named by a prefix ({@code tb_head}, {@code
 * tb_accounts}, …). {@link #migratePrefixedTables} moves such a ledger into a tenant's rows; {@link
 * #jdbc(DataSource)} and the deprecated {@link #jdbc(DataSource, String)} do it by themselves on
 * first use.
 *
 * @since 0.1.0
 */
public final class LedgerStores {
  /** The tenant {@link #jdbc(DataSource)} uses. */
  public static final String DEFAULT_TENANT = "default";

  /**
   * Where the ledger's migration scripts are on the class path, as Flyway writes a location: a
   * subfolder of core's {@code classpath:linli/migration}, which Flyway scans with its
   * subfolders, so one Flyway configuration on core's location applies both.
   */
  public static final String MIGRATIONS_LOCATION = "classpath:linli/migration/ledger";

  /** The table prefix of {@link #jdbc(DataSource)} before 0.2. */
  static final String OLD_DEFAULT_PREFIX = "tb_";

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
   * A JDBC store for the tenant {@value #DEFAULT_TENANT}, applying the ledger's migrations first if
   * any are pending. Runs on H2 and PostgreSQL; needs no compile-time dependency on either driver.
   * A ledger kept before 0.2 in the default tables ({@code tb_head}, {@code tb_accounts}, …) is
   * moved into the tenant on first use (see {@link #migratePrefixedTables}).
   *
   * @param dataSource where to connect (pooled); each transaction borrows one connection
   * @return the store
   * @throws StoreException if the database cannot be reached through the retries
   * @throws SchemaVersionException if the schema is newer than this SDK or was changed
   */
  public static LedgerStore jdbc(DataSource dataSource) {
    checkNotNull(dataSource, "dataSource");
    return jdbc().dataSource(dataSource).importFrom(OLD_DEFAULT_PREFIX).build();
  }

  /**
   * A JDBC store for the tenant named by the prefix (lower case, for example {@code lishan_tb_};
   * the old default prefix {@code tb_} names the tenant {@value #DEFAULT_TENANT}, as {@link
   * #jdbc(DataSource)} does).
   * The ledger kept before 0.2 in the tables of the prefix is moved into the tenant's rows of the
   * shared tables on first use, once; later runs check that the old tables were not written since.
   *
   * @param dataSource where to connect
   * @param tablePrefix a prefix of letters, digits and underscores, for example {@code tb_}
   * @return the store
   * @throws IllegalArgumentException if the prefix has other characters
   * @throws StoreException if the database cannot be reached through the retries
   * @throws io.github.linli.core.ConsistencyException if the old tables were written after they
   *     were moved (an older Linli still writes to them)
   * @deprecated one schema holds every community: use {@code
   *     jdbc().dataSource(ds).tenant("lishan").build()}, after moving the prefixed tables with
   *     {@link #migratePrefixedTables(DataSource, String, String)}; see docs/timebank.md,
   *     "Moving from prefixed tables"
   */
  @Deprecated(since = "0.2.0")
  public static LedgerStore jdbc(DataSource dataSource, String tablePrefix) {
    checkNotNull(dataSource, "dataSource");
    checkNotNull(tablePrefix, "tablePrefix");
    String prefix = LedgerSchema.checkPrefix(tablePrefix);
    return jdbc().dataSource(dataSource).tenant(tenantOf(prefix)).importFrom(prefix).build();
  }

  /**
   * A builder for a JDBC store.
   *
   * @return the builder
   * @since 0.2.0
   */
  public static JdbcBuilder jdbc() {
    return new JdbcBuilder();
  }

  /**
   * The ledger's migration scripts, oldest first, in {@value #MIGRATIONS_LOCATION}.
   *
   * @return the file names
   * @since 0.2.0
   */
  public static List<String> migrationScripts() {
    return LedgerSchema.SCRIPTS;
  }

  /**
   * Moves a ledger kept before 0.2 in the tables of a prefix ({@code <prefix>head}, {@code
   * accounts}, {@code transfers}, {@code failed}, {@code pending}, {@code reversed}, {@code
   * exchanges}) into a tenant's rows of the shared tables, in one transaction, applying the
   * ledger's migrations first if any are pending. Every row, sequence and hash is copied as it is,
   * so the hash chain and {@code verify()} carry over; the old tables are left untouched (drop
   * them once the tenant verifies).
   *
   * <p>Stop every server running a Linli before 0.2 first: the copy holds the old head's lock, and
   * a later write to the old tables is noticed (a {@code ConsistencyException} at the next run or
   * open) but not carried over. Running it again is safe: it answers {@link
   * PrefixMigration#alreadyDone()}.
   *
   * @param dataSource the database holding the old tables
   * @param tablePrefix the old prefix, for example {@code lishan_tb_}
   * @param tenant the tenant that receives the ledger, for example {@code lishan}
   * @return what was copied
   * @throws IllegalArgumentException if the prefix has characters a prefix could not have
   * @throws ValidationException if the tenant is not a valid id
   * @throws io.github.linli.core.ConflictException if the tenant already holds a ledger of its own
   * @throws io.github.linli.core.ConsistencyException if the old tables were written after an
   *     earlier migration, or their journal does not match their head
   * @throws StoreException if the database fails through the retries; nothing was copied
   * @since 0.2.0
   */
  public static PrefixMigration migratePrefixedTables(DataSource dataSource, String tablePrefix, String tenant) {
    checkNotNull(dataSource, "dataSource");
    checkNotNull(tablePrefix, "tablePrefix");
    String prefix = LedgerSchema.checkPrefix(tablePrefix);
    String t = Checks.id("tenant", tenant);
    Transactions tx = open(dataSource, RetryPolicy.defaults(), true);
    // a store being built on the tenant at the same moment may insert its head row first: run again
    return tx.run("migrate the tables " + prefix + "* into tenant " + t, Transactions.Mode.WRITE, true,
        c -> LedgerSchema.importPrefixed(c, prefix, t, Clock.systemUTC().instant()), null);
  }

  /** The tenant a deprecated prefix names: the prefix itself, the old default {@code tb_} the default tenant. */
  static String tenantOf(String prefix) {
    return prefix.equals(OLD_DEFAULT_PREFIX) ? DEFAULT_TENANT : prefix;
  }

  /** First contact (with retries), then migrations. */
  private static Transactions open(DataSource dataSource, RetryPolicy policy, boolean migrate) {
    Transactions tx = new Transactions(dataSource, policy);
    tx.flavor(tx.run("open the ledger store", Dialects::of));
    if (migrate) {
      LedgerSchema.apply(dataSource, policy);
    } else {
      List<String> pending = LedgerSchema.pending(dataSource);
      if (!pending.isEmpty()) {
        throw new SchemaVersionException("the database lacks Linli ledger migrations " + pending
            + ": apply them with Flyway (location classpath:linli/migration, which includes "
            + MIGRATIONS_LOCATION + "; table linli_schema_history)"
            + " or build the store with migrate(true)");
      }
    }
    return tx;
  }

  /**
   * Builds a JDBC ledger store: a {@code DataSource}, the tenant whose ledger it keeps, whether it
   * applies the migrations, and its retry policy. Not thread-safe; the store it builds is.
   *
   * @since 0.2.0
   */
  public static final class JdbcBuilder {
    private DataSource dataSource;
    private String tenant;
    private String importFrom;
    private boolean migrate = true;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private JdbcBuilder() {}

    /**
     * The database: the application's pooled {@code DataSource} (HikariCP, Spring's), PostgreSQL
     * or H2. The store borrows one connection per transaction and keeps none.
     *
     * @param dataSource the data source
     * @return this builder
     * @throws ValidationException if it is null
     */
    public JdbcBuilder dataSource(DataSource dataSource) {
      if (dataSource == null) {
        throw new ValidationException("dataSource", null, "must not be null");
      }
      this.dataSource = dataSource;
      return this;
    }

    /**
     * The tenant (community) whose ledger the store keeps (default {@link LedgerStores#DEFAULT_TENANT},
     * {@code default}).
     * Tenants share the tables and never see each other's rows.
     *
     * @param tenant an id of at most 128 characters, for example {@code lishan}
     * @return this builder
     * @throws ValidationException if it is not a valid id
     */
    public JdbcBuilder tenant(String tenant) {
      this.tenant = Checks.id("tenant", tenant);
      return this;
    }

    /**
     * The ledger kept before 0.2 in the tables of this prefix is moved into the tenant when the
     * store is built, once (as {@link LedgerStores#migratePrefixedTables} does); the tenant
     * defaults to the prefix (to {@code default} for the old default prefix {@code tb_}).
     *
     * @param tablePrefix the old prefix
     * @return this builder
     * @throws IllegalArgumentException if the prefix has other characters
     * @deprecated prefixed tables are gone from 0.2: move them once with {@link
     *     LedgerStores#migratePrefixedTables(DataSource, String, String)} and build with {@link
     *     #tenant(String)} alone
     */
    @Deprecated(since = "0.2.0")
    public JdbcBuilder tablePrefix(String tablePrefix) {
      checkNotNull(tablePrefix, "tablePrefix");
      return importFrom(LedgerSchema.checkPrefix(tablePrefix));
    }

    JdbcBuilder importFrom(String prefix) {
      this.importFrom = prefix;
      return this;
    }

    /**
     * Whether the store applies the ledger's pending migrations when built (default true). With
     * false it only checks, and refuses to start if any is pending: for portals whose Flyway
     * applies them ({@code locations=classpath:linli/migration}, which holds core's and, in its
     * {@code ledger} subfolder, the ledger's; {@code table=linli_schema_history}).
     *
     * @param migrate whether to apply migrations
     * @return this builder
     */
    public JdbcBuilder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * How transient failures are retried (default {@link RetryPolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     * @throws ValidationException if it is null
     */
    public JdbcBuilder retryPolicy(RetryPolicy policy) {
      if (policy == null) {
        throw new ValidationException("retryPolicy", null, "must not be null");
      }
      this.retryPolicy = policy;
      return this;
    }

    /**
     * Builds the store: reaches the database (with retries), applies or checks the migrations,
     * moves a prefixed ledger in if one was named, and creates the tenant's head row if missing.
     *
     * @return the store
     * @throws ValidationException if no data source was given
     * @throws StoreException if the database cannot be reached through the retries
     * @throws SchemaVersionException if the schema is newer than this SDK, was changed, or (without
     *     migration) lacks a migration
     */
    public LedgerStore build() {
      if (dataSource == null) {
        throw new ValidationException("dataSource", null, "is required");
      }
      String t = tenant != null ? tenant : importFrom != null ? tenantOf(importFrom) : DEFAULT_TENANT;
      Transactions tx = open(dataSource, retryPolicy, migrate);
      if (importFrom != null) {
        String from = importFrom;
        tx.run("move the tables " + from + "* into tenant " + t, Transactions.Mode.WRITE, true,
            c -> LedgerSchema.importPrefixed(c, from, t, Clock.systemUTC().instant()), null);
      }
      tx.run("create the head of tenant " + t, Transactions.Mode.WRITE, true, c -> LedgerSchema.ensureHead(c, t), null);
      return new JdbcLedgerStore(t, tx);
    }
  }
}

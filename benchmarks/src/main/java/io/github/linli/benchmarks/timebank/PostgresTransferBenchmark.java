package io.github.linli.benchmarks.timebank;

import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.TransferResult;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transfers per second into the JDBC store on PostgreSQL (LINLI_PG_URL, LINLI_PG_USER; default
 * 127.0.0.1:5432/test as postgres) on one thread: batches of 1,000 in one transaction each (target
 * ≥ 10,000/s) beside one transaction per transfer, on the same server. Hash chain on, as always in
 * the JDBC store. Each trial writes a fresh tenant in the shared tables and deletes its rows afterwards.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PostgresTransferBenchmark {
  static final int BATCH = 1000;
  static final int ACCOUNTS = 1000;

  private String url;
  private String user;
  private String tenant;
  private LedgerStore store;
  private com.zaxxer.hikari.HikariDataSource pool;
  private TimeBank bank;
  private AccountId[] accounts;
  private long next;

  /** Creates the tables and accounts. */
  @Setup(Level.Trial)
  public void setUp() {
    String base = System.getenv().getOrDefault("LINLI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    url = base + (base.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    user = System.getenv().getOrDefault("LINLI_PG_USER", "postgres");
    tenant = "bench-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    // the store keeps no connections of its own: give it a pool, as a portal does
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(2);
    pool = new com.zaxxer.hikari.HikariDataSource(config);
    store = LedgerStores.jdbc().dataSource(pool).tenant(tenant).build();
    bank = TimeBank.builder().store(store).build();
    accounts = new AccountId[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts[i] = AccountId.of("acc" + i);
      bank.openAccount(accounts[i], Credits.ofHours(1_000_000));
    }
  }

  /**
   * Deletes the tenant's rows.
   *
   * @throws Exception if the database fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
    pool.close();
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      for (String t : new String[] {"account", "transfer", "failed", "pending", "reversed", "exchange", "head"}) {
        s.execute("DELETE FROM linli_ledger_" + t + " WHERE tenant = '" + tenant + "'");
      }
    }
  }

  private TransferRequest request() {
    long k = next++;
    return TransferRequest.single(
        TransferId.of("t" + k),
        accounts[(int) (k % ACCOUNTS)],
        accounts[(int) ((k * 7 + 1) % ACCOUNTS)],
        Credits.ofMinutes(1 + k % 60));
  }

  /**
   * One batch of 1,000 transfers: one database transaction.
   *
   * @return the results
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<TransferResult> batched() {
    List<TransferRequest> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(request());
    }
    return bank.submit(batch);
  }

  /**
   * One transfer: one database transaction.
   *
   * @return the result
   */
  @Benchmark
  public TransferResult single() {
    return bank.submit(request());
  }
}

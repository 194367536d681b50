package io.github.linli.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.AppendResult;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
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
 * Events per second appended to the JDBC event store on PostgreSQL (LINLI_PG_URL, LINLI_PG_USER;
 * default 127.0.0.1:5432/test as postgres) through a HikariCP pool, as a Spring Boot portal runs it, on one thread, in a fresh schema per trial: batched
 * (one command of 100 events to a new stream, one transaction; target ≥ 20,000 events/s) beside
 * one event per command and transaction, on the same server in the same run. Each event is a
 * typical 120-character JSON document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PostgresAppendBenchmark {
  static final int BATCH = 100;

  private String base;
  private String user;
  private String schema;
  private EventStore store;
  private HikariDataSource pool;
  private long next;

  /** Creates the schema and the store's tables. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    base = System.getenv().getOrDefault("LINLI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    user = System.getenv().getOrDefault("LINLI_PG_USER", "postgres");
    schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true&currentSchema=" + schema;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    store = EventStores.jdbc(pool);
  }

  /**
   * Drops the schema.
   *
   * @throws Exception if the database fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    pool.close();
    try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private EventData event(long k) {
    return EventData.of("DemandClassified", 1, "{\"tier\":\"SAFETY\",\"domain\":\"DAILY_LIVING\",\"urgency\":\"HIGH\","
        + "\"level\":\"COMMUNITY\",\"cell\":\"g-" + (k % 400) + "\",\"confidence\":0.91,\"n\":" + k + "}");
  }

  /**
   * One command of 100 events to a new stream: one transaction.
   *
   * @return the result
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public AppendResult batched() {
    List<EventData> events = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      events.add(event(next++));
    }
    return store.append(AppendRequest.to(StreamId.of("lishan", "demand", "b" + next), 0, events));
  }

  /**
   * One command of 1,000 events to ten new streams: one transaction, as an import or a busy
   * projection replay writes.
   *
   * @return the result
   */
  @Benchmark
  @OperationsPerInvocation(1000)
  public AppendResult batched1000() {
    AppendRequest r = null;
    for (int s = 0; s < 10; s++) {
      List<EventData> events = new ArrayList<>(100);
      for (int i = 0; i < 100; i++) {
        events.add(event(next++));
      }
      StreamId stream = StreamId.of("lishan", "demand", "k" + next);
      r = r == null ? AppendRequest.to(stream, 0, events) : r.and(stream, 0, events);
    }
    return store.append(r);
  }

  /**
   * One event in its own command and transaction.
   *
   * @return the result
   */
  @Benchmark
  public AppendResult single() {
    long k = next++;
    return store.append(AppendRequest.to(StreamId.of("lishan", "demand", "s" + k), 0, event(k)));
  }
}

package io.github.linli.matching.dispatch;

import static io.github.linli.matching.dispatch.Fixtures.COORDINATOR;
import static io.github.linli.matching.dispatch.Fixtures.SYSTEM;
import static io.github.linli.matching.dispatch.Fixtures.ZONE;
import static io.github.linli.matching.dispatch.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.internal.sql.DriverDataSource;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers on one database (two servers, each with its own event store object) taking
 * arrivals at the same time for a few scarce places: no place is promised twice, no need holds two,
 * every arrival is answered, and a third server opened afterwards (a restart) holds the same state.
 * On the in-memory store, on H2 and on PostgreSQL.
 */
class TwoServersTest {
  static final int PER_SERVER = 40;

  @Test
  void inMemory() throws Exception {
    Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
    EventStore shared = EventStores.inMemory(clock);
    race(() -> shared, clock);
  }

  @Test
  void h2() throws Exception {
    Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
    DataSource ds = DriverDataSource.of("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "", "h2");
    race(() -> EventStores.jdbc().dataSource(ds).clock(clock).build(), clock);
  }

  @Test
  void postgres() throws Exception {
    String base = System.getenv().getOrDefault("LINLI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getenv().getOrDefault("LINLI_PG_USER", "postgres");
    String schema = "linli_d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base + "?connectTimeout=2", user, ""); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (Exception e) {
      Assumptions.abort("PostgreSQL does not answer at " + base + ": " + e.getMessage());
    }
    try {
      Fixtures.MovableClock clock = new Fixtures.MovableClock(Fixtures.T0);
      DataSource ds = DriverDataSource.of(base + "?currentSchema=" + schema + "&connectTimeout=5", user, "", "postgresql");
      race(() -> EventStores.jdbc().dataSource(ds).clock(clock).build(), clock);
    } finally {
      try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  void race(Supplier<EventStore> server, Clock clock) throws Exception {
    Map<String, Need> needs = new ConcurrentHashMap<>();
    NeedDirectory directory = id -> java.util.Optional.ofNullable(needs.get(id));
    Dispatcher a = Dispatcher.open(server.get(), "lishan", clock, DispatchPolicy.preempt(ZONE), GridMap.empty(), directory);
    Dispatcher b = Dispatcher.open(server.get(), "lishan", clock, DispatchPolicy.preempt(ZONE), GridMap.empty(), directory);
    List<Offer> offers = List.of(
        Fixtures.offer("clinic", ServiceDomain.HEALTHCARE, 3, at(0, 0), 3000),
        Fixtures.offer("library", ServiceDomain.HEALTHCARE, 2, at(800, 0), 3000));
    for (Offer o : offers) {
      a.listOffer(COORDINATOR, o, Cadence.WEEK);
    }
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<DispatchOutcome>>> runs = new ArrayList<>();
    Dispatcher[] servers = {a, b};
    for (int s = 0; s < 2; s++) {
      Dispatcher d = servers[s];
      String prefix = s == 0 ? "a" : "b";
      runs.add(pool.submit(() -> {
        start.await();
        List<DispatchOutcome> out = new ArrayList<>();
        for (int i = 0; i < PER_SERVER; i++) {
          MaslowTier tier = MaslowTier.values()[(i * 7 + prefix.length()) % MaslowTier.values().length];
          Need n = Fixtures.need(prefix + i, tier, Urgency.values()[i % 4], ServiceDomain.HEALTHCARE, at(i * 10, i * 5));
          needs.put(n.id(), n);
          out.add(d.arrive(SYSTEM, n));
          if (i % 10 == 9) {
            d.reoptimise(SYSTEM);
          }
        }
        return out;
      }));
    }
    int answered = 0;
    for (Future<List<DispatchOutcome>> f : runs) {
      answered += f.get().size();
    }
    pool.shutdown();
    assertEquals(2 * PER_SERVER, answered);
    Dispatcher restarted = Dispatcher.open(server.get(), "lishan", clock, DispatchPolicy.preempt(ZONE), GridMap.empty(), directory);
    Map<String, Integer> usage = restarted.usage();
    assertEquals(Map.of("clinic@2026-11-23", 3, "library@2026-11-23", 2), usage, "every place taken once, none twice");
    DispatcherProperties.checkCapacityAndUniqueness(restarted, Map.of("clinic", offers.get(0), "library", offers.get(1)));
    assertEquals(restarted.commitments(), a.commitments());
    assertEquals(restarted.commitments(), b.commitments());
    assertEquals(2 * PER_SERVER - 5, restarted.queue().size());
    // the five places went to the most basic needs (the exact re-optimisation ran last on one server)
    restarted.reoptimise(SYSTEM);
    assertEquals(0, restarted.inversions());
    assertTrue(restarted.commitments().size() >= 5);
  }
}

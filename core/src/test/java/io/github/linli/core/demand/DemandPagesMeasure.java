package io.github.linli.core.demand;

import io.github.linli.core.ResidentId;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures a page of 50 open needs on PostgreSQL with many demands; prints the figures, asserts no
 * time. Runs only with {@code -Dlinli.measure=true}:
 * {@code mvn -B -ntp -q -pl core -Dtest=DemandPagesMeasure -Dlinli.measure=true -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
class DemandPagesMeasure {
  @Test
  void pageOf50OpenNeeds_onPostgres() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("linli.measure"), "a measurement: run with -Dlinli.measure=true");
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer");
    int n = Integer.getInteger("linli.measure.demands", 20_000);
    Db db = Db.postgres();
    try {
      EventStore store = EventStores.jdbc(db);
      String tenant = "lishan";
      MaslowTier[] tiers = MaslowTier.values();
      Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
      long load = System.nanoTime();
      for (int start = 0; start < n; start += 500) {
        AppendRequest r = null;
        for (int i = start; i < Math.min(n, start + 500); i++) {
          String id = String.format("d-%06d", i);
          Instant at = t0.plusSeconds(i);
          DemandRequest q = DemandRequest.builder().id(id).requester(ResidentId.of("r-" + (i % 3000))).text("x")
              .gridCell("G" + (i % 40)).build();
          List<io.github.linli.core.store.EventData> events = new ArrayList<>();
          events.add(DemandChange.submitted(q, at, "staff", "pd-" + i).encode());
          MaslowTier tier = tiers[i % tiers.length];
          if (i % 10 != 0) {
            events.add(DemandChange.classified(id, at.plusSeconds(1), "staff", tier, ServiceDomain.DAILY_LIVING, Urgency.HIGH,
                ResponseMapping.defaults().levelFor(tier), OptionalDouble.empty(), false).encode());
          }
          if (i % 3 == 0 && i % 10 != 0) {
            events.add(DemandChange.moved(DemandChange.Kind.UNMET, id, at.plusSeconds(2), "staff", null, OptionalInt.of(2)).encode());
          }
          StreamId s = StreamId.of(tenant, "demand", id);
          r = r == null ? AppendRequest.to(s, 0, events) : r.and(s, 0, events);
        }
        store.append(r);
      }
      int applied = DemandPages.jdbc(store, db).refresh(tenant);
      // the pages on one reused connection, as a portal's pool gives them (the test Db opens a new
      // physical connection per call, which alone costs more than the query)
      java.sql.Connection one = db.getConnection();
      javax.sql.DataSource pooled = pooled(one);
      DemandPages pages = DemandPages.jdbc(store, pooled);
      double loadS = (System.nanoTime() - load) / 1e9;
      db.exec("ANALYZE linli_demand_page");
      String[] cells = {null, "G7", "G23"};
      MaslowTier[] tierFilter = {null, MaslowTier.SAFETY};
      // warm up
      for (int i = 0; i < 200; i++) {
        pages.openNeeds(tenant, cells[i % 3], tierFilter[i % 2], null, 50);
      }
      int runs = 600;
      long[] first = new long[runs];
      long[] deep = new long[runs];
      int rows = 0;
      for (int i = 0; i < runs; i++) {
        String cell = cells[i % 3];
        MaslowTier tier = tierFilter[(i / 3) % 2];
        long a = System.nanoTime();
        List<DemandRow> p = pages.openNeeds(tenant, cell, tier, null, 50);
        first[i] = System.nanoTime() - a;
        String after = String.format("d-%06d", (i * 7919) % n);
        a = System.nanoTime();
        List<DemandRow> q = pages.openNeeds(tenant, cell, tier, after, 50);
        deep[i] = System.nanoTime() - a;
        rows += p.size() + q.size();
      }
      long[] resident = new long[runs];
      for (int i = 0; i < runs; i++) {
        long a = System.nanoTime();
        rows += pages.ofResident(tenant, ResidentId.of("r-" + (i % 3000)), null, 50).size();
        resident[i] = System.nanoTime() - a;
      }
      System.out.printf(Locale.ROOT, "[linli measure] %d demands (%d events) loaded and projected in %.1f s; rows read %d%n",
          n, applied, loadS, rows);
      report("openNeeds first page of 50", first);
      report("openNeeds page of 50 after an id", deep);
      report("ofResident page", resident);
      long[] fresh = new long[100];
      DemandPages unpooled = DemandPages.jdbc(store, db);
      for (int i = 0; i < fresh.length; i++) {
        long a = System.nanoTime();
        unpooled.openNeeds(tenant, "G7", null, null, 50);
        fresh[i] = System.nanoTime() - a;
      }
      report("openNeeds page of 50, a new connection per page (no pool)", fresh);
      try (java.sql.Statement st = one.createStatement(); java.sql.ResultSet r = st.executeQuery("EXPLAIN ANALYZE SELECT demand_id, requester,"
          + " grid_cell, state, tier, domain_id, urgency, created_at, updated_at FROM linli_demand_page WHERE tenant = 'lishan'"
          + " AND open_need = TRUE AND grid_cell = 'G7' AND demand_id > 'd-005000' ORDER BY demand_id LIMIT 50")) {
        while (r.next()) {
          System.out.println("[linli measure] plan: " + r.getString(1));
        }
      }
      one.close();
    } finally {
      db.drop();
    }
  }

  /** A data source that hands out one connection and ignores close(). */
  static javax.sql.DataSource pooled(java.sql.Connection c) {
    java.sql.Connection keep = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
        DemandPagesMeasure.class.getClassLoader(), new Class<?>[] {java.sql.Connection.class}, (proxy, m, args) -> {
          if (m.getName().equals("close")) {
            if (!c.getAutoCommit()) {
              c.rollback();
            }
            c.setAutoCommit(true);
            return null;
          }
          try {
            return m.invoke(c, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(DemandPagesMeasure.class.getClassLoader(),
        new Class<?>[] {javax.sql.DataSource.class}, (proxy, m, args) -> {
          if (m.getName().equals("getConnection")) {
            return keep;
          }
          throw new UnsupportedOperationException(m.getName());
        });
  }

  private static void report(String what, long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "[linli measure] %s: median %.3f ms, p95 %.3f ms, max %.3f ms (%d runs)%n", what,
        s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6, s.length);
  }
}

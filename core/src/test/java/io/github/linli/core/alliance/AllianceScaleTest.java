package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import io.github.linli.core.testing.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One command writes O(1) rows whatever the alliance's size (printed for the sample community at
 * scale 1 and 100), and the time to load the sample alliance from snapshot + tail on PostgreSQL
 * (printed; no timed assertion).
 */
class AllianceScaleTest {
  static final Actor ADMIN = SampleCommunity.administrator();

  /** The commands measured, each run once on an alliance built from the sample. */
  static Map<String, Consumer<Alliance>> commands() {
    Map<String, Consumer<Alliance>> c = new LinkedHashMap<>();
    c.put("apply", a -> a.apply(ADMIN, Member.builder().id(MemberId.of("m-new")).kind(MemberKind.MERCHANT)
        .name(Label.of("新店", "new shop")).community("lishan").contact(Contact.of("张三", "13800000000")).build()));
    c.put("admit", a -> a.admit(ADMIN, MemberId.of("m-new")));
    c.put("pledge", a -> a.pledge(ADMIN, Pledge.builder().id("p-new").member(MemberId.of("m-new")).title(Label.of("理发", "haircut"))
        .domain(ServiceDomain.DAILY_LIVING).addTier(MaslowTier.PHYSIOLOGICAL).price(PledgePrice.free()).capacity(50)
        .validity(io.github.linli.core.Period.of(a.today().minusDays(1), a.today().plusYears(1))).build()));
    c.put("issueCard", a -> a.issueCard(ADMIN, BenefitCard.builder().id("c-new").holder(ResidentId.of("r-new"))
        .birthDate(LocalDate.of(1950, 1, 1)).area("cell-1").validUntil(a.today().plusYears(1)).build()));
    c.put("recordUse", a -> a.recordUse(ADMIN, "c-new", "p-new"));
    c.put("recordDelivery", a -> a.recordDelivery(ADMIN, "p-new", 3));
    c.put("suspendCard", a -> a.suspendCard(ADMIN, "c-new"));
    c.put("revokeCard", a -> a.revokeCard(ADMIN, "c-new"));
    c.put("erasePersonalData", a -> a.erasePersonalData(ADMIN, ResidentId.of("r-new")));
    c.put("suspend", a -> a.suspend(ADMIN, MemberId.of("m-new")));
    return c;
  }

  /** Events appended per command (on JDBC each command also writes one command row and updates the tenant's head row). */
  static Map<String, Long> eventsPerCommand(Alliance a) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Consumer<Alliance>> c : commands().entrySet()) {
      long before = a.store().head(a.id());
      c.getValue().accept(a);
      out.put(c.getKey(), a.store().head(a.id()) - before);
    }
    return out;
  }

  /** Measures one scale; prints the line and returns the counts as text. */
  static String measure(int scale) {
    MutableClock clock = MutableClock.shanghai();
    Alliance a = SampleCommunity.generate(2026, scale).alliance(clock);
    String size = a.members().size() + " members, " + a.pledges().size() + " pledges, " + a.cards().size() + " cards, "
        + a.store().head(a.id()) + " events";
    Map<String, Long> events = eventsPerCommand(a);
    StringBuilder line = new StringBuilder("[linli alliance] rows written per command, sample community at scale " + scale
        + " (" + size + "): ");
    events.forEach((k, v) -> line.append(k).append(' ').append(v).append(" event").append(v == 1 ? "" : "s").append(" + 1 command row, "));
    line.append("each also updates 1 tenant-head row");
    System.out.println(line);
    return events.toString();
  }

  @Test
  void rowsPerCommand_areTheSameAtScale1And100() throws Exception {
    String one = measure(1);
    // scale 100 (500,000 residents, about a million events) needs more heap than the tests' JVM has
    Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx6g",
        "-cp", System.getProperty("java.class.path"), AllianceScaleTest.class.getName(), "100").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    for (String l : out.split("\n")) {
      if (l.startsWith("[linli")) {
        System.out.println(l);
      }
    }
    String hundred = out.lines().filter(l -> l.startsWith("counts ")).findFirst().orElseThrow(() -> new AssertionError(out));
    assertEquals("counts " + one, hundred, "rows per command do not grow with the alliance");
    for (String v : one.replaceAll("[{} ]", "").split(",")) {
      long n = Long.parseLong(v.split("=")[1]);
      assertEquals(true, n >= 1 && n <= 2, one);
    }
  }

  /** Measures a scale in its own JVM. */
  public static void main(String[] args) {
    System.out.println("counts " + measure(Integer.parseInt(args[0])));
    System.exit(0);
  }

  @Test
  void rowsPerCommand_onPostgres_countedInTheTables() throws Exception {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    Db db = Db.postgres();
    try {
      MutableClock clock = MutableClock.shanghai();
      EventStore store = EventStores.jdbc(db);
      AllianceSnapshot sample = SampleCommunity.generate(2026, 1).alliance(clock).snapshot();
      PersonalDataStore people = PersonalDataStore.inMemory(clock);
      Alliance.restore(sample, clock, store, people);
      Alliance a = Alliance.builder(sample.id(), clock).store(store).personalData(people).snapshotEvery(0).build();
      StringBuilder line = new StringBuilder("[linli alliance] rows inserted per command on PostgreSQL, sample at scale 1 ("
          + store.head(a.id()) + " events): ");
      for (Map.Entry<String, Consumer<Alliance>> c : commands().entrySet()) {
        long before = rows(db);
        c.getValue().accept(a);
        long n = rows(db) - before;
        line.append(c.getKey()).append(' ').append(n).append(", ");
        assertEquals(byCommand(c.getKey()) + 1, n, c.getKey() + " inserted " + n + " rows");
      }
      System.out.println(line.append("(events + the command row; snapshots off)"));
    } finally {
      db.drop();
    }
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static long byCommand(String command) {
    return command.equals("issueCard") || command.equals("revokeCard") ? 2 : 1;
  }

  static long rows(Db db) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM linli_event) + (SELECT count(*) FROM linli_command)"
            + " + (SELECT count(*) FROM linli_snapshot)")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void load_sampleAllianceFromSnapshotAndTail_onPostgres() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    Db db = Db.postgres();
    try {
      MutableClock clock = MutableClock.shanghai();
      EventStore store = EventStores.jdbc(db);
      AllianceSnapshot sample = SampleCommunity.generate(2026, 1).alliance(clock).snapshot();
      PersonalDataStore people = PersonalDataStore.inMemory(clock);
      Alliance a = Alliance.restore(sample, clock, store, people);
      a.saveSnapshots();
      Map<String, Long> tail = eventsPerCommand(a);
      long tailEvents = tail.values().stream().mapToLong(Long::longValue).sum();
      // a portal loads through a connection pool: one connection kept open stands for it here
      OneConnection pooled = new OneConnection(db);
      EventStore viaPool = EventStores.jdbc().dataSource(pooled).migrate(false).build();
      long[] ms = new long[9];
      Alliance loaded = null;
      for (int i = 0; i < ms.length; i++) {
        long t0 = System.nanoTime();
        loaded = Alliance.open(viaPool, a.id(), clock, people);
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
      }
      pooled.closeForGood();
      assertEquals(a.snapshot(), loaded.snapshot());
      assertEquals(tailEvents, loaded.eventsApplied());
      long[] sorted = ms.clone();
      Arrays.sort(sorted);
      int chars = 0;
      for (String s : List.of(MemberBook.SNAPSHOT, PledgeBook.SNAPSHOT, CardBook.SNAPSHOT)) {
        chars += store.snapshot(StreamId.of(a.id(), "snapshot", s)).orElseThrow().json().length();
      }
      System.out.println(String.format(Locale.ROOT, "[linli alliance] load of the sample alliance (%d members, %d pledges, %d cards,"
          + " %d events) from snapshots (%,d chars) + a tail of %d events on PostgreSQL: median %d ms, min %d ms, runs %s;"
          + " load average %s on %d cores",
          loaded.members().size(), loaded.pledges().size(), loaded.cards().size(), store.head(a.id()), chars, tailEvents,
          sorted[sorted.length / 2], sorted[0], Arrays.toString(ms), loadAverage(), Runtime.getRuntime().availableProcessors()));
      pooled = new OneConnection(db);
      viaPool = EventStores.jdbc().dataSource(pooled).migrate(false).build();
      List<Long> replay = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        Alliance.builder(a.id(), clock).store(new NoSnapshots(viaPool)).personalData(people).build();
        replay.add((System.nanoTime() - t0) / 1_000_000);
      }
      pooled.closeForGood();
      System.out.println("[linli alliance] the same alliance replayed from its first event (no snapshot): " + replay + " ms");
    } finally {
      db.drop();
    }
  }

  /** A data source that hands out one open connection again and again (a pool of one). */
  static final class OneConnection implements javax.sql.DataSource {
    private final Connection real;

    OneConnection(javax.sql.DataSource ds) {
      try {
        real = ds.getConnection();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    void closeForGood() {
      try {
        real.close();
      } catch (java.sql.SQLException ignored) {
        // closing
      }
    }

    @Override
    public Connection getConnection() {
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
              }
              return null;
            }
            try {
              return method.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String u, String p) {
      return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  /** A store that offers no snapshots, to time a full replay. */
  static class NoSnapshots implements EventStore {
    private final EventStore s;

    NoSnapshots(EventStore s) {
      this.s = s;
    }

    @Override
    public io.github.linli.core.store.AppendResult append(io.github.linli.core.store.AppendRequest r) {
      return s.append(r);
    }

    @Override
    public List<io.github.linli.core.store.RecordedEvent> read(StreamId stream, long after, int limit) {
      return s.read(stream, after, limit);
    }

    @Override
    public long version(StreamId stream) {
      return s.version(stream);
    }

    @Override
    public List<io.github.linli.core.store.RecordedEvent> feed(String tenant, long after, int limit) {
      return s.feed(tenant, after, limit);
    }

    @Override
    public List<io.github.linli.core.store.RecordedEvent> feed(String tenant, List<String> categories, long after, int limit) {
      return s.feed(tenant, categories, after, limit);
    }

    @Override
    public long head(String tenant) {
      return s.head(tenant);
    }

    @Override
    public Map<String, Long> heads() {
      return s.heads();
    }

    @Override
    public java.util.Optional<io.github.linli.core.store.AppendResult> findCommand(String tenant, String commandId) {
      return s.findCommand(tenant, commandId);
    }

    @Override
    public void saveSnapshot(io.github.linli.core.store.Snapshot snapshot) {}

    @Override
    public java.util.Optional<io.github.linli.core.store.Snapshot> snapshot(StreamId stream) {
      return java.util.Optional.empty();
    }
  }
}

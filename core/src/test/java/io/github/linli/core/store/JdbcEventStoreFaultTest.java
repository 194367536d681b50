package io.github.linli.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ConsistencyException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 14: what only a database store can get wrong: late commits, damaged rows, holes. */
class JdbcEventStoreFaultTest {
  private final List<Db> dbs = new ArrayList<>();
  private final String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);

  static Stream<String> databases() {
    return Db.postgresAnswers() ? Stream.of("h2", "postgres") : Stream.of("h2");
  }

  private Db db(String kind) {
    Db db = kind.equals("h2") ? Db.h2() : Db.postgres();
    dbs.add(db);
    return db;
  }

  @AfterEach
  void drop() {
    dbs.forEach(Db::drop);
  }

  /**
   * A transaction holds its events uncommitted while other writers queue behind it and a reader
   * polls the feed the whole time: the reader's mark never passes an event it has not seen.
   */
  @ParameterizedTest
  @MethodSource("databases")
  void feed_transactionHeldOpenMidAppend_readerNeverSkips(String kind) throws Exception {
    Db db = db(kind);
    JdbcEventStore slow = (JdbcEventStore) EventStores.jdbc(db);
    EventStore others = EventStores.jdbc(db);
    StreamId a = StreamId.of(tenant, "demand", "a");
    others.append(AppendRequest.to(a, 0, EventStoreContract.ev("First", 0)));

    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean once = new AtomicBoolean();
    slow.beforeCommit(() -> {
      if (once.compareAndSet(false, true)) {
        held.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    Thread t1 = new Thread(() -> slow.append(AppendRequest.to(StreamId.of(tenant, "demand", "slow"), 0,
        EventStoreContract.ev("Slow", 1), EventStoreContract.ev("Slow", 2))));
    t1.start();
    assertTrue(held.await(20, TimeUnit.SECONDS));

    AtomicInteger laterDone = new AtomicInteger();
    List<Thread> later = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      Thread t = new Thread(() -> {
        others.append(AppendRequest.to(StreamId.of(tenant, "demand", "fast-" + n), 0, EventStoreContract.ev("Fast", n)));
        laterDone.incrementAndGet();
      });
      t.start();
      later.add(t);
    }
    ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    Thread reader = new Thread(() -> {
      long mark = 0;
      while (!stop.get() || mark < 6) {
        for (RecordedEvent e : others.feed(tenant, mark, 100)) {
          if (e.position() != mark + 1) {
            problems.add("after " + mark + " the feed gave " + e.position());
          }
          mark = e.position();
          seen.add(mark);
        }
      }
    });
    reader.start();
    Thread.sleep(500);
    assertEquals(0, laterDone.get(), "later appends wait for the held transaction");
    assertEquals(List.of(1L), new ArrayList<>(seen), "the reader sees nothing uncommitted");
    release.countDown();
    t1.join(30_000);
    for (Thread t : later) {
      t.join(30_000);
    }
    stop.set(true);
    reader.join(30_000);
    assertFalse(reader.isAlive());
    assertTrue(problems.isEmpty(), problems::toString);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), new ArrayList<>(seen));
    assertEquals(List.of("First", "Slow", "Slow"), others.feed(tenant, 0, 3).stream().map(RecordedEvent::type).toList());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void read_damagedRow_consistencyErrorNamingTenantStreamVersion(String kind) {
    Db db = db(kind);
    EventStore s = EventStores.jdbc(db);
    StreamId m = StreamId.of(tenant, "member", "m-1");
    s.append(AppendRequest.to(m, 0, EventStoreContract.ev("Applied", 1)));
    db.exec("INSERT INTO linli_event (tenant, position, category, stream_id, version, type, type_version, data,"
        + " command_id, recorded_at) VALUES ('" + tenant + "', 2, 'member', 'm-1', 2, 'Admitted', 1, 'not json', 'x',"
        + " CURRENT_TIMESTAMP)");
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> s.readAll(m));
    assertTrue(e.getMessage().contains("tenant " + tenant) && e.getMessage().contains("member/m-1")
        && e.getMessage().contains("version 2"), e.getMessage());
    assertFalse(e.getMessage().contains("not json"), "the stored document is not echoed");
    assertThrows(ConsistencyException.class, () -> s.feed(tenant, 0, 10));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void read_streamWithHole_consistencyError(String kind) {
    Db db = db(kind);
    EventStore s = EventStores.jdbc(db);
    StreamId m = StreamId.of(tenant, "member", "m-1");
    s.append(AppendRequest.to(m, 0, EventStoreContract.ev("Applied", 1)));
    db.exec("INSERT INTO linli_event (tenant, position, category, stream_id, version, type, type_version, data,"
        + " command_id, recorded_at) VALUES ('" + tenant + "', 7, 'member', 'm-1', 3, 'Admitted', 1, '{}', 'x',"
        + " CURRENT_TIMESTAMP)");
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> s.readAll(m));
    assertTrue(e.getMessage().contains("version 2 is missing"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void snapshot_damaged_ignored(String kind) {
    Db db = db(kind);
    EventStore s = EventStores.jdbc(db);
    StreamId m = StreamId.of(tenant, "book", "all");
    s.saveSnapshot(Snapshot.of(m, 3, "Book", 1, "{}"));
    db.exec("UPDATE linli_snapshot SET type = 'bad type!' WHERE tenant = '" + tenant + "'");
    assertTrue(s.snapshot(m).isEmpty());
  }
}

package io.github.linli.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ConflictException;
import io.github.linli.core.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What every {@link EventStore} must do; each implementation's test subclasses this. */
abstract class EventStoreContract {
  /** A clock with nanoseconds, as Java clocks give them. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:30:15.123456789Z"), ZoneOffset.UTC);

  /** The store under test, on {@link #CLOCK}; fresh or shared, tests use their own tenants. */
  abstract EventStore store();

  final String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);

  static EventData ev(String type, int n) {
    return EventData.of(type, 1, "{\"n\":" + n + "}");
  }

  StreamId stream(String category, String id) {
    return StreamId.of(tenant, category, id);
  }

  @Test
  void append_newStream_numbersVersionsAndPositionsFromOne() {
    EventStore s = store();
    StreamId m = stream("member", "m-1");
    AppendResult r = s.append(AppendRequest.to(m, AppendRequest.NO_STREAM, ev("Applied", 1), ev("Admitted", 2)));
    assertFalse(r.duplicate());
    assertEquals(List.of(1L, 2L), r.events().stream().map(RecordedEvent::version).toList());
    assertEquals(List.of(1L, 2L), r.events().stream().map(RecordedEvent::position).toList());
    assertEquals(2, s.version(m));
    assertEquals(2, s.head(tenant));
    assertEquals(r.events(), s.readAll(m));
    assertEquals(Instant.parse("2026-12-07T08:30:15.123456Z"), s.readAll(m).get(0).recordedAt(),
        "timestamps are truncated to microseconds, once, at the store");
    assertEquals("{\"n\":2}", s.readAll(m).get(1).json());
    assertEquals("Admitted", s.readAll(m).get(1).type());
  }

  @Test
  void append_staleExpectedVersion_refusedAndNothingWritten() {
    EventStore s = store();
    StreamId m = stream("member", "m-1");
    s.append(AppendRequest.to(m, 0, ev("Applied", 1)));
    WrongExpectedVersionException e = assertThrows(WrongExpectedVersionException.class,
        () -> s.append(AppendRequest.to(m, 0, ev("Applied", 2))));
    assertEquals(0, e.expected());
    assertEquals(1, e.actual());
    assertTrue(e.getMessage().contains(tenant + "/member/m-1"), e.getMessage());
    assertEquals(1, s.version(m));
    assertEquals(1, s.head(tenant));
  }

  @Test
  void append_sameCommandIdTwice_secondIsDuplicateAndWritesNothing() {
    EventStore s = store();
    StreamId m = stream("member", "m-1");
    AppendRequest req = AppendRequest.to(m, 0, ev("Applied", 1)).commandId("cmd-1");
    AppendResult first = s.append(req);
    AppendResult again = s.append(req);
    assertTrue(again.duplicate());
    assertEquals(first.events(), again.events());
    assertEquals(1, s.head(tenant));
    assertEquals(first.events(), s.findCommand(tenant, "cmd-1").orElseThrow().events());
    assertTrue(s.findCommand(tenant, "cmd-2").isEmpty());
  }

  @Test
  void append_commandIdReusedForOtherStream_conflict() {
    EventStore s = store();
    s.append(AppendRequest.to(stream("member", "m-1"), 0, ev("Applied", 1)).commandId("cmd-1"));
    assertThrows(ConflictException.class,
        () -> s.append(AppendRequest.to(stream("member", "m-2"), 0, ev("Applied", 1)).commandId("cmd-1")));
    assertEquals(0, s.version(stream("member", "m-2")));
  }

  @Test
  void append_severalStreams_allOrNothing() {
    EventStore s = store();
    StreamId a = stream("member", "a");
    StreamId b = stream("member", "b");
    s.append(AppendRequest.to(b, 0, ev("Applied", 1)));
    assertThrows(WrongExpectedVersionException.class,
        () -> s.append(AppendRequest.to(a, 0, ev("Applied", 1)).and(b, 0, List.of(ev("Admitted", 2)))));
    assertEquals(0, s.version(a), "the first stream of a refused request got nothing");
    AppendResult r = s.append(AppendRequest.to(a, 0, ev("Applied", 1)).and(b, 1, List.of(ev("Admitted", 2))));
    assertEquals(List.of(2L, 3L), r.events().stream().map(RecordedEvent::position).toList());
    assertEquals(1, s.version(a));
    assertEquals(2, s.version(b));
  }

  @Test
  void append_conditionOnStreamReadButNotWritten() {
    EventStore s = store();
    StreamId parent = stream("member", "p");
    StreamId child = stream("member", "c");
    s.append(AppendRequest.to(parent, 0, ev("Applied", 1)));
    s.append(AppendRequest.to(parent, 1, ev("Expelled", 2)));
    assertThrows(WrongExpectedVersionException.class,
        () -> s.append(AppendRequest.to(child, 0, ev("Applied", 1)).expect(parent, 1)));
    assertEquals(0, s.version(child));
    s.append(AppendRequest.to(child, 0, ev("Applied", 1)).expect(parent, 2));
    assertEquals(1, s.version(child));
    assertEquals(2, s.version(parent), "a condition writes nothing to its stream");
  }

  @Test
  void append_categoryGotANewStreamAfterThePositionRead_refused() {
    EventStore s = store();
    s.append(AppendRequest.to(stream("card", "r-1"), 0, ev("Issued", 1)));
    long readUpTo = s.head(tenant);
    // another server issues a card on a NEW stream: no per-stream version would see it
    s.append(AppendRequest.to(stream("card", "r-2"), 0, ev("Issued", 2)));
    s.append(AppendRequest.to(stream("member", "m"), 0, ev("Applied", 3)));
    WrongExpectedVersionException e = assertThrows(WrongExpectedVersionException.class,
        () -> s.append(AppendRequest.to(stream("card", "r-3"), 0, ev("Issued", 3)).expectNoneAfter("card", readUpTo)));
    assertEquals(tenant + "/card/*", e.stream());
    assertEquals(2, e.actual());
    assertEquals(0, s.version(stream("card", "r-3")));
    s.append(AppendRequest.to(stream("card", "r-3"), 0, ev("Issued", 3)).expectNoneAfter("card", 2));
    assertEquals(1, s.version(stream("card", "r-3")), "events of other categories do not count");
  }

  @Test
  void append_anyVersion_appendsWherever() {
    EventStore s = store();
    StreamId m = stream("log", "x");
    s.append(AppendRequest.to(m, AppendRequest.ANY, ev("A", 1)));
    s.append(AppendRequest.to(m, AppendRequest.ANY, ev("A", 2)));
    assertEquals(2, s.version(m));
  }

  @Test
  void read_afterVersionAndLimit() {
    EventStore s = store();
    StreamId m = stream("member", "m");
    List<EventData> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(ev("E", i));
    }
    s.append(AppendRequest.to(m, 0, five));
    assertEquals(List.of(3L, 4L), s.read(m, 2, 2).stream().map(RecordedEvent::version).toList());
    assertEquals(List.of(), s.read(m, 5, 10));
    assertEquals(List.of(), s.read(stream("member", "none"), 0, 10));
    assertEquals(0, s.version(stream("member", "none")));
  }

  @Test
  void feed_isPerTenantGaplessAndFiltersCategories() {
    EventStore s = store();
    s.append(AppendRequest.to(stream("member", "m"), 0, ev("A", 1)));
    s.append(AppendRequest.to(stream("demand", "d"), 0, ev("B", 2)));
    s.append(AppendRequest.to(stream("member", "m"), 1, ev("C", 3)));
    StreamId other = StreamId.of(tenant + "-other", "member", "m");
    s.append(AppendRequest.to(other, 0, ev("X", 1)));
    assertEquals(List.of(1L, 2L, 3L), s.feed(tenant, 0, 100).stream().map(RecordedEvent::position).toList());
    assertEquals(List.of("C"), s.feed(tenant, 2, 100).stream().map(RecordedEvent::type).toList());
    assertEquals(List.of("A", "C"), s.feed(tenant, List.of("member"), 0, 100).stream().map(RecordedEvent::type).toList());
    assertEquals(List.of("A"), s.feed(tenant, List.of("member", "pledge"), 0, 1).stream().map(RecordedEvent::type).toList());
    assertEquals(3, s.heads().get(tenant));
    assertEquals(1, s.heads().get(tenant + "-other"));
    assertEquals(1, s.head(tenant + "-other"));
  }

  @Test
  void snapshot_keepsTheNewest() {
    EventStore s = store();
    StreamId m = stream("pledges", "all");
    assertTrue(s.snapshot(m).isEmpty());
    s.saveSnapshot(Snapshot.of(m, 5, "Book", 1, "{\"v\":5}"));
    s.saveSnapshot(Snapshot.of(m, 3, "Book", 1, "{\"v\":3}"));
    assertEquals(5, s.snapshot(m).orElseThrow().version());
    s.saveSnapshot(Snapshot.of(m, 9, "Book", 2, "{\"v\":9}"));
    assertEquals("{\"v\":9}", s.snapshot(m).orElseThrow().json());
    assertEquals(2, s.snapshot(m).orElseThrow().typeVersion());
  }

  @Test
  void badArguments_typedErrorsNamingTheField() {
    EventStore s = store();
    assertEquals("limit", assertThrows(ValidationException.class, () -> s.read(stream("a", "b"), 0, 0)).field());
    assertEquals("afterVersion", assertThrows(ValidationException.class, () -> s.read(stream("a", "b"), -1, 1)).field());
    assertEquals("afterPosition", assertThrows(ValidationException.class, () -> s.feed(tenant, -1, 1)).field());
    assertEquals("request", assertThrows(ValidationException.class, () -> s.append(null)).field());
    assertEquals("stream.category", assertThrows(ValidationException.class, () -> StreamId.of("t", "Bad Cat", "x")).field());
    assertEquals("tenant", assertThrows(ValidationException.class, () -> StreamId.of(" t", "c", "x")).field());
    assertEquals("event.json", assertThrows(ValidationException.class, () -> EventData.of("A", 1, "[1]")).field());
    assertEquals("expectedVersion", assertThrows(ValidationException.class,
        () -> AppendRequest.to(stream("a", "b"), -2, ev("A", 1))).field());
    assertEquals("stream", assertThrows(ValidationException.class,
        () -> AppendRequest.to(stream("a", "b"), 0, ev("A", 1)).expect(StreamId.of("other", "a", "b"), 0)).field());
    assertEquals("categories", assertThrows(ValidationException.class, () -> s.feed(tenant, List.of(), 0, 1)).field());
  }

  @Test
  void concurrentWriters_everyAcknowledgedEventOnceAndFeedGapless() throws Exception {
    EventStore s = store();
    StreamId m = stream("counter", "c");
    int threads = 4;
    int each = 25;
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int tt = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < each; i++) {
            String cmd = "w" + tt + "-" + i;
            while (true) {
              long v = s.version(m);
              try {
                s.append(AppendRequest.to(m, v, ev("Inc", i)).and(stream("side", "w" + tt), AppendRequest.ANY, List.of(ev("S", i))).commandId(cmd));
                acked.add(cmd);
                break;
              } catch (WrongExpectedVersionException e) {
                // another writer won: read again and retry
              }
            }
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      th.start();
      ts.add(th);
    }
    start.countDown();
    for (Thread th : ts) {
      th.join();
    }
    assertTrue(errors.isEmpty(), () -> errors.toString());
    List<RecordedEvent> all = s.readAll(m);
    assertEquals(threads * each, all.size());
    Set<String> cmds = new HashSet<>();
    for (RecordedEvent e : all) {
      assertTrue(cmds.add(e.commandId()), "no command applied twice");
    }
    assertEquals(new HashSet<>(acked), cmds);
    List<RecordedEvent> feed = new ArrayList<>();
    long after = 0;
    while (true) {
      List<RecordedEvent> page = s.feed(tenant, after, 37);
      if (page.isEmpty()) {
        break;
      }
      feed.addAll(page);
      after = page.get(page.size() - 1).position();
    }
    assertEquals(2L * threads * each, feed.size());
    for (int i = 0; i < feed.size(); i++) {
      assertEquals(i + 1, feed.get(i).position());
    }
  }
}

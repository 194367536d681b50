package io.github.linli.core.internal.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ConflictException;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command loop: decide on fresh state, append, apply; re-decide after losing a race. */
class FeedStateTest {
  private final Db db = Db.h2();

  @AfterEach
  void drop() {
    db.drop();
  }

  /** Seats: at most {@code capacity} taken; a seat once taken is refused. */
  static final class Seats extends FeedState {
    final int capacity;
    final Map<String, String> taken = new TreeMap<>();

    Seats(EventStore store, String tenant, int capacity) {
      super(store, tenant, List.of("seat", "hall"));
      this.capacity = capacity;
    }

    @Override
    protected void apply(RecordedEvent e) {
      if (e.stream().category().equals("seat")) {
        taken.put(e.stream().id(), e.json());
      }
    }

    String take(String seat, String who, String commandId) {
      return execute(commandId, () -> {
        if (taken.containsKey(seat)) {
          throw new ConflictException("seat " + seat + " is taken");
        }
        if (taken.size() >= capacity) {
          throw new ConflictException("full: " + taken.size());
        }
        StreamId s = StreamId.of(tenant, "seat", seat);
        AppendRequest r = AppendRequest.to(s, version(s), EventData.of("Taken", 1, "{\"who\":\"" + who + "\"}"));
        // the capacity rule counts the seats: a condition on the seats seen cannot see another server
        // take a new one, so every take also writes the hall's stream, which orders the takes
        StreamId hall = StreamId.of(tenant, "hall", "count");
        return r.and(hall, version(hall), List.of(EventData.of("Counted", 1, "{}")));
      }, events -> events.isEmpty() ? "" : events.get(0).json());
    }

    synchronized int size() {
      catchUp();
      return taken.size();
    }
  }

  @Test
  void twoServers_racingForCapacity_neverExceedItAndLoseNoAcknowledgedWrite() throws Exception {
    EventStore a = EventStores.jdbc(db);
    EventStore b = EventStores.jdbc(db);
    Seats sa = new Seats(a, "t1", 10);
    Seats sb = new Seats(b, "t1", 10);
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Seats mine = t % 2 == 0 ? sa : sb;
      int tt = t;
      Thread th = new Thread(() -> {
        for (int i = 0; i < 8; i++) {
          String seat = "s" + ((tt * 8 + i) % 16);
          try {
            mine.take(seat, "w" + tt, null);
            acked.add(seat);
          } catch (ConflictException e) {
            // taken or full: refused, nothing written
          }
        }
      });
      th.start();
      ts.add(th);
    }
    for (Thread th : ts) {
      th.join();
    }
    Seats fresh = new Seats(EventStores.jdbc(db), "t1", 10);
    assertEquals(10, fresh.size(), "capacity reached, never exceeded");
    assertEquals(new java.util.TreeSet<>(acked), fresh.taken.keySet(), "every acknowledged seat is stored, once");
    assertEquals(fresh.taken, refreshed(sa), "server A sees B's writes after catching up");
    assertEquals(fresh.taken, refreshed(sb));
  }

  private static Map<String, String> refreshed(Seats s) {
    s.catchUp();
    return s.taken;
  }

  @Test
  void repeatedCommandId_answeredFromTheRecord() {
    Seats s = new Seats(EventStores.jdbc(db), "t1", 10);
    assertEquals("{\"who\":\"ann\"}", s.take("s1", "ann", "req-1"));
    assertEquals("{\"who\":\"ann\"}", s.take("s1", "bob", "req-1"), "the retry gets the first answer");
    assertThrows(ConflictException.class, () -> s.take("s1", "bob", "req-2"));
    assertEquals(1, s.size());
  }

  @Test
  void projection_rebuildGivesTheSameRows() throws SQLException {
    EventStore store = EventStores.jdbc(db);
    db.exec("CREATE TABLE seat_rm (tenant VARCHAR(128), seat VARCHAR(128), who VARCHAR(200), PRIMARY KEY (tenant, seat))");
    TableProjection p = new TableProjection("seats", store, db, List.of("seat")) {
      @Override
      protected void handle(Connection c, RecordedEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO seat_rm VALUES (?, ?, ?)")) {
          ps.setString(1, e.stream().tenant());
          ps.setString(2, e.stream().id());
          ps.setString(3, e.json());
          ps.executeUpdate();
        }
      }

      @Override
      protected void clear(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM seat_rm WHERE tenant = ?")) {
          ps.setString(1, tenant);
          ps.executeUpdate();
        }
      }
    };
    Seats s = new Seats(store, "t1", 10);
    s.take("s1", "ann", null);
    s.take("s2", "bob", null);
    assertEquals(2, p.run("t1"));
    s.take("s3", "cy", null);
    assertEquals(1, p.run("t1"));
    assertEquals(0, p.run("t1"));
    List<String> before = rows();
    assertEquals(3, p.rebuild("t1"));
    assertEquals(before, rows());
    assertEquals(5, p.checkpoint("t1"), "the position of the last seat event (each take also writes the hall's stream)");
    assertTrue(before.size() == 3);
  }

  private List<String> rows() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT seat, who FROM seat_rm ORDER BY seat");
        ResultSet r = ps.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1) + "=" + r.getString(2));
      }
    }
    return out;
  }
}

package io.github.linli.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, faults: {@code kill -9} of a writing JVM, and immediate restarts of PostgreSQL in the
 * middle of appends. Clients retry a failed command with the same command id, as the docs tell
 * them; afterwards every acknowledged command is stored, each exactly once, and the feed is gapless.
 */
class StoreCrashTest {

  /** The child JVM: appends commands c{start}, c{start+1} … and prints each acknowledgement. */
  public static void main(String[] args) {
    Db db = Db.at(args[0], args[1]);
    String tenant = args[2];
    int start = Integer.parseInt(args[3]);
    EventStore store = EventStores.jdbc(db);
    for (int i = start; ; i++) {
      String cmd = "c" + i;
      store.append(request(tenant, cmd, i));
      System.out.println("acked " + cmd);
      System.out.flush();
    }
  }

  static AppendRequest request(String tenant, String cmd, int i) {
    return AppendRequest.to(StreamId.of(tenant, "demand", "d" + i), 0,
        EventStoreContract.ev("Submitted", i), EventStoreContract.ev("Classified", i), EventStoreContract.ev("Matched", i))
        .commandId(cmd);
  }

  @Test
  void killedWriterJvm_acknowledgedCommandsKeptAndRetriesApplyOnce() throws Exception {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer");
    Db db = Db.postgres();
    try {
      EventStores.jdbc(db);
      String tenant = "crash";
      Random random = new Random(7);
      Set<String> acked = ConcurrentHashMap.newKeySet();
      int next = 0;
      for (int round = 0; round < 3; round++) {
        Process child = ChildJvm.start(StoreCrashTest.class, db.url(), Db.pgUser(), tenant, Integer.toString(next));
        BufferedReader out = ChildJvm.output(child);
        int target = 20 + random.nextInt(40);
        int seen = 0;
        String line;
        StringBuilder log = new StringBuilder();
        int last = next - 1;
        while ((line = out.readLine()) != null) {
          log.append(line).append('\n');
          if (line.startsWith("acked c")) {
            acked.add(line.substring(6));
            last = Math.max(last, Integer.parseInt(line.substring(7)));
            if (++seen >= target) {
              break;
            }
          }
        }
        assertTrue(seen >= target, () -> "the child wrote:\n" + log);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        // the client retries what it had in flight (the next one or two) with the same ids
        EventStore store = EventStores.jdbc(db);
        for (int i = last + 1; i <= last + 2; i++) {
          store.append(request(tenant, "c" + i, i));
          acked.add("c" + i);
        }
        next = last + 3;
      }
      checkOnce(EventStores.jdbc(db), tenant, acked, 3);
    } finally {
      db.drop();
    }
  }

  @Test
  void postgresRestartedImmediatelyMidAppends_noAcknowledgedEventLostNoneDoubled() throws Exception {
    Assumptions.assumeTrue(PgCluster.available(), "no PostgreSQL server binaries on this machine");
    try (PgCluster pg = PgCluster.primary(null)) {
      EventStore store = EventStores.jdbc().dataSource(pg.db()).attempts(30).build();
      String tenant = "restart";
      Set<String> acked = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger clientRetries = new AtomicInteger();
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int tt = t;
        Thread w = new Thread(() -> {
          for (int i = 0; !stop.get(); i++) {
            int n = tt * 1_000_000 + i;
            String cmd = "c" + n;
            while (true) {
              try {
                store.append(request(tenant, cmd, n));
                acked.add(cmd);
                break;
              } catch (EventStoreException e) {
                clientRetries.incrementAndGet(); // retry the same command id, as the docs say
              }
            }
          }
        });
        w.start();
        writers.add(w);
      }
      for (int restart = 0; restart < 3; restart++) {
        int before = acked.size();
        while (acked.size() < before + 40) {
          Thread.sleep(10);
        }
        pg.stopImmediately();
        Thread.sleep(300);
        pg.start();
      }
      int before = acked.size();
      while (acked.size() < before + 40) {
        Thread.sleep(10);
      }
      stop.set(true);
      for (Thread w : writers) {
        w.join(120_000);
      }
      checkOnce(store, tenant, acked, 3);
      System.out.println("[linli restart] 3 immediate restarts, " + acked.size() + " commands acknowledged, "
          + clientRetries.get() + " client retries");
    }
  }

  private static void checkOnce(EventStore store, String tenant, Set<String> acked, int eventsPerCommand) {
    Map<String, Integer> perCommand = new HashMap<>();
    long expect = 1;
    for (List<RecordedEvent> page = store.feed(tenant, 0, 1000); !page.isEmpty();
        page = store.feed(tenant, page.get(page.size() - 1).position(), 1000)) {
      for (RecordedEvent e : page) {
        assertEquals(expect++, e.position(), "gapless feed");
        perCommand.merge(e.commandId(), 1, Integer::sum);
      }
    }
    for (String cmd : acked) {
      assertEquals(eventsPerCommand, perCommand.getOrDefault(cmd, 0), "acknowledged " + cmd + " stored once, whole");
    }
    for (Map.Entry<String, Integer> e : perCommand.entrySet()) {
      assertEquals(eventsPerCommand, e.getValue(), "command " + e.getKey() + " whole and once");
    }
  }
}

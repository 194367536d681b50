package io.github.linli.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 7: a PostgreSQL primary with a synchronous streaming replica, both clusters of the
 * test's own on loopback ports. Writers append while the replica serves the feed; the primary is
 * killed (-9) mid-append, the replica promoted: every acknowledged event is there, none twice, and
 * the writers' retries with the same command ids apply each command once.
 */
class ReplicaFailoverTest {
  @Test
  void killPrimaryPromoteSyncReplica_noAcknowledgedEventLostNoneDoubled() throws Exception {
    Assumptions.assumeTrue(PgCluster.available(), "no PostgreSQL server binaries on this machine");
    try (PgCluster primary = PgCluster.primary("replica1", "remote_apply");
        PgCluster replica = primary.replica("replica1")) {
      awaitSync(primary.db());
      String tenant = "lishan";
      EventStore onPrimary = EventStores.jdbc().dataSource(primary.db()).attempts(3).build();
      EventStore onReplica = EventStores.jdbc().dataSource(replica.db()).migrate(false).build();

      Map<String, AppendRequest> acked = new ConcurrentHashMap<>();
      Map<String, AppendRequest> inDoubt = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int tt = t;
        Thread w = new Thread(() -> {
          for (int i = 0; !stop.get(); i++) {
            String cmd = "w" + tt + "-" + i;
            AppendRequest r = AppendRequest.to(StreamId.of(tenant, "demand", "d" + tt + "-" + i), 0,
                EventStoreContract.ev("Submitted", i), EventStoreContract.ev("Classified", i)).commandId(cmd);
            try {
              onPrimary.append(r);
              acked.put(cmd, r);
            } catch (RuntimeException e) {
              inDoubt.put(cmd, r);
              return;
            }
          }
        });
        w.start();
        writers.add(w);
      }
      while (acked.size() < 150) {
        Thread.sleep(20);
      }
      // the replica serves reads: with remote_apply every acknowledged event is already visible there
      Set<String> snapshotOfAcked = Set.copyOf(acked.keySet());
      for (String cmd : snapshotOfAcked) {
        assertTrue(onReplica.findCommand(tenant, cmd).isPresent(), "acknowledged " + cmd + " visible on the replica");
      }
      primary.kill();
      stop.set(true);
      for (Thread w : writers) {
        w.join(120_000);
      }
      replica.promote();
      EventStore promoted = EventStores.jdbc(replica.db());

      for (String cmd : acked.keySet()) {
        assertTrue(promoted.findCommand(tenant, cmd).isPresent(), "acknowledged command " + cmd + " survived failover");
      }
      int resolvedAsDone = 0;
      for (Map.Entry<String, AppendRequest> e : inDoubt.entrySet()) {
        if (promoted.append(e.getValue()).duplicate()) {
          resolvedAsDone++;
        }
      }
      Map<String, Integer> perCommand = new HashMap<>();
      long expect = 1;
      for (List<RecordedEvent> page = promoted.feed(tenant, 0, 1000); !page.isEmpty();
          page = promoted.feed(tenant, page.get(page.size() - 1).position(), 1000)) {
        for (RecordedEvent ev : page) {
          assertEquals(expect++, ev.position(), "the feed is gapless after failover");
          perCommand.merge(ev.commandId(), 1, Integer::sum);
        }
      }
      for (Map.Entry<String, Integer> e : perCommand.entrySet()) {
        assertEquals(2, e.getValue(), "command " + e.getKey() + " applied exactly once (two events)");
      }
      assertEquals(acked.size() + inDoubt.size(), perCommand.size());
      System.out.println("[linli failover] acknowledged " + acked.size() + ", in doubt at the kill " + inDoubt.size()
          + " (of which already committed: " + resolvedAsDone + "), events after promotion " + (expect - 1));
    }
  }

  private static void awaitSync(Db primary) throws Exception {
    for (int i = 0; i < 300; i++) {
      try (Connection c = primary.getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT sync_state FROM pg_stat_replication")) {
        if (r.next() && "sync".equals(r.getString(1))) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the replica did not become synchronous");
  }
}

package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.store.ChildJvm;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Demands kept by two JVMs on one PostgreSQL schema, and by a JVM killed with {@code kill -9} in the
 * middle of submissions: every acknowledged submission and move is stored once, a retried command
 * id applies once, a race for one demand has one winner, and a killed submission retried with its
 * command id leaves no personal record behind without a demand.
 */
class DemandTwoJvmTest {
  static final String TENANT = "qinghe";
  static final int ROUNDS = 30;
  static final Protector PROTECTOR = Protector.aesGcm(new SecretKeySpec(new byte[16], "AES"));
  static final Actor STAFF = Actor.of("staff-1", Role.COORDINATOR);

  static DemandIntake open(Db db) {
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    return DemandIntake.open(EventStores.jdbc(db), TENANT, clock, PersonalDataStore.jdbc(db, TENANT, PROTECTOR, clock));
  }

  static DemandRequest request(String id, int resident) {
    return DemandRequest.builder().id(id).requester(ResidentId.of("r-" + resident)).text("楼道灯坏了，晚上看不见台阶 " + id)
        .gridCell("B" + (resident % 4)).build();
  }

  @Test
  void twoJvms_loseNothingAcknowledgedAndDoubleNothing() throws Exception {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    Db db = Db.postgres();
    try {
      DemandIntake intake = open(db);
      for (int j = 0; j < 10; j++) {
        intake.reclassify(STAFF, intake.submit(STAFF, request("s-" + j, j)), MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING,
            Urgency.NORMAL);
      }
      Process child = start(db, "race", "1");
      BufferedReader in = ChildJvm.output(child);
      List<String> childLines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null && !line.equals("ready")) {
        childLines.add(line);
      }
      List<String> mine = new ArrayList<>();
      race(open(db), 0, ChildJvm.lines(mine));
      while ((line = in.readLine()) != null) {
        childLines.add(line);
      }
      assertTrue(child.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue(), String.join("\n", childLines));
      assertTrue(childLines.contains("done"), String.join("\n", childLines));

      DemandIntake fresh = open(db);
      EventStore store = EventStores.jdbc(db);
      Set<String> submitted = new HashSet<>();
      Map<String, String> matchedBy = new HashMap<>();
      for (List<String> out : List.of(mine, childLines)) {
        for (String l : out) {
          String[] f = l.split(" ");
          if (f[0].equals("submitted")) {
            assertTrue(submitted.add(f[1]), "acknowledged twice as new: " + f[1]);
          } else if (f[0].equals("match") && f[3].equals("ok")) {
            assertEquals(null, matchedBy.put(f[1], f[2]), "two matches acknowledged for " + f[1]);
          }
        }
      }
      assertEquals(2 * ROUNDS, submitted.size());
      for (String id : submitted) {
        Demand d = fresh.find(STAFF, id).orElseThrow(() -> new AssertionError("lost: " + id));
        assertEquals(DemandState.SUBMITTED, d.state());
        assertTrue(d.text().endsWith(id), "its text is there and its own");
        assertEquals(1, store.version(StreamId.of(TENANT, "demand", id)), "submitted once though retried: " + id);
      }
      assertEquals(10, matchedBy.size(), "each shared demand matched by exactly one of the racers");
      for (Map.Entry<String, String> e : matchedBy.entrySet()) {
        Demand d = fresh.find(STAFF, e.getKey()).orElseThrow();
        assertEquals(DemandState.MATCHED, d.state());
        assertEquals(e.getValue(), d.assignee().orElseThrow(), "the acknowledged winner is the stored assignee");
        assertEquals(3, d.history().size(), "submitted, classified, matched once: " + e.getKey());
      }
    } finally {
      db.drop();
    }
  }

  @Test
  void killedJvm_acknowledgedSubmissionsKept_retriesApplyOnce_noOrphanPersonalRecords() throws Exception {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    Db db = Db.postgres();
    try {
      open(db); // migrate first, so the child does not race the parent to do it
      Random random = new Random(11);
      Set<String> acked = new HashSet<>();
      int next = 0;
      for (int round = 0; round < 3; round++) {
        Process child = start(db, "submit", Integer.toString(next));
        BufferedReader out = ChildJvm.output(child);
        int target = 10 + random.nextInt(25);
        int seen = 0;
        int last = next - 1;
        StringBuilder log = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
          log.append(line).append('\n');
          if (line.startsWith("acked k-")) {
            acked.add(line.substring(6));
            last = Math.max(last, Integer.parseInt(line.substring(8)));
            if (++seen >= target) {
              break;
            }
          }
        }
        assertTrue(seen >= target, () -> "the child wrote:\n" + log);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        // The child went on after the last acknowledgement we read, and was killed with one
        // submission in flight (after the highest stored one). The client retries everything it had
        // not seen acknowledged, up to and including that one, with the same command ids.
        DemandIntake retry = open(db);
        int stored = retry.ids().stream().mapToInt(x -> Integer.parseInt(x.substring(2))).max().orElse(-1);
        for (int i = last + 1; i <= stored + 1; i++) {
          retry.withCommandId("ksub-" + i).submit(STAFF, request("k-" + i, i));
          acked.add("k-" + i);
        }
        next = Math.max(last, stored) + 2;
      }
      DemandIntake fresh = open(db);
      EventStore store = EventStores.jdbc(db);
      for (String id : acked) {
        Demand d = fresh.find(STAFF, id).orElseThrow(() -> new AssertionError("lost: " + id));
        assertTrue(d.text().endsWith(id), id);
        assertEquals(1, store.version(StreamId.of(TENANT, "demand", id)), "once: " + id);
      }
      List<String> ids = fresh.ids();
      assertEquals(acked.size(), ids.size(), "no demand but the acknowledged and retried ones");
      try (Connection c = db.getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT record) FROM linli_personal_value WHERE tenant = '" + TENANT + "'")) {
        r.next();
        assertEquals(ids.size(), r.getInt(1), "one personal record per demand: a killed submission left none behind");
      }
    } finally {
      db.drop();
    }
  }

  private static Process start(Db db, String mode, String arg) throws java.io.IOException {
    return ChildJvm.start(DemandTwoJvmTest.class, db.schema(), mode, arg);
  }

  /** One process's commands: its own submissions (each retried), and a race for the shared demands. */
  static void race(DemandIntake intake, int process, PrintStream out) {
    for (int k = 0; k < ROUNDS; k++) {
      String id = "p" + process + "-" + k;
      Demand first = intake.withCommandId("sub-" + id).submit(STAFF, request(id, 100 * process + k));
      Demand again = intake.withCommandId("sub-" + id).submit(STAFF, request(id, 100 * process + k));
      if (!first.equals(again)) {
        throw new AssertionError("a retry answered differently: " + id);
      }
      out.println("submitted " + id);
      String shared = "s-" + (k % 10);
      String volunteer = "v-" + process;
      try {
        Demand d = intake.find(STAFF, shared).orElseThrow();
        intake.withCommandId("match-" + process + "-" + k).match(STAFF, d, volunteer);
        out.println("match " + shared + " " + volunteer + " ok");
      } catch (ConflictException e) {
        out.println("match " + shared + " " + volunteer + " conflict");
      }
    }
  }

  /** The other JVM: schema, mode ({@code race} process | {@code submit} first number). */
  public static void main(String[] args) {
    Db db = Db.postgres(args[0]);
    DemandIntake intake = open(db);
    if (args[1].equals("race")) {
      System.out.println("ready");
      System.out.flush();
      race(intake, Integer.parseInt(args[2]), System.out);
      System.out.println("done");
      System.out.flush();
      System.exit(0);
    }
    for (int i = Integer.parseInt(args[2]); ; i++) {
      intake.withCommandId("ksub-" + i).submit(STAFF, request("k-" + i, i));
      System.out.println("acked k-" + i);
      System.out.flush();
    }
  }
}

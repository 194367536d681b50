package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.ChildJvm;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs run alliance commands against one PostgreSQL schema at once: independent ones (each
 * registers its own members, records deliveries under a shared pledge, each retried with its
 * command id) and conflicting ones (both admit the same applicants, both issue cards to the same
 * residents). Afterwards nothing acknowledged is lost or doubled.
 */
class AllianceTwoJvmTest {
  static final Actor ADMIN = Actor.of("staff", Role.ALLIANCE_ADMIN);
  static final String TENANT = "lishan";
  static final int ROUNDS = 40;

  @Test
  void twoJvms_loseNothingAcknowledgedAndDoubleNothing() throws Exception {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    Db db = Db.postgres();
    try {
      EventStore store = EventStores.jdbc(db);
      Alliance a = open(store);
      for (int j = 0; j < 10; j++) {
        a.apply(ADMIN, member("a-" + j));
      }
      a.apply(ADMIN, member("m-shop"));
      a.admit(ADMIN, MemberId.of("m-shop"));
      a.pledge(ADMIN, Pledge.builder().id("p-shared").member(MemberId.of("m-shop")).title(Label.of("义诊", "clinic"))
          .domain(ServiceDomain.HEALTHCARE).addTier(MaslowTier.SAFETY).price(PledgePrice.free()).capacity(10)
          .validity(io.github.linli.core.Period.of(LocalDate.of(2020, 1, 1), LocalDate.of(2100, 1, 1))).build());

      Process child = ChildJvm.start(AllianceTwoJvmTest.class, db.schema(), "1");
      BufferedReader in = ChildJvm.output(child);
      List<String> childLines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null && !line.equals("ready")) {
        childLines.add(line);
      }
      List<String> mine = new ArrayList<>();
      PrintStream collect = ChildJvm.lines(mine);
      work(open(EventStores.jdbc(db)), 0, collect);
      while ((line = in.readLine()) != null) {
        childLines.add(line);
      }
      assertTrue(child.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue(), String.join("\n", childLines));
      assertTrue(childLines.contains("done"), String.join("\n", childLines));
      check(open(store), mine, childLines);
    } finally {
      db.drop();
    }
  }

  static void check(Alliance fresh, List<String> mine, List<String> theirs) {
    Set<String> members = new HashSet<>();
    Map<String, Integer> admitted = new HashMap<>();
    Map<String, String> cardOf = new HashMap<>();
    Set<String> deliveries = new HashSet<>();
    int lines = 0;
    for (List<String> out : List.of(mine, theirs)) {
      for (String l : out) {
        String[] f = l.split(" ");
        switch (f[0]) {
          case "member":
            members.add(f[1]);
            break;
          case "admit":
            if (f[2].equals("ok")) {
              admitted.merge(f[1], 1, Integer::sum);
            }
            break;
          case "card":
            if (f[3].equals("ok")) {
              assertEquals(null, cardOf.put(f[1], f[2]), "two cards acknowledged for " + f[1]);
            }
            break;
          case "delivery":
            assertTrue(deliveries.add(f[1]), "a command id acknowledged twice as new: " + f[1]);
            break;
          default:
            continue;
        }
        lines++;
      }
    }
    assertTrue(lines > 4 * ROUNDS, "both processes worked: " + lines);
    for (String m : members) {
      assertEquals(MemberStatus.APPLIED, fresh.status(MemberId.of(m)), m);
    }
    assertEquals(2 * ROUNDS, members.size());
    for (int j = 0; j < 10; j++) {
      String a = "a-" + j;
      assertEquals(1, admitted.getOrDefault(a, 0), "one admission acknowledged for " + a);
      assertEquals(2, fresh.history(MemberId.of(a)).size(), "admitted once: " + a);
    }
    assertEquals(10, cardOf.size());
    assertEquals(10, fresh.cards().size(), "one card per resident");
    for (BenefitCard c : fresh.cards()) {
      assertEquals(cardOf.get(c.holder().value()), c.id());
    }
    assertEquals(2 * ROUNDS, deliveries.size());
    assertEquals(2 * ROUNDS, fresh.deliveries("p-shared").size(), "every acknowledged delivery once, retries not doubled");
  }

  static Alliance open(EventStore store) {
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    return Alliance.open(store, TENANT, clock, PersonalDataStore.inMemory(clock));
  }

  static Member member(String id) {
    return Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of(id, id)).community("lishan").build();
  }

  /** The commands one process runs; prints what was acknowledged. */
  static void work(Alliance a, int process, PrintStream out) {
    for (int k = 0; k < ROUNDS; k++) {
      String m = "p" + process + "-" + k;
      a.withCommandId("apply-" + m).apply(ADMIN, member(m));
      out.println("member " + m);
      String applicant = "a-" + (k % 10);
      try {
        a.admit(ADMIN, MemberId.of(applicant));
        out.println("admit " + applicant + " ok");
      } catch (ConflictException e) {
        out.println("admit " + applicant + " conflict");
      }
      String resident = "r-" + (k % 10);
      String card = "c" + process + "-" + (k % 10);
      try {
        a.issueCard(ADMIN, BenefitCard.builder().id(card).holder(ResidentId.of(resident)).validUntil(LocalDate.of(2099, 1, 1)).build());
        out.println("card " + resident + " " + card + " ok");
      } catch (ConflictException e) {
        out.println("card " + resident + " " + card + " conflict");
      }
      String key = "d" + process + "-" + k;
      Delivery first = a.withCommandId(key).recordDelivery(ADMIN, "p-shared", 1);
      Delivery retried = a.withCommandId(key).recordDelivery(ADMIN, "p-shared", 1);
      if (!first.equals(retried)) {
        throw new AssertionError("a retry answered differently: " + key);
      }
      out.println("delivery " + key);
    }
  }

  /** The second JVM: schema, process number. */
  public static void main(String[] args) {
    Db db = Db.postgres(args[0]);
    Alliance a = open(EventStores.jdbc(db));
    System.out.println("ready");
    System.out.flush();
    work(a, Integer.parseInt(args[1]), System.out);
    System.out.println("done");
    System.out.flush();
    System.exit(0);
  }
}

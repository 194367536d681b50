package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.privacy.AccessRecord;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Purpose;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStores;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What the store-backed intake, its pages and the personal-data store must do on a database. */
abstract class StoredJdbcDemandContract extends StoredDemandContract {
  private PersonalDataStore personalData;

  abstract Db db();

  @Override
  PersonalDataStore personalData() {
    if (personalData == null) {
      personalData = PersonalDataStore.jdbc(db(), tenant, PROTECTOR, clock);
    }
    return personalData;
  }

  @Test
  void aNeedTextMovedToAnotherRecordOfTheSameResident_doesNotOpen() throws SQLException {
    DemandIntake live = open();
    live.submit(resident, request("d-1"));
    live.submit(resident, DemandRequest.builder().from(request("d-2")).text("楼道灯坏了").build());
    // someone with write access to the table copies d-1's stored text over d-2's
    try (Connection c = db().getConnection(); Statement st = c.createStatement()) {
      int moved = st.executeUpdate("UPDATE linli_personal_value SET protected = (SELECT v.protected FROM linli_personal_value v"
          + " WHERE v.tenant = '" + tenant + "' AND v.kind = 'NEED_TEXT' AND v.record <> linli_personal_value.record)"
          + " WHERE tenant = '" + tenant + "' AND kind = 'NEED_TEXT' AND record = (SELECT MAX(record) FROM linli_personal_value"
          + " WHERE tenant = '" + tenant + "' AND kind = 'NEED_TEXT')");
      assertEquals(1, moved);
    }
    DemandIntake fresh = open();
    List<String> opened = new ArrayList<>();
    int refused = 0;
    for (String id : List.of("d-1", "d-2")) {
      try {
        opened.add(fresh.find(coordinator, id).orElseThrow().text());
      } catch (io.github.linli.core.ConsistencyException e) {
        refused++;
        assertFalse(e.getMessage().contains("楼道") || e.getMessage().contains("王秀英"), e.getMessage());
      }
    }
    assertEquals(1, refused, "the moved value is refused, the other opens: " + opened.size());
    assertEquals(1, opened.size());
    assertTrue(opened.get(0).equals(TEXT) || opened.get(0).equals("楼道灯坏了"));
  }

  @Test
  void noTable_holdsAPlantedPersonalValueInClear() throws SQLException {
    DemandIntake live = open();
    Demand d = live.classify(coordinator, live.submit(resident, request("d-1")));
    live.match(coordinator, d, "v-3");
    personalData().put(coordinator, ResidentId.of("r-7"), PersonalDataKind.PHONE, "13912345678");
    personalData().put(coordinator, ResidentId.of("r-7"), PersonalDataKind.ADDRESS, "杭州市西湖区幸福里7号楼3单元502");
    DemandPages pages = DemandPages.jdbc(store(), db());
    pages.refresh(tenant);
    assertEquals(1, pages.openNeeds(tenant, "B2", null, null, 50).size());
    assertEquals("13912345678", personalData().read(coordinator, ResidentId.of("r-7"), PersonalDataKind.PHONE, Purpose.SERVICE_DELIVERY)
        .orElseThrow(), "the values are there, protected");
    int rows = 0;
    try (Connection c = db().getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet r = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (r.next()) {
          tables.add(r.getString("TABLE_NAME"));
        }
      }
      assertTrue(tables.size() >= 8, "every table of the schema: " + tables);
      for (String t : tables) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + t)) {
          int n = r.getMetaData().getColumnCount();
          while (r.next()) {
            rows++;
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              b.append(r.getString(i)).append('|');
            }
            assertNoPlantedValue(b.toString());
          }
        }
      }
    }
    assertTrue(rows > 10, "rows scanned: " + rows);
  }

  @Test
  void pages_queriesAndRebuildGiveTheSameRows() {
    DemandIntake live = open();
    DemandPages pages = DemandPages.jdbc(store(), db());
    for (int i = 0; i < 12; i++) {
      DemandRequest.Builder b = DemandRequest.builder().id(String.format("d-%02d", i)).requester(ResidentId.of(i % 3 == 0 ? "r-7" : "r-8"))
          .text(TEXT).gridCell(i % 2 == 0 ? "B2" : "C1");
      Demand d = live.submit(coordinator, b.build());
      if (i % 4 != 3) {
        d = live.reclassify(coordinator, d, i % 4 == 0 ? MaslowTier.SAFETY : MaslowTier.BELONGING, ServiceDomain.DAILY_LIVING, Urgency.HIGH);
      }
      if (i % 5 == 0) {
        live.withdraw(coordinator, d);
      }
    }
    assertEquals(12 + 9 + 3, pages.refresh(tenant));
    assertEquals(0, pages.refresh(tenant));
    List<DemandRow> b2 = pages.openNeeds(tenant, "B2", null, null, 50);
    assertEquals(List.of("d-02", "d-04", "d-06", "d-08"), b2.stream().map(DemandRow::id).toList());
    assertEquals(List.of("d-04", "d-08"), pages.openNeeds(tenant, "B2", MaslowTier.SAFETY, null, 50).stream().map(DemandRow::id).toList());
    List<DemandRow> first = pages.openNeeds(tenant, null, null, null, 3);
    List<DemandRow> second = pages.openNeeds(tenant, null, null, first.get(2).id(), 3);
    assertEquals(List.of("d-01", "d-02", "d-03"), first.stream().map(DemandRow::id).toList());
    assertEquals(List.of("d-04", "d-06", "d-07"), second.stream().map(DemandRow::id).toList());
    assertEquals(List.of("d-00", "d-05", "d-10"), pages.inState(tenant, DemandState.WITHDRAWN, null, null, 50).stream().map(DemandRow::id).toList());
    assertEquals(List.of("d-00", "d-03", "d-06", "d-09"), pages.ofResident(tenant, ResidentId.of("r-7"), null, 50).stream().map(DemandRow::id).toList());
    DemandRow six = pages.ofResident(tenant, ResidentId.of("r-7"), null, 50).get(2);
    Demand d6 = open().find(coordinator, "d-06").orElseThrow();
    assertEquals(d6.state(), six.state());
    assertEquals(d6.tier(), six.tier());
    assertEquals(d6.createdAt(), six.createdAt());
    assertEquals(d6.history().get(d6.history().size() - 1).at(), six.updatedAt());
    List<DemandRow> all = pages.ofResident(tenant, ResidentId.of("r-8"), null, 50);
    all.addAll(pages.ofResident(tenant, ResidentId.of("r-7"), null, 50));
    assertEquals(24, pages.rebuild(tenant));
    List<DemandRow> again = pages.ofResident(tenant, ResidentId.of("r-8"), null, 50);
    again.addAll(pages.ofResident(tenant, ResidentId.of("r-7"), null, 50));
    assertEquals(all, again, "a rebuild gives the same rows");
    assertEquals(store().head(tenant), pages.checkpoint(tenant));
  }

  @Test
  void pages_holdEveryTierUrgencyAndState() {
    DemandIntake live = open();
    DemandPages pages = DemandPages.jdbc(store(), db());
    int i = 0;
    for (MaslowTier tier : MaslowTier.values()) {
      for (Urgency urgency : Urgency.values()) {
        Demand d = live.submit(coordinator, request("t-" + i++));
        d = live.reclassify(coordinator, d, tier, ServiceDomain.CULTURE_SPORTS, urgency);
        if (i % 3 == 0) {
          live.startService(coordinator, live.match(coordinator, d));
        }
      }
    }
    pages.refresh(tenant);
    List<DemandRow> rows = pages.openNeeds(tenant, "B2", null, null, 500);
    assertEquals(i, rows.size());
    for (DemandRow r : rows) {
      Demand d = live.find(coordinator, r.id()).orElseThrow();
      assertEquals(List.of(d.state(), d.tier(), d.urgency(), d.domain().map(ServiceDomain::id)),
          List.of(r.state(), r.tier(), r.urgency(), r.domainId()));
    }
  }

  @Test
  void jdbcPersonalData_refusesAProtectorThatKeepsValuesInClear() {
    io.github.linli.core.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(io.github.linli.core.ValidationException.class,
        () -> PersonalDataStore.jdbc(db(), tenant, io.github.linli.core.privacy.Protector.inMemoryOnly(), clock));
    assertEquals("protector", e.field());
  }

  @Test
  void accessLog_isDurable() {
    DemandIntake live = open();
    live.submit(resident, request("d-1"));
    live.find(coordinator, "d-1");
    personalData().erase(committee, ResidentId.of("r-7"));
    List<AccessRecord> records = personalData().accessLog().records();
    PersonalDataStore reopened = PersonalDataStore.jdbc(db(), tenant, PROTECTOR, clock);
    assertEquals(records, reopened.accessLog().records(), "kept in the database, microseconds and all");
    assertEquals(3 + 3 + 1, records.size(), "three writes, three reads (find), one erasure: " + records);
    assertEquals(records, reopened.accessLog().about(ResidentId.of("r-7")));
    assertTrue(reopened.kindsHeld(ResidentId.of("r-7")).isEmpty());
    assertEquals(0, records.get(0).at().getNano() % 1000);
  }

  /**
   * Two servers (two stores, two intakes) on one database move the same demands at once: every
   * demand ends with exactly one of the two closing moves, the loser gets a conflict naming the
   * state it found after catching up, and nothing acknowledged is lost or applied twice.
   */
  @Test
  void twoServers_racingOnTheSameDemands_oneWinsAndNothingIsLost() throws Exception {
    DemandIntake a = DemandIntake.open(EventStores.jdbc(db()), tenant, clock, personalData());
    DemandIntake b = DemandIntake.open(EventStores.jdbc(db()), tenant, clock, personalData());
    int n = 12;
    for (int i = 0; i < n; i++) {
      Demand d = (i % 2 == 0 ? a : b).submit(coordinator, request("d-" + i));
      (i % 2 == 0 ? b : a).classify(coordinator, d);
    }
    Map<String, String> winners = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> conflicts = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      DemandIntake mine = t == 0 ? a : b;
      Actor actor = t == 0 ? coordinator : Actor.of("staff-2", Role.COORDINATOR);
      int tt = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < n; i++) {
            Demand stale = DemandIntake.create(clock).submit(coordinator, request("d-" + i));
            try {
              if (tt == 0) {
                mine.markUnmet(actor, stale, 2);
                winners.merge("d-" + i, "unmet", (x, y) -> x + "+" + y);
              } else {
                mine.withdraw(actor, stale);
                winners.merge("d-" + i, "withdrawn", (x, y) -> x + "+" + y);
              }
            } catch (ConflictException e) {
              conflicts.add(e.getMessage());
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      th.start();
      threads.add(th);
    }
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertTrue(failures.isEmpty(), failures.toString());
    assertEquals(n, winners.size(), "every demand closed once: " + winners);
    assertEquals(n, conflicts.size());
    for (String m : conflicts) {
      assertTrue(m.contains("UNMET") || m.contains("WITHDRAWN"), "names the state found: " + m);
      assertFalse(m.contains(TEXT.substring(0, 4)));
    }
    DemandIntake fresh = open();
    for (Map.Entry<String, String> w : winners.entrySet()) {
      Demand d = fresh.find(coordinator, w.getKey()).orElseThrow();
      assertEquals(w.getValue().equals("unmet") ? DemandState.UNMET : DemandState.WITHDRAWN, d.state(), w.getKey());
      assertEquals(3, d.history().size(), "submitted, classified, closed once");
      assertEquals(d, a.find(coordinator, w.getKey()).orElseThrow(), "server A sees it after catching up");
      assertEquals(d, b.find(coordinator, w.getKey()).orElseThrow());
    }
  }
}

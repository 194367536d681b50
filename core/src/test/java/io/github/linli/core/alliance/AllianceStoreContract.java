package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The alliance kept in an event store: one suite, run on the in-memory, H2 and PostgreSQL stores.
 * Each test uses a tenant of its own. Two {@link Alliance} objects on one store play two servers;
 * they share a personal-data store, as servers share the portal's.
 */
abstract class AllianceStoreContract {
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final Actor COMMITTEE = Actor.of("rc-1", Role.RESIDENTS_COMMITTEE);
  static final Actor RESIDENT = Actor.of("r-9", Role.RESIDENT);
  static final Period YEAR = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1));
  static final String PLANTED_NAME = "王建国Planted";
  static final String PLANTED_PHONE = "13912345678";

  final MutableClock clock = MutableClock.shanghai();
  final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
  final PersonalDataStore people = PersonalDataStore.inMemory(clock);

  /** The store under test (shared by the class; tests use their own tenant). */
  abstract EventStore store();

  Alliance server() {
    return Alliance.open(store(), tenant, clock, people);
  }

  static Member member(String id) {
    return Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of("店 " + id, "shop " + id)).community("lishan")
        .addRepresentative("rep-" + id).build();
  }

  static Pledge pledge(String id, String member) {
    return Pledge.builder().id(id).member(MemberId.of(member)).title(Label.of("理发", "haircut")).domain(ServiceDomain.DAILY_LIVING)
        .addTier(MaslowTier.PHYSIOLOGICAL).price(PledgePrice.free()).capacity(100).validity(YEAR).build();
  }

  static BenefitCard card(String id, String resident) {
    return BenefitCard.builder().id(id).holder(ResidentId.of(resident)).birthDate(LocalDate.of(1951, 2, 3))
        .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).area("cell-planted-7").validUntil(LocalDate.of(2027, 12, 31)).build();
  }

  // ------------------------------------------------------------------------------ lost writes

  @Test
  void twoServers_neitherLosesAnAcknowledgedWrite() {
    Alliance a = server();
    Alliance b = server();
    a.apply(ADMIN, member("m-bakery"));
    b.apply(ADMIN, member("m-clinic"));
    Alliance fresh = server();
    assertEquals(List.of("m-bakery", "m-clinic"), ids(fresh.members()));

    a.admit(ADMIN, MemberId.of("m-bakery"));
    a.pledge(ADMIN, pledge("p-bread", "m-bakery"));
    b.admit(ADMIN, MemberId.of("m-clinic"));
    b.pledge(ADMIN, pledge("p-check", "m-clinic"));
    assertEquals(List.of("p-bread", "p-check"), pledgeIds(b.pledges()), "B's next write caught up with A's pledge");
    assertEquals(List.of("p-bread", "p-check"), pledgeIds(server().pledges()));
    assertEquals(List.of("p-bread"), pledgeIds(a.pledges()), "A has not looked yet");
    a.refresh();
    assertEquals(List.of("p-bread", "p-check"), pledgeIds(a.pledges()));
  }

  @Test
  void twoServers_staleCommandDecidesAgainOnFreshState() {
    Alliance a = server();
    Alliance b = server();
    a.apply(ADMIN, member("m-1"));
    b.refresh();
    a.admit(ADMIN, MemberId.of("m-1"));
    // b still thinks m-1 applied: its admission catches up and is refused on the fresh state
    ConflictException e = assertThrows(ConflictException.class, () -> b.admit(ADMIN, MemberId.of("m-1")));
    assertTrue(e.getMessage().contains("ACTIVE"), e.getMessage());
    // b's suspension of a member a admitted succeeds on fresh state
    b.suspend(ADMIN, MemberId.of("m-1"));
    a.refresh();
    assertEquals(MemberStatus.SUSPENDED, a.status(MemberId.of("m-1")));
  }

  @Test
  void parentChange_racingWithAFollowersRegistration_reachesTheFollower() {
    Alliance a = server();
    a.apply(ADMIN, member("m-parent"));
    a.admit(ADMIN, MemberId.of("m-parent"));
    // server b decides to suspend the parent; between its decision and its append, server a
    // registers a sub-unit that follows the parent
    Runnable[] hook = {() -> a.apply(ADMIN, Member.builder().from(member("m-branch")).parent(MemberId.of("m-parent"))
        .followsParent(true).build())};
    EventStore racing = new AllianceScaleTest.NoSnapshots(store()) {
      @Override
      public io.github.linli.core.store.AppendResult append(AppendRequest r) {
        if (hook[0] != null) {
          Runnable h = hook[0];
          hook[0] = null;
          h.run();
        }
        return super.append(r);
      }
    };
    Alliance b = Alliance.open(racing, tenant, clock, people);
    b.suspend(ADMIN, MemberId.of("m-parent"));
    Alliance fresh = server();
    assertEquals(MemberStatus.SUSPENDED, fresh.status(MemberId.of("m-branch")), "the parent's change reached the new follower");
    assertEquals(3, fresh.history(MemberId.of("m-parent")).size());
  }

  @Test
  void concurrentConflictingCommands_oneSucceedsOneIsRefused() throws Exception {
    Alliance a = server();
    Alliance b = server();
    a.apply(ADMIN, member("m-1"));
    b.refresh();
    List<Object> admissions = race(() -> a.admit(ADMIN, MemberId.of("m-1")), () -> b.admit(ADMIN, MemberId.of("m-1")));
    assertOneWon(admissions);
    List<Object> cards = race(() -> a.issueCard(ADMIN, card("c-a", "r-1")), () -> b.issueCard(ADMIN, card("c-b", "r-1")));
    assertOneWon(cards);
    Alliance fresh = server();
    assertEquals(1, fresh.cards().size());
    assertEquals(2, fresh.history(MemberId.of("m-1")).size());
  }

  static void assertOneWon(List<Object> outcomes) {
    long won = outcomes.stream().filter(o -> !(o instanceof Throwable)).count();
    assertEquals(1, won, outcomes.toString());
    for (Object o : outcomes) {
      if (o instanceof Throwable) {
        assertTrue(o instanceof ConflictException, "a typed refusal, was " + o);
      }
    }
  }

  static List<Object> race(Callable<?> one, Callable<?> two) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> f = new ArrayList<>();
      for (Callable<?> c : List.of(one, two)) {
        f.add(pool.submit(() -> {
          start.await();
          try {
            return c.call();
          } catch (LinliException e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> x : f) {
        out.add(x.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------------- refused, retried

  @Test
  void refusedAdmission_changesNothingInMemoryOrInTheStore() {
    Alliance a = server();
    a.apply(ADMIN, member("m-1"));
    long head = store().head(tenant);
    String before = a.snapshot().toJson();
    assertThrows(PermissionDeniedException.class, () -> a.admit(RESIDENT, MemberId.of("m-1")));
    assertThrows(PermissionDeniedException.class, () -> a.issueCard(RESIDENT, card("c-1", "r-1")));
    assertThrows(ConflictException.class, () -> a.pledge(ADMIN, pledge("p-1", "m-1")));
    assertEquals(head, store().head(tenant));
    assertEquals(before, a.snapshot().toJson());
    assertEquals(before, server().snapshot().toJson());
    assertTrue(people.kindsHeld(ResidentId.of("card:c-1")).isEmpty(), "no personal value written for a refused card");
  }

  @Test
  void repeatedCommandId_appliesOnceOnAnyServer() {
    Alliance a = server();
    Alliance b = server();
    a.withCommandId("req-1").apply(ADMIN, member("m-1"));
    MembershipEvent first = a.withCommandId("req-2").admit(ADMIN, MemberId.of("m-1"));
    long head = store().head(tenant);
    MembershipEvent again = a.withCommandId("req-2").admit(ADMIN, MemberId.of("m-1"));
    MembershipEvent elsewhere = b.withCommandId("req-2").admit(ADMIN, MemberId.of("m-1"));
    assertEquals(first, again);
    assertEquals(first, elsewhere);
    assertEquals(head, store().head(tenant));
    a.withCommandId("req-3").pledge(ADMIN, pledge("p-1", "m-1"));
    a.withCommandId("req-4").issueCard(ADMIN, card("c-1", "r-1"));
    Delivery d1 = a.withCommandId("req-5").recordUse(ADMIN, "c-1", "p-1");
    Delivery d2 = b.withCommandId("req-5").recordUse(ADMIN, "c-1", "p-1");
    assertEquals(d1, d2);
    assertEquals(1, server().deliveries("p-1").size());
    assertThrows(ConflictException.class, () -> a.withCommandId("req-5").admit(ADMIN, MemberId.of("m-1")),
        "a key recorded for another command");
  }

  // ------------------------------------------------------------------------------- loading

  @Test
  void load_fromSnapshotAndTail_equalsLive() {
    Alliance a = Alliance.builder(tenant, clock).store(store()).personalData(people).snapshotEvery(0).build();
    busyDay(a);
    a.saveSnapshots();
    a.apply(ADMIN, member("m-late"));
    a.recordDelivery(ADMIN, "p-1", 3);
    Alliance loaded = server();
    assertEquals(a.snapshot(), loaded.snapshot());
    assertTrue(loaded.eventsApplied() <= 2, "only the tail is replayed: " + loaded.eventsApplied());
    assertEquals(a.figures("lishan").toString(), loaded.figures("lishan").toString());
    assertEquals(a.usageObservations("lishan", YEAR), loaded.usageObservations("lishan", YEAR));
  }

  void busyDay(Alliance a) {
    a.apply(ADMIN, member("m-1"));
    a.admit(ADMIN, MemberId.of("m-1"));
    Member branch = Member.builder().from(member("m-1b")).parent(MemberId.of("m-1")).followsParent(true).build();
    a.apply(ADMIN, branch);
    a.apply(ADMIN, Member.builder().from(member("m-2")).contact(Contact.of(PLANTED_NAME, PLANTED_PHONE)).build());
    a.pledge(ADMIN, pledge("p-1", "m-1"));
    a.issueCard(ADMIN, card("c-1", "r-1"));
    a.issueCard(COMMITTEE, card("c-2", "r-2"));
    a.recordUse(ADMIN, "c-1", "p-1");
    clock.advance(Duration.ofDays(1));
    a.recordUse(ADMIN, "c-2", "p-1");
    a.suspend(ADMIN, MemberId.of("m-1"));
    a.reinstate(ADMIN, MemberId.of("m-1"));
    a.suspendCard(ADMIN, "c-2");
    a.revokeCard(ADMIN, "c-2");
    a.issueCard(ADMIN, card("c-3", "r-2"));
    a.renewCard(ADMIN, "c-3", LocalDate.of(2028, 6, 30));
  }

  @Test
  void load_ofAnOlderDeliveryVersion_upcastsIt() {
    Alliance a = server();
    a.apply(ADMIN, member("m-1"));
    a.admit(ADMIN, MemberId.of("m-1"));
    a.pledge(ADMIN, pledge("p-1", "m-1"));
    StreamId s = StreamId.of(tenant, "pledge", "p-1");
    // a row as version 1 wrote it: no day (readers took the day of the instant in their zone)
    store().append(AppendRequest.to(s, 1, EventData.of("DeliveryRecorded", 1,
        "{\"cardId\":null,\"units\":4,\"actorId\":\"staff-1\",\"at\":\"2026-11-30T17:00:00Z\"}")));
    Alliance loaded = server();
    assertEquals(4, loaded.fulfilment("p-1", Period.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))).delivered(),
        "17:00Z on 30 November is 1 December in Shanghai");
    assertEquals(1, loaded.deliveries("p-1").size());
  }

  @Test
  void load_ofAnUnknownEventType_failsNamingTenantStreamAndVersion() {
    Alliance a = server();
    a.apply(ADMIN, member("m-1"));
    StreamId s = StreamId.of(tenant, "member", "m-1");
    store().append(AppendRequest.to(s, 1, EventData.of("MembershipChanged", 7, "{}")));
    ConsistencyException e = assertThrows(ConsistencyException.class, this::server);
    assertTrue(e.getMessage().contains(tenant) && e.getMessage().contains("member/m-1") && e.getMessage().contains("version 2"),
        e.getMessage());
  }

  @Test
  void load_ofADamagedEvent_failsWithoutShowingPersonalValues() {
    StreamId s = StreamId.of(tenant, "card", "c-1");
    store().append(AppendRequest.to(s, 0, EventData.of("CardIssued", 1,
        "{\"holder\":\"r-1\",\"validUntil\":\"31/12/2027\",\"actorId\":\"a\",\"at\":\"2026-11-30T17:00:00Z\"}")));
    ConsistencyException e = assertThrows(ConsistencyException.class, this::server);
    assertTrue(e.getMessage().contains("card/c-1") && e.getMessage().contains("validUntil"), e.getMessage());
  }

  // ------------------------------------------------------------------------------- personal data

  @Test
  void eventsAndSnapshots_holdNoPersonalValue() {
    Alliance a = server();
    busyDay(a);
    a.saveSnapshots();
    assertEquals(Optional.of(Contact.of(PLANTED_NAME, PLANTED_PHONE)), a.member(MemberId.of("m-2")).contact());
    assertEquals(Optional.of(LocalDate.of(1951, 2, 3)), a.card("c-1").birthDate());
    List<String> stored = new ArrayList<>();
    for (RecordedEvent e : store().feed(tenant, 0, EventStore.MAX_READ)) {
      stored.add(e.json());
    }
    for (String name : List.of(MemberBook.SNAPSHOT, PledgeBook.SNAPSHOT, CardBook.SNAPSHOT)) {
      stored.add(store().snapshot(StreamId.of(tenant, "snapshot", name)).orElseThrow().json());
    }
    for (String json : stored) {
      for (String planted : List.of(PLANTED_NAME, PLANTED_PHONE, "1951-02-03", "ELDERLY_LIVING_ALONE", "cell-planted-7")) {
        assertFalse(json.contains(planted), "a personal value in " + json.substring(0, Math.min(80, json.length())));
      }
    }
    Alliance loaded = server();
    assertEquals(Optional.of(Contact.of(PLANTED_NAME, PLANTED_PHONE)), loaded.member(MemberId.of("m-2")).contact(),
        "the contact comes back from the personal-data store");
    assertEquals(a.card("c-1"), loaded.card("c-1"));
  }

  @Test
  void erasure_leavesEveryStreamReplayableAndEveryFigureUnchanged() {
    Alliance a = server();
    busyDay(a);
    var figures = a.figures("lishan").toString();
    var observations = a.usageObservations("lishan", YEAR);
    var events = a.events();
    var deliveries = a.deliveries("p-1");
    assertEquals(1, a.erasePersonalData(Actor.of("r-1", Role.RESIDENT), ResidentId.of("r-1")));
    assertTrue(a.eraseContact(ADMIN, MemberId.of("m-2")));
    assertTrue(people.kindsHeld(ResidentId.of("card:c-1")).isEmpty());
    for (Alliance x : List.of(a, server())) {
      assertEquals(Optional.empty(), x.card("c-1").birthDate());
      assertEquals(Optional.empty(), x.member(MemberId.of("m-2")).contact());
      assertEquals(Optional.of(LocalDate.of(1951, 2, 3)), x.card("c-3").birthDate(), "another resident's card keeps its facts");
      assertEquals(figures, x.figures("lishan").toString());
      assertEquals(observations, x.usageObservations("lishan", YEAR));
      assertEquals(events, x.events());
      assertEquals(deliveries, x.deliveries("p-1"));
    }
    assertEquals(0, server().erasePersonalData(ADMIN, ResidentId.of("r-1")));
  }

  @Test
  void restore_intoAStore_importsAnExportedAlliance() {
    Alliance a = Alliance.create("elsewhere", clock);
    busyDay(a);
    AllianceSnapshot exported = a.snapshot();
    AllianceSnapshot renamed = AllianceSnapshot.builder().from(exported).id(tenant).build();
    Alliance imported = Alliance.restore(renamed, clock, store(), people);
    assertEquals(renamed, imported.snapshot());
    assertEquals(renamed, server().snapshot());
    assertThrows(ConflictException.class, () -> Alliance.restore(renamed, clock, store(), people));
    assertSame(store(), imported.store());
    assertNotNull(imported.personalData());
  }

  static List<String> ids(List<Member> members) {
    List<String> out = new ArrayList<>();
    members.forEach(m -> out.add(m.id().value()));
    return out;
  }

  static List<String> pledgeIds(List<Pledge> pledges) {
    List<String> out = new ArrayList<>();
    pledges.forEach(p -> out.add(p.id()));
    return out;
  }
}

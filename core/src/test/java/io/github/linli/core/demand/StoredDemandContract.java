package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * What a store-backed {@link DemandIntake} must do on every event store: each implementation's test
 * subclasses this (in memory, H2, PostgreSQL).
 */
abstract class StoredDemandContract {
  /** Planted personal values: none may appear in any event, snapshot or read-model row. */
  static final String TEXT = "我是王秀英，电话13912345678，住幸福里7号楼，独居，腿脚不便需要送餐";
  static final GeoPoint POINT = GeoPoint.of(30.2741234567, 120.1551987654);
  static final Set<HouseholdFlag> FLAGS = Set.of(HouseholdFlag.values()[0], HouseholdFlag.values()[1]);
  static final Protector PROTECTOR = Protector.aesGcm(new SecretKeySpec(new byte[16], "AES"));

  final Actor resident = Actor.of("r-7", Role.RESIDENT);
  final Actor coordinator = Actor.of("staff-1", Role.COORDINATOR);
  final Actor committee = Actor.of("rc-1", Role.RESIDENTS_COMMITTEE);
  final Actor volunteer = Actor.of("v-3", Role.VOLUNTEER);
  final String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);

  /** A clock with nanoseconds, as Java clocks give them. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:30:15.123456789Z"));

  abstract EventStore store();

  /** The personal-data store of {@link #tenant}, fresh for each test. */
  abstract PersonalDataStore personalData();

  DemandIntake open() {
    return DemandIntake.open(store(), tenant, clock, personalData());
  }

  DemandRequest request(String id) {
    return DemandRequest.builder().id(id).requester(ResidentId.of("r-7")).text(TEXT).point(POINT).gridCell("B2")
        .wanted(TimeWindow.of(Instant.parse("2026-12-08T03:00:00.987654321Z"), Duration.ofHours(2)))
        .householdFlags(FLAGS).build();
  }

  @Test
  void lifecycle_loadedEqualsLive_withNanosecondClock() {
    DemandIntake live = open();
    Demand d = live.submit(resident, request("d-1"));
    assertEquals(TEXT, d.text());
    assertEquals(POINT, d.point().orElseThrow());
    assertEquals(FLAGS, d.householdFlags());
    assertEquals(0, d.createdAt().getNano() % 1000, "microseconds");
    clock.advance(Duration.ofNanos(1_234_567_891L));
    d = live.classify(coordinator, d);
    clock.advance(Duration.ofNanos(777));
    d = live.match(coordinator, d, "v-3");
    clock.advance(Duration.ofSeconds(30).plusNanos(5));
    d = live.startService(volunteer, d);
    clock.advance(Duration.ofMinutes(40).plusNanos(999));
    d = live.fulfil(volunteer, d, 5);
    assertEquals(DemandState.FULFILLED, d.state());
    assertEquals(Set.of(), d.householdFlags(), "the volunteer's answer holds no household facts (access policy)");
    Demand loaded = open().find(coordinator, "d-1").orElseThrow();
    assertEquals(live.find(coordinator, "d-1").orElseThrow(), loaded);
    assertEquals(Demand.builder().from(loaded).householdFlags(Set.of()).build(), d);
    assertEquals(d.history(), loaded.history());
    assertEquals(d.closedAt(), loaded.closedAt());
    assertEquals(List.of("d-1"), open().ids());
  }

  /** Issue 15: a matched demand whose place was released returns to the queue; loaded equals live. */
  @Test
  void returnToQueue_keepsTheHistory_clearsTheAssignee_andLoadsEqual() {
    DemandIntake live = open();
    Demand d = live.classify(coordinator, live.submit(resident, request("d-1")));
    d = live.match(coordinator, d, "v-3");
    clock.advance(Duration.ofMinutes(5));
    d = live.returnToQueue(coordinator, d);
    assertEquals(DemandState.CLASSIFIED, d.state());
    assertTrue(d.assignee().isEmpty(), "the released assignee no longer serves it");
    assertEquals(List.of(DemandState.SUBMITTED, DemandState.CLASSIFIED, DemandState.MATCHED, DemandState.CLASSIFIED),
        d.history().stream().map(DemandEvent::state).toList());
    d = live.match(coordinator, d, "v-4");
    assertEquals("v-4", d.assignee().orElseThrow());
    Demand loaded = open().find(coordinator, "d-1").orElseThrow();
    assertEquals(d, loaded);
    Demand matched = d;
    assertThrows(ConflictException.class, () -> live.classify(coordinator, matched), "a matched demand is not classified again");
    long before = store().version(io.github.linli.core.store.StreamId.of(tenant, "demand", "d-1"));
    Demand started = live.startService(coordinator, d);
    ConflictException e = assertThrows(ConflictException.class, () -> live.returnToQueue(coordinator, started));
    assertTrue(e.getMessage().contains("IN_SERVICE"), e.getMessage());
    assertEquals(before + 1, store().version(io.github.linli.core.store.StreamId.of(tenant, "demand", "d-1")), "the refusal wrote nothing");
  }

  @Test
  void personalFields_areReadAsTheAccessPolicyAllows_andEveryReadIsLogged() {
    DemandIntake live = open();
    Demand d = live.classify(coordinator, live.submit(resident, request("d-1")));
    live.match(coordinator, d, "v-3");
    Demand byStaff = open().find(coordinator, "d-1").orElseThrow();
    assertEquals(TEXT, byStaff.text());
    assertEquals(FLAGS, byStaff.householdFlags());
    Demand byVolunteer = open().find(volunteer, "d-1").orElseThrow();
    assertEquals(TEXT, byVolunteer.text(), "the volunteer reads what the need is");
    assertEquals(POINT, byVolunteer.point().orElseThrow(), "and where");
    assertEquals(Set.of(), byVolunteer.householdFlags(), "but not the household's facts");
    Demand bySelf = open().find(resident, "d-1").orElseThrow();
    assertEquals(FLAGS, bySelf.householdFlags(), "the resident reads all of their own");
    var log = personalData().accessLog().about(ResidentId.of("r-7"));
    assertTrue(log.stream().anyMatch(r -> r.actorId().equals("v-3") && r.kind().orElse(null) == PersonalDataKind.HOUSEHOLD_FLAGS
        && !r.allowed() && r.purpose() == io.github.linli.core.privacy.Purpose.CASE_HANDLING), "the refused read is logged");
    assertTrue(log.stream().anyMatch(r -> r.actorId().equals("v-3") && r.kind().orElse(null) == PersonalDataKind.NEED_TEXT
        && r.allowed()));
    assertTrue(log.stream().anyMatch(r -> r.actorId().equals("r-7")
        && r.purpose() == io.github.linli.core.privacy.Purpose.SUBJECT_ACCESS && r.allowed()));
  }

  @Test
  void repeatedCommandId_appliesOnce() {
    DemandIntake live = open();
    Demand d = live.withCommandId("req-1").submit(resident, request("d-1"));
    Demand again = live.withCommandId("req-1").submit(resident, request("d-1"));
    assertEquals(d, again, "the retry answers with the demand, not a conflict");
    Demand c = live.withCommandId("req-2").classify(coordinator, d);
    clock.advance(Duration.ofMinutes(1));
    Demand c2 = open().withCommandId("req-2").classify(coordinator, d);
    assertEquals(c, c2, "another server answers the retry from the record");
    assertEquals(2, store().version(StreamId.of(tenant, "demand", "d-1")), "submitted and classified once each");
  }

  @Test
  void refusedCommands_changeNothing() {
    DemandIntake live = open();
    Demand d = live.submit(resident, request("d-1"));
    long head = store().head(tenant);
    int kinds = personalData().kindsHeld(ResidentId.of("r-7")).size();
    assertThrows(PermissionDeniedException.class, () -> live.classify(resident, d));
    assertThrows(PermissionDeniedException.class, () -> live.submit(Actor.of("r-8", Role.RESIDENT), request("d-2")));
    ConflictException c = assertThrows(ConflictException.class, () -> live.match(coordinator, d));
    assertTrue(c.getMessage().contains("SUBMITTED"), c.getMessage());
    ConflictException dup = assertThrows(ConflictException.class, () -> live.submit(coordinator, request("d-1")));
    assertTrue(dup.getMessage().contains("SUBMITTED"), dup.getMessage());
    assertFalse(dup.getMessage().contains(TEXT.substring(0, 4)));
    assertThrows(NotFoundException.class, () -> live.classify(coordinator, DemandIntake.create(clock).submit(resident, request("d-9"))));
    assertEquals(head, store().head(tenant), "nothing appended");
    assertEquals(kinds, personalData().kindsHeld(ResidentId.of("r-7")).size());
    assertEquals(d, open().find(coordinator, "d-1").orElseThrow());
  }

  @Test
  void staleDemandObject_decidesOnTheStoredState() {
    DemandIntake a = open();
    DemandIntake b = open();
    Demand d = a.submit(resident, request("d-1"));
    Demand classified = a.classify(coordinator, d);
    b.withdraw(resident, classified);
    ConflictException e = assertThrows(ConflictException.class, () -> a.match(coordinator, classified));
    assertTrue(e.getMessage().contains("WITHDRAWN"), "names the state found after catching up: " + e.getMessage());
  }

  @Test
  void events_holdNoPersonalValue() {
    DemandIntake live = open();
    Demand d = live.classify(coordinator, live.submit(resident, request("d-1")));
    live.withdraw(resident, d);
    List<RecordedEvent> events = store().feed(tenant, 0, 1000);
    assertEquals(3, events.size());
    for (RecordedEvent e : events) {
      assertNoPlantedValue(e.json());
    }
  }

  static void assertNoPlantedValue(String text) {
    for (String planted : List.of(TEXT, "13912345678", "幸福里", "30.274", "120.155", FLAGS.iterator().next().name())) {
      assertFalse(text.contains(planted), "a planted personal value is stored in clear: " + planted);
    }
  }

  @Test
  void erasure_leavesStreamsReplayableAndFiguresUnchanged() {
    DemandIntake live = open();
    for (int i = 0; i < 6; i++) {
      Demand d = live.submit(coordinator, request("d-" + i));
      if (i % 2 == 0) {
        d = live.classify(coordinator, d);
      }
      if (i % 3 == 0) {
        live.withdraw(coordinator, d);
      }
    }
    Period period = Period.of(java.time.LocalDate.parse("2026-12-01"), java.time.LocalDate.parse("2026-12-31"));
    DemandMap before = DemandMap.of(loadAll(), period, ZoneOffset.UTC);
    assertEquals(6 * 3, personalData().erase(committee, ResidentId.of("r-7")), "text, location and flags of six demands");
    List<Demand> after = loadAll();
    assertEquals(6, after.size(), "every stream still replays");
    for (Demand d : after) {
      assertEquals("", d.text());
      assertTrue(d.point().isEmpty());
      assertTrue(d.householdFlags().isEmpty());
    }
    DemandMap map = DemandMap.of(after, period, ZoneOffset.UTC);
    assertEquals(before.toCsv(), map.toCsv(), "figures unchanged");
    assertEquals(before.observations("lishan"), map.observations("lishan"));
    assertTrue(before.total() == 6 && before.unclassified() > 0);
    ConflictException e = assertThrows(ConflictException.class, () -> live.classify(coordinator, after.get(1)));
    assertTrue(e.getMessage().contains("erased"), e.getMessage());
    Demand manual = live.reclassify(coordinator, after.get(1), MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING, Urgency.HIGH);
    assertEquals(DemandState.CLASSIFIED, manual.state());
  }

  List<Demand> loadAll() {
    DemandIntake fresh = open();
    return fresh.ids().stream().map(id -> fresh.find(coordinator, id).orElseThrow()).toList();
  }

  @Test
  void olderEventVersion_isUpcast() {
    DemandIntake live = open();
    live.submit(resident, request("d-1"));
    StreamId s = StreamId.of(tenant, "demand", "d-1");
    // a DemandClassified v1 row, written by hand: no response level (it was the default mapping's)
    String v1 = "{\"tier\":\"PHYSIOLOGICAL\",\"domain\":\"DAILY_LIVING\",\"domainZh\":\"生活服务\",\"domainEn\":\"daily living\","
        + "\"domainParent\":null,\"urgency\":\"HIGH\",\"confidence\":0.75,\"needsReview\":false,"
        + "\"at\":\"2026-12-07T09:00:00.000001Z\",\"actor\":\"staff-1\"}";
    store().append(AppendRequest.to(s, 1, EventData.of("DemandClassified", 1, v1)));
    Demand d = open().find(coordinator, "d-1").orElseThrow();
    assertEquals(DemandState.CLASSIFIED, d.state());
    assertEquals(MaslowTier.PHYSIOLOGICAL, d.tier().orElseThrow());
    assertEquals(ServiceDomain.DAILY_LIVING, d.domain().orElseThrow());
    assertEquals(ResponseMapping.defaults().levelFor(MaslowTier.PHYSIOLOGICAL), d.responseLevel().orElseThrow());
    assertEquals(0.75, d.confidence().getAsDouble());
    assertEquals(Instant.parse("2026-12-07T09:00:00.000001Z"), d.history().get(1).at());
  }

  @Test
  void unknownEventVersion_isAConsistencyErrorNamingTenantStreamAndVersion() {
    DemandIntake live = open();
    live.submit(resident, request("d-1"));
    StreamId s = StreamId.of(tenant, "demand", "d-1");
    live.submit(resident, request("d-3"));
    store().append(AppendRequest.to(s, 1, EventData.of("DemandClassified", 9, "{\"tier\":\"PHYSIOLOGICAL\"}")));
    DemandIntake fresh = open();
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> fresh.find(coordinator, "d-1"));
    assertTrue(e.getMessage().contains(tenant) && e.getMessage().contains("d-1") && e.getMessage().contains("version 2"),
        e.getMessage());
    // the live intake, which had seen d-1 at version 1, refuses the tail too rather than act on half of it
    assertThrows(ConsistencyException.class, () -> live.classify(coordinator, live.find(coordinator, "d-1").orElseThrow()));
    // a stream that starts without a submission is refused, naming it
    StreamId s2 = StreamId.of(tenant, "demand", "d-2");
    store().append(AppendRequest.to(s2, 0, EventData.of("DemandWithdrawn", 1, "{\"at\":\"2026-12-07T09:00:00Z\",\"actor\":\"x\"}")));
    ConsistencyException e2 = assertThrows(ConsistencyException.class, () -> fresh.find(coordinator, "d-2"));
    assertTrue(e2.getMessage().contains("d-2") && e2.getMessage().contains("no submission"), e2.getMessage());
    // each demand is its own aggregate: a damaged one does not stop the others
    assertEquals(DemandState.SUBMITTED, fresh.find(coordinator, "d-3").orElseThrow().state());
    assertThrows(ConsistencyException.class, fresh::ids);
  }

  @Test
  void damagedEvent_isAConsistencyError() {
    StreamId s = StreamId.of(tenant, "demand", "d-5");
    store().append(AppendRequest.to(s, 0, EventData.of("DemandSubmitted", 1, "{\"id\":\"d-5\"}")));
    DemandIntake fresh = open();
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> fresh.find(coordinator, "d-5"));
    assertTrue(e.getMessage().contains(tenant) && e.getMessage().contains("d-5") && e.getMessage().contains("version 1"),
        e.getMessage());
  }

  @Test
  void taxonomyRegistry_loadIsReplay() {
    Clock c = Clock.fixed(Instant.parse("2026-12-07T08:30:15.123456789Z"), ZoneOffset.UTC);
    TaxonomyRegistry r = TaxonomyRegistry.open(store(), tenant, c);
    ServiceDomain pets = ServiceDomain.of("PETS", io.github.linli.core.Label.of("宠物", "pets"));
    DomainTaxonomy t = DomainTaxonomy.builder("lishan-pets", 2).addAll(ServiceDomain.defaults()).add(pets)
        .add(ServiceDomain.of("PET_SITTING", io.github.linli.core.Label.of("宠物照看", "pet sitting"), pets)).build();
    r.register(coordinator, t);
    r.register(coordinator, t);
    long head = store().head(tenant);
    assertEquals(1, head, "registering the same taxonomy again writes nothing");
    assertThrows(ConflictException.class, () -> r.register(coordinator,
        DomainTaxonomy.builder("lishan-pets", 2).addAll(ServiceDomain.defaults()).build()));
    assertEquals(head, store().head(tenant));
    TaxonomyRegistry loaded = TaxonomyRegistry.open(store(), tenant, c);
    assertEquals(t, loaded.find("lishan-pets", 2).orElseThrow());
    assertEquals(DomainTaxonomy.defaultTaxonomy(), loaded.current());
    assertEquals(r.toString(), loaded.toString());
  }
}

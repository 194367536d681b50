package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetElection;
import io.github.linli.core.governance.budget.BudgetOutcome;
import io.github.linli.core.governance.budget.BudgetProject;
import io.github.linli.core.governance.budget.BudgetRound;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.governance.budget.Completion;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import io.github.linli.core.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Joint meetings and budget rounds kept in an event store: what must hold on every store. Each
 * implementation's test subclasses this (in memory, H2, PostgreSQL); tests use their own tenant.
 */
abstract class GovernanceStoreContract {
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY);
  static final Actor COMMITTEE = Actor.of("rc-staff", Role.RESIDENTS_COMMITTEE);
  static final List<Seat> SEATS = List.of(
      Seat.of("party-1", Party.PARTY_COMMITTEE),
      Seat.of("rc-1", Party.RESIDENTS_COMMITTEE),
      Seat.of("club-1", Party.ALLIANCE),
      Seat.of("unit-1", Party.MEMBER_UNITS, MemberId.of("m-1")),
      Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES),
      Seat.of("res-2", Party.RESIDENT_REPRESENTATIVES));

  /** The store under test; fresh or shared. */
  abstract EventStore store();

  /** The database of the store, for read models; null for the in-memory store. */
  abstract DataSource dataSource();

  final String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);
  /** A clock with nanoseconds, as Java clocks give them. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:30:15.123456789Z"), java.time.ZoneId.of("Asia/Shanghai"));

  static Actor p(String id) {
    return Actor.of(id, Role.RESIDENT);
  }

  JointMeeting convene(String id) {
    return JointMeeting.convene(store(), tenant, SECRETARY, id, Charter.standard().withProxies(1), SEATS, clock);
  }

  /** A meeting with every kind of event: attendance, a proxy, an adopted and a rejected motion, adjourned. */
  JointMeeting fullMeeting(String id) {
    JointMeeting m = convene(id);
    clock.advance(Duration.ofMinutes(1));
    m.attend(p("party-1"));
    m.grantProxy(p("res-2"), "res-1");
    String admit = m.propose(SECRETARY, Motion.admitMember(MemberId.of("m-9")));
    String trees = m.propose(p("rc-1"), Motion.custom(Label.of("植树", "plant trees"), Map.of("where", "east gate")));
    clock.advance(Duration.ofMinutes(1));
    m.vote(p("party-1"), admit, Choice.YES);
    m.vote(p("rc-1"), admit, Choice.YES);
    m.vote(p("res-1"), admit, Choice.NO);
    m.voteFor(p("res-1"), "res-2", admit, Choice.YES);
    m.vote(p("party-1"), trees, Choice.NO);
    m.vote(p("rc-1"), trees, Choice.NO);
    clock.advance(Duration.ofMinutes(1));
    m.close(SECRETARY, admit);
    m.close(SECRETARY, trees);
    m.adjourn(SECRETARY);
    return m;
  }

  static String state(JointMeeting m) {
    return MeetingProperties.snapshot(m) + m.resolutions() + m.present() + m.quorumMet() + m.id() + m.charter() + m.seats()
        + m.convenedAt() + m.convenedBy() + m.version() + m.toString();
  }

  StreamId meetingStream(String id) {
    return StreamId.of(tenant, "meeting", id);
  }

  // ------------------------------------------------------------------------------------ meetings

  @Test
  void load_givesTheLiveMeeting_minutesTalliesAndResolutions() {
    JointMeeting live = fullMeeting("jm-1");
    JointMeeting loaded = JointMeeting.load(store(), tenant, "jm-1", clock);
    assertEquals(state(live), state(loaded));
    assertEquals(live.minutes(), loaded.minutes());
    assertEquals(live.resolutions(), loaded.resolutions());
    assertEquals(1, loaded.resolutions().size(), "the admission was adopted");
    assertEquals(MinutesEntry.Kind.VOTED_BY_PROXY, loaded.minutes().get(8).kind());
    assertEquals(live.snapshot(), loaded.snapshot(), "the export format is the same too");
    assertEquals(Instant.parse("2026-12-07T08:30:15.123456Z"), loaded.convenedAt(), "instants truncated to microseconds, once");
    assertEquals(live.minutes().size(), store().version(meetingStream("jm-1")), "one event per change");
  }

  @Test
  void load_appliesEventsAsRecorded_neverReRunningCommandsNorRecheckingRoles() {
    JointMeeting m = convene("jm-old");
    String motion = m.propose(SECRETARY, Motion.custom(Label.of("旧规", "old rule"), Map.of()));
    // yesterday's minutes: a motion closed by an actor whose role today's rules would refuse
    store().append(AppendRequest.to(meetingStream("jm-old"), 2, EventData.of("MotionClosed", 1,
        "{\"actorId\":\"old-chair\",\"actorRoles\":[\"COORDINATOR\"],\"at\":\"2026-12-07T09:00:00Z\",\"motionId\":\"" + motion
            + "\",\"yes\":4,\"no\":0,\"abstain\":0,\"present\":4,\"seats\":6,\"quorumMet\":true,\"outcome\":\"ADOPTED\","
            + "\"rule\":\"MAJORITY_OF_VOTES_CAST\"}")));
    JointMeeting loaded = JointMeeting.load(store(), tenant, "jm-old", clock);
    Tally t = loaded.tally(motion).orElseThrow();
    assertEquals(Outcome.ADOPTED, t.outcome());
    assertEquals(4, t.yes(), "the recorded count, not a recount of the (absent) ballots");
    assertEquals("old-chair", loaded.minutes().get(2).actorId());
    assertEquals(1, loaded.resolutions().size());
    assertEquals(1, m.refresh(), "the live meeting catches up with the appended event");
    assertEquals(state(loaded), state(m));
  }

  @Test
  void refusedCommand_wrongRole_changesNothingInMemoryOrStore() {
    JointMeeting m = convene("jm-2");
    String motion = m.propose(SECRETARY, Motion.custom(Label.of("修路", "mend the road"), Map.of()));
    m.vote(p("party-1"), motion, Choice.YES);
    String before = state(m);
    long version = store().version(meetingStream("jm-2"));
    long head = store().head(tenant);
    assertThrows(PermissionDeniedException.class, () -> m.close(p("party-1"), motion));
    assertThrows(PermissionDeniedException.class, () -> m.adjourn(Actor.of("admin", Role.ALLIANCE_ADMIN)));
    assertThrows(PermissionDeniedException.class, () -> m.vote(p("stranger"), motion, Choice.YES));
    assertThrows(PermissionDeniedException.class, () -> m.propose(COMMITTEE, Motion.custom(Label.of("x", "x"), Map.of())));
    assertThrows(PermissionDeniedException.class, () -> JointMeeting.convene(store(), tenant, p("res-1"), "jm-3", Charter.standard(),
        SEATS, clock));
    assertThrows(ConflictException.class, () -> m.vote(p("party-1"), motion, Choice.NO), "a double vote");
    assertEquals(before, state(m));
    assertEquals(version, store().version(meetingStream("jm-2")));
    assertEquals(0, store().version(meetingStream("jm-3")));
    assertEquals(head, store().head(tenant));
    assertEquals(before, state(JointMeeting.load(store(), tenant, "jm-2", clock)));
  }

  @Test
  void repeatedCommandId_appliesOnce_andAnswersAsTheFirstTime() {
    JointMeeting m = convene("jm-4");
    String first = m.propose(SECRETARY, Motion.custom(Label.of("一", "one"), Map.of()), "req-propose");
    assertEquals(first, m.propose(SECRETARY, Motion.custom(Label.of("一", "one"), Map.of()), "req-propose"));
    assertEquals(List.of(first), m.motionIds(), "proposed once");
    Ballot b = m.vote(p("res-1"), first, Choice.YES, "req-vote");
    assertEquals(b, m.vote(p("res-1"), first, Choice.YES, "req-vote"), "the retry gets the first ballot, not a double-vote refusal");
    assertTrue(m.attend(p("rc-1"), "req-attend"));
    assertTrue(m.attend(p("rc-1"), "req-attend"), "the retry answers as the first call did");
    assertFalse(m.attend(p("rc-1")), "a new call: already present");
    long version = store().version(meetingStream("jm-4"));
    // another server holding the same meeting answers the retry from the record too
    JointMeeting other = JointMeeting.load(store(), tenant, "jm-4", clock);
    assertEquals(b, other.vote(p("res-1"), first, Choice.YES, "req-vote"));
    assertEquals(version, store().version(meetingStream("jm-4")));
    Tally t = m.close(SECRETARY, first, "req-close");
    assertEquals(t.toString(), other.close(SECRETARY, first, "req-close").toString());
    assertEquals(version + 1, store().version(meetingStream("jm-4")));
    ConflictException e = assertThrows(ConflictException.class, () -> m.adjourn(SECRETARY, "req-vote"));
    assertTrue(e.getMessage().contains("req-vote"), e.getMessage());
  }

  @Test
  void twoObjects_oneMeeting_theStaleOneCatchesUpAndRechecks() {
    JointMeeting a = convene("jm-5");
    String motion = a.propose(SECRETARY, Motion.custom(Label.of("二", "two"), Map.of()));
    JointMeeting b = JointMeeting.load(store(), tenant, "jm-5", clock);
    a.vote(p("res-1"), motion, Choice.YES);
    assertThrows(ConflictException.class, () -> b.vote(p("res-1"), motion, Choice.NO), "b catches up and sees the ballot");
    b.vote(p("res-2"), motion, Choice.NO);
    a.refresh();
    assertEquals(2, a.ballots(motion).size());
    assertEquals(state(a), state(b));
  }

  @Test
  void convene_sameIdTwice_conflictNamingTheMeeting() {
    convene("jm-6");
    ConflictException e = assertThrows(ConflictException.class, () -> convene("jm-6"));
    assertTrue(e.getMessage().contains("jm-6"), e.getMessage());
    assertEquals(1, store().version(meetingStream("jm-6")));
  }

  @Test
  void load_unknownMeeting_notFound() {
    assertThrows(NotFoundException.class, () -> JointMeeting.load(store(), tenant, "jm-none", clock));
  }

  @Test
  void load_olderEventVersion_isUpcast() {
    // MeetingConvened v1, written by hand: the form before proxies, without charter.maxProxiesPerHolder
    String v1 = "{\"actorId\":\"sec-0\",\"actorRoles\":[\"MEETING_SECRETARY\"],\"at\":\"2026-01-05T02:00:00Z\",\"id\":\"jm-v1\","
        + "\"charter\":{\"quorum\":{\"numerator\":1,\"denominator\":2,\"strict\":true,\"requiredParties\":[]},"
        + "\"defaultRule\":\"MAJORITY_OF_VOTES_CAST\",\"rules\":{\"EXPEL_MEMBER\":\"TWO_THIRDS\"}},"
        + "\"seats\":[{\"participantId\":\"res-1\",\"party\":\"RESIDENT_REPRESENTATIVES\",\"member\":null},"
        + "{\"participantId\":\"res-2\",\"party\":\"RESIDENT_REPRESENTATIVES\",\"member\":null}]}";
    store().append(AppendRequest.to(meetingStream("jm-v1"), 0, EventData.of("MeetingConvened", 1, v1)));
    JointMeeting m = JointMeeting.load(store(), tenant, "jm-v1", clock);
    assertEquals(Charter.of(QuorumRule.moreThanHalf(), DecisionRule.MAJORITY_OF_VOTES_CAST)
        .withRule(MotionKind.EXPEL_MEMBER, DecisionRule.TWO_THIRDS), m.charter());
    assertFalse(m.charter().proxiesAllowed(), "v1 had no proxies");
    assertEquals(Instant.parse("2026-01-05T02:00:00Z"), m.convenedAt());
    assertEquals("sec-0", m.convenedBy());
    String motion = m.propose(SECRETARY, Motion.custom(Label.of("三", "three"), Map.of()));
    m.vote(p("res-1"), motion, Choice.YES);
    m.vote(p("res-2"), motion, Choice.ABSTAIN);
    assertEquals(Outcome.ADOPTED, m.close(SECRETARY, motion).outcome());
    assertEquals(state(m), state(JointMeeting.load(store(), tenant, "jm-v1", clock)));
  }

  @Test
  void load_unknownTypeOrVersion_consistencyErrorNamingTenantStreamAndVersion() {
    JointMeeting m = convene("jm-7");
    m.attend(p("res-1"));
    store().append(AppendRequest.to(meetingStream("jm-7"), 2, EventData.of("Attended", 9,
        "{\"actorId\":\"res-2\",\"actorRoles\":[\"RESIDENT\"],\"at\":\"2026-12-07T09:00:00Z\"}")));
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> JointMeeting.load(store(), tenant, "jm-7", clock));
    assertTrue(e.getMessage().contains(tenant) && e.getMessage().contains(tenant + "/meeting/jm-7") && e.getMessage().contains("version 3"),
        e.getMessage());
    store().append(AppendRequest.to(meetingStream("jm-8"), 0, EventData.of("MeetingRenamed", 1, "{}")));
    e = assertThrows(ConsistencyException.class, () -> JointMeeting.load(store(), tenant, "jm-8", clock));
    assertTrue(e.getMessage().contains(tenant + "/meeting/jm-8") && e.getMessage().contains("version 1"), e.getMessage());
    store().append(AppendRequest.to(meetingStream("jm-9"), 0, EventData.of("MeetingConvened", 2, "{\"actorId\":\"x\"}")));
    e = assertThrows(ConsistencyException.class, () -> JointMeeting.load(store(), tenant, "jm-9", clock));
    assertTrue(e.getMessage().contains(tenant + "/meeting/jm-9") && e.getMessage().contains("version 1"), e.getMessage());
  }

  // ---------------------------------------------------------------------------------- read model

  @Test
  void readModel_pagesMeetingsAndResolutions_andRebuildGivesTheSameRows() {
    DataSource ds = dataSource();
    org.junit.jupiter.api.Assumptions.assumeTrue(ds != null, "read models live in a database");
    MeetingReadModel pages = MeetingReadModel.of(store(), ds);
    List<JointMeeting> meetings = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      meetings.add(fullMeeting("jm-r" + i));
      clock.advance(Duration.ofHours(1));
    }
    JointMeeting open = convene("jm-open");
    String pending = open.propose(SECRETARY, Motion.custom(Label.of("待定", "pending"), Map.of()));
    assertTrue(pages.update(tenant) > 0);
    assertEquals(0, pages.update(tenant), "up to date");
    assertEquals(store().head(tenant), pages.checkpoint(tenant));
    List<MeetingReadModel.MeetingRow> all = pages.meetings(tenant, 0, 10);
    assertEquals(List.of("jm-open", "jm-r3", "jm-r2", "jm-r1"), all.stream().map(MeetingReadModel.MeetingRow::meetingId).toList());
    MeetingReadModel.MeetingRow r1 = all.get(3);
    assertEquals(new MeetingReadModel.MeetingRow("jm-r1", meetings.get(0).convenedAt(), "sec-1", 6, 2, 1, true), r1);
    assertEquals(new MeetingReadModel.MeetingRow("jm-open", open.convenedAt(), "sec-1", 6, 1, 0, false), all.get(0));
    assertEquals(all.subList(1, 3), pages.meetings(tenant, 1, 2), "a page");
    List<MeetingReadModel.ResolutionRow> res = pages.resolutions(tenant, 0, 10);
    assertEquals(3, res.size());
    Resolution adopted = meetings.get(2).resolutions().get(0);
    MeetingReadModel.ResolutionRow top = res.get(0);
    assertEquals(adopted.id(), top.resolutionId());
    assertEquals("jm-r3", top.meetingId());
    assertEquals(adopted.motion().title(), top.title());
    assertEquals(adopted.motion().subject(), top.subject());
    assertEquals(List.of(adopted.yes(), adopted.no(), adopted.abstain(), adopted.present(), adopted.seats()),
        List.of(top.yes(), top.no(), top.abstain(), top.present(), top.seats()));
    assertEquals(adopted.decidedAt(), top.decidedAt());
    assertEquals(adopted.rule(), top.rule());
    // later events, then a rebuild from scratch: the same rows
    open.vote(p("res-1"), pending, Choice.YES);
    open.vote(p("party-1"), pending, Choice.YES);
    open.vote(p("rc-1"), pending, Choice.YES);
    open.vote(p("club-1"), pending, Choice.NO);
    open.close(SECRETARY, pending);
    assertTrue(pages.update(tenant) > 0);
    List<MeetingReadModel.MeetingRow> meetingsBefore = pages.meetings(tenant, 0, 10);
    List<MeetingReadModel.ResolutionRow> resolutionsBefore = pages.resolutions(tenant, 0, 10);
    assertEquals(4, resolutionsBefore.size());
    assertEquals(store().head(tenant), pages.rebuild(tenant), "every event of the tenant is a meeting event here");
    assertEquals(meetingsBefore, pages.meetings(tenant, 0, 10));
    assertEquals(resolutionsBefore, pages.resolutions(tenant, 0, 10));
    assertThrows(ValidationException.class, () -> pages.meetings(tenant, 0, 0));
    assertThrows(ValidationException.class, () -> pages.resolutions(tenant, -1, 5));
  }

  // ------------------------------------------------------------------------------- budget rounds

  BudgetRound round(String id, BudgetRule rule) {
    BudgetRound r = BudgetRound.open(store(), tenant, COMMITTEE, id, new BigDecimal("1100"), rule, clock);
    r.submit(p("v-1"), BudgetProject.of("bike", 700));
    r.submit(Actor.of("coord", Role.COORDINATOR), BudgetProject.of("park", 250));
    r.submit(p("v-2"), BudgetProject.builder().id("library").cost(new BigDecimal("400.50")).name("社区图书角").build());
    return r;
  }

  @Test
  void budgetRound_loadedAfterTheClose_givesTheLiveOutcome() {
    BudgetRule rule = BudgetRule.equalShares(Completion.ADD1, true);
    BudgetRound r = round("pb-1", rule);
    r.cast(p("v-1"), BudgetBallot.approval("v-1", "bike", "park"));
    r.cast(p("v-2"), BudgetBallot.approval("v-2", "library", "park"));
    r.cast(Actor.of("clerk", Role.COORDINATOR), BudgetBallot.builder().voterId("v-3").addProjectIds("bike")
        .channel(io.github.linli.core.governance.budget.BallotChannel.PAPER).build());
    clock.advance(Duration.ofDays(3));
    BudgetRound open = BudgetRound.load(store(), tenant, "pb-1", clock);
    assertEquals(r.ballots(), open.ballots());
    assertEquals(r.projects(), open.projects());
    assertTrue(open.outcome().isEmpty());
    BudgetOutcome outcome = r.close(COMMITTEE);
    BudgetElection election = r.election();
    assertEquals(election.count(rule), outcome, "counted by the election's own code");
    BudgetRound loaded = BudgetRound.load(store(), tenant, "pb-1", clock);
    assertEquals(outcome, loaded.outcome().orElseThrow());
    assertEquals(outcome.toString(), loaded.outcome().orElseThrow().toString());
    assertEquals(r.toString(), loaded.toString());
    assertEquals(r.projects(), loaded.projects());
    assertEquals(r.ballots(), loaded.ballots());
    assertEquals(r.version(), loaded.version());
    assertEquals(election, loaded.election());
    assertTrue(loaded.isClosed());
    assertEquals(rule, loaded.rule());
    assertEquals(1, open.refresh(), "another server sees the close");
    assertEquals(outcome, open.outcome().orElseThrow());
    assertThrows(ConflictException.class, () -> open.cast(p("v-4"), BudgetBallot.approval("v-4", "bike")));
    assertThrows(ConflictException.class, () -> open.close(COMMITTEE));
  }

  @Test
  void budgetRound_oneBallotPerVoter_idempotentRecast_conflictingSecondBallot() {
    BudgetRound r = round("pb-2", BudgetRule.greedy());
    BudgetBallot b = BudgetBallot.approval("v-1", "bike");
    assertEquals(b, r.cast(p("v-1"), b));
    long version = r.version();
    assertEquals(b, r.cast(p("v-1"), BudgetBallot.approval("v-1", "bike")), "the same ballot again: nothing written");
    assertEquals(version, store().version(StreamId.of(tenant, "budget", "pb-2")));
    ConflictException e = assertThrows(ConflictException.class, () -> r.cast(p("v-1"), BudgetBallot.approval("v-1", "park")));
    assertTrue(e.getMessage().contains("v-1"), e.getMessage());
    BudgetBallot b2 = BudgetBallot.approval("v-2", "park");
    assertEquals(b2, r.cast(p("v-2"), b2, "req-9"));
    assertEquals(b2, r.cast(p("v-2"), b2, "req-9"), "a retry with the same command id");
    assertEquals(version + 1, store().version(StreamId.of(tenant, "budget", "pb-2")));
    assertEquals(2, r.ballots().size());
    assertThrows(ConflictException.class, () -> r.submit(p("v-3"), BudgetProject.of("late", 10)), "voting has begun");
    assertEquals(BudgetProject.of("bike", 700), r.submit(p("v-3"), BudgetProject.of("bike", 700)), "the same project again");
  }

  @Test
  void budgetRound_refusedCommands_changeNothingInMemoryOrStore() {
    BudgetRound r = round("pb-3", BudgetRule.greedy());
    r.cast(p("v-1"), BudgetBallot.approval("v-1", "bike"));
    StreamId stream = StreamId.of(tenant, "budget", "pb-3");
    String before = r.toString() + r.projects() + r.ballots() + r.outcome();
    long version = store().version(stream);
    assertThrows(PermissionDeniedException.class, () -> r.cast(p("v-2"), BudgetBallot.approval("v-9", "park")), "another's ballot");
    assertThrows(PermissionDeniedException.class, () -> r.close(p("v-1")));
    assertThrows(PermissionDeniedException.class, () -> r.submit(Actor.of("eval", Role.EVALUATOR), BudgetProject.of("x", 1)));
    assertThrows(PermissionDeniedException.class, () -> BudgetRound.open(store(), tenant, p("v-1"), "pb-x", BigDecimal.TEN,
        BudgetRule.greedy(), clock));
    assertThrows(ValidationException.class, () -> r.cast(p("v-2"), BudgetBallot.approval("v-2", "nowhere")), "an unlisted project");
    ValidationException personal = assertThrows(ValidationException.class, () -> r.cast(p("v-2"),
        BudgetBallot.builder().voterId("v-2").addProjectIds("park").putAttribute("age", "77").build()));
    assertFalse(personal.getMessage().contains("77"), personal.getMessage());
    assertThrows(ConflictException.class, () -> BudgetRound.open(store(), tenant, COMMITTEE, "pb-3", BigDecimal.TEN,
        BudgetRule.greedy(), clock));
    assertEquals(before, r.toString() + r.projects() + r.ballots() + r.outcome());
    assertEquals(version, store().version(stream));
    assertEquals(0, store().version(StreamId.of(tenant, "budget", "pb-x")));
    BudgetRound loaded = BudgetRound.load(store(), tenant, "pb-3", clock);
    assertEquals(before, loaded.toString() + loaded.projects() + loaded.ballots() + loaded.outcome());
  }

  @Test
  void budgetRound_closeRetriedWithItsCommandId_answersTheRecordedOutcome() {
    BudgetRound r = round("pb-4", BudgetRule.greedy());
    r.cast(p("v-1"), BudgetBallot.approval("v-1", "park"));
    BudgetOutcome o = r.close(COMMITTEE, "close-pb-4");
    BudgetRound other = BudgetRound.load(store(), tenant, "pb-4", clock);
    assertEquals(o, other.close(COMMITTEE, "close-pb-4"));
    assertEquals(r.election().count(BudgetRule.greedy()), o);
    assertEquals("park", o.selectedProjectIds().get(0), "the one project with a vote comes first");
    assertThrows(NotFoundException.class, () -> BudgetRound.load(store(), tenant, "pb-none", clock));
    assertSame(BudgetRound.class, other.getClass());
  }

  @Test
  void budgetRound_damagedEvent_consistencyErrorNamingTenantStreamAndVersion() {
    BudgetRound.open(store(), tenant, COMMITTEE, "pb-5", BigDecimal.TEN, BudgetRule.greedy(), clock);
    StreamId s = StreamId.of(tenant, "budget", "pb-5");
    store().append(AppendRequest.to(s, 1, EventData.of("BallotCast", 1,
        "{\"actorId\":\"v\",\"actorRoles\":[\"RESIDENT\"],\"at\":\"2026-12-07T09:00:00Z\",\"ballot\":{\"voterId\":\"v\"}}")));
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> BudgetRound.load(store(), tenant, "pb-5", clock));
    assertTrue(e.getMessage().contains(tenant + "/budget/pb-5") && e.getMessage().contains("version 2"), e.getMessage());
  }

  static List<RecordedEvent> events(EventStore s, StreamId stream) {
    return s.readAll(stream);
  }
}

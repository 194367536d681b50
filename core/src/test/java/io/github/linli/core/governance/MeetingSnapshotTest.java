package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.MemberStatus;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingSnapshotTest {
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY);
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);

  MutableClock clock;
  JointMeeting meeting;
  String motion;

  static Actor p(String id) {
    return Actor.of(id, Role.RESIDENT);
  }

  /** A meeting with proxies: convened, one attendance, one proxy, two motions, ballots, one close. */
  @BeforeEach
  void setUp() {
    clock = MutableClock.shanghai();
    meeting = JointMeeting.convene(SECRETARY, "jm-1", Charter.standard().withProxies(1), List.of(
        Seat.of("party-1", Party.PARTY_COMMITTEE),
        Seat.of("rc-1", Party.RESIDENTS_COMMITTEE),
        Seat.of("club-1", Party.ALLIANCE),
        Seat.of("unit-1", Party.MEMBER_UNITS, MemberId.of("m-1")),
        Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES),
        Seat.of("res-2", Party.RESIDENT_REPRESENTATIVES)), clock);
    tick();
    meeting.attend(p("party-1"));                                           // 2
    tick();
    meeting.grantProxy(p("res-2"), "res-1");                                // 3
    tick();
    motion = meeting.propose(SECRETARY, Motion.suspendMember(MemberId.of("m-1")));   // 4
    for (String v : List.of("party-1", "rc-1", "club-1")) {                 // 5, 6, 7
      tick();
      meeting.vote(p(v), motion, Choice.YES);
    }
    tick();
    meeting.voteFor(p("res-1"), "res-2", motion, Choice.NO);                // 8
    tick();
    meeting.close(SECRETARY, motion);                                       // 9
    tick();
    meeting.propose(p("rc-1"), Motion.custom(Label.of("植树", "plant trees"), Map.of()));   // 10, left open
  }

  void tick() {
    clock.advance(Duration.ofMinutes(5));
  }

  /** The snapshot with entry {@code sequence} replaced. */
  JointMeetingSnapshot edited(int sequence, UnaryOperator<MinutesEntry.Builder> change) {
    List<MinutesEntry> minutes = new ArrayList<>(meeting.minutes());
    MinutesEntry.Builder b = MinutesEntry.builder();
    b.from(minutes.get(sequence - 1));
    minutes.set(sequence - 1, change.apply(b).build());
    return withMinutes(minutes);
  }

  JointMeetingSnapshot withMinutes(List<MinutesEntry> minutes) {
    JointMeetingSnapshot.Builder b = JointMeetingSnapshot.builder();
    b.from(meeting.snapshot()).minutes(minutes);
    return b.build();
  }

  ValidationException refused(JointMeetingSnapshot s) {
    return assertThrows(ValidationException.class, () -> JointMeeting.restore(s, clock));
  }

  @Test
  void minutes_recordEverySuccessfulChange_inOrder() {
    List<MinutesEntry> m = meeting.minutes();
    assertEquals(10, m.size());
    assertEquals(List.of(MinutesEntry.Kind.CONVENED, MinutesEntry.Kind.ATTENDED, MinutesEntry.Kind.PROXY_GRANTED,
        MinutesEntry.Kind.MOTION_PROPOSED, MinutesEntry.Kind.VOTED, MinutesEntry.Kind.VOTED, MinutesEntry.Kind.VOTED,
        MinutesEntry.Kind.VOTED_BY_PROXY, MinutesEntry.Kind.MOTION_CLOSED, MinutesEntry.Kind.MOTION_PROPOSED),
        m.stream().map(MinutesEntry::kind).toList());
    for (int i = 0; i < m.size(); i++) {
      assertEquals(i + 1L, m.get(i).sequence());
    }
    assertEquals(meeting.convenedAt(), m.get(0).at());
    assertEquals(Set.of(Role.MEETING_SECRETARY), m.get(0).actorRoles());
    MinutesEntry proxyVote = m.get(7);
    assertEquals("res-1", proxyVote.actorId());
    assertEquals("res-2", proxyVote.principalId().orElseThrow());
    assertEquals(meeting.ballots(motion).get(3).at(), proxyVote.at());
    MinutesEntry close = m.get(8);
    assertEquals(Outcome.ADOPTED, close.outcome().orElseThrow());
    assertEquals(List.of(3, 1, 0, 5), List.of(close.yes().getAsInt(), close.no().getAsInt(), close.abstain().getAsInt(),
        close.present().getAsInt()));
    assertEquals("#8 2026-11-02T01:35:00Z res-1 [RESIDENT] VOTED_BY_PROXY for res-2 jm-1/1 NO", proxyVote.toString());
    // a failed call and an attendance that changes nothing are not recorded
    assertThrows(ConflictException.class, () -> meeting.vote(p("party-1"), motion, Choice.NO));
    assertTrue(!meeting.attend(p("party-1")));
    assertEquals(10, meeting.minutes().size());
  }

  @Test
  void restore_answersAlike_andUsesTheLiveClockAfterwards() {
    JointMeetingSnapshot s = meeting.snapshot();
    MutableClock later = new MutableClock(Instant.parse("2026-11-03T01:00:00Z"), clock.getZone());
    JointMeeting r = JointMeeting.restore(s, later);
    MeetingSnapshotProperties.assertSameAnswers(meeting, r);
    assertEquals(s, r.snapshot());
    assertEquals("JointMeetingSnapshot{jm-1: 6 seats, 10 entries}", s.toString());
    String open = r.motionIds().get(1);
    assertEquals(later.instant(), r.vote(p("party-1"), open, Choice.YES).at());
    assertEquals(later.instant(), r.minutes().get(10).at());
  }

  @Test
  void restoredResolution_isRefusedByEnact_whenTheOriginalWasEnacted() {
    Alliance alliance = Alliance.create("club", clock);
    alliance.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("甲", "A")).community("lishan").build());
    alliance.admit(ADMIN, MemberId.of("m-1"));
    Resolution original = meeting.resolutions().get(0);
    alliance.enact(SECRETARY, original);
    assertEquals(MemberStatus.SUSPENDED, alliance.status(MemberId.of("m-1")));
    Resolution again = JointMeeting.restore(meeting.snapshot(), clock).resolutions().get(0);
    assertEquals(original, again);
    assertEquals(original.id(), again.id());
    assertThrows(ConflictException.class, () -> alliance.enact(SECRETARY, again));
    assertEquals(MemberStatus.SUSPENDED, alliance.status(MemberId.of("m-1")));
    assertEquals(1, alliance.history(MemberId.of("m-1")).stream().filter(e -> e.resolutionId().isPresent()).count());
  }

  @Test
  void restore_closeWithAnotherOutcome_namesOutcome() {
    ValidationException e = refused(edited(9, b -> b.outcome(Outcome.REJECTED)));
    assertEquals("snapshot.minutes.outcome", e.field());
    assertEquals("REJECTED", e.value().orElseThrow());
    assertTrue(e.getMessage().contains("entry 9"), e.getMessage());
  }

  @Test
  void restore_closeWithOtherCounts_namesTheCount() {
    assertEquals("snapshot.minutes.yes", refused(edited(9, b -> b.yes(4))).field());
    assertEquals("snapshot.minutes.no", refused(edited(9, b -> b.no(0))).field());
    assertEquals("snapshot.minutes.abstain", refused(edited(9, b -> b.abstain(1))).field());
    assertEquals("snapshot.minutes.present", refused(edited(9, b -> b.present(6))).field());
  }

  @Test
  void restore_aBallotTurnedIntoAnother_recomputesAndRefusesTheStoredCount() {
    // the stored close says ADOPTED 3:1; with club-1's ballot turned to NO the ballots give 2:2
    ValidationException e = refused(edited(7, b -> b.choice(Choice.NO)));
    assertEquals("snapshot.minutes.outcome", e.field());
    assertTrue(e.getMessage().contains("entry 9") && e.getMessage().contains("REJECTED"), e.getMessage());
  }

  @Test
  void restore_sequenceOutOfOrder_namesSequence() {
    List<MinutesEntry> m = new ArrayList<>(meeting.minutes());
    MinutesEntry five = m.get(4);
    m.set(4, m.get(5));
    m.set(5, five);
    ValidationException e = refused(withMinutes(m));
    assertEquals("snapshot.minutes.sequence", e.field());
    assertEquals("6", e.value().orElseThrow());
    assertTrue(e.getMessage().contains("entry 5"), e.getMessage());
    assertEquals("snapshot.minutes.sequence", refused(edited(3, b -> b.sequence(4))).field());
  }

  @Test
  void restore_noEntries_orNotConvenedFirst_orConvenedTwice_namesKind() {
    assertEquals("snapshot.minutes", refused(withMinutes(List.of())).field());
    List<MinutesEntry> m = new ArrayList<>(meeting.minutes());
    m.remove(0);
    List<MinutesEntry> renumbered = new ArrayList<>();
    for (MinutesEntry e : m) {
      MinutesEntry.Builder b = MinutesEntry.builder();
      renumbered.add(b.from(e).sequence(renumbered.size() + 1L).build());
    }
    assertEquals("snapshot.minutes.kind", refused(withMinutes(renumbered)).field());
    ValidationException twice = refused(edited(2, b -> b.kind(MinutesEntry.Kind.CONVENED)));
    assertEquals("snapshot.minutes.kind", twice.field());
    assertTrue(twice.getMessage().contains("entry 2"), twice.getMessage());
  }

  @Test
  void restore_entryTheReplayRefuses_namesEntryAndField_withTheRefusalAsCause() {
    // a second ballot of the same participant
    ValidationException twice = refused(edited(6, b -> b.actorId("party-1")));
    assertEquals("snapshot.minutes.kind", twice.field());
    assertInstanceOf(ConflictException.class, twice.getCause());
    assertTrue(twice.getMessage().contains("entry 6"), twice.getMessage());
    // the secretary's close recorded with a resident's roles
    ValidationException roles = refused(edited(9, b -> b.actorRoles(Set.of(Role.RESIDENT))));
    assertEquals("snapshot.minutes.actorId", roles.field());
    assertInstanceOf(PermissionDeniedException.class, roles.getCause());
    // a ballot on an unknown motion
    ValidationException unknown = refused(edited(5, b -> b.motionId("jm-1/7")));
    assertEquals("snapshot.minutes.motionId", unknown.field());
    assertEquals("jm-1/7", unknown.value().orElseThrow());
    assertInstanceOf(NotFoundException.class, unknown.getCause());
    // a proxy to someone without a seat, and to oneself
    assertEquals("snapshot.minutes.holderId", refused(edited(3, b -> b.holderId("stranger"))).field());
    assertEquals("snapshot.minutes.holderId", refused(edited(3, b -> b.holderId("res-2"))).field());
    // a ballot of someone without a seat
    assertEquals("snapshot.minutes.actorId", refused(edited(5, b -> b.actorId("stranger"))).field());
    // a convening by someone who may not convene
    ValidationException convener = refused(edited(1, b -> b.actorRoles(Set.of(Role.RESIDENT))));
    assertEquals("snapshot.minutes.actorId", convener.field());
    assertTrue(convener.getMessage().contains("entry 1"), convener.getMessage());
  }

  @Test
  void restore_attendanceThatChangesNothing_namesActorId() {
    ValidationException e = refused(edited(5, b -> b.kind(MinutesEntry.Kind.ATTENDED).motionId(java.util.Optional.empty())
        .choice(java.util.Optional.empty())));
    assertEquals("snapshot.minutes.actorId", e.field());
    assertEquals("party-1", e.value().orElseThrow());
  }

  @Test
  void restore_proposedMotionWithAnotherId_namesMotionId() {
    ValidationException e = refused(edited(10, b -> b.motionId("jm-1/5")));
    assertEquals("snapshot.minutes.motionId", e.field());
    assertTrue(e.getMessage().contains("jm-1/2"), e.getMessage());
  }

  @Test
  void restore_invalidIdOrDuplicateSeat_namesField() {
    JointMeetingSnapshot.Builder badId = JointMeetingSnapshot.builder();
    badId.from(meeting.snapshot()).id(" jm-1");
    assertEquals("snapshot.id", refused(badId.build()).field());
    JointMeetingSnapshot.Builder dup = JointMeetingSnapshot.builder();
    dup.from(meeting.snapshot()).addSeat(Seat.of("res-1", Party.ALLIANCE));
    assertEquals("snapshot.seats", refused(dup.build()).field());
  }

  @Test
  void restore_anotherCharter_recomputes() {
    // without proxies, the proxy entry is refused
    JointMeetingSnapshot.Builder b = JointMeetingSnapshot.builder();
    b.from(meeting.snapshot()).charter(Charter.standard());
    ValidationException e = refused(b.build());
    assertEquals("snapshot.minutes.actorId", e.field());
    assertTrue(e.getMessage().contains("entry 3"), e.getMessage());
  }

  /** How a portal rebuilds a stored charter from what its accessors give. */
  static Charter rebuilt(Charter c) {
    QuorumRule q = c.quorum().strict()
        ? QuorumRule.moreThan(c.quorum().numerator(), c.quorum().denominator())
        : QuorumRule.atLeast(c.quorum().numerator(), c.quorum().denominator());
    Charter out = Charter.of(q.requiring(c.quorum().requiredParties().toArray(new Party[0])), c.defaultRule());
    for (Map.Entry<MotionKind, DecisionRule> e : c.rules().entrySet()) {
      out = out.withRule(e.getKey(), e.getValue());
    }
    return c.proxiesAllowed() ? out.withProxies(c.maxProxiesPerHolder()) : out;
  }

  @Test
  void charter_rebuiltFromItsAccessors_isEqual() {
    for (Charter c : List.of(Charter.standard(), Charter.standard().withProxies(2),
        Charter.of(QuorumRule.atLeast(2, 3).requiring(Party.ALLIANCE), DecisionRule.ABSOLUTE_MAJORITY_OF_SEATS)
            .withRule(MotionKind.APPROVE_BUDGET, DecisionRule.TWO_THIRDS),
        Charter.of(QuorumRule.moreThan(0, 1), DecisionRule.TWO_THIRDS))) {
      assertEquals(c, rebuilt(c));
    }
    assertEquals(QuorumRule.moreThanHalf(), QuorumRule.moreThan(1, 2));
    assertEquals("quorum.numerator", assertThrows(ValidationException.class, () -> QuorumRule.moreThan(2, 2)).field());
    assertEquals("quorum.denominator", assertThrows(ValidationException.class, () -> QuorumRule.moreThan(0, 0)).field());
    assertTrue(!QuorumRule.moreThan(0, 1).met(0, 3, Set.of()) && QuorumRule.moreThan(0, 1).met(1, 3, Set.of()));
  }

  @Test
  void minutesEntry_builder_refusesMissingOrExtraArguments() {
    MinutesEntry vote = meeting.minutes().get(4);
    MinutesEntry.Builder noChoice = MinutesEntry.builder();
    noChoice.from(vote).choice(java.util.Optional.empty());
    assertEquals("minutes.choice", assertThrows(ValidationException.class, noChoice::build).field());
    MinutesEntry.Builder extra = MinutesEntry.builder();
    extra.from(vote).holderId("res-1");
    assertEquals("minutes.holderId", assertThrows(ValidationException.class, extra::build).field());
    MinutesEntry.Builder negative = MinutesEntry.builder();
    negative.from(meeting.minutes().get(8)).yes(-1);
    assertEquals("minutes.yes", assertThrows(ValidationException.class, negative::build).field());
    MinutesEntry.Builder zero = MinutesEntry.builder();
    zero.from(vote).sequence(0);
    assertEquals("minutes.sequence", assertThrows(ValidationException.class, zero::build).field());
    assertThrows(ValidationException.class, () -> MinutesEntry.builder().build());
    assertNotEquals(vote, meeting.minutes().get(5));
  }
}

package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.github.linli.core.alliance.MembershipEvent;
import io.github.linli.core.testing.MutableClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JointMeetingTest {
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY);
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);

  MutableClock clock;
  List<Seat> seats;

  @BeforeEach
  void setUp() {
    clock = MutableClock.shanghai();
    seats = List.of(
        Seat.of("party-1", Party.PARTY_COMMITTEE),
        Seat.of("rc-1", Party.RESIDENTS_COMMITTEE),
        Seat.of("club-1", Party.ALLIANCE),
        Seat.of("unit-1", Party.MEMBER_UNITS, MemberId.of("m-1")),
        Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES),
        Seat.of("res-2", Party.RESIDENT_REPRESENTATIVES));
  }

  JointMeeting meeting(Charter charter) {
    return JointMeeting.convene(SECRETARY, "jm-1", charter, seats, clock);
  }

  static Actor p(String id) {
    return Actor.of(id, Role.RESIDENT);
  }

  @Test
  void close_majorityWithQuorum_adoptsWithResolution() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.adoptTaxonomy("lishan-needs", "2026.1"));
    m.vote(p("party-1"), id, Choice.YES);
    m.vote(p("rc-1"), id, Choice.YES);
    m.vote(p("club-1"), id, Choice.NO);
    m.vote(p("res-1"), id, Choice.ABSTAIN);
    Tally t = m.close(SECRETARY, id);
    assertEquals(Outcome.ADOPTED, t.outcome());
    assertEquals(2, t.yes());
    assertEquals(1, t.no());
    assertEquals(1, t.abstain());
    assertEquals(4, t.present());
    Resolution r = t.resolution().orElseThrow();
    assertEquals("jm-1/1", r.id());
    assertTrue(r.authorises(MotionKind.ADOPT_TAXONOMY));
    assertEquals(Map.of(Motion.TAXONOMY_ID, "lishan-needs", Motion.TAXONOMY_VERSION, "2026.1"), r.motion().payload());
    assertEquals(List.of(r), m.resolutions());
  }

  @Test
  void close_withoutQuorum_noResolution() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    m.vote(p("party-1"), id, Choice.YES);
    m.vote(p("rc-1"), id, Choice.YES);
    m.vote(p("club-1"), id, Choice.YES);
    Tally t = m.close(SECRETARY, id);
    assertEquals(Outcome.NO_QUORUM, t.outcome(), "3 of 6 is not more than half");
    assertFalse(t.quorumMet());
    assertTrue(t.resolution().isEmpty());
    assertTrue(m.resolutions().isEmpty());
  }

  @Test
  void close_requiredPartyAbsent_noQuorum() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    for (String s : List.of("rc-1", "club-1", "unit-1", "res-1", "res-2")) {
      m.vote(p(s), id, Choice.YES);
    }
    assertEquals(Outcome.NO_QUORUM, m.close(SECRETARY, id).outcome(), "the Party committee is required");
  }

  @Test
  void decisionRules_differ() {
    // 3 yes, 2 no, 1 abstain of 6 seats
    assertTrue(DecisionRule.MAJORITY_OF_VOTES_CAST.adopts(3, 2, 6));
    assertFalse(DecisionRule.ABSOLUTE_MAJORITY_OF_SEATS.adopts(3, 2, 6));
    assertTrue(DecisionRule.ABSOLUTE_MAJORITY_OF_SEATS.adopts(4, 2, 6));
    assertFalse(DecisionRule.TWO_THIRDS.adopts(3, 2, 6));
    assertTrue(DecisionRule.TWO_THIRDS.adopts(4, 2, 6));
    assertFalse(DecisionRule.MAJORITY_OF_VOTES_CAST.adopts(2, 2, 6));
    assertFalse(DecisionRule.TWO_THIRDS.adopts(0, 0, 6));
  }

  @Test
  void close_expulsionUnderStandardCharter_needsTwoThirds() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.expelMember(MemberId.of("m-1")));
    m.vote(p("party-1"), id, Choice.YES);
    m.vote(p("rc-1"), id, Choice.YES);
    m.vote(p("club-1"), id, Choice.YES);
    m.vote(p("res-1"), id, Choice.NO);
    m.vote(p("res-2"), id, Choice.NO);
    Tally t = m.close(SECRETARY, id);
    assertEquals(Outcome.REJECTED, t.outcome(), "3 of 5 is a majority but not two thirds");
    assertTrue(t.quorumMet());
  }

  @Test
  void vote_byNonSeatedPerson_permissionDeniedAndNothingChanged() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> m.vote(p("stranger"), id, Choice.YES));
    assertEquals("stranger", e.actorId());
    assertTrue(m.ballots(id).isEmpty());
    assertTrue(m.attendees().isEmpty());
  }

  @Test
  void vote_twice_conflictAndFirstBallotKept() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    m.vote(p("res-1"), id, Choice.YES);
    assertThrows(ConflictException.class, () -> m.vote(p("res-1"), id, Choice.NO));
    assertEquals(1, m.ballots(id).size());
    assertEquals(Choice.YES, m.ballots(id).get(0).choice());
  }

  @Test
  void vote_unknownMotion_notFound_closedMotion_conflict() {
    JointMeeting m = meeting(Charter.standard());
    assertThrows(NotFoundException.class, () -> m.vote(p("res-1"), "jm-1/7", Choice.YES));
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    m.close(SECRETARY, id);
    assertThrows(ConflictException.class, () -> m.vote(p("res-1"), id, Choice.YES));
    assertThrows(ConflictException.class, () -> m.close(SECRETARY, id));
  }

  @Test
  void close_byParticipant_permissionDenied() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    assertThrows(PermissionDeniedException.class, () -> m.close(p("party-1"), id));
    assertTrue(m.tally(id).isEmpty());
  }

  @Test
  void proxies_notAllowedByCharter_permissionDenied() {
    JointMeeting m = meeting(Charter.standard());
    assertThrows(PermissionDeniedException.class, () -> m.grantProxy(p("res-2"), "res-1"));
    assertTrue(m.proxies().isEmpty());
  }

  @Test
  void proxies_allowed_countForQuorumAndVote() {
    JointMeeting m = meeting(Charter.standard().withProxies(1));
    m.grantProxy(p("res-2"), "res-1");
    m.grantProxy(p("unit-1"), "club-1");
    assertThrows(ConflictException.class, () -> m.grantProxy(p("rc-1"), "res-1"), "holder at the maximum");
    assertThrows(ConflictException.class, () -> m.grantProxy(p("rc-1"), "res-2"), "res-2 gave a proxy");
    assertThrows(NotFoundException.class, () -> m.grantProxy(p("rc-1"), "stranger"));
    assertThrows(ValidationException.class, () -> m.grantProxy(p("rc-1"), "rc-1"));
    String id = m.propose(SECRETARY, Motion.approveBudget("pb-2027", new BigDecimal("200000")));
    m.vote(p("party-1"), id, Choice.YES);
    m.vote(p("res-1"), id, Choice.YES);
    m.voteFor(p("res-1"), "res-2", id, Choice.NO);
    assertThrows(ConflictException.class, () -> m.vote(p("res-2"), id, Choice.YES), "res-2 votes through its proxy");
    assertThrows(ConflictException.class, () -> m.voteFor(p("res-1"), "res-2", id, Choice.YES), "already voted");
    assertThrows(PermissionDeniedException.class, () -> m.voteFor(p("res-1"), "unit-1", id, Choice.YES), "holds no proxy of unit-1");
    m.attend(p("rc-1"));
    m.attend(p("club-1"));
    assertEquals(6, m.present().size(), "4 attend, 2 represented");
    Tally t = m.close(SECRETARY, id);
    assertEquals(2, t.yes());
    assertEquals(1, t.no());
    assertEquals(6, t.present());
    assertEquals(Outcome.ADOPTED, t.outcome());
    assertTrue(m.ballots(id).get(2).byProxy());
  }

  @Test
  void convene_badInput_typedErrors() {
    assertThrows(PermissionDeniedException.class, () -> JointMeeting.convene(p("x"), "jm", Charter.standard(), seats, clock));
    assertThrows(ValidationException.class, () -> JointMeeting.convene(SECRETARY, "jm", Charter.standard(), List.of(), clock));
    ValidationException dup = assertThrows(ValidationException.class, () -> JointMeeting.convene(SECRETARY, "jm", Charter.standard(),
        List.of(Seat.of("a", Party.ALLIANCE), Seat.of("a", Party.MEMBER_UNITS)), clock));
    assertEquals("meeting.seats", dup.field());
    assertThrows(ValidationException.class, () -> QuorumRule.atLeast(3, 2));
    assertThrows(ValidationException.class, () -> Motion.approveBudget("b", BigDecimal.ZERO));
  }

  @Test
  void adjourn_withOpenMotion_conflict_thenClosedToEverything() {
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.custom(Label.of("植树", "plant trees"), Map.of()));
    assertThrows(ConflictException.class, () -> m.adjourn(SECRETARY));
    m.close(SECRETARY, id);
    m.adjourn(SECRETARY);
    assertTrue(m.isAdjourned());
    assertThrows(ConflictException.class, () -> m.attend(p("res-1")));
    assertThrows(ConflictException.class, () -> m.propose(SECRETARY, Motion.custom(Label.of("甲", "a"), Map.of())));
  }

  @Test
  void enact_resolution_isTheAuthority_once() {
    Alliance alliance = Alliance.create("club", clock);
    alliance.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("甲", "A")).community("lishan").build());
    alliance.admit(ADMIN, MemberId.of("m-1"));
    JointMeeting m = meeting(Charter.standard());
    String id = m.propose(SECRETARY, Motion.expelMember(MemberId.of("m-1")));
    for (String s : List.of("party-1", "rc-1", "club-1", "res-1")) {
      m.vote(p(s), id, Choice.YES);
    }
    Resolution r = m.close(SECRETARY, id).resolution().orElseThrow();
    MembershipEvent e = alliance.enact(SECRETARY, r);
    assertEquals(MemberStatus.EXPELLED, e.to());
    assertEquals("resolution jm-1/1", e.authority());
    assertEquals("jm-1/1", e.resolutionId().orElseThrow());
    assertEquals("sec-1", e.actorId());
    assertThrows(ConflictException.class, () -> alliance.enact(SECRETARY, r));
    assertEquals(3, alliance.events().size());
  }

  @Test
  void enact_nonMemberResolution_validation() {
    Alliance alliance = Alliance.create("club", clock);
    JointMeeting m = meeting(Charter.of(QuorumRule.atLeast(1, 6), DecisionRule.MAJORITY_OF_VOTES_CAST));
    String id = m.propose(SECRETARY, Motion.approveBudget("pb", BigDecimal.TEN));
    m.vote(p("res-1"), id, Choice.YES);
    Resolution r = m.close(SECRETARY, id).resolution().orElseThrow();
    assertEquals("resolution.kind", assertThrows(ValidationException.class, () -> alliance.enact(SECRETARY, r)).field());
  }

  @Test
  void enact_unknownMember_notFound_illegalTransition_conflict() {
    Alliance alliance = Alliance.create("club", clock);
    JointMeeting m = meeting(Charter.of(QuorumRule.atLeast(1, 6), DecisionRule.MAJORITY_OF_VOTES_CAST));
    String a = m.propose(SECRETARY, Motion.suspendMember(MemberId.of("m-1")));
    m.vote(p("res-1"), a, Choice.YES);
    Resolution r = m.close(SECRETARY, a).resolution().orElseThrow();
    assertThrows(NotFoundException.class, () -> alliance.enact(SECRETARY, r));
    alliance.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("甲", "A")).community("lishan").build());
    assertThrows(ConflictException.class, () -> alliance.enact(SECRETARY, r), "an applicant cannot be suspended");
    assertFalse(alliance.enacted(r.id()));
    assertEquals(1, alliance.events().size());
  }

  @Test
  void attendedBy_memberSeat() {
    JointMeeting m = meeting(Charter.standard());
    assertFalse(m.attendedBy(MemberId.of("m-1")));
    m.attend(p("unit-1"));
    assertTrue(m.attendedBy(MemberId.of("m-1")));
  }
}

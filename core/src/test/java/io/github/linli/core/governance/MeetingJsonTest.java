package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingJsonTest {
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY, Role.SYSTEM);

  MutableClock clock;
  JointMeeting meeting;

  static Actor p(String id) {
    return Actor.of(id, Role.RESIDENT);
  }

  /** Every kind of entry and of motion, a seat with a member, charter rules and proxies. */
  @BeforeEach
  void setUp() {
    clock = MutableClock.shanghai();
    Charter charter = Charter.of(QuorumRule.atLeast(1, 3).requiring(Party.PARTY_COMMITTEE), DecisionRule.MAJORITY_OF_VOTES_CAST)
        .withRule(MotionKind.EXPEL_MEMBER, DecisionRule.TWO_THIRDS).withProxies(2);
    meeting = JointMeeting.convene(SECRETARY, "jm-1", charter, List.of(
        Seat.of("party-1", Party.PARTY_COMMITTEE),
        Seat.of("unit-1", Party.MEMBER_UNITS, MemberId.of("m-1")),
        Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES)), clock);
    clock.advance(Duration.ofSeconds(30));
    meeting.attend(p("party-1"));
    meeting.grantProxy(p("unit-1"), "res-1");
    List<Motion> motions = List.of(Motion.admitMember(MemberId.of("m-2")), Motion.suspendMember(MemberId.of("m-1")),
        Motion.reinstateMember(MemberId.of("m-3")), Motion.expelMember(MemberId.of("m-4")),
        Motion.adoptTaxonomy("lishan-needs", "2026.1"), Motion.approveBudget("b-2027", new BigDecimal("12000.50")),
        Motion.custom(Label.of("植树\"节\"😀", "trees \\ day"), Map.of("place", "park-3")).decidedBy(DecisionRule.ABSOLUTE_MAJORITY_OF_SEATS));
    for (Motion m : motions) {
      clock.advance(Duration.ofMillis(1500));
      String id = meeting.propose(SECRETARY, m);
      meeting.vote(p("party-1"), id, Choice.YES);
      meeting.voteFor(p("res-1"), "unit-1", id, Choice.ABSTAIN);
      meeting.close(SECRETARY, id);
    }
    meeting.adjourn(SECRETARY);
  }

  @Test
  void toJson_readsBackEqual_andRestores() {
    JointMeetingSnapshot s = meeting.snapshot();
    String json = s.toJson();
    assertTrue(json.startsWith("{\"format\":\"linli.joint-meeting-snapshot\",\n\"version\":1,\n\"id\":\"jm-1\",\n"), json);
    assertTrue(json.contains("\"quorum\":{\"numerator\":1,\"denominator\":3,\"strict\":false,\"requiredParties\":[\"PARTY_COMMITTEE\"]}"), json);
    assertTrue(json.contains("\"rules\":{\"EXPEL_MEMBER\":\"TWO_THIRDS\"}"), json);
    assertTrue(json.contains("\"at\":\"2026-11-02T01:00:31.500Z\""), json);
    JointMeetingSnapshot back = JointMeetingSnapshot.fromJson(json);
    assertEquals(s, back);
    assertEquals(json, back.toJson());
    MeetingSnapshotProperties.assertSameAnswers(meeting, JointMeeting.restore(back, clock));
    assertEquals(6, meeting.resolutions().size(), "the custom motion needs more than half of all seats");
  }

  ValidationException refused(String json, String field) {
    ValidationException e = assertThrows(ValidationException.class, () -> JointMeetingSnapshot.fromJson(json));
    assertEquals(field, e.field(), e.getMessage());
    return e;
  }

  @Test
  void fromJson_refusesWhatIsNotTheFormat_namingThePath() {
    String json = meeting.snapshot().toJson();
    refused(json.replace("linli.joint-meeting-snapshot", "linli.alliance-snapshot"), "format");
    refused(json.replace("\"version\":1", "\"version\":2"), "version");
    refused(json.replace("\"holderId\":null,", ""), "minutes[0].holderId");
    refused(json.replace("\"kind\":\"ATTENDED\"", "\"kind\":\"LEFT\""), "minutes[1].kind");
    refused(json.replace("\"choice\":\"YES\"", "\"choice\":null"), "minutes[4].choice");
    refused(json.replace("\"strict\":false", "\"strict\":\"no\""), "charter.quorum.strict");
    refused(json.replace("\"denominator\":3", "\"denominator\":0"), "charter.quorum.denominator");
    refused(json.replace("\"EXPEL_MEMBER\":\"TWO_THIRDS\"", "\"EXPEL\":\"TWO_THIRDS\""), "charter.rules");
    refused(json.replace("\"participantId\":\"res-1\"", "\"participantId\":\" res-1\""), "seats[2].participantId");
    refused(json.replace("\"en\":\"admit a member: m-2\"", "\"en\":\"admit everyone\""), "minutes[3].motion.title");
    refused(json.replace("\"subject\":\"m-2\"", "\"subject\":null"), "minutes[3].motion.subject");
    refused(json.replace("\"budget.amount\":\"12000.50\"", "\"budget.amount\":\"lots\""), "minutes[23].motion.payload.budget.amount");
    refused(json.replace("\"at\":\"2026-11-02T01:00:00Z\"", "\"at\":\"yesterday\""), "minutes[0].at");
    refused(json.replace("\"sequence\":1,", "\"sequence\":1.5,"), "minutes[0].sequence");
    refused(json + "{}", "$");
    refused("[]", "$");
    ValidationException extra = refused(json.replace("\"id\":\"jm-1\"", "\"id\":\"jm-1\",\"13912347788\":1"), "$");
    assertTrue(!extra.getMessage().contains("13912347788"), extra.getMessage());
  }
}

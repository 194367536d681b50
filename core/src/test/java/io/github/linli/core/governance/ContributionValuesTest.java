package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContributionValuesTest {
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY);

  @Test
  void compute_weightsDeliveriesAttendanceAndHours() {
    MutableClock clock = MutableClock.shanghai();
    Alliance a = Alliance.create("club", clock);
    for (String id : List.of("m-1", "m-2")) {
      a.apply(ADMIN, Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of("甲" + id, "A " + id)).community("lishan").build());
      a.admit(ADMIN, MemberId.of(id));
    }
    a.pledge(ADMIN, Pledge.builder().id("p-1").member(MemberId.of("m-1")).title(Label.of("理发", "haircut")).domain(ServiceDomain.DAILY_LIVING)
        .addTier(MaslowTier.PHYSIOLOGICAL).price(PledgePrice.discount(50)).capacity(10).validity(Period.year(2026)).build());
    a.issueCard(ADMIN, BenefitCard.builder().id("c-1").holder(ResidentId.of("r-1")).validUntil(LocalDate.of(2027, 1, 1)).build());
    a.recordUse(ADMIN, "c-1", "p-1");
    a.recordUse(ADMIN, "c-1", "p-1");
    a.recordDelivery(ADMIN, "p-1", 3);

    JointMeeting m1 = JointMeeting.convene(SECRETARY, "jm-1", Charter.standard(),
        List.of(Seat.of("u1", Party.MEMBER_UNITS, MemberId.of("m-1")), Seat.of("u2", Party.MEMBER_UNITS, MemberId.of("m-2"))), clock);
    m1.attend(Actor.of("u1", Role.MEMBER_REPRESENTATIVE));
    m1.attend(Actor.of("u2", Role.MEMBER_REPRESENTATIVE));
    clock.advance(Duration.ofDays(40)); // December: outside the period
    JointMeeting m2 = JointMeeting.convene(SECRETARY, "jm-2", Charter.standard(),
        List.of(Seat.of("u2", Party.MEMBER_UNITS, MemberId.of("m-2"))), clock);
    m2.attend(Actor.of("u2", Role.MEMBER_REPRESENTATIVE));

    VolunteerHoursSource hours = (member, period) -> member.value().equals("m-2") ? 7.5 : 0;
    Period nov = Period.month(YearMonth.of(2026, 11));
    List<Contribution> cs = ContributionValues.of(ContributionWeights.of(1, 5, 2)).compute(a, List.of(m1, m2), hours, nov);
    assertEquals(2, cs.size());
    assertEquals(5, cs.get(0).unitsDelivered());
    assertEquals(1, cs.get(0).meetingsAttended());
    assertEquals(5 + 5, cs.get(0).value(), 1e-9);
    assertEquals(0, cs.get(1).unitsDelivered());
    assertEquals(1, cs.get(1).meetingsAttended());
    assertEquals(5 + 15, cs.get(1).value(), 1e-9);

    List<Observation> obs = ContributionValues.of(ContributionWeights.defaults()).observations(a, List.of(m1, m2), hours, nov);
    assertEquals(8, obs.size());
    Observation first = obs.get(0);
    assertEquals(Contribution.INDICATOR, first.indicatorId());
    assertEquals("m-1", first.scope());
    assertEquals(10, first.value(), 1e-9);
    assertEquals("points", first.unit().orElseThrow());
    assertEquals(nov, first.period());
  }

  @Test
  void compute_badHours_validation() {
    Alliance a = Alliance.create("club", MutableClock.shanghai());
    a.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("甲", "A")).community("lishan").build());
    assertThrows(ValidationException.class, () -> ContributionValues.of(ContributionWeights.defaults())
        .compute(a, List.of(), (m, p) -> -1, Period.year(2026)));
    assertThrows(ValidationException.class, () -> ContributionWeights.of(1, Double.NaN, 1));
  }
}

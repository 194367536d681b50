package io.github.linli.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.alliance.Refusal;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.Seat;
import io.github.linli.core.governance.Tally;
import io.github.linli.core.governance.budget.BudgetElection;
import io.github.linli.core.governance.budget.BudgetOutcome;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.governance.budget.Pabulib;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, erasure within core: a resident's personal data is erased (the store's values and the
 * facts on the benefit card) while every membership event, delivery, figure, observation, meeting
 * tally, resolution and budget outcome that refers to the resident stays as it was, because they
 * refer to the opaque id only.
 */
class ErasureTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final Actor COORD = Actor.of("staff-2", Role.COORDINATOR);
  static final ResidentId ZHANG = ResidentId.of("r-1001");
  static final Actor ZHANG_HIMSELF = Actor.of("r-1001", Role.RESIDENT);
  static final Period YEAR = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));

  static Pledge pledge(String id, PledgeEligibility e) {
    return Pledge.builder().id(id).member(MemberId.of("m-1")).title(Label.of("义诊", "free clinic")).domain(ServiceDomain.HEALTHCARE)
        .addTier(MaslowTier.SAFETY).price(PledgePrice.free()).capacity(10).validity(YEAR).eligibility(e).build();
  }

  @Test
  void erase_keepsEveryRecordThatRefersToTheResidentValid() {
    // personal data, kept apart
    PersonalDataStore people = PersonalDataStore.inMemory(CLOCK);
    people.put(COORD, ZHANG, PersonalDataKind.NAME, "张三");
    people.put(COORD, ZHANG, PersonalDataKind.PHONE, "13812345678");
    people.put(COORD, ZHANG, PersonalDataKind.HOUSEHOLD_FLAGS, "ELDERLY_LIVING_ALONE");

    // an alliance in which Zhang holds a card and used it twice
    Alliance a = Alliance.create("club", CLOCK);
    a.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("药店", "pharmacy"))
        .community("lishan").build());
    a.admit(ADMIN, MemberId.of("m-1"));
    a.pledge(ADMIN, pledge("open", PledgeEligibility.builder().build()));
    a.pledge(ADMIN, pledge("elders", PledgeEligibility.builder().minAge(60).build()));
    a.issueCard(ADMIN, BenefitCard.builder().id("c-1").holder(ZHANG).birthDate(LocalDate.of(1950, 5, 1))
        .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).area("cell-3").validUntil(LocalDate.of(2027, 6, 30)).build());
    a.recordUse(ADMIN, "c-1", "open");
    a.recordUse(ADMIN, "c-1", "elders");

    // a meeting in which Zhang holds a seat and voted, and a budget in which he voted
    List<Seat> seats = List.of(Seat.of("r-1001", Party.RESIDENT_REPRESENTATIVES), Seat.of("rc-1", Party.RESIDENTS_COMMITTEE));
    JointMeeting m = JointMeeting.convene(Actor.of("sec", Role.MEETING_SECRETARY), "jm-1", Charter.standard(), seats, CLOCK);
    String motion = m.propose(Actor.of("sec", Role.MEETING_SECRETARY), Motion.adoptTaxonomy("needs", "2026.1"));
    m.vote(ZHANG_HIMSELF, motion, Choice.YES);
    m.vote(Actor.of("rc-1", Role.RESIDENTS_COMMITTEE), motion, Choice.YES);
    Tally tally = m.close(Actor.of("sec", Role.MEETING_SECRETARY), motion);
    BudgetElection budget = Pabulib.parse("META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;100\nvote_type;approval\n"
        + "PROJECTS\nproject_id;cost\np1;60\np2;50\nVOTES\nvoter_id;age;vote\nr-1001;76;p1\nr-2002;40;p2,p1\n");
    BudgetOutcome outcome = budget.count(BudgetRule.greedy());

    var eventsBefore = a.events();
    var resolutionsBefore = m.resolutions();
    var deliveriesBefore = List.of(a.deliveries("open"), a.deliveries("elders"));
    var figuresBefore = a.figures("lishan");
    var observationsBefore = a.usageObservations("lishan", YEAR);

    // refused first: nothing changes
    assertThrows(PermissionDeniedException.class, () -> a.erasePersonalData(Actor.of("r-2002", Role.RESIDENT), ZHANG));
    assertEquals(Optional.of(LocalDate.of(1950, 5, 1)), a.card("c-1").birthDate());

    // Zhang asks for erasure
    assertEquals(3, people.erase(ZHANG_HIMSELF, ZHANG));
    assertEquals(1, a.erasePersonalData(ZHANG_HIMSELF, ZHANG));
    assertEquals(0, a.erasePersonalData(ZHANG_HIMSELF, ZHANG), "erasing twice finds nothing more");

    BenefitCard card = a.card("c-1");
    assertEquals(Optional.empty(), card.birthDate());
    assertTrue(card.householdFlags().isEmpty());
    assertEquals(Optional.empty(), card.area());
    assertEquals(ZHANG, card.holder());
    assertTrue(people.kindsHeld(ZHANG).isEmpty());
    assertEquals(Optional.empty(), people.masked(ZHANG, PersonalDataKind.PHONE));
    assertTrue(people.accessLog().about(ZHANG).stream().anyMatch(r -> r.operation() == AccessRecord.Operation.ERASE && r.allowed()));

    // every record that refers to him by id is as it was
    assertEquals(eventsBefore, a.events());
    assertEquals(deliveriesBefore, List.of(a.deliveries("open"), a.deliveries("elders")));
    assertEquals(figuresBefore.toString(), a.figures("lishan").toString());
    assertEquals(observationsBefore, a.usageObservations("lishan", YEAR));
    assertEquals(tally, m.tally(motion).orElseThrow());
    assertEquals(resolutionsBefore, m.resolutions());
    assertEquals(2, tally.yes());
    assertEquals(outcome, budget.count(BudgetRule.greedy()));

    // the card still opens what needs no facts; what needs his age now refuses, and says why
    assertTrue(a.opens("c-1", "open").opens());
    assertEquals(Optional.of(Refusal.AGE_UNKNOWN), a.opens("c-1", "elders").refusal());
    assertFalse(a.toString().contains("1950"));
  }

  @Test
  void eraseContact_keepsTheMemberAndItsHistory() {
    Alliance a = Alliance.create("club", CLOCK);
    a.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("药店", "pharmacy"))
        .community("lishan").addRepresentative("rep-1").contact(io.github.linli.core.alliance.Contact.of("王经理", "13800001111"))
        .build());
    a.admit(ADMIN, MemberId.of("m-1"));
    var events = a.events();
    assertThrows(PermissionDeniedException.class, () -> a.eraseContact(Actor.of("rep-2", Role.MEMBER_REPRESENTATIVE), MemberId.of("m-1")));
    assertTrue(a.member(MemberId.of("m-1")).contact().isPresent());
    assertTrue(a.eraseContact(Actor.of("rep-1", Role.MEMBER_REPRESENTATIVE), MemberId.of("m-1")));
    assertFalse(a.eraseContact(ADMIN, MemberId.of("m-1")), "nothing left to erase");
    Member m = a.member(MemberId.of("m-1"));
    assertEquals(Optional.empty(), m.contact());
    assertEquals(List.of("rep-1"), List.copyOf(m.representatives()));
    assertEquals(events, a.events());
    assertEquals(io.github.linli.core.alliance.MemberStatus.ACTIVE, a.status(MemberId.of("m-1")));
  }
}

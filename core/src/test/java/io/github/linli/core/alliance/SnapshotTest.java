package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.DecisionRule;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.QuorumRule;
import io.github.linli.core.governance.Resolution;
import io.github.linli.core.governance.Seat;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshot and restore: a worked alliance restores equal; each inconsistency of a snapshot is
 * refused with a {@link ValidationException} naming the field and the offending id or value; an
 * erased alliance stays erased; a snapshot never renders personal data.
 */
class SnapshotTest {
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final Actor SECRETARY = Actor.of("sec", Role.MEETING_SECRETARY);
  static final String CONTACT_NAME = "欧阳娜娜";
  static final String PHONE = "13912347788";
  static final LocalDate BIRTH = LocalDate.of(1949, 12, 31);
  static final String AREA = "xingfuli-7-502";

  MutableClock clock;
  Alliance club;
  Resolution expelM2;

  /**
   * m0 (with a contact) active, its following branch s0, m1 suspended, m2 expelled by a
   * resolution (10 events); two pledges of m0, three cards (one revoked, one to the same resident after it), a
   * card use and a delivery without a card.
   */
  @BeforeEach
  void setUp() {
    clock = MutableClock.shanghai();
    club = Alliance.builder("lishan-club", clock).allow(MembershipAction.EXPEL, Role.PARTY_COMMITTEE).build();
    club.apply(ADMIN, member("m0").contact(Contact.of(CONTACT_NAME, PHONE)).build());
    club.apply(ADMIN, member("s0").parent(MemberId.of("m0")).followsParent(true).build());
    club.apply(ADMIN, member("m1").build());
    club.apply(ADMIN, member("m2").build());
    for (String m : List.of("m0", "m1", "m2")) {
      club.admit(ADMIN, MemberId.of(m));
    }
    clock.advance(Duration.ofHours(3));
    club.suspend(ADMIN, MemberId.of("m1"));
    expelM2 = resolution(Motion.expelMember(MemberId.of("m2")));
    club.enact(SECRETARY, expelM2);
    club.pledge(ADMIN, pledge("p0", "m0").build());
    club.pledge(ADMIN, pledge("p1", "m0").eligibility(PledgeEligibility.builder().minAge(60).addArea(AREA).build()).build());
    club.issueCard(ADMIN, card("c0", "r0").build());
    club.issueCard(ADMIN, card("c1", "r1").build());
    club.revokeCard(ADMIN, "c1");
    club.issueCard(ADMIN, card("c2", "r1").build());
    club.recordUse(ADMIN, "c0", "p1");
    club.recordDelivery(ADMIN, "p0", 7);
    clock.advance(Duration.ofDays(1));
  }

  static Member.Builder member(String id) {
    return Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of("单位" + id, "unit " + id)).community("lishan");
  }

  static Pledge.Builder pledge(String id, String member) {
    return Pledge.builder().id(id).member(MemberId.of(member)).title(Label.of("义诊", "free clinic"))
        .domain(io.github.linli.core.demand.ServiceDomain.HEALTHCARE).addTier(io.github.linli.core.demand.MaslowTier.SAFETY)
        .price(PledgePrice.free()).capacity(10).validity(Period.year(2026));
  }

  static BenefitCard.Builder card(String id, String resident) {
    return BenefitCard.builder().id(id).holder(ResidentId.of(resident)).birthDate(BIRTH).addHouseholdFlag(HouseholdFlag.DISABILITY)
        .area(AREA).validUntil(LocalDate.of(2027, 6, 30));
  }

  Resolution resolution(Motion motion) {
    List<Seat> seats = List.of(Seat.of("p", Party.PARTY_COMMITTEE), Seat.of("r", Party.RESIDENTS_COMMITTEE));
    JointMeeting jm = JointMeeting.convene(SECRETARY, "jm-1", Charter.of(QuorumRule.atLeast(2, 2), DecisionRule.MAJORITY_OF_VOTES_CAST),
        seats, clock);
    String id = jm.propose(SECRETARY, motion);
    jm.vote(Actor.of("p", Role.RESIDENT), id, Choice.YES);
    jm.vote(Actor.of("r", Role.RESIDENT), id, Choice.YES);
    return jm.close(SECRETARY, id).resolution().orElseThrow();
  }

  // ----------------------------------------------------------------------------- round trip

  @Test
  void restore_ofSnapshot_answersAsTheOriginal() {
    AllianceSnapshot s = club.snapshot();
    Alliance copy = Alliance.restore(s, clock);
    SnapshotProperties.assertSameAnswers(club, copy);
    assertEquals(s, copy.snapshot());
    assertEquals(List.of(2, 10, 1, 2, 3, 2), List.of(s.roles().get(MembershipAction.EXPEL).size() + 1, s.events().size(),
        s.enactedResolutions().size(), s.pledges().size(), s.cards().size(), s.deliveries().size()));
    assertEquals(MemberStatus.EXPELLED, copy.status(MemberId.of("m2")));
    assertEquals(Set.of(Role.PARTY_COMMITTEE), copy.roles().get(MembershipAction.EXPEL));
    assertEquals(8, copy.fulfilment("p0", Period.month(YearMonth.of(2026, 11))).delivered()
        + copy.fulfilment("p1", Period.month(YearMonth.of(2026, 11))).delivered());
  }

  @Test
  void restore_thenChanges_continueTheHistory() {
    Alliance copy = Alliance.restore(club.snapshot(), clock);
    MembershipEvent e = copy.reinstate(ADMIN, MemberId.of("m1"));
    assertEquals(11, e.sequence());
    assertThrows(ConflictException.class, () -> copy.enact(SECRETARY, expelM2), "a resolution is enacted once, after a restore too");
    assertThrows(ConflictException.class, () -> copy.issueCard(ADMIN, card("c9", "r1").build()), "r1 holds c2");
    copy.suspend(ADMIN, MemberId.of("m0"));
    assertEquals(MemberStatus.SUSPENDED, copy.status(MemberId.of("s0")), "the branch still follows m0");
    assertEquals(MemberStatus.ACTIVE, club.status(MemberId.of("m0")), "the original is not touched");
  }

  @Test
  void snapshot_isAValue_unaffectedByLaterChanges() {
    AllianceSnapshot before = club.snapshot();
    club.recordDelivery(ADMIN, "p0", 1);
    club.withdraw(ADMIN, MemberId.of("m1"));
    assertEquals(2, before.deliveries().size());
    assertEquals(10, before.events().size());
    assertFalse(before.equals(club.snapshot()));
  }

  @Test
  void snapshot_whileAnotherThreadRecords_isAlwaysConsistent() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; i < 200; i++) {
          club.recordDelivery(ADMIN, "p0", 1);
          club.suspend(ADMIN, MemberId.of("m0"));
          club.reinstate(ADMIN, MemberId.of("m0"));
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();
    for (int i = 0; i < 100; i++) {
      AllianceSnapshot s = club.snapshot();
      Alliance copy = Alliance.restore(s, clock);   // refuses a torn snapshot (a parent changed, its branch not)
      assertEquals(copy.status(MemberId.of("m0")), copy.status(MemberId.of("s0")));
    }
    writer.join();
    assertEquals(null, failure.get());
    assertEquals(202, club.snapshot().deliveries().size());
  }

  @Test
  void restore_ofEmptyBuilderSnapshot_isAnEmptyAlliance() {
    Map<MembershipAction, Set<Role>> roles = new EnumMap<>(MembershipAction.class);
    for (MembershipAction a : MembershipAction.values()) {
      roles.put(a, a.defaultRoles());
    }
    Alliance a = Alliance.restore(AllianceSnapshot.builder().id("empty").roles(roles).build(), clock);
    assertEquals(Alliance.create("empty", clock).snapshot(), a.snapshot());
    assertEquals(List.of(), a.members());
  }

  // ----------------------------------------------------------------------------- personal data

  @Test
  void erasedAlliance_staysErasedAfterRestore() {
    club.erasePersonalData(Actor.of("r0", Role.RESIDENT), ResidentId.of("r0"));
    club.erasePersonalData(ADMIN, ResidentId.of("r1"));
    club.eraseContact(ADMIN, MemberId.of("m0"));
    AllianceSnapshot s = club.snapshot();
    Alliance copy = Alliance.restore(s, clock);
    for (BenefitCard c : copy.cards()) {
      assertEquals(Optional.empty(), c.birthDate(), c.id());
      assertEquals(Set.of(), c.householdFlags(), c.id());
      assertEquals(Optional.empty(), c.area(), c.id());
    }
    assertEquals(Optional.empty(), copy.member(MemberId.of("m0")).contact());
    assertEquals(Access.refused(Refusal.AGE_UNKNOWN), copy.opens("c0", "p1"));
    assertEquals(2, copy.deliveries("p0").size() + copy.deliveries("p1").size(), "deliveries stay valid");
    assertEquals(s, copy.snapshot());
  }

  @Test
  void snapshot_toString_showsCountsOnly() {
    AllianceSnapshot s = club.snapshot();
    assertEquals(CONTACT_NAME, s.members().get(0).contact().orElseThrow().name(), "the data is there, by accessor");
    String text = s.toString();
    assertEquals("AllianceSnapshot{lishan-club: 4 members, 10 events, 1 enacted, 2 pledges, 3 cards, 2 deliveries}", text);
    for (String planted : List.of(CONTACT_NAME, PHONE, BIRTH.toString(), AREA, HouseholdFlag.DISABILITY.name())) {
      assertFalse(text.contains(planted), planted);
    }
  }

  // ----------------------------------------------------------------------------- validation

  /** Restoring an edited copy of the snapshot fails on {@code field}, naming {@code value}. */
  void refused(String field, String value, UnaryOperator<AllianceSnapshot.Builder> edit) {
    AllianceSnapshot s = club.snapshot();
    AllianceSnapshot.Builder b = AllianceSnapshot.builder();
    b.from(s);
    AllianceSnapshot bad = edit.apply(b).build();
    ValidationException e = assertThrows(ValidationException.class, () -> Alliance.restore(bad, clock));
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(Optional.of(value), e.value(), e.getMessage());
    for (String planted : List.of(CONTACT_NAME, PHONE, BIRTH.toString(), AREA)) {
      assertFalse(e.getMessage().contains(planted), e.getMessage());
    }
    assertEquals(s, club.snapshot(), "the original is not touched");
  }

  List<MembershipEvent> events() {
    return new ArrayList<>(club.events());
  }

  static MembershipEvent.Builder edit(MembershipEvent e) {
    MembershipEvent.Builder b = MembershipEvent.builder();
    b.sequence(e.sequence()).member(e.member()).action(e.action()).from(e.from()).to(e.to()).actorId(e.actorId())
        .authority(e.authority()).resolutionId(e.resolutionId()).inheritedFrom(e.inheritedFrom()).at(e.at());
    return b;
  }

  /** The events renumbered from 1, as a well-formed history would be. */
  static List<MembershipEvent> renumbered(List<MembershipEvent> events) {
    List<MembershipEvent> out = new ArrayList<>();
    for (MembershipEvent e : events) {
      out.add(edit(e).sequence(out.size() + 1L).build());
    }
    return out;
  }

  @Test
  void restore_invalidId_refused() {
    refused("snapshot.id", " club", b -> b.id(" club"));
  }

  @Test
  void restore_actionWithoutRoles_refused() {
    Map<MembershipAction, Set<Role>> roles = new EnumMap<>(club.roles());
    roles.remove(MembershipAction.SUSPEND);
    refused("snapshot.roles", "SUSPEND", b -> b.roles(roles));
  }

  @Test
  void restore_duplicateMember_refused() {
    List<Member> members = new ArrayList<>(club.members());
    members.add(member("m1").build());
    refused("snapshot.members", "m1", b -> b.members(members));
  }

  @Test
  void restore_parentAfterItsSubUnit_refused() {
    List<Member> members = new ArrayList<>(club.members());
    members.add(members.remove(0));
    refused("snapshot.members.parent", "m0", b -> b.members(members));
  }

  @Test
  void restore_memberWithoutEvents_refused() {
    List<Member> members = new ArrayList<>(club.members());
    members.add(member("m9").build());
    refused("snapshot.members", "m9", b -> b.members(members));
  }

  @Test
  void restore_eventForUnknownMember_refused() {
    List<MembershipEvent> events = events();
    events.add(edit(events.get(2)).sequence(events.size() + 1L).member(MemberId.of("ghost")).build());
    refused("snapshot.events.member", "ghost", b -> b.events(events));
  }

  @Test
  void restore_eventOutOfSequence_refused() {
    List<MembershipEvent> events = events();
    events.remove(5);
    refused("snapshot.events.sequence", "7", b -> b.events(events));
  }

  @Test
  void restore_eventFromWrongStatus_refused() {
    List<MembershipEvent> events = events();
    MembershipEvent suspend = events.stream().filter(e -> e.action() == MembershipAction.SUSPEND).findFirst().orElseThrow();
    events.set((int) suspend.sequence() - 1, edit(suspend).from(MemberStatus.APPLIED).build());
    refused("snapshot.events.from", "APPLIED", b -> b.events(events));
  }

  @Test
  void restore_firstEventNotAnApplication_refused() {
    List<MembershipEvent> events = events();
    events.set(2, edit(events.get(2)).action(MembershipAction.ADMIT).build());
    refused("snapshot.events.action", "ADMIT", b -> b.events(events));
  }

  @Test
  void restore_secondApplication_refused() {
    List<MembershipEvent> events = events();
    events.add(edit(events.get(2)).sequence(events.size() + 1L).from(MemberStatus.SUSPENDED).build());
    refused("snapshot.events.action", "APPLY", b -> b.events(events));
  }

  @Test
  void restore_transitionNotAllowed_refused() {
    List<MembershipEvent> events = events();
    events.add(edit(events.get(0)).sequence(events.size() + 1L).member(MemberId.of("m1")).action(MembershipAction.ADMIT)
        .from(MemberStatus.SUSPENDED).to(MemberStatus.ACTIVE).build());
    refused("snapshot.events.action", "ADMIT", b -> b.events(events));
  }

  @Test
  void restore_wrongTargetStatus_refused() {
    List<MembershipEvent> events = events();
    events.add(edit(events.get(0)).sequence(events.size() + 1L).member(MemberId.of("m1")).action(MembershipAction.REINSTATE)
        .from(MemberStatus.SUSPENDED).to(MemberStatus.WITHDRAWN).build());
    refused("snapshot.events.to", "WITHDRAWN", b -> b.events(events));
  }

  @Test
  void restore_subUnitEventNotInherited_refused() {
    List<MembershipEvent> events = events();
    MembershipEvent branchApply = events.get(1);
    assertEquals(MemberId.of("s0"), branchApply.member());
    events.set(1, edit(branchApply).inheritedFrom(Optional.empty()).build());
    refused("snapshot.events.inheritedFrom", "none", b -> b.events(events));
  }

  @Test
  void restore_inheritedEventOfOrdinaryMember_refused() {
    List<MembershipEvent> events = events();
    events.set(2, edit(events.get(2)).inheritedFrom(MemberId.of("m0")).build());
    refused("snapshot.events.inheritedFrom", "m0", b -> b.events(events));
  }

  @Test
  void restore_subUnitLeftBehindByItsParent_refused() {
    List<MembershipEvent> events = events();
    events.removeIf(e -> e.member().equals(MemberId.of("s0")) && e.action() == MembershipAction.ADMIT);
    refused("snapshot.events.member", "s0", b -> b.events(renumbered(events)));
  }

  @Test
  void restore_enactedResolutionWithoutEvent_refused() {
    refused("snapshot.enactedResolutions", "jm-9/1", b -> b.addEnactedResolution("jm-9/1"));
  }

  @Test
  void restore_eventResolutionNotEnacted_refused() {
    refused("snapshot.events.resolutionId", expelM2.id(), b -> b.enactedResolutions(Set.of()));
  }

  @Test
  void restore_duplicatePledge_refused() {
    refused("snapshot.pledges", "p0", b -> b.addPledge(pledge("p0", "m1").build()));
  }

  @Test
  void restore_pledgeOfUnknownMember_refused() {
    refused("snapshot.pledges.member", "ghost", b -> b.addPledge(pledge("p9", "ghost").build()));
  }

  @Test
  void restore_duplicateCard_refused() {
    refused("snapshot.cards", "c1", b -> b.addCard(card("c1", "r5").build()));
  }

  @Test
  void restore_twoLiveCardsForOneResident_refused() {
    refused("snapshot.cards.holder", "r0", b -> b.addCard(card("c9", "r0").build()));
  }

  @Test
  void restore_deliveryForUnknownPledge_refused() {
    refused("snapshot.deliveries.pledgeId", "p9", b -> b.addDelivery(delivery("p9").build()));
  }

  @Test
  void restore_deliveryWithUnknownCard_refused() {
    refused("snapshot.deliveries.cardId", "c9", b -> b.addDelivery(delivery("p0").cardId("c9").build()));
  }

  @Test
  void restore_deliveryOfNoUnits_refused() {
    refused("snapshot.deliveries.units", "0", b -> b.addDelivery(delivery("p0").units(0).build()));
  }

  Delivery.Builder delivery(String pledgeId) {
    Delivery.Builder b = Delivery.builder();
    b.pledgeId(pledgeId).units(1).actorId("staff-1").at(clock.instant());
    return b;
  }
}

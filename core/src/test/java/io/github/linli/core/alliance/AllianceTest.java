package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AllianceTest {
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final Actor RESIDENT = Actor.of("r-9", Role.RESIDENT);
  static final Period NOV = Period.month(YearMonth.of(2026, 11));
  static final Period YEAR = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));

  MutableClock clock;
  Alliance alliance;

  @BeforeEach
  void setUp() {
    clock = MutableClock.shanghai();
    alliance = Alliance.create("lishan-club", clock);
  }

  static Member member(String id, MemberKind kind) {
    return Member.builder().id(MemberId.of(id)).kind(kind).name(Label.of("单位" + id, "unit " + id)).community("lishan")
        .addRepresentative("rep-" + id).build();
  }

  MemberId active(String id, MemberKind kind) {
    alliance.apply(ADMIN, member(id, kind));
    alliance.admit(ADMIN, MemberId.of(id));
    return MemberId.of(id);
  }

  static Pledge.Builder pledge(String id, MemberId member) {
    return Pledge.builder().id(id).member(member).title(Label.of("义诊", "free clinic")).domain(ServiceDomain.HEALTHCARE)
        .addTier(MaslowTier.SAFETY).price(PledgePrice.free()).capacity(3).validity(YEAR);
  }

  static BenefitCard.Builder card(String id, String resident) {
    return BenefitCard.builder().id(id).holder(ResidentId.of(resident)).birthDate(LocalDate.of(1950, 5, 1))
        .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).area("cell-3").validUntil(LocalDate.of(2027, 6, 30));
  }

  @Test
  void lifecycle_fullPath_recordsEveryEventWithActorAndTime() {
    MemberId m = MemberId.of("m-1");
    alliance.apply(ADMIN, member("m-1", MemberKind.MERCHANT));
    clock.advance(Duration.ofDays(1));
    alliance.admit(Actor.of("party-1", Role.PARTY_COMMITTEE), m);
    clock.advance(Duration.ofDays(1));
    alliance.suspend(ADMIN, m);
    alliance.reinstate(ADMIN, m);
    alliance.withdraw(Actor.of("rep-m-1", Role.MEMBER_REPRESENTATIVE), m);

    List<MembershipEvent> h = alliance.history(m);
    assertEquals(List.of(MembershipAction.APPLY, MembershipAction.ADMIT, MembershipAction.SUSPEND, MembershipAction.REINSTATE,
        MembershipAction.WITHDRAW), h.stream().map(MembershipEvent::action).toList());
    assertEquals(MemberStatus.WITHDRAWN, alliance.status(m));
    assertEquals("party-1", h.get(1).actorId());
    assertEquals("role PARTY_COMMITTEE", h.get(1).authority());
    assertEquals(clock.instant().minus(Duration.ofDays(1)), h.get(1).at());
    assertEquals(MemberStatus.APPLIED, alliance.statusAt(m, h.get(0).at()).orElseThrow());
    assertEquals(MemberStatus.ACTIVE, alliance.statusAt(m, h.get(1).at()).orElseThrow());
    assertTrue(alliance.statusAt(m, h.get(0).at().minusSeconds(1)).isEmpty());
  }

  @Test
  void admit_unknownMember_notFoundAndNothingChanged() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> alliance.admit(ADMIN, MemberId.of("ghost")));
    assertEquals("member", e.kind());
    assertEquals("ghost", e.id());
    assertTrue(alliance.events().isEmpty());
  }

  @Test
  void apply_duplicateId_conflictNamingStatusAndNothingChanged() {
    alliance.apply(ADMIN, member("m-1", MemberKind.MERCHANT));
    ConflictException e = assertThrows(ConflictException.class, () -> alliance.apply(ADMIN, member("m-1", MemberKind.RESIDENT_UNIT)));
    assertTrue(e.getMessage().contains("APPLIED"), e.getMessage());
    assertEquals(1, alliance.events().size());
    assertEquals(MemberKind.MERCHANT, alliance.member(MemberId.of("m-1")).kind());
  }

  @Test
  void suspend_byResident_permissionDeniedAndNothingChanged() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    assertThrows(PermissionDeniedException.class, () -> alliance.suspend(RESIDENT, m));
    assertEquals(MemberStatus.ACTIVE, alliance.status(m));
    assertEquals(2, alliance.events().size());
  }

  @Test
  void withdraw_byAnotherMembersRepresentative_permissionDenied() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    active("m-2", MemberKind.MERCHANT);
    assertThrows(PermissionDeniedException.class, () -> alliance.withdraw(Actor.of("rep-m-2", Role.MEMBER_REPRESENTATIVE), m));
    assertEquals(MemberStatus.ACTIVE, alliance.status(m));
  }

  @Test
  void expel_byAdminByDefault_permissionDeniedOnlyResolutionMay() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> alliance.expel(ADMIN, m));
    assertTrue(e.getMessage().contains("resolution"), e.getMessage());
  }

  @Test
  void expel_whenConfiguredForRole_allowed() {
    Alliance a = Alliance.builder("x", clock).allow(MembershipAction.EXPEL, Role.PARTY_COMMITTEE).build();
    a.apply(ADMIN, member("m-1", MemberKind.MERCHANT));
    a.admit(ADMIN, MemberId.of("m-1"));
    assertEquals(MemberStatus.EXPELLED, a.expel(Actor.of("p", Role.PARTY_COMMITTEE), MemberId.of("m-1")).to());
  }

  @Test
  void admit_whenActive_conflictNamingCurrentStatus() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    ConflictException e = assertThrows(ConflictException.class, () -> alliance.admit(ADMIN, m));
    assertTrue(e.getMessage().contains("ACTIVE"), e.getMessage());
    assertEquals(2, alliance.history(m).size());
  }

  @Test
  void change_apply_rejectedAsValidation() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    assertThrows(ValidationException.class, () -> alliance.change(ADMIN, m, MembershipAction.APPLY));
  }

  @Test
  void subUnit_followingParent_inheritsEveryChange() {
    MemberId parent = MemberId.of("corp");
    alliance.apply(ADMIN, member("corp", MemberKind.RESIDENT_UNIT));
    Member branch = Member.builder().from(member("corp-b1", MemberKind.RESIDENT_UNIT)).parent(parent).followsParent(true).build();
    Member grandChild = Member.builder().from(member("corp-b1-x", MemberKind.RESIDENT_UNIT)).parent(MemberId.of("corp-b1"))
        .followsParent(true).build();
    alliance.apply(ADMIN, branch);
    alliance.apply(ADMIN, grandChild);
    assertEquals(MemberStatus.APPLIED, alliance.status(branch.id()));

    alliance.admit(ADMIN, parent);
    alliance.suspend(ADMIN, parent);
    assertEquals(MemberStatus.SUSPENDED, alliance.status(branch.id()));
    assertEquals(MemberStatus.SUSPENDED, alliance.status(grandChild.id()));
    MembershipEvent inherited = alliance.history(branch.id()).get(2);
    assertEquals(parent, inherited.inheritedFrom().orElseThrow());
    assertEquals(MembershipAction.SUSPEND, inherited.action());
    assertEquals("staff-1", inherited.actorId());
    assertEquals(List.of(branch.id()), alliance.followersOf(parent));
  }

  @Test
  void subUnit_followingParent_refusesDirectChange() {
    alliance.apply(ADMIN, member("corp", MemberKind.RESIDENT_UNIT));
    Member branch = Member.builder().from(member("corp-b1", MemberKind.RESIDENT_UNIT)).parent(MemberId.of("corp")).followsParent(true).build();
    alliance.apply(ADMIN, branch);
    ConflictException e = assertThrows(ConflictException.class, () -> alliance.admit(ADMIN, branch.id()));
    assertTrue(e.getMessage().contains("follows its parent corp"), e.getMessage());
    assertEquals(MemberStatus.APPLIED, alliance.status(branch.id()));
  }

  @Test
  void subUnit_notFollowing_hasOwnLifecycle() {
    MemberId parent = active("corp", MemberKind.RESIDENT_UNIT);
    Member branch = Member.builder().from(member("corp-b2", MemberKind.RESIDENT_UNIT)).parent(parent).build();
    alliance.apply(ADMIN, branch);
    alliance.suspend(ADMIN, parent);
    assertEquals(MemberStatus.APPLIED, alliance.status(branch.id()));
    assertTrue(alliance.followersOf(parent).isEmpty());
  }

  @Test
  void subUnit_ofWithdrawnParent_conflict() {
    MemberId parent = active("corp", MemberKind.RESIDENT_UNIT);
    alliance.withdraw(ADMIN, parent);
    Member branch = Member.builder().from(member("corp-b1", MemberKind.RESIDENT_UNIT)).parent(parent).followsParent(true).build();
    assertThrows(ConflictException.class, () -> alliance.apply(ADMIN, branch));
    assertThrows(NotFoundException.class, () -> alliance.member(branch.id()));
  }

  @Test
  void subUnit_unknownParent_notFound() {
    Member branch = Member.builder().from(member("corp-b1", MemberKind.RESIDENT_UNIT)).parent(MemberId.of("nope")).build();
    assertThrows(NotFoundException.class, () -> alliance.apply(ADMIN, branch));
    assertTrue(alliance.members().isEmpty());
  }

  @Test
  void member_followsParentWithoutParent_validation() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> Member.builder().from(member("m", MemberKind.MERCHANT)).followsParent(true).build());
    assertEquals("member.followsParent", e.field());
  }

  @Test
  void member_missingKind_validationNotIllegalState() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> Member.builder().id(MemberId.of("m")).name(Label.of("甲", "A")).community("c").build());
    assertTrue(e.getMessage().contains("kind"), e.getMessage());
  }

  @Test
  void member_toString_hidesContact() {
    Member m = Member.builder().from(member("m-1", MemberKind.MERCHANT)).contact(Contact.of("张三", "13812345678")).build();
    assertFalse(m.toString().contains("张三"), m.toString());
    assertFalse(m.toString().contains("13812345678"), m.toString());
    assertEquals("张三", m.contact().orElseThrow().name());
    assertFalse(Contact.of("李四", "139").toString().contains("李四"));
  }

  @Test
  void pledge_byInactiveMember_conflict() {
    alliance.apply(ADMIN, member("m-1", MemberKind.MERCHANT));
    ConflictException e = assertThrows(ConflictException.class, () -> alliance.pledge(ADMIN, pledge("p-1", MemberId.of("m-1")).build()));
    assertTrue(e.getMessage().contains("APPLIED"));
    assertTrue(alliance.pledges().isEmpty());
  }

  @Test
  void pledge_duplicateId_conflict() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.pledge(ADMIN, pledge("p-1", m).build());
    assertThrows(ConflictException.class, () -> alliance.pledge(ADMIN, pledge("p-1", m).capacity(9).build()));
    assertEquals(3, alliance.pledge("p-1").capacity());
  }

  @Test
  void pledge_byOwnRepresentative_allowed_byOthersRepresentative_denied() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.pledge(Actor.of("rep-m-1", Role.MEMBER_REPRESENTATIVE), pledge("p-1", m).build());
    assertThrows(PermissionDeniedException.class, () -> alliance.pledge(Actor.of("rep-m-2", Role.MEMBER_REPRESENTATIVE), pledge("p-2", m).build()));
  }

  @Test
  void pledge_badInput_typedErrors() {
    MemberId m = MemberId.of("m-1");
    assertEquals("pledge.capacity", assertThrows(ValidationException.class, () -> pledge("p", m).capacity(0).build()).field());
    assertEquals("pledge.tiers", assertThrows(ValidationException.class,
        () -> Pledge.builder().id("p").member(m).title(Label.of("甲", "a")).domain(ServiceDomain.LEGAL).price(PledgePrice.free())
            .capacity(1).validity(YEAR).build()).field());
    assertEquals("price.discountPercent", assertThrows(ValidationException.class, () -> PledgePrice.discount(100)).field());
    assertEquals("eligibility.maxAge", assertThrows(ValidationException.class,
        () -> PledgeEligibility.builder().minAge(60).maxAge(18).build()).field());
  }

  @Test
  void pledgedIn_wholeMonth_isCapacity_partialMonthProrated() {
    Pledge p = pledge("p", MemberId.of("m")).capacity(30).build();
    assertEquals(30, p.pledgedIn(NOV), 1e-9);
    assertEquals(15, p.pledgedIn(Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 16))), 1e-9);
    Pledge weekly = pledge("w", MemberId.of("m")).capacity(2).cadence(Cadence.WEEK).build();
    assertEquals(2 * 30 / 7.0, weekly.pledgedIn(NOV), 1e-9);
    Pledge shortLived = pledge("s", MemberId.of("m")).capacity(30)
        .validity(Period.of(LocalDate.of(2026, 11, 21), LocalDate.of(2027, 1, 1))).build();
    assertEquals(10, shortLived.pledgedIn(NOV), 1e-9);
  }

  @Test
  void opens_eligibleHolder_opensAndUseFeedsFulfilment() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    Pledge p = alliance.pledge(ADMIN, pledge("p-1", m).eligibility(PledgeEligibility.builder().minAge(60).addArea("cell-3").build()).build());
    BenefitCard c = alliance.issueCard(ADMIN, card("c-1", "r-1").build());
    assertTrue(alliance.opens(c, p).opens());
    alliance.recordUse(Actor.of("rep-m-1", Role.MEMBER_REPRESENTATIVE), "c-1", "p-1");
    alliance.recordDelivery(ADMIN, "p-1", 1);
    Fulfilment f = alliance.fulfilment("p-1", NOV);
    assertEquals(2, f.delivered());
    assertEquals(3, f.pledged(), 1e-9);
    assertEquals(2 / 3.0, f.ratio().orElseThrow(), 1e-9);
    assertEquals(0, alliance.fulfilment("p-1", Period.month(YearMonth.of(2026, 12))).delivered());
  }

  @Test
  void opens_eachRefusal_namesReason() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.issueCard(ADMIN, card("c-old", "r-1").build());
    alliance.issueCard(ADMIN, BenefitCard.builder().id("c-young").holder(ResidentId.of("r-2")).birthDate(LocalDate.of(2015, 1, 1))
        .validUntil(LocalDate.of(2027, 1, 1)).build());
    alliance.issueCard(ADMIN, BenefitCard.builder().id("c-nobirth").holder(ResidentId.of("r-3")).validUntil(LocalDate.of(2027, 1, 1)).build());

    alliance.pledge(ADMIN, pledge("seniors", m).eligibility(PledgeEligibility.builder().minAge(60).build()).build());
    alliance.pledge(ADMIN, pledge("kids", m).eligibility(PledgeEligibility.builder().maxAge(14).build()).build());
    alliance.pledge(ADMIN, pledge("disabled", m).eligibility(PledgeEligibility.builder().addHouseholdFlag(HouseholdFlag.DISABILITY).build()).build());
    alliance.pledge(ADMIN, pledge("cell9", m).eligibility(PledgeEligibility.builder().addArea("cell-9").build()).build());
    alliance.pledge(ADMIN, pledge("later", m).validity(Period.of(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1))).build());

    assertEquals(Refusal.TOO_YOUNG, refusal("c-young", "seniors"));
    assertEquals(Refusal.TOO_OLD, refusal("c-old", "kids"));
    assertEquals(Refusal.AGE_UNKNOWN, refusal("c-nobirth", "seniors"));
    assertEquals(Refusal.HOUSEHOLD_FLAG_REQUIRED, refusal("c-old", "disabled"));
    assertEquals(Refusal.OUTSIDE_AREA, refusal("c-old", "cell9"));
    assertEquals(Refusal.OUTSIDE_AREA, refusal("c-young", "cell9"));
    assertEquals(Refusal.PLEDGE_NOT_VALID, refusal("c-old", "later"));

    alliance.suspendCard(ADMIN, "c-old");
    assertEquals(Refusal.CARD_SUSPENDED, refusal("c-old", "seniors"));
    alliance.reinstateCard(ADMIN, "c-old");
    assertTrue(alliance.opens("c-old", "seniors").opens());
    alliance.suspend(ADMIN, m);
    assertEquals(Refusal.MEMBER_NOT_ACTIVE, refusal("c-old", "seniors"));
    alliance.reinstate(ADMIN, m);
    alliance.revokeCard(ADMIN, "c-old");
    assertEquals(Refusal.CARD_REVOKED, refusal("c-old", "seniors"));
    clock.advance(Duration.ofDays(70));
    assertEquals(Refusal.CARD_EXPIRED, refusal("c-young", "kids"));
  }

  Refusal refusal(String card, String pledge) {
    Access a = alliance.opens(card, pledge);
    assertFalse(a.opens(), a.toString());
    return a.refusal().orElseThrow();
  }

  @Test
  void recordUse_capacityExhausted_conflictAndNotRecorded_nextMonthOpensAgain() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.pledge(ADMIN, pledge("p-1", m).capacity(2).build());
    alliance.issueCard(ADMIN, card("c-1", "r-1").build());
    alliance.recordUse(ADMIN, "c-1", "p-1");
    alliance.recordUse(ADMIN, "c-1", "p-1");
    ConflictException e = assertThrows(ConflictException.class, () -> alliance.recordUse(ADMIN, "c-1", "p-1"));
    assertTrue(e.getMessage().contains("CAPACITY_EXHAUSTED"), e.getMessage());
    assertEquals(2, alliance.deliveries("p-1").size());
    clock.advance(Duration.ofDays(30));
    assertTrue(alliance.opens("c-1", "p-1").opens());
  }

  @Test
  void recordUse_byResident_permissionDenied() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.pledge(ADMIN, pledge("p-1", m).build());
    alliance.issueCard(ADMIN, card("c-1", "r-1").build());
    assertThrows(PermissionDeniedException.class, () -> alliance.recordUse(RESIDENT, "c-1", "p-1"));
    assertTrue(alliance.deliveries("p-1").isEmpty());
  }

  @Test
  void cards_lifecycleAndBadInput() {
    alliance.issueCard(ADMIN, card("c-1", "r-1").build());
    assertThrows(ConflictException.class, () -> alliance.issueCard(ADMIN, card("c-2", "r-1").build()), "one live card per resident");
    assertThrows(ConflictException.class, () -> alliance.issueCard(ADMIN, card("c-1", "r-5").build()), "duplicate card id");
    assertThrows(PermissionDeniedException.class, () -> alliance.suspendCard(RESIDENT, "c-1"));
    assertThrows(NotFoundException.class, () -> alliance.suspendCard(ADMIN, "c-9"));
    assertThrows(ConflictException.class, () -> alliance.reinstateCard(ADMIN, "c-1"));
    assertEquals(LocalDate.of(2028, 6, 30), alliance.renewCard(ADMIN, "c-1", LocalDate.of(2028, 6, 30)).validUntil());
    assertThrows(ValidationException.class, () -> alliance.renewCard(ADMIN, "c-1", LocalDate.of(2027, 1, 1)));
    alliance.revokeCard(ADMIN, "c-1");
    assertThrows(ConflictException.class, () -> alliance.revokeCard(ADMIN, "c-1"));
    assertThrows(ConflictException.class, () -> alliance.renewCard(ADMIN, "c-1", LocalDate.of(2029, 1, 1)));
    assertEquals(CardStatus.ACTIVE, alliance.issueCard(ADMIN, card("c-2", "r-1").build()).status());
    assertEquals(2, alliance.cards().size());
  }

  @Test
  void card_toString_hidesPersonalData() {
    String s = card("c-1", "r-1").build().toString();
    assertFalse(s.contains("1950"), s);
    assertFalse(s.contains("ELDERLY"), s);
    assertFalse(s.contains("cell-3"), s);
  }

  /** Source 004: "more than 40 units … 77 projects, 33 of them free … medical, educational, legal". */
  @Test
  void figures_source004Lishan_countsMembersProjectsFreeByDomainAndKind() {
    ServiceDomain[] domains = {ServiceDomain.HEALTHCARE, ServiceDomain.EDUCATION, ServiceDomain.LEGAL, ServiceDomain.DAILY_LIVING};
    MemberKind[] kinds = {MemberKind.RESIDENT_UNIT, MemberKind.MERCHANT, MemberKind.SOCIAL_ORGANISATION};
    for (int i = 0; i < 42; i++) {
      active(String.format(java.util.Locale.ROOT, "u%02d", i), kinds[i % 3]);
    }
    for (int j = 0; j < 77; j++) {
      MemberId owner = MemberId.of(String.format(java.util.Locale.ROOT, "u%02d", j % 42));
      alliance.pledge(ADMIN, pledge("p" + j, owner).domain(domains[j % 4]).price(j < 33 ? PledgePrice.free() : PledgePrice.discount(20)).build());
    }
    // noise that must not count: another community, an applicant, a withdrawn member's pledge, an expired pledge
    alliance.apply(ADMIN, Member.builder().from(member("far", MemberKind.MERCHANT)).community("elsewhere").build());
    alliance.admit(ADMIN, MemberId.of("far"));
    alliance.pledge(ADMIN, pledge("far-p", MemberId.of("far")).build());
    alliance.apply(ADMIN, member("new", MemberKind.MERCHANT));
    MemberId leaving = active("leaving", MemberKind.MERCHANT);
    alliance.pledge(ADMIN, pledge("leaving-p", leaving).build());
    alliance.withdraw(ADMIN, leaving);
    alliance.pledge(ADMIN, pledge("old", MemberId.of("u00")).validity(Period.year(2025)).build());

    AllianceFigures f = alliance.figures("lishan");
    assertEquals(42, f.members());
    assertEquals(Map.of(MemberKind.RESIDENT_UNIT, 14, MemberKind.MERCHANT, 14, MemberKind.SOCIAL_ORGANISATION, 14), f.membersByKind());
    assertEquals(77, f.projects());
    assertEquals(33, f.freeProjects());
    assertEquals(20, f.projectsByDomain().get(ServiceDomain.HEALTHCARE));
    assertEquals(19, f.projectsByDomain().get(ServiceDomain.DAILY_LIVING));
    assertEquals(9, f.freeProjectsByDomain().get(ServiceDomain.HEALTHCARE));
    assertEquals(77, f.projectsByKind().values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(1, alliance.figures("elsewhere").projects());

    // the day before 'leaving' withdrew it was active, with its pledge
    AllianceFigures before = alliance.figures("lishan", LocalDate.of(2026, 11, 1));
    assertEquals(0, before.members(), "everything happened on 2026-11-02");
    List<Observation> obs = f.observations(NOV);
    assertEquals(77, obs.stream().filter(o -> o.indicatorId().equals("alliance.projects")).findFirst().orElseThrow().value());
    assertEquals("lishan", obs.get(0).scope());
  }

  @Test
  void figures_useHistory_memberWithdrawnLaterStillCountedBefore() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.pledge(ADMIN, pledge("p-1", m).build());
    clock.advance(Duration.ofDays(3));
    alliance.withdraw(ADMIN, m);
    assertEquals(1, alliance.figures("lishan", LocalDate.of(2026, 11, 3)).projects());
    assertEquals(0, alliance.figures("lishan").projects());
  }

  @Test
  void place_andPriceTerms_labels() {
    assertEquals("free", PledgePrice.free().label().en());
    assertEquals("优惠20%", PledgePrice.discount(20).label().zh());
    Place p = Place.of(GeoPoint.of(36.65, 117.12), "cell-3");
    assertEquals("cell-3", p.gridCell().orElseThrow());
    assertThrows(ValidationException.class, () -> Place.cell(" "));
  }

  @Test
  void usageObservations_countUsesUnitsAndRatio() {
    MemberId m = active("m-1", MemberKind.MERCHANT);
    alliance.pledge(ADMIN, pledge("p-1", m).capacity(10).build());
    alliance.issueCard(ADMIN, card("c-1", "r-1").build());
    alliance.recordUse(ADMIN, "c-1", "p-1");
    alliance.recordDelivery(ADMIN, "p-1", 4);
    Map<String, Double> obs = new java.util.HashMap<>();
    for (Observation o : alliance.usageObservations("lishan", NOV)) {
      obs.put(o.indicatorId(), o.value());
      assertEquals("lishan", o.scope());
    }
    assertEquals(1, obs.get("alliance.card_uses"));
    assertEquals(5, obs.get("alliance.units_delivered"));
    assertEquals(10, obs.get("alliance.units_pledged"), 1e-9);
    assertEquals(0.5, obs.get("alliance.fulfilment_ratio"), 1e-9);
    assertEquals(3, alliance.usageObservations("elsewhere", NOV).size(), "no ratio when nothing was pledged");
  }
}

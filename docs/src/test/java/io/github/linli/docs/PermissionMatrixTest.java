package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import io.github.linli.core.alliance.MembershipAction;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.demand.DemandState;
import io.github.linli.core.demand.DomainTaxonomy;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.TaxonomyRegistry;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.Resolution;
import io.github.linli.core.governance.Seat;
import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetProject;
import io.github.linli.core.governance.budget.BudgetRound;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.mediation.AgreementTerm;
import io.github.linli.core.mediation.CaseFiling;
import io.github.linli.core.mediation.DisputeCategory;
import io.github.linli.core.mediation.DisputeParty;
import io.github.linli.core.mediation.DisputeTaxonomy;
import io.github.linli.core.mediation.EscalationLevel;
import io.github.linli.core.mediation.EscalationReason;
import io.github.linli.core.mediation.Mediation;
import io.github.linli.core.mediation.Mediator;
import io.github.linli.core.mediation.PartyKind;
import io.github.linli.core.mediation.RiskFlag;
import io.github.linli.core.mediation.TermCheck;
import io.github.linli.core.privacy.AccessRecord;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Purpose;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import io.github.linli.matching.RequesterFacts;
import io.github.linli.matching.dispatch.DispatchPolicy;
import io.github.linli.matching.dispatch.Dispatcher;
import io.github.linli.matching.dispatch.ReleaseReason;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountKind;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.Exchange;
import io.github.linli.timebank.ExchangeStatus;
import io.github.linli.timebank.ServiceExchanges;
import io.github.linli.timebank.TimeBank;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 9: the permission matrix of {@code docs/permissions.md}, read from the page itself and
 * checked cell by cell. Every operation is called, in a fresh world where it would succeed, by an
 * actor of every column: ✓ must succeed, ✗ must be a {@link PermissionDeniedException} that leaves
 * a full snapshot of every aggregate unchanged. Data-driven: an operation is one entry of {@link
 * #OPERATIONS}.
 */
class PermissionMatrixTest {
  static final Path PAGE = RunnableDocsTest.DOCS.resolve("permissions.md");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Period YEAR = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
  static final ResidentId SELF = ResidentId.of("r-self");
  static final String REP = "rep-1";
  static final String SEAT = "res-1";

  /** The columns of the table: how to make each actor. */
  static final Map<String, Actor> COLUMNS = new LinkedHashMap<>();

  static {
    Map<String, Role> codes = new LinkedHashMap<>();
    codes.put("RES", Role.RESIDENT);
    codes.put("VOL", Role.VOLUNTEER);
    codes.put("REP", Role.MEMBER_REPRESENTATIVE);
    codes.put("COORD", Role.COORDINATOR);
    codes.put("RC", Role.RESIDENTS_COMMITTEE);
    codes.put("PC", Role.PARTY_COMMITTEE);
    codes.put("SEC", Role.MEETING_SECRETARY);
    codes.put("ADMIN", Role.ALLIANCE_ADMIN);
    codes.put("EVAL", Role.EVALUATOR);
    codes.put("SYS", Role.SYSTEM);
    codes.forEach((code, role) -> COLUMNS.put(code, Actor.of("actor-" + code.toLowerCase(Locale.ROOT), role)));
    COLUMNS.put("self", Actor.of(SELF.value(), Role.RESIDENT));
    COLUMNS.put("rep", Actor.of(REP, Role.MEMBER_REPRESENTATIVE));
    COLUMNS.put("seat", Actor.of(SEAT, Role.RESIDENT));
  }

  /** A fresh world: an alliance, a joint meeting with an open motion, a personal-data store. */
  static final class World {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZONE);
    final Actor admin = Actor.of("boot-admin", Role.ALLIANCE_ADMIN);
    final Actor secretary = Actor.of("boot-sec", Role.MEETING_SECRETARY);
    final Actor coordinator = Actor.of("boot-coord", Role.COORDINATOR);
    final Alliance alliance = Alliance.create("club", clock);
    final List<Seat> seats = List.of(
        Seat.of(SEAT, Party.RESIDENT_REPRESENTATIVES),
        Seat.of("res-2", Party.RESIDENT_REPRESENTATIVES),
        Seat.of("party-1", Party.PARTY_COMMITTEE),
        Seat.of("rc-1", Party.RESIDENTS_COMMITTEE));
    final JointMeeting meeting;
    final String motion;
    final Resolution expel;
    final PersonalDataStore people = PersonalDataStore.inMemory(clock);
    final DemandIntake intake = DemandIntake.create(clock);
    /** Demands kept in an (in-memory) event store, their personal fields in a store of their own. */
    final DemandIntake storedIntake =
        DemandIntake.open(EventStores.inMemory(clock), "lishan", clock, PersonalDataStore.inMemory(clock));
    final Demand submitted;
    final Demand classified;
    final Demand matched;
    final Demand inService;
    final TaxonomyRegistry taxonomies = TaxonomyRegistry.create(clock);
    /** A budget round open for projects and ballots. */
    final BudgetRound round = BudgetRound.open(Actor.of("boot-rc", Role.RESIDENTS_COMMITTEE), "pb-1", 1000, BudgetRule.greedy(), clock);
    final Resolution adoptPets;
    /** The time bank's clock, which {@code autoConfirmDue} needs to move on. */
    final MovableClock bankClock = new MovableClock(clock.instant(), ZONE);
    final TimeBank bank = TimeBank.builder().clock(bankClock).autoConfirmAfter(Duration.ofDays(7)).build();
    final ServiceExchanges exchanges = bank.exchanges();
    /** Issue 20: a mediation desk with cases between SELF and member m-1 (represented by REP) in every state. */
    final PersonalDataStore mediationPeople = PersonalDataStore.inMemory(clock);
    final Mediation mediation = Mediation.open(EventStores.inMemory(clock), "lishan", clock, mediationPeople);
    final Resolution adoptDisputes;
    /** Dispatch: a promised low-tier need, a waiting basic need, promises to start, release and deliver, a queued need. */
    final EventStore dispatchStore = EventStores.inMemory(clock);
    /** Needs that arrived on another server are looked up here (only their place and requester are used). */
    final io.github.linli.matching.dispatch.NeedDirectory directory =
        id -> java.util.Optional.of(dispatchNeed(id, MaslowTier.SAFETY, ServiceDomain.HEALTHCARE));
    final Dispatcher dispatcher = Dispatcher.open(dispatchStore, "lishan", clock, DispatchPolicy.preempt(ZONE),
        io.github.linli.matching.dispatch.GridMap.empty(), directory);

    World() {
      member("m-1");
      member("m-2");
      member("m-3");
      alliance.admit(admin, MemberId.of("m-1"));
      alliance.admit(admin, MemberId.of("m-2"));
      alliance.suspend(admin, MemberId.of("m-2"));
      alliance.pledge(admin, pledge("p-1"));
      alliance.issueCard(admin, card("c-1", SELF));
      alliance.issueCard(admin, card("c-2", ResidentId.of("r-other")));
      alliance.suspendCard(admin, "c-2");

      JointMeeting board = JointMeeting.convene(secretary, "jm-0", Charter.standard(), seats, clock);
      String id = board.propose(secretary, Motion.expelMember(MemberId.of("m-1")));
      for (Seat s : seats) {
        board.vote(Actor.of(s.participantId(), Role.RESIDENT), id, Choice.YES);
      }
      expel = board.close(secretary, id).resolution().orElseThrow();

      meeting = JointMeeting.convene(secretary, "jm-1", Charter.standard().withProxies(1), seats, clock);
      motion = meeting.propose(secretary, Motion.custom(Label.of("植树", "plant trees"), Map.of()));

      people.put(coordinator, SELF, PersonalDataKind.NAME, "欧阳娜娜");
      people.put(coordinator, SELF, PersonalDataKind.PHONE, "13912347788");
      people.put(coordinator, SELF, PersonalDataKind.ID_NUMBER, "110105194912310021");
      people.put(coordinator, SELF, PersonalDataKind.HOUSEHOLD_FLAGS, "ELDERLY_LIVING_ALONE");
      people.put(coordinator, SELF, PersonalDataKind.HEALTH, "阿尔茨海默病");
      people.put(coordinator, SELF, PersonalDataKind.NEED_TEXT, "需要有人每天上门看望");

      // demands of SELF in every open state
      submitted = intake.submit(coordinator, demandRequest("d-1"));
      classified = intake.classify(coordinator, intake.submit(coordinator, demandRequest("d-2")));
      matched = intake.match(coordinator, intake.classify(coordinator, intake.submit(coordinator, demandRequest("d-3"))));
      inService = intake.startService(coordinator,
          intake.match(coordinator, intake.classify(coordinator, intake.submit(coordinator, demandRequest("d-4")))));

      round.submit(coordinator, BudgetProject.of("bench", 300));
      storedIntake.submit(coordinator, demandRequest("d-1"));

      // a registered proposal and a resolution adopting it
      taxonomies.register(coordinator, taxonomy("lishan-pets", 2));
      JointMeeting vote = JointMeeting.convene(secretary, "jm-tax", Charter.standard(), seats, clock);
      String adopt = vote.propose(secretary, Motion.adoptTaxonomy("lishan-pets", "2"));
      for (Seat s : seats) {
        vote.vote(Actor.of(s.participantId(), Role.RESIDENT), adopt, Choice.YES);
      }
      adoptPets = vote.close(secretary, adopt).resolution().orElseThrow();

      // mediation: two mediators, a registered dispute taxonomy with a resolution adopting it, cases in every state
      mediation.authoriseMediator(admin, Mediator.peoples("med-1"));
      mediation.authoriseMediator(admin, Mediator.peoples("med-2"));
      mediation.registerTaxonomy(coordinator, disputeTaxonomy("lishan-disputes", 2));
      JointMeeting disputesVote = JointMeeting.convene(secretary, "jm-disputes", Charter.standard(), seats, clock);
      String adoptD = disputesVote.propose(secretary, Motion.adoptTaxonomy("lishan-disputes", "2"));
      for (Seat s : seats) {
        disputesVote.vote(Actor.of(s.participantId(), Role.RESIDENT), adoptD, Choice.YES);
      }
      adoptDisputes = disputesVote.close(secretary, adoptD).resolution().orElseThrow();
      Actor med = Actor.of("med-1", Role.RESIDENT);
      Actor self = Actor.of(SELF.value(), Role.RESIDENT);
      Actor rep = Actor.of(REP, Role.MEMBER_REPRESENTATIVE);
      for (String caseId : List.of("case-filed", "case-med", "case-prop", "case-agreed", "case-closed")) {
        mediation.file(coordinator, disputeFiling(caseId, SELF.value()));
        if (!caseId.equals("case-filed")) {
          mediation.assignMediator(coordinator, caseId, "med-1");
        }
        if (caseId.equals("case-prop") || caseId.equals("case-agreed") || caseId.equals("case-closed")) {
          mediation.propose(med, caseId, List.of(AgreementTerm.of("t1", "m-1", LocalDate.of(2026, 12, 31), "商户晚上十点后停止装修")));
        }
        if (caseId.equals("case-agreed") || caseId.equals("case-closed")) {
          mediation.accept(self, caseId, SELF.value());
          mediation.accept(rep, caseId, "m-1");
        }
        if (caseId.equals("case-closed")) {
          mediation.close(med, caseId);
        }
      }

      // accounts: SELF's, another resident's, and a member unit's held by its representative REP
      bank.openAccount(account("a-self", SELF.value(), AccountKind.RESIDENT));
      bank.openAccount(account("a-other", "r-other", AccountKind.RESIDENT));
      bank.openAccount(account("a-rep", REP, AccountKind.MEMBER_UNIT));
      // SELF provides: requested and accepted
      exchanges.request(coordinator, "ex-req", AccountId.of("a-rep"), AccountId.of("a-self"), Credits.ofMinutes(120));
      exchanges.request(coordinator, "ex-acc", AccountId.of("a-rep"), AccountId.of("a-self"), Credits.ofMinutes(120));
      exchanges.accept(coordinator, "ex-acc");
      // SELF receives: delivered, disputed, accepted
      exchanges.request(coordinator, "ex-del", AccountId.of("a-self"), AccountId.of("a-rep"), Credits.ofMinutes(120));
      exchanges.accept(coordinator, "ex-del");
      exchanges.deliver(coordinator, "ex-del", Credits.ofMinutes(90));
      exchanges.request(coordinator, "ex-dis", AccountId.of("a-self"), AccountId.of("a-rep"), Credits.ofMinutes(120));
      exchanges.accept(coordinator, "ex-dis");
      exchanges.deliver(coordinator, "ex-dis", Credits.ofMinutes(60));
      exchanges.dispute(coordinator, "ex-dis");
      exchanges.request(coordinator, "ex-can", AccountId.of("a-self"), AccountId.of("a-rep"), Credits.ofMinutes(120));
      exchanges.accept(coordinator, "ex-can");

      dispatcher.listOffer(coordinator, dispatchOffer("clinic", ServiceDomain.HEALTHCARE, 1), io.github.linli.core.alliance.Cadence.WEEK);
      dispatcher.listOffer(coordinator, dispatchOffer("hall", ServiceDomain.DAILY_LIVING, 2), io.github.linli.core.alliance.Cadence.WEEK);
      dispatcher.arrive(coordinator, dispatchNeed("n-low", MaslowTier.ESTEEM, ServiceDomain.HEALTHCARE));
      // a server whose community keeps promises: the basic need waits, for a coordinator to decide
      Dispatcher.open(dispatchStore, "lishan", clock, DispatchPolicy.waitForCapacity(ZONE))
          .arrive(coordinator, dispatchNeed("n-high", MaslowTier.PHYSIOLOGICAL, ServiceDomain.HEALTHCARE));
      dispatcher.arrive(coordinator, dispatchNeed("n-p1", MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING));
      dispatcher.arrive(coordinator, dispatchNeed("n-p2", MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING));
      dispatcher.start(coordinator, "n-p2#1");
      dispatcher.arrive(coordinator, dispatchNeed("n-q", MaslowTier.SAFETY, ServiceDomain.DAILY_LIVING));
    }

    static Offer dispatchOffer(String id, ServiceDomain domain, int perWeek) {
      return Offer.builder().id(id).provider(MemberId.of("m-1")).addDomain(domain).capacity(perWeek)
          .place(io.github.linli.core.GeoPoint.of(36.6512, 117.1201)).radiusMetres(2000)
          .availability(io.github.linli.core.TimeWindow.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))
          .build();
    }

    static Need dispatchNeed(String id, MaslowTier tier, ServiceDomain domain) {
      return Need.builder().id(id).neighbourhood("B2").tier(tier).domain(domain)
          .place(io.github.linli.core.GeoPoint.of(36.6515, 117.1203))
          .wanted(io.github.linli.core.TimeWindow.of(Instant.parse("2026-11-24T02:00:00Z"), Duration.ofDays(3))).build();
    }

    static DemandRequest demandRequest(String id) {
      return DemandRequest.builder().id(id).requester(SELF).text("3号楼的独居老人中午没饭吃，能不能送餐？").gridCell("B2").build();
    }

    static CaseFiling disputeFiling(String id, String applicant) {
      return CaseFiling.builder().id(id).addParty(DisputeParty.resident(SELF))
          .addParty(DisputeParty.organisation(PartyKind.MERCHANT, MemberId.of("m-1"), REP)).applicant(applicant)
          .category(DisputeCategory.RENOVATION).facts("楼下店铺装修，每天早上七点就开始电钻").gridCell("B2").build();
    }

    static DisputeTaxonomy disputeTaxonomy(String id, int version) {
      List<DisputeCategory> cs = new ArrayList<>(DisputeCategory.defaults());
      cs.add(DisputeCategory.of("SQUARE_DANCING", Label.of("广场舞扰民", "square dancing")));
      return DisputeTaxonomy.of(id, version, cs);
    }

    static DomainTaxonomy taxonomy(String id, int version) {
      return DomainTaxonomy.builder(id, version).addAll(ServiceDomain.defaults())
          .add(ServiceDomain.of("PETS", Label.of("宠物服务", "pets"))).build();
    }

    static AccountSpec account(String id, String holder, AccountKind kind) {
      return AccountSpec.builder().id(AccountId.of(id)).holder(holder).kind(kind).overdraftLimit(Credits.ofMinutes(600)).build();
    }

    void member(String id) {
      alliance.apply(admin, newMember(id));
    }

    static Member newMember(String id) {
      return Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of("单位" + id, "unit " + id))
          .community("lishan").addRepresentative(REP)
          .contact(io.github.linli.core.alliance.Contact.of("王经理", "13800001111")).build();
    }

    static Pledge pledge(String id) {
      return Pledge.builder().id(id).member(MemberId.of("m-1")).title(Label.of("义诊", "free clinic"))
          .domain(ServiceDomain.HEALTHCARE).addTier(MaslowTier.SAFETY).price(PledgePrice.free()).capacity(100)
          .validity(YEAR).build();
    }

    static BenefitCard card(String id, ResidentId holder) {
      return BenefitCard.builder().id(id).holder(holder).birthDate(LocalDate.of(1949, 12, 31))
          .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).area("cell-3").validUntil(LocalDate.of(2027, 6, 30)).build();
    }

    /** Everything the aggregates hold, but the access log (which records refusals on purpose). */
    List<Object> snapshot() {
      List<Object> s = new ArrayList<>();
      s.add(alliance.members());
      s.add(alliance.members().stream().map(m -> alliance.status(m.id())).toList());
      s.add(alliance.events());
      s.add(alliance.pledges());
      s.add(alliance.pledges().stream().map(p -> alliance.deliveries(p.id())).toList());
      s.add(alliance.cards());
      s.add(alliance.enacted(expel.id()));
      s.add(meeting.attendees());
      s.add(meeting.proxies());
      s.add(meeting.motionIds());
      s.add(meeting.motionIds().stream().map(meeting::ballots).toList());
      s.add(meeting.motionIds().stream().map(meeting::tally).toList());
      s.add(meeting.resolutions());
      s.add(meeting.isAdjourned());
      s.add(round.toString() + round.projects() + round.ballots() + round.outcome() + round.version());
      s.add(people.kindsHeld(SELF));
      for (PersonalDataKind k : PersonalDataKind.values()) {
        s.add(people.masked(SELF, k));
      }
      s.add(List.of(submitted, classified, matched, inService));
      s.add(taxonomies.current());
      s.add(taxonomies.history().stream().map(Object::toString).toList());
      s.add(taxonomies.find("lishan-pets", 2));
      s.add(taxonomies.find("lishan-new", 1));
      s.add(bank.accounts());
      s.add(bank.journal());
      s.add(mediation.cases(Actor.system()));
      s.add(mediation.mediators());
      s.add(mediation.taxonomy());
      s.add(dispatcher.commitments());
      s.add(dispatcher.queue());
      s.add(dispatcher.usage());
      s.add(dispatcher.offers());
      s.add(exchanges.all().stream()
          .map(e -> e + " requested " + e.requestedAt() + " delivered " + e.deliveredAt()).toList());
      return s;
    }
  }

  /** A clock the test moves on by hand. */
  static final class MovableClock extends Clock {
    private Instant now;
    private final ZoneId zone;

    MovableClock(Instant now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new MovableClock(now, z);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** One state-changing operation: how to prepare the world and how to call it. */
  record Operation(String key, Consumer<World> prepare, BiFunction<World, Actor, Object> call) {
    static Operation of(String key, BiFunction<World, Actor, Object> call) {
      return new Operation(key, w -> {}, call);
    }
  }

  static final List<Operation> OPERATIONS = List.of(
      Operation.of("Alliance.apply", (w, a) -> w.alliance.apply(a, World.newMember("m-new"))),
      Operation.of("Alliance.admit", (w, a) -> w.alliance.admit(a, MemberId.of("m-3"))),
      Operation.of("Alliance.suspend", (w, a) -> w.alliance.suspend(a, MemberId.of("m-1"))),
      Operation.of("Alliance.reinstate", (w, a) -> w.alliance.reinstate(a, MemberId.of("m-2"))),
      Operation.of("Alliance.withdraw", (w, a) -> w.alliance.withdraw(a, MemberId.of("m-1"))),
      Operation.of("Alliance.expel", (w, a) -> w.alliance.expel(a, MemberId.of("m-1"))),
      Operation.of("Alliance.change(SUSPEND)", (w, a) -> w.alliance.change(a, MemberId.of("m-1"), MembershipAction.SUSPEND)),
      Operation.of("Alliance.enact(expel resolution)", (w, a) -> w.alliance.enact(a, w.expel)),
      Operation.of("Alliance.pledge", (w, a) -> w.alliance.pledge(a, World.pledge("p-2"))),
      Operation.of("Alliance.recordDelivery", (w, a) -> w.alliance.recordDelivery(a, "p-1", 2)),
      Operation.of("Alliance.issueCard", (w, a) -> w.alliance.issueCard(a, World.card("c-3", ResidentId.of("r-new")))),
      Operation.of("Alliance.suspendCard", (w, a) -> w.alliance.suspendCard(a, "c-1")),
      Operation.of("Alliance.reinstateCard", (w, a) -> w.alliance.reinstateCard(a, "c-2")),
      Operation.of("Alliance.revokeCard", (w, a) -> w.alliance.revokeCard(a, "c-1")),
      Operation.of("Alliance.renewCard", (w, a) -> w.alliance.renewCard(a, "c-1", LocalDate.of(2028, 6, 30))),
      Operation.of("Alliance.erasePersonalData", (w, a) -> {
        assertEquals(1, w.alliance.erasePersonalData(a, SELF), "the card held personal data");
        return w.alliance.card("c-1");
      }),
      Operation.of("Alliance.eraseContact", (w, a) -> {
        assertTrue(w.alliance.eraseContact(a, MemberId.of("m-1")), "m-1 had a contact");
        return w.alliance.member(MemberId.of("m-1"));
      }),
      Operation.of("Alliance.recordUse", (w, a) -> w.alliance.recordUse(a, "c-1", "p-1")),
      Operation.of("JointMeeting.convene", (w, a) -> JointMeeting.convene(a, "jm-2", Charter.standard(), w.seats, w.clock)),
      Operation.of("JointMeeting.attend", (w, a) -> w.meeting.attend(a)),
      Operation.of("JointMeeting.grantProxy", (w, a) -> {
        w.meeting.grantProxy(a, "res-2");
        return w.meeting.proxies();
      }),
      Operation.of("JointMeeting.propose", (w, a) -> w.meeting.propose(a, Motion.custom(Label.of("修路", "mend the road"), Map.of()))),
      Operation.of("JointMeeting.vote", (w, a) -> w.meeting.vote(a, w.motion, Choice.YES)),
      new Operation("JointMeeting.voteFor", w -> w.meeting.grantProxy(Actor.of("res-2", Role.RESIDENT), SEAT),
          (w, a) -> w.meeting.voteFor(a, "res-2", w.motion, Choice.NO)),
      new Operation("JointMeeting.close",
          w -> w.seats.forEach(s -> w.meeting.vote(Actor.of(s.participantId(), Role.RESIDENT), w.motion, Choice.YES)),
          (w, a) -> w.meeting.close(a, w.motion)),
      new Operation("JointMeeting.adjourn", w -> w.meeting.close(w.secretary, w.motion), (w, a) -> {
        w.meeting.adjourn(a);
        return w.meeting.isAdjourned();
      }),
      Operation.of("BudgetRound.open", (w, a) -> BudgetRound.open(a, "pb-2", 500, BudgetRule.greedy(), w.clock)),
      Operation.of("BudgetRound.submit", (w, a) -> w.round.submit(a, BudgetProject.of("lamps", 200))),
      Operation.of("BudgetRound.cast", (w, a) -> w.round.cast(a, BudgetBallot.approval(SELF.value(), "bench"))),
      Operation.of("BudgetRound.close", (w, a) -> w.round.close(a)),
      Operation.of("PersonalDataStore.put", (w, a) -> {
        w.people.put(a, SELF, PersonalDataKind.ADDRESS, "幸福里7号楼3单元502");
        return w.people.kindsHeld(SELF);
      }),
      read(Purpose.SUBJECT_ACCESS, PersonalDataKind.ID_NUMBER),
      read(Purpose.SERVICE_DELIVERY, PersonalDataKind.PHONE),
      read(Purpose.SERVICE_DELIVERY, PersonalDataKind.HEALTH),
      read(Purpose.ELIGIBILITY_CHECK, PersonalDataKind.HOUSEHOLD_FLAGS),
      read(Purpose.ELIGIBILITY_CHECK, PersonalDataKind.NEED_TEXT),
      read(Purpose.EMERGENCY_RESPONSE, PersonalDataKind.HEALTH),
      read(Purpose.AUDIT, PersonalDataKind.NAME),
      Operation.of("PersonalDataStore.erase", (w, a) -> w.people.erase(a, SELF)),
      Operation.of("DemandIntake.submit", (w, a) -> state(DemandState.SUBMITTED, w.intake.submit(a, World.demandRequest("d-new")))),
      Operation.of("DemandIntake.classify", (w, a) -> state(DemandState.CLASSIFIED, w.intake.classify(a, w.submitted))),
      Operation.of("DemandIntake.reclassify", (w, a) -> state(DemandState.CLASSIFIED,
          w.intake.reclassify(a, w.classified, MaslowTier.SAFETY, ServiceDomain.HEALTHCARE, Urgency.HIGH))),
      Operation.of("DemandIntake.match", (w, a) -> state(DemandState.MATCHED, w.intake.match(a, w.classified))),
      Operation.of("DemandIntake.returnToQueue", (w, a) -> state(DemandState.CLASSIFIED, w.intake.returnToQueue(a, w.matched))),
      Operation.of("DemandIntake.startService", (w, a) -> state(DemandState.IN_SERVICE, w.intake.startService(a, w.matched))),
      Operation.of("DemandIntake.fulfil", (w, a) -> state(DemandState.FULFILLED, w.intake.fulfil(a, w.inService, 5))),
      Operation.of("DemandIntake.markUnmet", (w, a) -> state(DemandState.UNMET, w.intake.markUnmet(a, w.matched, 2))),
      Operation.of("DemandIntake.find", (w, a) -> w.storedIntake.find(a, "d-1").orElseThrow().state()),
      Operation.of("DemandIntake.withdraw", (w, a) -> state(DemandState.WITHDRAWN, w.intake.withdraw(a, w.classified))),
      Operation.of("TaxonomyRegistry.register", (w, a) -> {
        w.taxonomies.register(a, World.taxonomy("lishan-new", 1));
        return w.taxonomies.find("lishan-new", 1).orElseThrow();
      }),
      Operation.of("TaxonomyRegistry.adopt", (w, a) -> {
        DomainTaxonomy adopted = w.taxonomies.adopt(a, w.adoptPets);
        assertEquals("lishan-pets@2", w.taxonomies.current().key());
        return adopted;
      }),
      Operation.of("ServiceExchanges.request", (w, a) -> status(ExchangeStatus.REQUESTED,
          w.exchanges.request(a, "ex-new", AccountId.of("a-self"), AccountId.of("a-rep"), Credits.ofMinutes(60)))),
      Operation.of("ServiceExchanges.accept", (w, a) -> status(ExchangeStatus.ACCEPTED, w.exchanges.accept(a, "ex-req"))),
      Operation.of("ServiceExchanges.deliver", (w, a) -> status(ExchangeStatus.DELIVERED,
          w.exchanges.deliver(a, "ex-acc", Credits.ofMinutes(100)))),
      Operation.of("ServiceExchanges.confirm", (w, a) -> {
        status(ExchangeStatus.POSTED, w.exchanges.confirm(a, "ex-del"));
        assertEquals(Credits.ofMinutes(-90), w.bank.balance(AccountId.of("a-self")), "the reported minutes are paid");
        return w.bank.accounts();
      }),
      Operation.of("ServiceExchanges.dispute", (w, a) -> status(ExchangeStatus.DISPUTED, w.exchanges.dispute(a, "ex-del"))),
      Operation.of("ServiceExchanges.resolve", (w, a) -> {
        status(ExchangeStatus.POSTED, w.exchanges.resolve(a, "ex-dis", Credits.ofMinutes(30)));
        assertEquals(Credits.ofMinutes(30), w.bank.balance(AccountId.of("a-rep")), "the resolved minutes are earned");
        return w.bank.accounts();
      }),
      Operation.of("ServiceExchanges.cancel", (w, a) -> status(ExchangeStatus.CANCELLED, w.exchanges.cancel(a, "ex-can"))),
      new Operation("ServiceExchanges.autoConfirmDue", w -> w.bankClock.advance(Duration.ofDays(8)), (w, a) -> {
        List<Exchange> confirmed = w.exchanges.autoConfirmDue(a);
        assertEquals(List.of("ex-del"), confirmed.stream().map(Exchange::id).toList(), "the one delivered exchange is due");
        return confirmed;
      }),
      Operation.of("Mediation.file", (w, a) -> w.mediation.file(a, World.disputeFiling("case-new", partyOf(a)))),
      Operation.of("Mediation.flagRisk", (w, a) -> w.mediation.flagRisk(a, "case-med", RiskFlag.VIOLENCE_ESCALATION)),
      Operation.of("Mediation.assignMediator", (w, a) -> w.mediation.assignMediator(a, "case-filed", "med-2")),
      Operation.of("Mediation.recordSession", (w, a) -> w.mediation.recordSession(a, "case-med", Set.of(SELF.value()))),
      Operation.of("Mediation.propose", (w, a) -> w.mediation.propose(a, "case-med",
          List.of(AgreementTerm.of("t1", "m-1", LocalDate.of(2026, 12, 31), "商户周末不施工")))),
      Operation.of("Mediation.accept", (w, a) -> w.mediation.accept(a, "case-prop", partyOf(a))),
      Operation.of("Mediation.decline", (w, a) -> w.mediation.decline(a, "case-prop", partyOf(a))),
      Operation.of("Mediation.followUp", (w, a) -> w.mediation.followUp(a, "case-agreed", Map.of("t1", TermCheck.KEPT),
          java.util.OptionalInt.of(4))),
      Operation.of("Mediation.close", (w, a) -> w.mediation.close(a, "case-agreed")),
      Operation.of("Mediation.reopen", (w, a) -> w.mediation.reopen(a, "case-closed", partyOf(a))),
      Operation.of("Mediation.escalate", (w, a) -> w.mediation.escalate(a, "case-med", EscalationLevel.COMMUNITY,
          EscalationReason.NO_AGREEMENT)),
      Operation.of("Mediation.withdraw", (w, a) -> w.mediation.withdraw(a, "case-filed")),
      Operation.of("Mediation.authoriseMediator", (w, a) -> w.mediation.authoriseMediator(a, Mediator.peoples("med-3"))),
      Operation.of("Mediation.revokeMediator", (w, a) -> w.mediation.revokeMediator(a, "med-2")),
      Operation.of("Mediation.registerTaxonomy", (w, a) -> {
        w.mediation.registerTaxonomy(a, World.disputeTaxonomy("lishan-disputes-new", 1));
        return a;
      }),
      Operation.of("Mediation.adoptTaxonomy", (w, a) -> {
        DisputeTaxonomy adopted = w.mediation.adoptTaxonomy(a, w.adoptDisputes);
        assertEquals("lishan-disputes@2", adopted.key());
        return adopted;
      }),
      Operation.of("Mediation.find", (w, a) -> w.mediation.find(a, "case-med").orElseThrow()),
      Operation.of("Mediation.cases", (w, a) -> w.mediation.cases(a)),
      Operation.of("Mediation.facts", (w, a) -> w.mediation.facts(a, "case-med").orElseThrow()),
      Operation.of("Mediation.terms", (w, a) -> {
        assertEquals(1, w.mediation.terms(a, "case-prop").size());
        return a;
      }),
      Operation.of("Mediation.overdue", (w, a) -> w.mediation.overdue(a)),
      Operation.of("Mediation.alerts", (w, a) -> w.mediation.alerts(a)),
      Operation.of("TimeBank.freeze", (w, a) -> accountStatus(AccountStatus.FROZEN, w.bank.freeze(a, AccountId.of("a-self")))),
      new Operation("TimeBank.unfreeze", w -> w.bank.freeze(w.coordinator, AccountId.of("a-self")),
          (w, a) -> accountStatus(AccountStatus.ACTIVE, w.bank.unfreeze(a, AccountId.of("a-self")))),
      Operation.of("Dispatcher.listOffer", (w, a) -> w.dispatcher.listOffer(a, World.dispatchOffer("new", ServiceDomain.LEGAL, 1),
          io.github.linli.core.alliance.Cadence.MONTH)),
      Operation.of("Dispatcher.listPledge", (w, a) -> w.dispatcher.listPledge(a, Pledge.builder().from(World.pledge("p-9"))
          .place(io.github.linli.core.alliance.Place.of(io.github.linli.core.GeoPoint.of(36.6512, 117.1201), "B2")).build(), 1500, 0)),
      Operation.of("Dispatcher.suspendOffer", (w, a) -> w.dispatcher.suspendOffer(a, "hall", ReleaseReason.OFFER_SUSPENDED)),
      Operation.of("Dispatcher.arrive", (w, a) -> w.dispatcher.arrive(a, World.dispatchNeed("n-new", MaslowTier.SAFETY,
          ServiceDomain.HEALTHCARE))),
      Operation.of("Dispatcher.arriveAll", (w, a) -> w.dispatcher.arriveAll(a, List.of(w.classified), d -> RequesterFacts.none())),
      Operation.of("Dispatcher.reoptimise", (w, a) -> w.dispatcher.reoptimise(a)),
      Operation.of("Dispatcher.start", (w, a) -> w.dispatcher.start(a, "n-p1#1")),
      Operation.of("Dispatcher.deliver", (w, a) -> w.dispatcher.deliver(a, "n-p2#1")),
      Operation.of("Dispatcher.release", (w, a) -> w.dispatcher.release(a, "n-p1#1", ReleaseReason.NO_SHOW)),
      Operation.of("Dispatcher.withdraw", (w, a) -> w.dispatcher.withdraw(a, "n-q")),
      Operation.of("Dispatcher.preempt", (w, a) -> w.dispatcher.preempt(a, "n-high", "n-low#1")),
      Operation.of("TimeBank.close", (w, a) -> accountStatus(AccountStatus.CLOSED, w.bank.close(a, AccountId.of("a-self")))));

  /** The dispute party an actor would act for: m-1 for its representative, SELF otherwise. */
  static String partyOf(Actor a) {
    return a.id().equals(REP) ? "m-1" : SELF.value();
  }

  static Demand state(DemandState expected, Demand d) {
    assertEquals(expected, d.state(), "state of demand " + d.id());
    return d;
  }

  static Exchange status(ExchangeStatus expected, Exchange e) {
    assertEquals(expected, e.status(), "status of " + e);
    return e;
  }

  static io.github.linli.timebank.Account accountStatus(AccountStatus expected, io.github.linli.timebank.Account a) {
    assertEquals(expected, a.status(), "status of " + a);
    return a;
  }

  static Operation read(Purpose purpose, PersonalDataKind kind) {
    return Operation.of("PersonalDataStore.read(" + purpose + ", " + kind + ")",
        (w, a) -> w.people.read(a, SELF, kind, purpose).orElseThrow(() -> new AssertionError("an allowed read found nothing")));
  }

  /** Public methods that take an actor but change nothing (and so have no row). */
  static final Set<String> NOT_STATE_CHANGING = Set.of(
      "AccessPolicy.allows" /* the predicate the store asks; it decides, it does not act */);

  /** The table of the page: operation → column → allowed. */
  static Map<String, Map<String, Boolean>> table() throws IOException {
    List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    int start = lines.indexOf("## The matrix");
    assertTrue(start >= 0, "permissions.md has a '## The matrix' section");
    List<String> header = null;
    Map<String, Map<String, Boolean>> table = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|") || line.startsWith("|---")) {
        continue;
      }
      List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
      if (header == null) {
        header = cells;
        assertEquals(new ArrayList<>(COLUMNS.keySet()), header.subList(1, header.size()), "the columns of the matrix");
        continue;
      }
      assertEquals(header.size(), cells.size(), "cells in row " + line);
      String key = cells.get(0).replace("`", "");
      Map<String, Boolean> row = new LinkedHashMap<>();
      for (int i = 1; i < cells.size(); i++) {
        String c = cells.get(i);
        assertTrue(c.equals("✓") || c.equals("✗"), "cell '" + c + "' in row " + key);
        row.put(header.get(i), c.equals("✓"));
      }
      assertTrue(table.put(key, row) == null, "row " + key + " appears once");
    }
    return table;
  }

  @Test
  void table_hasARowForEveryOperationAndBack() throws IOException {
    Set<String> documented = table().keySet();
    Set<String> tested = OPERATIONS.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(documented), tested, "rows of docs/permissions.md vs operations of this test");
  }

  @Test
  void everyPublicMethodTakingAnActor_hasARow() throws IOException {
    Set<String> covered = table().keySet().stream().map(k -> k.contains("(") ? k.substring(0, k.indexOf('(')) : k)
        .collect(Collectors.toSet());
    List<Class<?>> types = ExportedTypes.publicTypes();
    assertTrue(types.contains(Alliance.class) && types.contains(JointMeeting.class),
        "the scan sees core's exported types: modules " + ExportedTypes.modules() + ", " + types.size() + " types");
    Set<String> missing = new TreeSet<>();
    int found = 0;
    for (Class<?> c : types) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
          continue;
        }
        if (Arrays.asList(m.getParameterTypes()).contains(Actor.class)) {
          found++;
          String key = c.getSimpleName() + "." + m.getName();
          if (!covered.contains(key) && !NOT_STATE_CHANGING.contains(key)) {
            missing.add(key);
          }
        }
      }
    }
    assertTrue(found >= 25, "found " + found + " methods taking an actor");
    assertEquals(Set.of(), missing, "public methods taking an Actor with no row in docs/permissions.md");
  }

  @TestFactory
  List<DynamicTest> everyOperation_everyActor_asTheTableSays() throws IOException {
    Map<String, Map<String, Boolean>> table = table();
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : OPERATIONS) {
      Map<String, Boolean> row = table.get(op.key());
      if (row == null) {
        continue; // reported by table_hasARowForEveryOperationAndBack
      }
      for (Map.Entry<String, Actor> column : COLUMNS.entrySet()) {
        boolean allowed = row.get(column.getKey());
        tests.add(DynamicTest.dynamicTest(op.key() + " by " + column.getKey() + (allowed ? " ✓" : " ✗"),
            () -> check(op, column.getKey(), column.getValue(), allowed)));
      }
    }
    return tests;
  }

  static void check(Operation op, String column, Actor actor, boolean allowed) {
    World w = new World();
    op.prepare().accept(w);
    List<Object> before = w.snapshot();
    int logBefore = w.people.accessLog().records().size();
    String cell = op.key() + " by " + column + " (" + actor + ")";
    try {
      Object result = op.call().apply(w, actor);
      if (!allowed) {
        fail(cell + " should be refused but returned " + result);
      }
    } catch (PermissionDeniedException e) {
      if (allowed) {
        throw new AssertionError(cell + " should be allowed but was refused: " + e.getMessage(), e);
      }
      List<AccessRecord> log = w.people.accessLog().records();
      List<Object> after = w.snapshot();
      assertEquals(before, after, cell + ": a refusal changed the state");
      if (op.key().startsWith("PersonalDataStore.")) {
        assertEquals(logBefore + 1, log.size(), cell + ": the refusal is logged once");
        assertFalse(log.get(log.size() - 1).allowed(), cell + ": logged as refused");
      } else {
        assertEquals(logBefore, log.size(), cell + ": the access log is untouched");
      }
    }
  }
}

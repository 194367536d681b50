package io.github.linli.jackson;

import io.github.linli.core.Actor;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.governance.Candidate;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.ContributionValues;
import io.github.linli.core.governance.ContributionWeights;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.QuotaRules;
import io.github.linli.core.governance.Seat;
import io.github.linli.core.alliance.Contact;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandClassifier;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.demand.LabelledExample;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import io.github.linli.matching.Matcher;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import io.github.linli.matching.RequesterFacts;
import io.github.linli.scorecard.Indicator;
import io.github.linli.scorecard.IndicatorSource;
import io.github.linli.scorecard.IndicatorSystem;
import io.github.linli.scorecard.IndicatorSystems;
import io.github.linli.scorecard.Scorecard;
import io.github.linli.scorecard.methods.Ahp;
import io.github.linli.scorecard.methods.FuzzyEvaluation;
import io.github.linli.scorecard.methods.FuzzyOperator;
import io.github.linli.scorecard.methods.PriorityMethod;
import io.github.linli.scorecard.methods.RandomIndex;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.store.LedgerStores;
import io.github.linli.timebank.store.RetryPolicy;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real values, made by running Linli's own flows (a sample community, intake, matching, the time
 * bank, a scorecard, a survey): the roots from which the sweep collects one instance of each value
 * type it can reach through accessors.
 */
final class Samples {
  private Samples() {}

  static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneId.of("Asia/Shanghai"));

  static List<Object> roots() {
    List<Object> out = new ArrayList<>();
    // core: a sample community's alliance, figures, snapshot; intake and classification
    SampleCommunity lishan = SampleCommunity.generate(2026);
    out.add(lishan.residents().get(0));
    out.add(lishan.needs(YearMonth.of(2026, 10)).get(0));
    Alliance club = lishan.alliance(Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), SampleCommunity.ZONE));
    out.add(club.figures(SampleCommunity.COMMUNITY));
    out.add(club.snapshot());
    out.addAll(club.members().subList(0, 3));
    out.addAll(club.pledges().subList(0, Math.min(3, club.pledges().size())));
    out.addAll(club.cards().subList(0, Math.min(2, club.cards().size())));
    out.addAll(club.events().subList(0, 2));
    out.add(Member.builder().id(MemberId.of("m-x")).kind(MemberKind.MERCHANT).name(Label.of("面包房", "bakery"))
        .community("lishan").contact(Contact.of("张三", "13812345678")).build());
    out.add(Actor.of("staff-1", Role.COORDINATOR));
    out.add(GeoPoint.of(36.65, 117.12));

    DemandIntake intake = DemandIntake.create(CLOCK);
    DemandRequest request = DemandRequest.builder().id("d-1").requester(ResidentId.of("r-1"))
        .text("腿脚不便，想请人每周帮忙买菜").gridCell("C3").point(GeoPoint.of(36.6, 117.1))
        .wanted(TimeWindow.of(T0, Duration.ofHours(4))).addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).build();
    out.add(request);
    Demand d = intake.classify(Actor.system(), intake.submit(Actor.of("r-1", Role.RESIDENT), request));
    out.add(d);
    out.add(DemandClassifier.defaultClassifier().classify("3号楼的独居老人中午没饭吃，能不能送餐？"));
    out.add(LabelledExample.of("楼道灯坏了", MaslowTier.SAFETY, ServiceDomain.defaults().get(0)));

    // governance: a joint meeting that adopts a motion, committee quotas, contribution values
    Actor secretary = Actor.of("sec-1", Role.MEETING_SECRETARY);
    JointMeeting jm = JointMeeting.convene(secretary, "jm-2026-11", Charter.standard(), List.of(
        Seat.of("party-1", Party.PARTY_COMMITTEE), Seat.of("rc-1", Party.RESIDENTS_COMMITTEE),
        Seat.of("club-1", Party.ALLIANCE), Seat.of("unit-1", Party.MEMBER_UNITS, MemberId.of("m-pharmacy")),
        Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES), Seat.of("res-2", Party.RESIDENT_REPRESENTATIVES)), CLOCK);
    String motion = jm.propose(secretary, Motion.expelMember(MemberId.of("m-bank")));
    for (String p : List.of("party-1", "rc-1", "club-1", "res-1")) {
      jm.vote(Actor.of(p, Role.RESIDENT), motion, Choice.YES);
    }
    jm.vote(Actor.of("unit-1", Role.MEMBER_REPRESENTATIVE), motion, Choice.NO);
    out.add(jm.close(secretary, motion));
    out.addAll(jm.ballots(motion));
    out.add(jm.snapshot());
    out.addAll(jm.minutes());
    QuotaRules rules = QuotaRules.coCreationCommittee();
    out.add(rules);
    out.add(rules.check(List.of(Candidate.of("a1", "resident"), Candidate.of("b1", "expert"), Candidate.of("b2", "expert"))));
    out.addAll(ContributionValues.of(ContributionWeights.of(1, 5, 2))
        .compute(club, List.of(jm), (member, period) -> 6.0, Period.month(YearMonth.of(2026, 11))));

    // the event store
    EventStore store = EventStores.inMemory();
    StreamId s = StreamId.of("lishan", "member", "m-bakery");
    AppendRequest append = AppendRequest.to(s, AppendRequest.NO_STREAM, EventData.of("MemberApplied", 1, "{}"))
        .commandId("req-1");
    out.add(append);
    out.add(store.append(append));

    // matching
    TimeWindow day = TimeWindow.of(T0, Duration.ofHours(10));
    Offer clinic = Offer.builder().id("clinic-1").provider(MemberId.of("m-clinic")).addDomain(ServiceDomain.HEALTHCARE)
        .capacity(1).place(GeoPoint.of(36.6512, 117.1201)).radiusMetres(1500).availability(day).build();
    Need n1 = Need.builder().id("need-1").neighbourhood("A1").tier(MaslowTier.SELF_ACTUALIZATION).urgency(Urgency.NORMAL)
        .domain(ServiceDomain.HEALTHCARE).place(GeoPoint.of(36.6515, 117.1203)).wanted(day).build();
    Need n2 = Need.builder().id("need-2").neighbourhood("B2").tier(MaslowTier.PHYSIOLOGICAL).urgency(Urgency.HIGH)
        .domain(ServiceDomain.HEALTHCARE).place(GeoPoint.of(36.6530, 117.1201)).wanted(day)
        .requester(RequesterFacts.of(true, 82, Set.of(HouseholdFlag.ELDERLY_LIVING_ALONE))).build();
    out.add(Matcher.exact().match(List.of(n1, n2), List.of(clinic)));
    out.add(n2);
    out.add(clinic);

    // the time bank
    TimeBank bank = TimeBank.builder().store(LedgerStores.inMemory()).clock(CLOCK).build();
    AccountId granny = AccountId.of("acc-granny");
    AccountId student = AccountId.of("acc-student");
    bank.openAccount(AccountSpec.builder().id(granny).holder("res-granny").overdraftLimit(Credits.ofHours(10)).build());
    bank.openAccount(AccountSpec.builder().id(student).holder("res-student").build());
    out.add(bank.transfer(TransferId.of("visit:1"), granny, student, Credits.ofMinutes(60)));
    out.add(TransferRequest.single(TransferId.of("visit:2"), granny, student, Credits.ofMinutes(30)));
    out.add(bank.exchanges().request(Actor.of("res-granny", Role.RESIDENT), "ex-1", granny, student, Credits.ofMinutes(45)));
    Period october = Period.month(YearMonth.of(2026, 11));
    out.addAll(bank.accounts());
    out.addAll(bank.journal());
    out.add(bank.verify());
    out.addAll(bank.totals());
    out.add(bank.statement(student, october));
    out.addAll(bank.topContributors(io.github.linli.timebank.LedgerId.SERVICE_MINUTES, october, 3));
    out.add(RetryPolicy.defaults());

    // the scorecard
    IndicatorSystem gov = IndicatorSystems.governanceIndex();
    Map<String, Double> values = new HashMap<>();
    for (Indicator i : gov.indicators()) {
      values.put(i.id(), i.source() == IndicatorSource.SURVEY ? 0.7 : 0.5 * i.normalisation().high());
    }
    Scorecard card = Scorecard.evaluate(gov, "lishan", Period.month(YearMonth.of(2026, 10)), values);
    out.add(card);
    out.add(card.diagnose());
    out.addAll(Scorecard.rank(List.of(card, Scorecard.evaluate(gov, "wenhua", Period.month(YearMonth.of(2026, 10)), values))));
    out.add(Ahp.analyse(new double[][] {{1, 3}, {1.0 / 3, 1}}, PriorityMethod.values()[0], RandomIndex.values()[0]));
    out.add(FuzzyEvaluation.evaluate(new double[] {0.5, 0.5}, new double[][] {{0.2, 0.8}, {0.6, 0.4}}, FuzzyOperator.values()[0]));
    out.add(SurveyReader.read(new StringReader(lishan.governanceSurveyCsv(30)), Questionnaires.governanceIndex(5),
        MissingDataPolicy.values()[0]));
    return out;
  }
}

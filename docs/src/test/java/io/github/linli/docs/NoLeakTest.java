package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.AllianceSnapshot;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Contact;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.demand.LabelledExample;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetElection;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.governance.budget.Completion;
import io.github.linli.core.governance.budget.Pabulib;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.privacy.Purpose;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.core.sample.SampleNeed;
import io.github.linli.core.sample.SampleResident;
import io.github.linli.matching.MatchResult;
import io.github.linli.matching.Matcher;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import io.github.linli.matching.RequesterFacts;
import io.github.linli.scorecard.Reports;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.Rejection;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: personal data never reaches {@code toString()}, exception messages, reports or
 * observations. Distinctive values (a name, a phone number, an ID number, an address, household and
 * health facts, the text of a need, a birth date) are planted in every public value that can hold
 * them, and every rendered string is scanned for them.
 *
 * <p>Which accessors hold personal data is an explicit list ({@link #PERSONAL}); every public type of
 * every exported package is found by reflection, and any accessor whose name suggests personal data
 * must be in that list or in {@link #NOT_PERSONAL} with a reason, so a new type cannot slip by.
 */
class NoLeakTest {
  static final String NAME = "欧阳娜娜";
  static final String PHONE = "13912347788";
  static final String ID_NUMBER = "110105194912310021";
  static final String ADDRESS = "幸福里7号楼3单元502";
  static final String AREA = "xingfuli-7-502";
  static final String HEALTH = "阿尔茨海默病";
  static final String NEED_TEXT = "家暴求助请联系";
  static final LocalDate BIRTH = LocalDate.of(1949, 12, 31);

  /** Strings that must never appear: the values and how flags and dates render. */
  static final List<String> PLANTED = List.of(NAME, PHONE, ID_NUMBER, ADDRESS, AREA, HEALTH, NEED_TEXT, BIRTH.toString(),
      HouseholdFlag.DISABILITY.name(), HouseholdFlag.DISABILITY.label().zh(), HouseholdFlag.DISABILITY.label().en(),
      HouseholdFlag.ELDERLY_LIVING_ALONE.name(), HouseholdFlag.ELDERLY_LIVING_ALONE.label().zh(),
      HouseholdFlag.ELDERLY_LIVING_ALONE.label().en());

  /** The accessors that hold personal data, per type. */
  static final Map<Class<?>, Set<String>> PERSONAL = Map.ofEntries(
      Map.entry(Demand.class, Set.of("text", "householdFlags")),
      Map.entry(DemandRequest.class, Set.of("text", "householdFlags")),
      Map.entry(LabelledExample.class, Set.of("text")),
      Map.entry(Contact.class, Set.of("name", "phone")),
      Map.entry(Member.class, Set.of("contact")),
      Map.entry(BenefitCard.class, Set.of("birthDate", "householdFlags", "area")),
      Map.entry(BudgetBallot.class, Set.of("attributes")),
      Map.entry(SampleResident.class, Set.of("age", "flags", "home", "cardHolder")),
      Map.entry(SampleNeed.class, Set.of("text")),
      Map.entry(Need.class, Set.of("requester")),
      Map.entry(RequesterFacts.class, Set.of("age", "flags", "cardHolder")),
      Map.entry(Rejection.class, Set.of("value")),
      // issue 20: the facts of a dispute and the wording of an agreement's terms
      Map.entry(io.github.linli.core.mediation.CaseFiling.class, Set.of("facts")),
      Map.entry(io.github.linli.core.mediation.AgreementTerm.class, Set.of("wording")),
      // issue 17: the classifier's evidence is pieces of the need text (health, household facts)
      Map.entry(io.github.linli.core.demand.Classification.class, Set.of("evidence")),
      // issue 17: exact distances to a few public offers locate a requester's home
      Map.entry(io.github.linli.matching.Explanation.class, Set.of("distanceMetres")),
      Map.entry(io.github.linli.matching.Alternative.class, Set.of("distanceMetres")),
      Map.entry(io.github.linli.matching.MatchMetrics.class, Set.of("totalDistanceMetres")),
      Map.entry(io.github.linli.matching.dispatch.DispatchOutcome.class, Set.of("distanceMetres")));

  /** Accessors whose names look personal but are not, and why. */
  static final Map<String, String> NOT_PERSONAL = Map.ofEntries(
      Map.entry("Dispatcher.usage", "places held per slot (offer id and period start): counts, no requester"),
      Map.entry("OfferTerms.serviceAreas", "the grid cells a pledged service covers: the provider's public terms"),
      Map.entry("Verification.message", "a kernel check's finding: indices and numbers of an anonymous instance"),
      Map.entry("OpaqueId.value", "an opaque id (ResidentId, MemberId, AccountId, TransferId, LedgerId)"),
      Map.entry("Demand.requester", "an opaque id"),
      Map.entry("DemandRequest.requester", "an opaque id"),
      Map.entry("DemandRow.requester", "an opaque id"),
      Map.entry("DemandMap.areas", "grid cell ids"),
      Map.entry("Cell.area", "a grid cell id"),
      Map.entry("MemberRow.name", "a member organisation's public name (Member.name; the contact person is in the personal-data store)"),
      Map.entry("LexiconTerm.text", "a vocabulary term of the classifier"),
      Map.entry("Account.holder", "an opaque id"),
      Map.entry("AccountSpec.holder", "an opaque id"),
      Map.entry("Contributor.holder", "an opaque id"),
      Map.entry("BudgetProject.name", "a project's name"),
      Map.entry("BudgetProject.attributes", "a project's other columns"),
      Map.entry("BallotChannel.pabulibName", "a constant of the file format"),
      Map.entry("VoteType.pabulibName", "a constant of the file format"),
      Map.entry("ValidationException.value", "the bad value of a field; personal fields pass **** (checked below)"),
      Map.entry("Observation.value", "a figure"),
      Map.entry("Contribution.value", "a figure"),
      Map.entry("SampleCommunity.name", "the community's name"),
      Map.entry("SampleNeed.language", "zh or en"),
      Map.entry("SampleNeed.requester", "an opaque id"),
      Map.entry("AllianceFigures.cardHolders", "a count"),
      Map.entry("PledgeEligibility.cardHoldersOnly", "a rule of a pledge or an offer"),
      Map.entry("PledgeEligibility.minAge", "a rule of a pledge or an offer"),
      Map.entry("PledgeEligibility.maxAge", "a rule of a pledge or an offer"),
      Map.entry("PledgeEligibility.householdFlags", "a rule of a pledge or an offer"),
      Map.entry("PledgeEligibility.areas", "a rule of a pledge or an offer"),
      Map.entry("BenefitCard.holder", "an opaque id"),
      Map.entry("Member.name", "an organisation's name"),
      Map.entry("Charter.maxProxiesPerHolder", "a rule of a meeting"),
      Map.entry("MinutesEntry.holderId", "an opaque participant (actor) id"),
      Map.entry("PriceTerms.cardHolderPriceFen", "a price"),
      Map.entry("Scorecard.rawValues", "community-level indicator values"),
      Map.entry("Scorecard.coverage", "a share of indicator weights (\"age\" only inside the word)"),
      Map.entry("ScaleReliability.note", "a note on a statistic"),
      Map.entry("CaseFiling.riskFlags", "a dispute's risk flags (violence, group incident): about the case, not a household"),
      Map.entry("DisputeCase.riskFlags", "a dispute's risk flags (violence, group incident): about the case, not a household"));

  static final Pattern LOOKS_PERSONAL = Pattern.compile(
      "(?i).*(name|phone|address|idnumber|text|flag|health|contact|birth|requester|area|age|attribute|home|sex"
          + "|comment|note|description|holder|value|email|mobile|street|gender|evidence|distance|facts|wording).*");

  @Test
  void everyAccessorThatLooksPersonal_isClassified() {
    List<Class<?>> types = ExportedTypes.publicTypes();
    assertTrue(ExportedTypes.modules().containsAll(List.of("io.github.linli.core", "io.github.linli.matching", "io.github.linli.scorecard")),
        "the scan sees the modules: " + ExportedTypes.modules());
    Set<String> unclassified = new TreeSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Class<?> c : types) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0
            || m.isSynthetic() || !LOOKS_PERSONAL.matcher(m.getName()).matches()) {
          continue;
        }
        String key = c.getSimpleName() + "." + m.getName();
        seen.add(key);
        boolean personal = PERSONAL.getOrDefault(c, Set.of()).contains(m.getName());
        if (!personal && !NOT_PERSONAL.containsKey(key)) {
          unclassified.add(key + ": " + m.getReturnType().getSimpleName());
        }
      }
    }
    assertEquals(Set.of(), unclassified, "accessors that may hold personal data: add each to PERSONAL (with a fixture) or NOT_PERSONAL");
    Set<String> stale = new TreeSet<>(NOT_PERSONAL.keySet());
    PERSONAL.forEach((c, ms) -> ms.forEach(m -> stale.add(c.getSimpleName() + "." + m)));
    stale.removeAll(seen);
    assertEquals(Set.of(), stale, "listed accessors that no longer exist");
  }

  // --------------------------------------------------------------------------------- fixtures

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);

  static Contact contact() {
    return Contact.of(NAME, PHONE);
  }

  static Member member() {
    return Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("幸福药店", "Happy pharmacy"))
        .community("lishan").addRepresentative("rep-1").contact(contact()).build();
  }

  static BenefitCard card() {
    return BenefitCard.builder().id("c-1").holder(ResidentId.of("r-1")).birthDate(BIRTH)
        .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).addHouseholdFlag(HouseholdFlag.DISABILITY).area(AREA)
        .validUntil(LocalDate.of(2027, 6, 30)).build();
  }

  static BudgetBallot ballot() {
    return BudgetBallot.builder().voterId("v-1").addProjectIds("p-1").putAttribute("name", NAME).putAttribute("phone", PHONE)
        .putAttribute("address", ADDRESS).build();
  }

  static final TimeWindow DAY = TimeWindow.of(Instant.parse("2026-11-24T01:00:00Z"), Duration.ofHours(10));

  static Need need() {
    return Need.builder().id("need-1").neighbourhood("A1").tier(MaslowTier.SAFETY).urgency(Urgency.HIGH)
        .domain(ServiceDomain.HEALTHCARE).place(GeoPoint.of(36.6515, 117.1203)).wanted(DAY)
        .requester(RequesterFacts.of(true, 97, Set.of(HouseholdFlag.DISABILITY, HouseholdFlag.ELDERLY_LIVING_ALONE))).build();
  }

  static SurveyResult surveyWithFreeText() {
    StringBuilder csv = new StringBuilder("respondent");
    for (int i = 1; i <= 17; i++) {
      csv.append(String.format(Locale.ROOT, ",q%02d", i));
    }
    csv.append("\n1").append(",3".repeat(17)).append("\n2").append(",4".repeat(17));
    csv.append('\n').append(NAME).append(",请打").append(PHONE).append(",").append(ADDRESS).append(",3".repeat(15));
    csv.append("\n4,").append(NEED_TEXT).append(",3".repeat(16)).append('\n');
    return SurveyReader.read(new StringReader(csv.toString()), Questionnaires.governanceIndex(5), MissingDataPolicy.LISTWISE);
  }

  /** For each type with personal accessors: instances holding the planted values. */
  static final Map<Class<?>, Supplier<List<Object>>> FIXTURES = Map.ofEntries(
      Map.entry(Demand.class, () -> List.of(demand(), DemandIntake.create(CLOCK).classify(Actor.system(), demand()))),
      Map.entry(DemandRequest.class, () -> List.of(demandRequest())),
      Map.entry(LabelledExample.class, () -> List.of(LabelledExample.of(NEED_TEXT + " " + NAME, MaslowTier.SAFETY, ServiceDomain.HEALTHCARE))),
      Map.entry(Contact.class, () -> List.of(contact())),
      Map.entry(Member.class, () -> List.of(member())),
      Map.entry(BenefitCard.class, () -> List.of(card())),
      Map.entry(BudgetBallot.class, () -> List.of(ballot())),
      Map.entry(SampleResident.class, () -> new ArrayList<>(SampleCommunity.generate(9).residents().subList(0, 50))),
      Map.entry(SampleNeed.class, () -> new ArrayList<>(SampleCommunity.generate(9).needs(YearMonth.of(2026, 11)).subList(0, 50))),
      Map.entry(Need.class, () -> List.of(need())),
      Map.entry(RequesterFacts.class, () -> List.of(need().requester())),
      Map.entry(Rejection.class, () -> new ArrayList<>(surveyWithFreeText().rejections())),
      Map.entry(io.github.linli.core.demand.Classification.class, () -> List.of(
          io.github.linli.core.demand.DemandClassifier.defaultClassifier().classify(NoLeakTest.HEALTH_TEXT),
          io.github.linli.core.demand.DemandClassifier.defaultClassifier().classify("My father has dementia, a disability, low income and lives alone"))),
      Map.entry(io.github.linli.matching.Explanation.class, () -> List.of(matched().assignments().get(0).explanation())),
      Map.entry(io.github.linli.matching.dispatch.DispatchOutcome.class, () -> List.of(new io.github.linli.matching.dispatch.DispatchOutcome(
          "n-1", java.util.Optional.empty(), java.util.Optional.of(io.github.linli.matching.ReasonCode.OUT_OF_RANGE),
          io.github.linli.core.Label.of("最近的可选服务在约 1230 米外", "the nearest eligible service is about 1230 m away"), List.of(),
          java.util.OptionalDouble.of(1234.5678), 3, List.of()))),
      Map.entry(io.github.linli.matching.Alternative.class, () -> new ArrayList<>(matched().assignments().get(0).explanation().alternatives())),
      Map.entry(io.github.linli.matching.MatchMetrics.class, () -> List.of(matched().metrics())),
      Map.entry(io.github.linli.core.mediation.CaseFiling.class, () -> List.of(disputeFiling())),
      Map.entry(io.github.linli.core.mediation.AgreementTerm.class, () -> List.of(agreementTerm())));

  static io.github.linli.core.mediation.CaseFiling disputeFiling() {
    return io.github.linli.core.mediation.CaseFiling.builder().id("case-1")
        .addParty(io.github.linli.core.mediation.DisputeParty.resident(ResidentId.of("r-1")))
        .addParty(io.github.linli.core.mediation.DisputeParty.organisation(io.github.linli.core.mediation.PartyKind.MERCHANT,
            MemberId.of("m-1"), "rep-1"))
        .category("NOISE").facts(NEED_TEXT + " " + NAME + " " + PHONE + " " + ADDRESS + " " + HEALTH).gridCell("B2").build();
  }

  static io.github.linli.core.mediation.AgreementTerm agreementTerm() {
    return io.github.linli.core.mediation.AgreementTerm.of("t1", "m-1", LocalDate.of(2026, 12, 31),
        "向" + NAME + "（" + PHONE + "，" + ADDRESS + "）赔偿500元");
  }

  /** Issue 17: a need text stating health and household facts, as the outside probe used. */
  static final String HEALTH_TEXT = "我父亲患" + HEALTH + "，残疾，低收入，独居，需要有人照看";

  /** One need and four clinics at public places, at distances with decimetres. */
  static MatchResult matched() {
    List<Offer> offers = new ArrayList<>();
    double[][] at = {{36.6512, 117.1201}, {36.6531, 117.1187}, {36.6498, 117.1235}, {36.6541, 117.1222}};
    for (int i = 0; i < at.length; i++) {
      offers.add(Offer.builder().id("clinic-" + i).provider(MemberId.of("m-clinic")).addDomain(ServiceDomain.HEALTHCARE)
          .capacity(1).place(GeoPoint.of(at[i][0], at[i][1])).radiusMetres(1500).availability(DAY).build());
    }
    return Matcher.exact().match(List.of(need()), offers);
  }

  static DemandRequest demandRequest() {
    return DemandRequest.builder().id("d-1").requester(ResidentId.of("r-1"))
        .text(NEED_TEXT + " " + NAME + " " + PHONE).gridCell("B2")
        .addHouseholdFlags(HouseholdFlag.DISABILITY, HouseholdFlag.ELDERLY_LIVING_ALONE).build();
  }

  static Demand demand() {
    return DemandIntake.create(CLOCK).submit(Actor.system(), demandRequest());
  }

  @Test
  void everyPersonalType_hasAFixture() {
    assertEquals(PERSONAL.keySet(), FIXTURES.keySet());
  }

  @Test
  void personalValues_toString_neverShowPlantedValues() {
    for (Map.Entry<Class<?>, Supplier<List<Object>>> f : FIXTURES.entrySet()) {
      List<Object> values = f.getValue().get();
      assertTrue(!values.isEmpty(), "fixture of " + f.getKey().getSimpleName());
      for (Object v : values) {
        assertTrue(f.getKey().isInstance(v));
        assertClean(f.getKey().getSimpleName() + ".toString()", String.valueOf(v), planted(v));
      }
    }
  }

  @Test
  void mediation_casesRefusalsAndObservations_neverShowPlantedValues() {
    io.github.linli.core.mediation.Mediation desk = io.github.linli.core.mediation.Mediation.inMemory(CLOCK);
    Actor coord = Actor.of("coord", Role.COORDINATOR);
    desk.authoriseMediator(ADMIN, io.github.linli.core.mediation.Mediator.peoples("med-1"));
    desk.file(coord, disputeFiling());
    desk.assignMediator(coord, "case-1", "med-1");
    desk.propose(coord, "case-1", List.of(agreementTerm()));
    List<String> rendered = new ArrayList<>();
    rendered.add(desk.toString());
    rendered.add(desk.cases(coord).toString());
    rendered.add(desk.terms(coord, "case-1").toString());
    rendered.add(desk.observations(Period.month(YearMonth.of(2026, 11))).toString());
    rendered.add(io.github.linli.core.mediation.RoutingRule.defaults().propose(demand()).toString());
    for (Runnable bad : List.<Runnable>of(
        () -> desk.facts(Actor.of("r-9", Role.RESIDENT), "case-1"),
        () -> desk.file(coord, disputeFiling()),
        () -> io.github.linli.core.mediation.CaseFiling.builder().facts(NEED_TEXT.repeat(5000)),
        () -> io.github.linli.core.mediation.AgreementTerm.of("t1", "m-1", LocalDate.of(2026, 12, 31), (NAME + PHONE).repeat(200)),
        () -> desk.propose(coord, "case-1", List.of(agreementTerm())))) {
      try {
        bad.run();
        fail("should be refused");
      } catch (LinliException e) {
        rendered.add(e.getMessage());
      }
    }
    assertEquals(NAME + " " + PHONE, desk.facts(coord, "case-1").orElseThrow().substring(NEED_TEXT.length() + 1,
        NEED_TEXT.length() + 1 + NAME.length() + 1 + PHONE.length()), "the facts are kept, readable by staff");
    for (String r : rendered) {
      assertClean("mediation", r, PLANTED);
    }
  }

  @Test
  void personalValues_stayReadableByAccessor() {
    // the redaction is of the rendering only: a test that could not fail otherwise
    assertEquals(NAME, contact().name());
    assertEquals(Set.of(HouseholdFlag.ELDERLY_LIVING_ALONE, HouseholdFlag.DISABILITY), card().householdFlags());
    assertEquals(PHONE, ballot().attributes().get("phone"));
    assertTrue(surveyWithFreeText().rejections().stream().anyMatch(r -> r.value().contains(PHONE)));
  }

  /** The planted values, plus those of generated sample data (their texts, flags, homes). */
  static List<String> planted(Object v) {
    List<String> p = new ArrayList<>(PLANTED);
    if (v instanceof io.github.linli.core.demand.Classification c) {
      c.evidence().forEach(e -> p.add(e.replace("~", "")));
    } else if (v instanceof io.github.linli.matching.Explanation e) {
      p.add(String.format(Locale.ROOT, "%.1f", e.distanceMetres()));
      p.add(Long.toString(e.costPenalty()));
    } else if (v instanceof io.github.linli.matching.Alternative a) {
      p.add(String.format(Locale.ROOT, "%.1f", a.distanceMetres()));
    } else if (v instanceof io.github.linli.matching.dispatch.DispatchOutcome o) {
      o.distanceMetres().ifPresent(d -> p.add(String.format(Locale.ROOT, "%.1f", d)));
    } else if (v instanceof io.github.linli.matching.MatchMetrics m) {
      p.add(String.format(Locale.ROOT, "%.1f", m.totalDistanceMetres()));
    } else if (v instanceof SampleNeed n) {
      p.add(n.text());
    } else if (v instanceof SampleResident r) {
      r.flags().forEach(fl -> {
        p.add(fl.name());
        p.add(fl.label().zh());
      });
      p.add(String.valueOf(r.home().latitude()));
      p.add("age=" + r.age());
      p.add("card holder");
    }
    return p;
  }

  static void assertClean(String where, String rendered, Collection<String> planted) {
    for (String s : planted) {
      if (rendered.contains(s)) {
        fail(where + " shows personal value '" + s + "': " + rendered);
      }
    }
  }

  // ---------------------------------------------------- aggregates, reports, observations, errors

  @Test
  void alliance_renderingsReportsAndObservations_neverShowPlantedValues() {
    Alliance a = Alliance.create("club", CLOCK);
    a.apply(ADMIN, member());
    a.admit(ADMIN, MemberId.of("m-1"));
    a.pledge(ADMIN, Pledge.builder().id("p-1").member(MemberId.of("m-1")).title(Label.of("义诊", "free clinic"))
        .domain(ServiceDomain.HEALTHCARE).addTier(MaslowTier.SAFETY).price(PledgePrice.free()).capacity(5)
        .validity(Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
        .eligibility(PledgeEligibility.builder().build()).build());
    a.issueCard(ADMIN, card());
    a.recordUse(ADMIN, "c-1", "p-1");
    List<String> rendered = new ArrayList<>();
    rendered.add(a.toString());
    rendered.add(a.members().toString());
    rendered.add(a.cards().toString());
    rendered.add(a.events().toString());
    rendered.add(a.deliveries("p-1").toString());
    rendered.add(a.figures("lishan").toString());
    rendered.add(a.usageObservations("lishan", Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1))).toString());
    rendered.add(a.opens("c-1", "p-1").toString());
    rendered.add(message(() -> a.issueCard(ADMIN, card())));
    rendered.add(message(() -> a.issueCard(Actor.of("r-2", Role.RESIDENT), card())));
    rendered.add(message(() -> a.apply(ADMIN, member())));
    rendered.add(message(() -> BenefitCard.builder().id("c-9").holder(ResidentId.of("r-9")).area(ADDRESS + " " + PHONE + " ")
        .validUntil(LocalDate.of(2027, 1, 1)).build()));
    rendered.add(message(() -> Contact.of(NAME, " ")));
    // a snapshot holds the planted values (a portal stores it), but never renders them
    AllianceSnapshot snapshot = a.snapshot();
    assertEquals(PHONE, snapshot.members().get(0).contact().orElseThrow().phone());
    rendered.add(snapshot.toString());
    rendered.add(snapshot.members().toString() + snapshot.cards() + snapshot.events() + snapshot.deliveries());
    Alliance restored = Alliance.restore(snapshot, CLOCK);
    rendered.add(restored.toString());
    rendered.add(restored.members().toString() + restored.cards());
    AllianceSnapshot.Builder twoCards = AllianceSnapshot.builder();
    twoCards.from(snapshot).addCard(BenefitCard.builder().from(card()).id("c-2").build());
    rendered.add(message(() -> Alliance.restore(twoCards.build(), CLOCK)));
    AllianceSnapshot.Builder sameCard = AllianceSnapshot.builder();
    sameCard.from(snapshot).addCard(card());
    rendered.add(message(() -> Alliance.restore(sameCard.build(), CLOCK)));
    // its JSON document holds them (a portal stores it), but fromJson's refusals never show them
    String json = snapshot.toJson();
    assertTrue(json.contains(PHONE) && json.contains(AREA) && json.contains(BIRTH.toString()));
    assertEquals(snapshot, AllianceSnapshot.fromJson(json));
    for (String bad : List.of(
        json.replace("\"" + PHONE + "\"", PHONE),                                   // a number
        json.replace("\"" + PHONE + "\"", "\" " + PHONE + "\n\""),                   // a raw control character
        json.replace("\"" + PHONE + "\"", "\"" + PHONE),                             // not closed
        json.replace("\"" + PHONE + "\"", "\"" + PHONE + "\"," + "\"" + NAME + "\":1"),   // a personal value as a field name
        json.replace("\"" + PHONE + "\"", "\"  \""),                                // blank
        json.replace("\"" + NAME + "\"", "[\"" + NAME + "\"]"),
        json.replace("\"name\":\"" + NAME + "\"", "\"" + NAME + "\":\"" + PHONE + "\""),
        json.replace("\"" + NAME + "\"", "\"" + NAME + "\":\"" + NAME + "\""),
        json.replace(BIRTH.toString(), BIRTH + "T00:00"),
        json.replace(BIRTH.toString(), ADDRESS),
        json.replace("\"" + AREA + "\"", "\" " + AREA + "\""),
        json.replace("\"" + AREA + "\"", "\"" + ADDRESS + " " + PHONE + "\\t\""),
        json.replace("\"" + AREA + "\"", "[\"" + AREA + "\"]"),
        json.replace(HouseholdFlag.DISABILITY.name(), HouseholdFlag.DISABILITY.name() + "_" + PHONE),
        json.replace(HouseholdFlag.DISABILITY.name(), HouseholdFlag.ELDERLY_LIVING_ALONE.name()),
        json.replace("\"householdFlags\":[\"", "\"householdFlags\":[1,\""),
        json.replace("\"c-1\"", "\"c 1 \""),
        json.replace("\"" + AREA + "\"", "\"" + AREA + "\"}"),
        json + NAME,
        json.substring(0, json.indexOf(PHONE) + 4))) {
      rendered.add(message(() -> AllianceSnapshot.fromJson(bad)));
    }
    for (String r : rendered) {
      assertClean("alliance", r, PLANTED);
    }
  }

  @Test
  void jointMeeting_minutesSnapshotAndRefusals_neverShowPlantedValues() {
    Actor secretary = Actor.of("sec-1", Role.MEETING_SECRETARY);
    io.github.linli.core.governance.JointMeeting jm = io.github.linli.core.governance.JointMeeting.convene(secretary, "jm-1",
        io.github.linli.core.governance.Charter.standard().withProxies(1), List.of(
            io.github.linli.core.governance.Seat.of("party-1", io.github.linli.core.governance.Party.PARTY_COMMITTEE),
            io.github.linli.core.governance.Seat.of("rc-1", io.github.linli.core.governance.Party.RESIDENTS_COMMITTEE),
            io.github.linli.core.governance.Seat.of("rep-1", io.github.linli.core.governance.Party.MEMBER_UNITS, MemberId.of("m-1"))),
        CLOCK);
    jm.grantProxy(Actor.of("rep-1", Role.MEMBER_REPRESENTATIVE), "rc-1");
    // a custom motion's title is free text: it stays out of every rendering
    String motion = jm.propose(secretary, io.github.linli.core.governance.Motion.custom(Label.of(NAME + PHONE, ADDRESS), Map.of()));
    jm.vote(Actor.of("party-1", Role.RESIDENT), motion, io.github.linli.core.governance.Choice.YES);
    jm.voteFor(Actor.of("rc-1", Role.RESIDENT), "rep-1", motion, io.github.linli.core.governance.Choice.YES);
    jm.close(secretary, motion);
    io.github.linli.core.governance.JointMeetingSnapshot s = jm.snapshot();
    List<String> rendered = new ArrayList<>(List.of(jm.toString(), jm.minutes().toString(), s.toString(),
        io.github.linli.core.governance.JointMeeting.restore(s, CLOCK).minutes().toString()));
    List<io.github.linli.core.governance.MinutesEntry> forged = new ArrayList<>(s.minutes());
    forged.set(forged.size() - 1, io.github.linli.core.governance.MinutesEntry.builder().from(forged.get(forged.size() - 1))
        .outcome(io.github.linli.core.governance.Outcome.REJECTED).build());
    io.github.linli.core.governance.JointMeetingSnapshot.Builder b = io.github.linli.core.governance.JointMeetingSnapshot.builder();
    b.from(s).minutes(forged);
    rendered.add(message(() -> io.github.linli.core.governance.JointMeeting.restore(b.build(), CLOCK)));
    String json = s.toJson();
    assertEquals(s, io.github.linli.core.governance.JointMeetingSnapshot.fromJson(json));
    for (String bad : List.of(json.replace("\"id\":\"jm-1\"", "\"id\":\"jm-1\",\"" + NAME + "\":\"" + PHONE + "\""),
        json.replace("\"rules\":{", "\"rules\":{\"" + PHONE + "\":\"TWO_THIRDS\","), json + NAME)) {
      rendered.add(message(() -> io.github.linli.core.governance.JointMeetingSnapshot.fromJson(bad)));
    }
    for (String r : rendered) {
      assertClean("joint meeting", r, PLANTED);
    }
  }

  @Test
  void erasedAlliance_snapshotAndRestoredCopy_holdNoPlantedValues() {
    Alliance a = Alliance.create("club", CLOCK);
    a.apply(ADMIN, member());
    a.issueCard(ADMIN, card());
    a.erasePersonalData(Actor.of("r-1", Role.RESIDENT), ResidentId.of("r-1"));
    a.eraseContact(ADMIN, MemberId.of("m-1"));
    Alliance restored = Alliance.restore(a.snapshot(), CLOCK);
    for (AllianceSnapshot s : List.of(a.snapshot(), restored.snapshot())) {
      // the accessors themselves, not only their renderings
      assertEquals(Optional.empty(), s.members().get(0).contact());
      BenefitCard c = s.cards().get(0);
      assertEquals(List.of(Optional.empty(), Set.of(), Optional.empty()), List.of(c.birthDate(), c.householdFlags(), c.area()));
    }
  }

  @Test
  void personalDataStore_logsAndErrors_neverShowPlantedValues() throws Exception {
    KeyGenerator g = KeyGenerator.getInstance("AES");
    g.init(256);
    for (PersonalDataStore store : List.of(PersonalDataStore.inMemory(CLOCK),
        PersonalDataStore.builder().clock(CLOCK).protector(Protector.aesGcm(g.generateKey())).build())) {
      Actor coordinator = Actor.of("staff-2", Role.COORDINATOR);
      ResidentId r = ResidentId.of("r-1");
      Map<PersonalDataKind, String> values = new LinkedHashMap<>();
      values.put(PersonalDataKind.NAME, NAME);
      values.put(PersonalDataKind.PHONE, PHONE);
      values.put(PersonalDataKind.ID_NUMBER, ID_NUMBER);
      values.put(PersonalDataKind.ADDRESS, ADDRESS);
      values.put(PersonalDataKind.HEALTH, HEALTH);
      values.put(PersonalDataKind.NEED_TEXT, NEED_TEXT);
      values.put(PersonalDataKind.HOUSEHOLD_FLAGS, HouseholdFlag.DISABILITY.name());
      values.forEach((k, v) -> store.put(coordinator, r, k, v));
      List<String> rendered = new ArrayList<>();
      rendered.add(store.toString());
      for (PersonalDataKind k : values.keySet()) {
        rendered.add(store.masked(r, k).orElseThrow());
        rendered.add(message(() -> store.read(Actor.of("r-2", Role.RESIDENT), r, k, Purpose.SERVICE_DELIVERY)));
        rendered.add(message(() -> store.put(Actor.of("r-2", Role.RESIDENT), r, k, values.get(k))));
        rendered.add(message(() -> store.put(coordinator, r, k, values.get(k) + "x".repeat(5000))));
      }
      assertEquals(PHONE, store.read(coordinator, r, PersonalDataKind.PHONE, Purpose.SERVICE_DELIVERY).orElseThrow());
      rendered.add(store.accessLog().records().toString());
      rendered.add(store.accessLog().toString());
      rendered.add(message(() -> store.erase(Actor.of("r-2", Role.RESIDENT), r)));
      store.erase(Actor.of("r-1", Role.RESIDENT), r);
      rendered.add(store.accessLog().records().toString());
      for (String s : rendered) {
        assertClean("personal-data store", s, PLANTED);
      }
    }
  }

  @Test
  void matching_resultsAndExplanations_neverShowRequesterFacts() {
    Offer clinic = Offer.builder().id("clinic-1").provider(MemberId.of("m-clinic")).addDomain(ServiceDomain.HEALTHCARE)
        .capacity(1).place(GeoPoint.of(36.6512, 117.1201)).radiusMetres(1500).availability(DAY).build();
    for (Matcher m : List.of(Matcher.exact(), Matcher.greedy(io.github.linli.matching.MatchingPolicy.defaults()))) {
      MatchResult result = m.match(List.of(need()), List.of(clinic));
      assertEquals(1, result.assignments().size(), "the need is served: the facts were used, not lost");
      List<String> rendered = List.of(result.toString(), result.assignments().toString(), result.unmatched().toString(),
          result.metrics().toString(), result.assignmentOf("need-1").orElseThrow().explanation().toString());
      for (String s : rendered) {
        assertClean("matching " + result.method(), s, PLANTED);
        assertTrue(!s.contains("97"), "the requester's age shows in " + s);
      }
    }
  }

  @Test
  void budget_ballotsElectionAndOutcome_neverShowVoterColumns() {
    String text = "META\nkey;value\nnum_projects;1\nnum_votes;2\nbudget;100\nvote_type;approval\n"
        + "PROJECTS\nproject_id;cost\np-1;60\n"
        + "VOTES\nvoter_id;name;phone;vote\nv-1;" + NAME + ";" + PHONE + ";p-1\nv-2;" + HEALTH + ";" + ID_NUMBER + ";p-1\n";
    BudgetElection e = Pabulib.parse(text);
    assertEquals(PHONE, e.ballots().get(0).attributes().get("phone"));
    List<String> rendered = new ArrayList<>(List.of(e.toString(), e.ballots().toString()));
    for (BudgetRule rule : List.of(BudgetRule.greedy(), BudgetRule.equalShares(Completion.NONE, false))) {
      try {
        rendered.add(e.count(rule).toString());
      } catch (LinliException ex) {
        rendered.add(ex.getMessage());
      }
    }
    rendered.add(message(() -> Pabulib.parse(text.replace("v-2;", "v-1;"))));
    rendered.add(message(() -> Pabulib.parse(text.replace(";p-1\nv-2", ";p-9\nv-2"))));
    for (String s : rendered) {
      assertClean("budget", s, PLANTED);
    }
  }

  @Test
  void scorecard_surveyReport_neverShowsFreeTextAnswers() {
    SurveyResult r = surveyWithFreeText();
    assertEquals(2, r.rejected());
    for (Locale l : List.of(Locale.CHINESE, Locale.ENGLISH)) {
      assertClean("survey report", Reports.survey(r, l), PLANTED);
    }
    assertClean("survey result", r.toString(), PLANTED);
    assertClean("rejections", r.rejections().toString(), PLANTED);
    Period oct = Period.month(YearMonth.of(2026, 10));
    io.github.linli.scorecard.Scorecard card = io.github.linli.scorecard.Scorecard.evaluate(
        io.github.linli.scorecard.IndicatorSystems.governanceIndex(), "lishan", oct, r,
        List.of(io.github.linli.core.Observation.of(io.github.linli.scorecard.IndicatorSystems.SERVED_SHARE, 0.72, oct, "lishan")));
    for (Locale l : List.of(Locale.CHINA, Locale.ENGLISH)) {
      assertClean("scorecard report", Reports.markdown(card, l), PLANTED);
      assertClean("radar chart", io.github.linli.scorecard.Charts.radar(card, l), PLANTED);
      assertClean("bar chart", io.github.linli.scorecard.Charts.bars(card, l), PLANTED);
      assertClean("diagnosis", card.diagnose().text(l), PLANTED);
      assertClean("ranking", Reports.ranking(io.github.linli.scorecard.Scorecard.rank(List.of(card)), l), PLANTED);
    }
    assertClean("scorecard csv", Reports.csv(card), PLANTED);
    assertClean("scorecard", card.toString(), PLANTED);
  }

  /**
   * Issue 17: a parser's refusal names the line, the column, the field or an id, never a cell's
   * content. Each cell of a valid file in turn holds a name or a phone number (as when a column is
   * shifted, or the header row is missing), and every refusal is scanned for them.
   */
  @Test
  void parsers_anyCellHoldingPersonalData_neverEchoIt() {
    List<String> rendered = new ArrayList<>();
    String pb = "META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;100\nvote_type;cumulative\nmax_sum_points;10\n"
        + "PROJECTS\nproject_id;cost;name\np-1;60;park\np-2;30;gym\n"
        + "VOTES\nvoter_id;vote;points;age\nv-1;p-1,p-2;7,3;34\nv-2;p-2;10;51\n";
    String[] lines = pb.split("\n");
    int refused = 0;
    for (int l = 0; l < lines.length; l++) {
      String[] cells = lines[l].split(";", -1);
      for (int c = 0; c < cells.length; c++) {
        for (String planted : List.of(NAME, PHONE, NAME + "," + PHONE)) {
          String[] edited = cells.clone();
          edited[c] = planted;
          String[] file = lines.clone();
          file[l] = String.join(";", edited);
          String text = String.join("\n", file) + "\n";
          try {
            Pabulib.parse(text);
          } catch (RuntimeException e) {
            refused++;
            rendered.add(message(() -> { throw e; }));
          }
          // the same cell added as an extra column, and a row without its header
          file[l] = lines[l] + ";" + planted;
          String extra = String.join("\n", file) + "\n";
          rendered.add(messageOrEmpty(() -> Pabulib.parse(extra)));
        }
      }
    }
    assertTrue(refused > 20, "the probe reached the parser's refusals: " + refused);
    StringBuilder csv = new StringBuilder("respondent");
    for (int i = 1; i <= 17; i++) {
      csv.append(String.format(Locale.ROOT, ",q%02d", i));
    }
    String header = csv.toString();
    String row = "1" + ",3".repeat(17);
    for (int c = 0; c <= 17; c++) {
      for (String planted : List.of(NAME, PHONE)) {
        String[] h = header.split(",");
        h[c] = planted;
        String[] r = row.split(",");
        r[c] = planted;
        for (String text : List.of(String.join(",", h) + "\n" + row + "\n" + row + "\n",
            String.join(",", r) + "\n" + row + "\n",                       // no header row
            header + "\n" + String.join(",", r) + "\n",                     // the only row rejected
            String.join(",", h) + "," + String.join(",", h) + "\n" + row + "\n")) {   // columns repeated
          rendered.add(messageOrEmpty(() -> SurveyReader.read(new StringReader(text), Questionnaires.governanceIndex(5),
              MissingDataPolicy.LISTWISE)));
        }
      }
    }
    io.github.linli.core.demand.DomainTaxonomy taxonomy = io.github.linli.core.demand.DomainTaxonomy.defaultTaxonomy();
    String[] example = {"SAFETY", "HEALTHCARE", "HIGH", "the need"};
    for (int c = 0; c < example.length; c++) {
      String[] e = example.clone();
      e[c] = NEED_TEXT + NAME + PHONE;
      rendered.add(messageOrEmpty(() -> LabelledExample.parse(String.join("\t", e), taxonomy)));
      String[] shorter = Arrays.copyOf(e, c + 1);
      rendered.add(messageOrEmpty(() -> LabelledExample.parse(String.join("\t", shorter), taxonomy)));
    }
    for (String r : rendered) {
      assertClean("parser", r, PLANTED);
      assertTrue(!r.contains(PHONE.substring(3)), "a parser shows part of a phone number: " + r);
    }
  }

  /** The message of a refusal, or the empty string if the call succeeds. */
  static String messageOrEmpty(Runnable r) {
    try {
      r.run();
      return "";
    } catch (RuntimeException e) {
      StringBuilder b = new StringBuilder(e.toString());
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        b.append(" / ").append(c);
      }
      return b.toString();
    }
  }

  /** Issue 17: an address masked by the store never shows a door number, wherever 区 appears. */
  @Test
  void maskedAddresses_neverShowADoorNumber() {
    for (String address : List.of("幸福路12号3号楼2单元502室（幸福小区）", "阳光小区5号楼2单元502", "北京市朝阳区幸福小区5号楼2单元502",
        "幸福超市楼上502室", "502室，幸福路", "Room 502, 12 Happiness Road, Chaoyang District", "朝阳区502")) {
      PersonalDataStore store = PersonalDataStore.inMemory(CLOCK);
      store.put(Actor.of("staff-1", Role.COORDINATOR), ResidentId.of("r-1"), PersonalDataKind.ADDRESS, address);
      String masked = store.masked(ResidentId.of("r-1"), PersonalDataKind.ADDRESS).orElseThrow();
      assertTrue(!masked.contains("502") && !masked.contains("12"), address + " masked as " + masked);
    }
  }

  static String message(Runnable r) {
    RuntimeException e = assertThrows(RuntimeException.class, r::run);
    StringBuilder b = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      b.append(" / ").append(c);
    }
    return b.toString();
  }
}

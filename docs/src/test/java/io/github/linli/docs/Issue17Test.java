package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.AllianceSnapshot;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.MembershipAction;
import io.github.linli.core.demand.Classification;
import io.github.linli.core.demand.DemandClassifier;
import io.github.linli.core.demand.DemandState;
import io.github.linli.core.demand.DomainTaxonomy;
import io.github.linli.core.demand.LabelledExample;
import io.github.linli.core.governance.Quota;
import io.github.linli.core.governance.QuotaRules;
import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.Pabulib;
import io.github.linli.core.privacy.Masking;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.scorecard.Charts;
import io.github.linli.scorecard.IndicatorSystem;
import io.github.linli.scorecard.IndicatorSystems;
import io.github.linli.scorecard.Reports;
import io.github.linli.scorecard.Scorecard;
import io.github.linli.scorecard.Weighting;
import io.github.linli.scorecard.methods.Ahp;
import io.github.linli.scorecard.methods.AhpCompletion;
import io.github.linli.scorecard.methods.Reliability;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.TransferStatus;
import io.github.linli.timebank.VerifyReport;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Issue 17: the reproducers of the outside probes (personal-data leaks, boundary outcomes, the
 * λmax-optimal completion, alpha with a constant item, CSV and SVG writers), each failing before
 * its fix. The suites {@link NoLeakTest} and {@link FuzzedBoundaryProperties} cover the classes.
 */
class Issue17Test {
  static final String NAME = "欧阳测试";
  static final String PHONE = "13912345678";

  // ------------------------------------------------------------------------------ personal data

  @Test
  void classification_toString_issue17_showsNoEvidenceTerms() {
    String text = "我父亲患阿尔茨海默病，残疾，低收入，独居，需要有人照看";
    Classification c = DemandClassifier.defaultClassifier().classify(text);
    assertFalse(c.evidence().isEmpty(), "the evidence is there for the caller");
    String s = c.toString();
    for (String term : c.evidence()) {
      assertFalse(s.contains(term.replace("~", "")), "toString shows evidence term " + term + ": " + s);
    }
    for (String fact : List.of("阿尔茨海默", "残疾", "收入", "独居")) {
      assertFalse(s.contains(fact), s);
    }
    assertTrue(s.contains("evidence=" + c.evidence().size() + " term"), s);
  }

  @Test
  void maskingAddress_issue17_trailingEstateIsNoDistrict() {
    String address = "幸福路12号3号楼2单元502室（幸福小区）";
    String masked = Masking.address(address);
    assertFalse(masked.contains("502") || masked.contains("12号"), masked);
    assertEquals("幸福路****", masked);
    assertEquals(masked, PersonalDataKind.ADDRESS.mask(address));
    assertEquals("北京市朝阳区****", Masking.address("北京市朝阳区幸福小区5号楼2单元301"));
    assertEquals("山东省济南市历下区****", Masking.address("山东省济南市历下区千佛山街道历山名郡3号楼2单元"));
    assertEquals("****", Masking.address("阳光小区5号楼"));
    assertFalse(Masking.address("幸福超市楼上3单元502").contains("502"));
  }

  @Test
  void labelledExampleParse_issue17_shiftedColumnsNeverEchoTheText() {
    DomainTaxonomy t = DomainTaxonomy.defaultTaxonomy();
    String text = NAME + "家暴求助请联系" + PHONE;
    for (String line : List.of(text + "\tSAFETY\tHIGH\tmore", "SAFETY\t" + text + "\tHIGH\tmore")) {
      ValidationException e = assertThrows(ValidationException.class, () -> LabelledExample.parse(line, t));
      assertFalse(e.getMessage().contains(NAME) || e.getMessage().contains(PHONE), e.getMessage());
      assertFalse(e.value().orElse("").contains(NAME), e.value().toString());
    }
  }

  @Test
  void surveyRead_issue17_fileWithoutHeaderNeverEchoesARow() {
    String csv = NAME + "," + PHONE + ",3,4,5\n李四,13800001111,2,2,2\n";
    ValidationException e = assertThrows(ValidationException.class, () -> SurveyReader.read(new StringReader(csv),
        Questionnaires.governanceIndex(5), MissingDataPolicy.LISTWISE));
    assertFalse(e.getMessage().contains(NAME) || e.getMessage().contains(PHONE), e.getMessage());
    String twice = NAME + "," + NAME + ",3\n1,2,3\n";   // a repeated "column name" is a repeated answer
    ValidationException d = assertThrows(ValidationException.class, () -> SurveyReader.read(new StringReader(twice),
        Questionnaires.governanceIndex(5), MissingDataPolicy.LISTWISE));
    assertFalse(NoLeakTest.message(() -> { throw d; }).contains(NAME), d.getMessage());
  }

  @Test
  void pabulibParse_issue17_shiftedCellsNeverEchoed() {
    String head = "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;100\nvote_type;cumulative\n"
        + "PROJECTS\nproject_id;cost\np-1;60\nVOTES\nvoter_id;vote;points\n";
    List<String> files = List.of(
        head + "1;" + NAME + ";" + PHONE + "\n",                 // shifted: the name in the vote column
        head + "1;p-1;" + NAME + "\n",                            // points
        head + "1;p-1;" + PHONE + "," + PHONE + "\n",             // points count
        head.replace("p-1;60", "p-1;" + NAME) + "1;p-1;5\n",      // cost
        head.replace("budget;100", "budget;" + PHONE + "x") + "1;p-1;5\n",
        head.replace("vote_type;cumulative", "vote_type;" + NAME),
        head.replace("voter_id;vote;points", NAME + ";" + PHONE + ";" + NAME),
        head.replace("voter_id;vote;points", "voter_id;" + NAME),
        NAME + ";" + PHONE + "\n" + head);
    for (String f : files) {
      String m = NoLeakTest.message(() -> Pabulib.parse(f));
      assertFalse(m.contains(NAME) || m.contains(PHONE), m);
      assertTrue(m.contains("line "), m);
    }
  }

  // ---------------------------------------------------------------------------------- boundary

  @Test
  void allianceSnapshotBuilder_issue17_fromSavedThenPutRoleReplaces() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    Alliance a = Alliance.create("club", clock);
    a.apply(Actor.of("staff-1", Role.ALLIANCE_ADMIN), Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT)
        .name(Label.of("店", "shop")).community("lishan").build());
    AllianceSnapshot saved = a.snapshot();
    AllianceSnapshot.Builder b = AllianceSnapshot.builder();
    b.from(saved).putRole(MembershipAction.EXPEL, Set.of(Role.PARTY_COMMITTEE));
    AllianceSnapshot edited = b.build();
    assertEquals(Set.of(Role.PARTY_COMMITTEE), edited.roles().get(MembershipAction.EXPEL));
    assertEquals(saved.roles().keySet(), edited.roles().keySet());
  }

  @Test
  void ledger_issue17_postedTotalsNeverWrap() {
    TimeBank bank = TimeBank.inMemory(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC));
    AccountId a = AccountId.of("a");
    AccountId b = AccountId.of("b");
    bank.openAccount(a, Credits.ofUnits(Credits.MAX_UNITS));
    bank.openAccount(b, Credits.ofUnits(Credits.MAX_UNITS));
    Credits max = Credits.ofUnits(Credits.MAX_UNITS);
    TransferStatus refused = null;
    int created = 0;
    for (int round = 0; round < 9_300 && refused == null; round++) {
      for (TransferRequest r : List.of(TransferRequest.single(TransferId.of("ab" + round), a, b, max),
          TransferRequest.single(TransferId.of("ba" + round), b, a, max))) {
        TransferStatus s = bank.submit(r).status();
        if (s == TransferStatus.CREATED) {
          created++;
        } else {
          refused = s;
          break;
        }
      }
    }
    assertTrue(bank.account(b).creditsPosted() > 0 && bank.account(a).debitsPosted() > 0,
        "a total wrapped: " + bank.account(b).creditsPosted());
    assertEquals(TransferStatus.EXCEEDS_RANGE, refused, "the transfer that would wrap a total is refused");
    assertTrue(created > 18_000, "the ledger took transfers up to its range: " + created);
    assertEquals(0, bank.balance(a).units() + bank.balance(b).units());
    VerifyReport report = bank.verify();
    assertTrue(report.isConsistent(), report.problems().toString());
    // a balance above MAX_UNITS would be no Credits: refused too
    TimeBank small = TimeBank.inMemory();
    for (String id : List.of("x", "y", "z")) {
      small.openAccount(AccountId.of(id), max);
    }
    assertEquals(TransferStatus.CREATED, small.transfer(TransferId.of("t1"), AccountId.of("x"), AccountId.of("z"), max).status());
    assertEquals(TransferStatus.EXCEEDS_RANGE,
        small.transfer(TransferId.of("t2"), AccountId.of("y"), AccountId.of("z"), Credits.ofUnits(1)).status());
    assertEquals(Credits.MAX_UNITS, small.balance(AccountId.of("z")).units());
  }

  static void validation(String field, Supplier<?> call) {
    ValidationException e = assertThrows(ValidationException.class, call::get);
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void datesAndDurations_issue17_atTheEdges_giveValidationException() {
    validation("period.month", () -> Period.month(YearMonth.of(999_999_999, 12)));
    validation("period.end", () -> Period.of(LocalDate.MAX.minusDays(3), LocalDate.MAX).next());
    validation("timeWindow.length", () -> TimeWindow.of(Instant.MAX, Duration.ofSeconds(1)));
    validation("timeWindow.length", () -> TimeWindow.of(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(Long.MAX_VALUE)));
    validation("timeWindow.end", () -> TimeWindow.of(Instant.MAX, Instant.MAX));
    validation("day", () -> Cadence.DAY.next(LocalDate.MAX));
    validation("day", () -> Cadence.YEAR.next(LocalDate.of(999_999_999, 6, 1)));
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    validation("asOf", () -> Alliance.create("club", clock).figures("lishan", LocalDate.MAX));
    SampleCommunity sample = SampleCommunity.generate(7);
    validation("month", () -> sample.needs(YearMonth.of(999_999_999, 12)));
    assertFalse(sample.needs(YearMonth.of(-999_999_999, 1)).isEmpty());
    validation("clock", () -> sample.alliance(Clock.fixed(Instant.MAX, ZoneOffset.UTC)));
    io.github.linli.core.demand.Demand late = io.github.linli.core.demand.DemandIntake.create(Clock.fixed(Instant.MAX, ZoneOffset.UTC))
        .submit(Actor.system(), io.github.linli.core.demand.DemandRequest.builder().id("d-1")
            .requester(io.github.linli.core.ResidentId.of("r-1")).text("停水了").gridCell("B2").build());
    validation("demands[0].createdAt",
        () -> io.github.linli.core.demand.DemandMap.of(List.of(late), Period.year(2026), ZoneId.of("Asia/Shanghai")));
    validation("clock", () -> sample.alliance(Clock.fixed(LocalDate.of(999_999_998, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)));
  }

  @Test
  void timeBank_issue17_instantsAndTimeoutsAtTheEdges() {
    TimeBank bank = TimeBank.inMemory(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC));
    AccountId a = AccountId.of("a");
    AccountId b = AccountId.of("b");
    bank.openAccount(a, Credits.ofHours(10));
    bank.openAccount(b);
    bank.transfer(TransferId.of("t1"), a, b, Credits.ofMinutes(90));
    assertEquals(90, bank.balanceAt(b, Instant.MAX).minutes());
    assertEquals(0, bank.balanceAt(b, Instant.MIN).minutes());
    assertEquals(90, bank.statement(b, Period.of(LocalDate.MIN, LocalDate.MAX)).closing().minutes());
    assertEquals(TransferStatus.INVALID_TIMEOUT,
        bank.submit(TransferRequest.pending(TransferId.of("p1"), a, b, Credits.ofMinutes(5), Duration.ofSeconds(Long.MAX_VALUE))).status());
    assertEquals(TransferStatus.INVALID_TIMEOUT, bank.submit(TransferRequest.pending(TransferId.of("p2"), a, b, Credits.ofMinutes(5),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).status());
    assertEquals(TransferStatus.CREATED, bank.submit(TransferRequest.pending(TransferId.of("p3"), a, b, Credits.ofMinutes(5),
        Duration.ofDays(365L * 1000))).status());
    assertTrue(bank.verify().isConsistent());
    TimeBank late = TimeBank.builder().clock(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC))
        .autoConfirmAfter(Duration.ofSeconds(Long.MAX_VALUE)).build();
    assertEquals(List.of(), late.exchanges().autoConfirmDue(Actor.system()));
  }

  @Test
  void reliabilityAccumulator_issue17_isBounded() {
    validation("items", () -> Reliability.accumulator(Integer.MAX_VALUE));
    validation("items", () -> Reliability.accumulator(1_000_000_000));
    assertEquals(Reliability.MAX_ITEMS, Reliability.accumulator(Reliability.MAX_ITEMS).items());
  }

  /** Issue 17 (a Javadoc fix: the refusal was right, but undocumented); this passed before. */
  @Test
  void sampleSurveyCsv_documentedRefusalNamesTheCount() {
    SampleCommunity sample = SampleCommunity.generate(7);
    for (int n : new int[] {0, -1}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample.governanceSurveyCsv(n));
      assertTrue(e.getMessage().contains("respondents") && e.getMessage().contains(String.valueOf(n)), e.getMessage());
      IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> sample.publicValueSurveyCsv(n));
      assertTrue(p.getMessage().contains("respondents"), p.getMessage());
    }
  }

  static void npeNames(String name, Runnable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call::run);
    assertNotNull(e.getMessage(), "an NPE naming nothing");
    assertTrue(e.getMessage().contains(name), "the NPE names " + name + ": " + e.getMessage());
  }

  @Test
  void nullArguments_issue17_areNamed() {
    npeNames("representatives", () -> Member.builder().addRepresentative(null));
    npeNames("quotas[1]", () -> QuotaRules.of(Quota.atLeast("a", Label.of("甲", "a"), 10), null));
    npeNames("projectIds", () -> BudgetBallot.points("v-1", null, List.of(1)));
    npeNames("points", () -> BudgetBallot.points("v-1", List.of("p-1"), null));
    Actor sec = Actor.of("sec-1", Role.MEETING_SECRETARY);
    io.github.linli.core.governance.JointMeeting jm = io.github.linli.core.governance.JointMeeting.convene(sec, "jm-1",
        io.github.linli.core.governance.Charter.of(io.github.linli.core.governance.QuorumRule.atLeast(1, 1),
            io.github.linli.core.governance.DecisionRule.MAJORITY_OF_VOTES_CAST),
        List.of(io.github.linli.core.governance.Seat.of("p", io.github.linli.core.governance.Party.PARTY_COMMITTEE)),
        Clock.systemUTC());
    npeNames("member", () -> jm.attendedBy(null));
    String motion = jm.propose(sec, io.github.linli.core.governance.Motion.admitMember(MemberId.of("m-1")));
    jm.vote(Actor.of("p", Role.RESIDENT), motion, io.github.linli.core.governance.Choice.YES);
    io.github.linli.core.governance.Resolution r = jm.close(sec, motion).resolution().orElseThrow();
    npeNames("member", () -> r.authorises(io.github.linli.core.governance.MotionKind.ADMIT_MEMBER, null));
    npeNames("next", () -> DemandState.SUBMITTED.canMoveTo(null));
    npeNames("problems[0]", () -> VerifyReport.of(1, 1, false, Arrays.asList((String) null)));
    npeNames("scorecards[1]", () -> Scorecard.rank(Arrays.asList(card("lishan"), null)));
    npeNames("scorecards[0]", () -> Weighting.data(Arrays.asList((Scorecard) null)));
  }

  // ----------------------------------------------------------------------------------- numbers

  /** λmax by power iteration, written here independently of the SDK. */
  static double lambdaMax(double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    double lambda = 0;
    for (int it = 0; it < 100_000; it++) {
      double[] next = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          next[i] += a[i][j] * w[j];
        }
        sum += next[i];
      }
      double ws = 0;
      for (double v : w) {
        ws += v;
      }
      double l = sum / ws;
      for (int i = 0; i < n; i++) {
        w[i] = next[i] / sum;
      }
      if (Math.abs(l - lambda) < 1e-15 * l && it > 50) {
        return l;
      }
      lambda = l;
    }
    return lambda;
  }

  static double lambdaAt(double[][] base, List<int[]> missing, double[] x) {
    double[][] a = new double[base.length][];
    for (int i = 0; i < a.length; i++) {
      a[i] = base[i].clone();
    }
    for (int k = 0; k < missing.size(); k++) {
      int[] p = missing.get(k);
      a[p[0]][p[1]] = Math.exp(x[k]);
      a[p[1]][p[0]] = Math.exp(-x[k]);
    }
    return lambdaMax(a);
  }

  /** Hooke–Jeeves pattern search over the log-entries of the missing judgments, from all ones. */
  static double[] patternSearch(double[][] base, List<int[]> missing) {
    double[] x = new double[missing.size()];
    double f = lambdaAt(base, missing, x);
    for (double step = 1; step > 1e-9; ) {
      boolean improved = false;
      for (int k = 0; k < x.length; k++) {
        for (double d : new double[] {step, -step}) {
          x[k] += d;
          double g = lambdaAt(base, missing, x);
          if (g < f - 1e-15) {
            f = g;
            improved = true;
            break;
          }
          x[k] -= d;
        }
      }
      if (!improved) {
        step /= 2;
      }
    }
    return x;
  }

  @Test
  void ahpLambdaMaxOptimal_issue17_agreesWithAnIndependentOptimiser() {
    Random random = new Random(17);
    int checked = 0;
    double worstEntry = 0;
    while (checked < 12) {
      int n = 5 + random.nextInt(3);
      int gaps = 2 + random.nextInt(5);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = 1 + 8 * random.nextDouble();
      }
      double[][] full = new double[n][n];
      for (int i = 0; i < n; i++) {
        full[i][i] = 1;
        for (int j = i + 1; j < n; j++) {
          double v = Math.max(1 / 9.0, Math.min(9, w[i] / w[j] * Math.exp(0.6 * random.nextGaussian())));
          full[i][j] = v;
          full[j][i] = 1 / v;
        }
      }
      double[][] judgments = new double[n][];
      for (int i = 0; i < n; i++) {
        judgments[i] = full[i].clone();
      }
      List<int[]> missing = new ArrayList<>();
      while (missing.size() < gaps) {
        int i = random.nextInt(n);
        int j = random.nextInt(n);
        if (i < j && !Double.isNaN(judgments[i][j])) {
          judgments[i][j] = Ahp.MISSING;
          judgments[j][i] = Ahp.MISSING;
          missing.add(new int[] {i, j});
        }
      }
      double[][] completed;
      try {
        completed = Ahp.complete(judgments, AhpCompletion.LAMBDA_MAX_OPTIMAL);
      } catch (ValidationException notConnected) {
        continue;
      }
      double[] mine = patternSearch(judgments, missing);
      double[] theirs = new double[missing.size()];
      for (int k = 0; k < missing.size(); k++) {
        theirs[k] = Math.log(completed[missing.get(k)[0]][missing.get(k)[1]]);
      }
      double lMine = lambdaAt(judgments, missing, mine);
      double lTheirs = lambdaAt(judgments, missing, theirs);
      assertTrue(lTheirs <= lMine + 1e-9, "λmax " + lTheirs + " above the independent optimum " + lMine);
      for (int k = 0; k < missing.size(); k++) {
        double rel = Math.abs(Math.exp(theirs[k] - mine[k]) - 1);
        worstEntry = Math.max(worstEntry, rel);
        assertTrue(rel < 1e-3, "entry " + Arrays.toString(missing.get(k)) + " is " + rel * 100 + " % from the optimum");
        // the gradient at the result is zero: a central difference in each missing log-entry
        double h = 1e-4;
        double[] up = theirs.clone();
        double[] down = theirs.clone();
        up[k] += h;
        down[k] -= h;
        double gradient = (lambdaAt(judgments, missing, up) - lambdaAt(judgments, missing, down)) / (2 * h);
        assertTrue(Math.abs(gradient) < 1e-5, "∂λmax/∂log a = " + gradient + " at entry " + Arrays.toString(missing.get(k)));
      }
      checked++;
    }
    assertTrue(worstEntry < 1e-3);
  }

  @Test
  void cronbachAlpha_issue17_constantItemIsLeftOut_asSpssAndPsych() {
    double[][] with = {
      {4, 3, 5, 2}, {5, 3, 4, 3}, {2, 3, 2, 1}, {3, 3, 3, 2}, {4, 3, 5, 4}, {1, 3, 2, 1}
    };
    double[][] without = new double[with.length][];
    for (int r = 0; r < with.length; r++) {
      without[r] = new double[] {with[r][0], with[r][2], with[r][3]};
    }
    // alpha of the three varying items, by the definition, computed here
    int k = 3;
    double sumVar = 0;
    double[] total = new double[without.length];
    for (int i = 0; i < k; i++) {
      double[] col = new double[without.length];
      for (int r = 0; r < without.length; r++) {
        col[r] = without[r][i];
        total[r] += without[r][i];
      }
      sumVar += variance(col);
    }
    double expected = k / (k - 1.0) * (1 - sumVar / variance(total));
    assertEquals(expected, Reliability.cronbachAlpha(without), 1e-12);
    assertEquals(expected, Reliability.cronbachAlpha(with), 1e-12, "the constant item is left out of alpha");
    double[] ifDeleted = Reliability.alphaIfItemDeleted(with);
    assertEquals(expected, ifDeleted[1], 1e-12, "deleting the constant item changes nothing");
    double[] reduced = Reliability.alphaIfItemDeleted(new double[][] {
      {4, 5, 2, 1}, {5, 4, 3, 2}, {2, 2, 1, 2}, {3, 3, 2, 3}, {4, 5, 4, 3}, {1, 2, 1, 1}});
    assertEquals(4, reduced.length);
    Reliability.Accumulator acc = Reliability.accumulator(4);
    for (double[] row : with) {
      acc.add(row);
    }
    assertEquals(3, acc.itemsWithVariance());
    assertEquals(expected, acc.alpha(), 1e-12);
  }

  static double variance(double[] x) {
    double m = Arrays.stream(x).average().orElseThrow();
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  // --------------------------------------------------------------------------- CSV and SVG

  static Scorecard card(String community) {
    return Scorecard.evaluate(IndicatorSystems.governanceIndex(), community, Period.month(YearMonth.of(2026, 10)),
        Map.of(IndicatorSystems.SERVED_SHARE, 0.72));
  }

  @Test
  void reportsCsv_issue17_guardsFormulaCells() {
    String csv = Reports.csv(card("=1+2"));
    for (String line : csv.split("\r\n")) {
      assertFalse(line.startsWith("=") || line.contains(",=") || line.contains(",\"="), line);
    }
    assertTrue(csv.contains("'=1+2"), csv);
    // a byte-order mark first, for Excel on Chinese Windows (issue 19)
    assertTrue(csv.startsWith("\uFEFFcommunity,period,level,id,label_zh,label_en,raw,unit,score,weight\r\n"), csv);
    assertTrue(Reports.csv(card("lishan")).lines().skip(1).allMatch(l -> l.startsWith("lishan,")));
  }

  @Test
  void chartsSvg_issue17_areXml10_evenWithControlCharactersInLabels() throws Exception {
    IndicatorSystem odd = IndicatorSystem.builder().from(IndicatorSystems.governanceIndex())
        .label(Label.of("治理\u0001指数\uD800", "gov\u0001ernance \uFFFF index")).build();
    Scorecard c = Scorecard.evaluate(odd, "lishan", Period.month(YearMonth.of(2026, 10)), Map.of(IndicatorSystems.SERVED_SHARE, 0.72));
    for (Locale l : List.of(Locale.CHINA, Locale.ENGLISH)) {
      for (String svg : List.of(Charts.radar(c, l), Charts.bars(c, l))) {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        assertNotNull(f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))));
        assertFalse(svg.contains("\u0001") || svg.contains("\uFFFF"));
        assertTrue(svg.contains("\uFFFD"), "a forbidden character shows as U+FFFD");
      }
    }
  }
}

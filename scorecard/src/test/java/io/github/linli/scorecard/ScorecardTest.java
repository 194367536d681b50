package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.NotFoundException;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.methods.Ahp;
import io.github.linli.scorecard.methods.PriorityMethod;
import io.github.linli.scorecard.methods.RandomIndex;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Indicator systems, weighting, scorecards, rankings, change and reports. */
class ScorecardTest {
  static final Period SEP = Period.month(YearMonth.of(2026, 9));
  static final Period OCT = Period.month(YearMonth.of(2026, 10));

  static Map<String, Double> uniform(IndicatorSystem s, double survey) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Indicator i : s.indicators()) {
      m.put(i.id(), i.source() == IndicatorSource.SURVEY ? survey : i.normalisation().low() + survey * (i.normalisation().high() - i.normalisation().low()));
    }
    return m;
  }

  @Test
  void builtInSystems_labelsAndEqualWeights() {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    assertEquals(5, g.dimensions().size());
    assertEquals(18, g.indicators().size());
    assertEquals("多元主体", g.dimensions().get(0).label().zh());
    assertEquals("community coordination", g.dimensions().get(4).label().en());
    assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, g.dimensionWeights(), 1e-12);
    double sum = 0;
    for (double w : g.globalWeights()) {
      sum += w;
    }
    assertEquals(1, sum, 1e-12);
    IndicatorSystem p = IndicatorSystems.publicValueScorecard();
    assertEquals(List.of("公共价值账户", "合法性与支持", "运营能力"),
        p.dimensions().stream().map(d -> d.label().zh()).collect(java.util.stream.Collectors.toList()));
    for (IndicatorSystem s : List.of(g, p)) {
      for (Indicator i : s.indicators()) {
        assertTrue(i.problem().isPresent(), i.id());
        assertTrue(!i.improvements().isEmpty(), i.id());
        assertTrue(!i.references().isEmpty(), i.id());
      }
    }
    assertTrue(g.toString().contains("gov.subjects 0.2000"), g.toString());
    assertThrows(NotFoundException.class, () -> g.indicator("nope"));
  }

  @Test
  void evaluate_uniformValues_scoreEverywhere() {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Scorecard c = Scorecard.evaluate(g, "lishan", OCT, uniform(g, 0.8));
    // administrative burden is a cost: 0.8 agreement scores 20
    assertEquals(20, c.indicatorScores().get("gov.administrative_burden"), 1e-9);
    assertEquals(80, c.indicatorScores().get("gov.role_clarity"), 1e-9);
    double expectedManagement = (20 + 80 + 80) / 3.0;
    assertEquals(expectedManagement, c.dimensionScores().get("gov.management"), 1e-9);
    assertTrue(c.toString().contains("lishan"), c.toString());
    double sum = 0;
    for (double m : c.gradeMemberships()) {
      sum += m;
    }
    assertEquals(1, sum, 1e-12);
  }

  @Test
  void evaluate_surveyValueOutsideUnitInterval_refusedNamingTheIndicator() {
    IndicatorSystem p = IndicatorSystems.publicValueScorecard();
    Map<String, Double> v = new HashMap<>();
    v.put("pv.service_satisfaction", 4.2); // a mean answer on a 1..5 scale, not a score
    io.github.linli.core.ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.github.linli.core.ValidationException.class, () -> Scorecard.evaluate(p, "s-area", OCT, v));
    assertEquals("values(pv.service_satisfaction)", e.field());
    assertTrue(e.getMessage().contains("4.2") && e.getMessage().contains("[0, 1]"), e.getMessage());
    v.put("pv.service_satisfaction", 0.84);
    assertEquals(84, Scorecard.evaluate(p, "s-area", OCT, v).indicatorScores().get("pv.service_satisfaction"), 1e-9);
  }

  @Test
  void evaluate_missingIndicators_renormalised() {
    IndicatorSystem p = IndicatorSystems.publicValueScorecard();
    Map<String, Double> v = new HashMap<>();
    v.put("pv.goal_alignment", 1.0);
    v.put("pv.service_satisfaction", 0.5);
    Scorecard c = Scorecard.evaluate(p, "s-area", OCT, v);
    assertEquals(75, c.dimensionScores().get("pv.value"), 1e-9);
    assertEquals(1, c.dimensionScores().size());
    assertEquals(75, c.total(), 1e-9);
    assertEquals(11, c.missing().size());
    double expectedCoverage =
        p.globalWeightsById().get("pv.goal_alignment") + p.globalWeightsById().get("pv.service_satisfaction");
    assertEquals(expectedCoverage, c.coverage(), 1e-12);
    assertTrue(c.coverage() < 0.5, "two of thirteen indicators: " + c.coverage());
    assertTrue(c.toString().contains(String.format(java.util.Locale.ROOT, "coverage %.0f %%", 100 * expectedCoverage)), c.toString());
    assertTrue(Reports.markdown(c, java.util.Locale.ENGLISH).contains("rest on"), "the report warns");
    assertTrue(Reports.markdown(c, java.util.Locale.CHINESE).contains("仅依据"), "the report warns in Chinese");
    assertEquals(Grade.FAIR, c.grade());
    assertEquals(0.5, c.indicatorWeights().get("pv.goal_alignment"), 1e-12);
    double total = 0;
    for (Map.Entry<String, Double> e : c.indicatorWeights().entrySet()) {
      total += e.getValue() * c.indicatorScores().get(e.getKey());
    }
    assertEquals(c.total(), total, 1e-9);
  }

  @Test
  void evaluate_badInput_clearErrors() {
    IndicatorSystem p = IndicatorSystems.publicValueScorecard();
    assertEquals("values", assertThrows(ValidationException.class, () -> Scorecard.evaluate(p, "a", OCT, Map.of("x.y", 1.0))).field());
    assertEquals("values(pv.autonomy)", assertThrows(ValidationException.class, () -> Scorecard.evaluate(p, "a", OCT, Map.of("pv.autonomy", Double.NaN))).field());
    assertThrows(ValidationException.class, () -> Scorecard.evaluate(p, "a", OCT, Map.of()));
    assertEquals("community", assertThrows(ValidationException.class, () -> Scorecard.evaluate(p, " ", OCT, Map.of("pv.autonomy", 1.0))).field());
    List<Observation> dup = List.of(
        Observation.of(IndicatorSystems.SERVED_SHARE, 0.5, OCT, "a"),
        Observation.of(IndicatorSystems.SERVED_SHARE, 0.6, OCT, "a"));
    assertThrows(ValidationException.class, () -> Scorecard.evaluate(p, "a", OCT, null, dup));
    var govSurvey = io.github.linli.scorecard.survey.SurveyReader.read(
        new java.io.StringReader("q01\n4\n"),
        io.github.linli.scorecard.survey.Questionnaire.builder(IndicatorSystems.governanceIndex(), 5).item("q01", "gov.role_clarity").build(),
        io.github.linli.scorecard.survey.MissingDataPolicy.LISTWISE);
    assertEquals("survey", assertThrows(ValidationException.class, () -> Scorecard.evaluate(p, "a", OCT, govSurvey, List.of())).field());
  }

  @Test
  void rank_changeAndReports() {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Scorecard a = Scorecard.evaluate(g, "a", OCT, uniform(g, 0.9));
    Scorecard b = Scorecard.evaluate(g, "b", OCT, uniform(g, 0.5));
    Scorecard c = Scorecard.evaluate(g, "c", OCT, uniform(g, 0.7));
    List<RankedCommunity> r = Scorecard.rank(List.of(b, c, a));
    assertEquals(List.of("a", "c", "b"), r.stream().map(RankedCommunity::community).collect(java.util.stream.Collectors.toList()));
    assertEquals(1, r.get(0).rank());
    assertTrue(Reports.ranking(r, Locale.ENGLISH).contains("| 1 | a |"));
    Scorecard earlier = Scorecard.evaluate(g, "a", SEP, uniform(g, 0.5));
    ScorecardChange ch = a.changeFrom(earlier);
    assertEquals(a.total() - earlier.total(), ch.total(), 1e-12);
    assertTrue(ch.toString().contains("+"), ch.toString());
    assertThrows(ValidationException.class, () -> a.changeFrom(b));
    assertThrows(ValidationException.class, () -> Scorecard.rank(List.of()));
  }

  @Test
  void changeFrom_calledOnTheEarlierScorecard_refusedRatherThanReversed() {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Scorecard september = Scorecard.evaluate(g, "a", SEP, uniform(g, 0.5));
    Scorecard october = Scorecard.evaluate(g, "a", OCT, uniform(g, 0.7));
    ValidationException e = assertThrows(ValidationException.class, () -> september.changeFrom(october));
    assertEquals("earlier.period", e.field());
    assertTrue(e.getMessage().contains("call changeFrom on the later scorecard"), e.getMessage());
    assertEquals(october.total() - september.total(), october.changeFrom(september).total(), 1e-12);
    // the same period is allowed: two weightings of one month
    assertEquals(0, october.changeFrom(october).total(), 1e-12);
  }

  @Test
  void weighting_byAhpEntropyCriticCombined() {
    IndicatorSystem p = IndicatorSystems.publicValueScorecard();
    Map<String, double[][]> ind = new HashMap<>();
    ind.put("pv.value", Ahp.reciprocal(2, 3, 2, 2, 1, 0.5));
    ind.put("pv.legitimacy", Ahp.reciprocal(1, 2, 2, 3, 2, 2, 3, 1, 2, 2));
    ind.put("pv.capacity", Ahp.reciprocal(1, 2, 2, 2, 2, 1));
    AhpWeighting aw = Weighting.byAhp(p, Ahp.reciprocal(2, 3, 2), ind, PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_1980);
    assertEquals(4, aw.results().size());
    assertTrue(aw.system().dimensionWeights()[0] > aw.system().dimensionWeights()[2]);
    assertThrows(ValidationException.class, () -> Weighting.byAhp(p, Ahp.reciprocal(2, 3, 2), Map.of(), PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_1980));

    List<Scorecard> cards = List.of(
        Scorecard.evaluate(p, "a", OCT, uniform(p, 0.9)),
        Scorecard.evaluate(p, "b", OCT, uniform(p, 0.4)),
        Scorecard.evaluate(p, "c", OCT, uniform(p, 0.6)));
    double[][] data = Weighting.data(cards);
    data[0][0] = 0.1; // make goal alignment disagree with the rest
    IndicatorSystem e = Weighting.byEntropy(p, data);
    IndicatorSystem k = Weighting.byCritic(p, data);
    for (IndicatorSystem s : List.of(e, k, Weighting.combined(aw.system(), e, 0.5), Weighting.combinedMultiplicative(aw.system(), k))) {
      double sum = 0;
      for (double w : s.globalWeights()) {
        assertTrue(w >= 0);
        sum += w;
      }
      assertEquals(1, sum, 1e-9);
    }
    IndicatorSystem h = Weighting.byHand(p, Map.of("pv.value", 2.0, "pv.autonomy", 0.0));
    assertEquals(0.5, h.dimensionWeights()[0], 1e-12);
    assertEquals(0, h.globalWeightsById().get("pv.autonomy"), 1e-12);
    assertThrows(ValidationException.class, () -> Weighting.byHand(p, Map.of("nope", 1.0)));
  }

  @Test
  void normalisation_clampAndDirection() {
    Normalisation n = Normalisation.range(0, 14);
    assertEquals(0.75, n.score(3.5, io.github.linli.scorecard.methods.Direction.COST), 1e-12);
    assertEquals(1, n.score(99, io.github.linli.scorecard.methods.Direction.BENEFIT));
    assertThrows(ValidationException.class, () -> Normalisation.range(1, 1));
  }

  @Test
  void grade_membershipsTriangular() {
    assertArrayEquals(new double[] {1, 0, 0, 0, 0}, Grade.memberships(99), 0);
    assertArrayEquals(new double[] {0, 0.5, 0.5, 0, 0}, Grade.memberships(80), 1e-12);
    assertArrayEquals(new double[] {0, 0, 0, 0, 1}, Grade.memberships(10), 0);
  }

  /** The bands of the field's convention, at and around each edge. */
  @Test
  void grade_bands_atTheEdges() {
    double[][] cases = {{100, 0}, {90, 0}, {89.999, 1}, {80, 1}, {79.99, 2}, {70, 2}, {69.9, 3}, {60, 3}, {59.99, 4}, {0, 4}, {-5, 4}};
    for (double[] c : cases) {
      assertEquals(Grade.values()[(int) c[1]], Grade.of(c[0]), "score " + c[0]);
    }
    assertEquals(List.of("优秀", "良好", "中等", "及格", "不及格"),
        java.util.Arrays.stream(Grade.values()).map(g -> g.label().zh()).collect(java.util.stream.Collectors.toList()));
    assertEquals("fail", Grade.FAIL.label().en());
    assertEquals("score", assertThrows(ValidationException.class, () -> Grade.of(Double.NaN)).field());
  }

  /** The grade is the band of the total as shown with one decimal: 89.96 shows as 90.0, 优秀. */
  @Test
  void scorecardGrade_bandOfTheShownTotal() {
    IndicatorSystem p = IndicatorSystems.publicValueScorecard();
    Scorecard shownNinety = Scorecard.evaluate(p, "a", OCT, Map.of("pv.goal_alignment", 0.8996));
    assertEquals(89.96, shownNinety.total(), 1e-9);
    assertTrue(shownNinety.toString().contains("total 90.0, grade 优秀"), shownNinety.toString());
    assertEquals(Grade.EXCELLENT, shownNinety.grade());
    Scorecard below = Scorecard.evaluate(p, "a", OCT, Map.of("pv.goal_alignment", 0.8994));
    assertEquals(Grade.GOOD, below.grade());
    assertEquals(Grade.PASS, Scorecard.evaluate(p, "a", OCT, Map.of("pv.goal_alignment", 0.6)).grade());
    assertEquals(Grade.FAIL, Scorecard.evaluate(p, "a", OCT, Map.of("pv.goal_alignment", 0.5949)).grade());
  }

  /**
   * A light indicator with the lowest score is not among the first by weighted gap: the diagnosis
   * lists it among the lowest scores and says how each list is ranked.
   */
  @Test
  void diagnose_lowestScoresShownBesideTheWeightedRanking() {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Map<String, Double> gw = g.globalWeightsById();
    String light = gw.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String heavy = gw.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Map<String, Double> v = new LinkedHashMap<>();
    for (Indicator i : g.indicators()) {
      v.put(i.id(), rawFor(i, 0.9));
    }
    Indicator lightInd = g.indicator(light);
    Indicator heavyInd = g.indicator(heavy);
    // light at 40 (gap 60); heavy with a gap halfway between 60 × w_light / w_heavy and 60, so that
    // its weighted gap is the larger while its score stays above 40
    assertTrue(gw.get(heavy) > gw.get(light), "premise: the system's weights differ");
    double heavyGap = (60 * gw.get(light) / gw.get(heavy) + 60) / 2;
    v.put(light, rawFor(lightInd, 0.4));
    v.put(heavy, rawFor(heavyInd, (100 - heavyGap) / 100));
    Scorecard c = Scorecard.evaluate(g, "a", OCT, v);
    assertEquals(40, c.indicatorScores().get(light), 1e-6);
    assertEquals(100 - heavyGap, c.indicatorScores().get(heavy), 1e-6);
    Diagnosis d = c.diagnose(2, 1);
    assertEquals(heavy, d.weakestIndicators().get(0).id());
    assertEquals(light, d.lowestIndicators().get(0).id());
    String en = d.text(Locale.ENGLISH);
    assertTrue(en.contains("Ranked by weighted gap") && en.contains("Lowest scores, left out above")
        && en.contains(lightInd.label().en() + " 40.0"), en);
    String zh = d.text(Locale.CHINA);
    assertTrue(zh.contains("按加权差距排序") && zh.contains(lightInd.label().zh() + " 40.0"), zh);
    // when the lowest are the ones ranked first, nothing is repeated
    Diagnosis all = c.diagnose(2, 17);
    assertTrue(!all.text(Locale.ENGLISH).contains("Lowest scores"), all.text(Locale.ENGLISH));
    for (int i = 1; i < all.lowestIndicators().size(); i++) {
      assertTrue(all.lowestIndicators().get(i - 1).score() <= all.lowestIndicators().get(i).score());
    }
  }

  /** The raw value an indicator scores {@code score} (0–1) at. */
  static double rawFor(Indicator i, double score) {
    double t = i.direction() == io.github.linli.scorecard.methods.Direction.COST ? 1 - score : score;
    return i.normalisation().low() + t * (i.normalisation().high() - i.normalisation().low());
  }
}

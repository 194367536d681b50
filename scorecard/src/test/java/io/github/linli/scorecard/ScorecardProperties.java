package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.methods.Reliability;
import io.github.linli.scorecard.survey.Item;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaire;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** Invariants of scorecards, weighting and the streaming reliability accumulator. */
class ScorecardProperties {
  static final Period OCT = Period.month(YearMonth.of(2026, 10));

  static String randomSurvey(Questionnaire q, int rows, long seed, boolean withBadRows) {
    Random rnd = new Random(seed);
    StringBuilder b = new StringBuilder("respondent");
    for (Item i : q.items()) {
      b.append(',').append(i.column());
    }
    b.append('\n');
    for (int r = 0; r < rows; r++) {
      b.append(r + 1);
      double latent = rnd.nextGaussian();
      for (Item i : q.items()) {
        long v = Math.round(3 + latent + rnd.nextGaussian());
        v = Math.max(1, Math.min(q.points(), v));
        String cell = Long.toString(v);
        if (withBadRows && rnd.nextInt(40) == 0) {
          cell = rnd.nextBoolean() ? "" : Integer.toString(q.points() + 1);
        }
        b.append(',').append(cell);
      }
      b.append('\n');
    }
    return b.toString();
  }

  static void assertSane(Scorecard c) {
    assertTrue(c.total() >= 0 && c.total() <= 100, c.toString());
    for (double v : c.dimensionScores().values()) {
      assertTrue(v >= 0 && v <= 100, c.toString());
    }
    double s = 0;
    for (double m : c.gradeMemberships()) {
      assertTrue(m >= 0 && Double.isFinite(m));
      s += m;
    }
    assertEquals(1, s, 1e-9);
    double w = 0;
    for (double v : c.indicatorWeights().values()) {
      assertTrue(v >= 0);
      w += v;
    }
    assertEquals(1, w, 1e-9);
    double total = 0;
    for (java.util.Map.Entry<String, Double> e : c.indicatorWeights().entrySet()) {
      total += e.getValue() * c.indicatorScores().get(e.getKey());
    }
    assertEquals(c.total(), total, 1e-9);
    assertTrue(c.diagnose().weakestDimensions().size() <= 2);
  }

  @Property(tries = 40)
  void bothBuiltInSystems_evaluateRandomSurveysEndToEnd(
      @ForAll @IntRange(min = 3, max = 80) int rows,
      @ForAll long seed,
      @ForAll boolean sevenPoint,
      @ForAll boolean personMean) {
    int points = sevenPoint ? 7 : 5;
    MissingDataPolicy policy = personMean ? MissingDataPolicy.PERSON_MEAN : MissingDataPolicy.LISTWISE;
    for (Questionnaire q :
        List.of(Questionnaires.governanceIndex(points), Questionnaires.publicValueScorecard(points))) {
      SurveyResult s;
      try {
        s = SurveyReader.read(new StringReader(randomSurvey(q, rows, seed, true)), q, policy);
      } catch (ValidationException e) {
        assertTrue(e.getMessage().contains("no valid rows"), e.getMessage());
        continue;
      }
      assertEquals(rows, s.accepted() + s.rejected());
      for (double v : s.indicatorScores().values()) {
        assertTrue(v >= 0 && v <= 1, s.toString());
      }
      List<Observation> obs =
          List.of(
              Observation.of(IndicatorSystems.SERVED_SHARE, new Random(seed).nextDouble(), OCT, "c1"),
              Observation.of(IndicatorSystems.TIMEBANK_PARTICIPATION, 0.05, OCT, "c1"),
              Observation.of(IndicatorSystems.RESPONSE_HOURS, 480, OCT, "c1"),
              Observation.of(IndicatorSystems.MEDIATION_RESOLUTION_RATE, 0.6, OCT, "c1"));
      Scorecard c = Scorecard.evaluate(q.system(), "c1", OCT, s, obs);
      assertTrue(c.missing().isEmpty(), c.missing().toString());
      assertSane(c);
    }
  }

  @Property(tries = 100)
  void coverage_isTheWeightOfTheScoredIndicators_andGrowsWithData(@ForAll long seed) {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Random rnd = new Random(seed);
    List<Indicator> all = new ArrayList<>(g.indicators());
    java.util.Collections.shuffle(all, rnd);
    java.util.Map<String, Double> v = new java.util.HashMap<>();
    double previous = -1;
    for (Indicator i : all) {
      v.put(i.id(), i.normalisation().low() + rnd.nextDouble() * (i.normalisation().high() - i.normalisation().low()));
      Scorecard c = Scorecard.evaluate(g, "c", OCT, v);
      double expected = 0;
      for (String id : v.keySet()) {
        expected += g.globalWeightsById().get(id);
      }
      assertTrue(c.coverage() >= 0 && c.coverage() <= 1, "coverage " + c.coverage());
      assertEquals(c.missing().isEmpty() ? 1 : expected, c.coverage(), 1e-9);
      assertTrue(c.coverage() >= previous - 1e-12, "more data never lowers coverage");
      previous = c.coverage();
    }
    assertEquals(1, previous, 0);
  }

  @Property(tries = 30)
  void objectiveAndCombinedWeights_simplex_andScorecardsSane(
      @ForAll @IntRange(min = 3, max = 12) int communities, @ForAll long seed) {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Random rnd = new Random(seed);
    List<Scorecard> cards = new ArrayList<>();
    for (int k = 0; k < communities; k++) {
      java.util.Map<String, Double> v = new java.util.HashMap<>();
      for (Indicator i : g.indicators()) {
        v.put(i.id(), i.normalisation().low() + rnd.nextDouble() * (i.normalisation().high() - i.normalisation().low()));
      }
      cards.add(Scorecard.evaluate(g, "c" + k, OCT, v));
    }
    double[][] data = Weighting.data(cards);
    for (IndicatorSystem s :
        List.of(
            Weighting.byEntropy(g, data),
            Weighting.byCritic(g, data),
            Weighting.combined(g, Weighting.byCritic(g, data), 0.3))) {
      double sum = 0;
      for (double w : s.globalWeights()) {
        assertTrue(w >= 0);
        sum += w;
      }
      assertEquals(1, sum, 1e-9);
      List<Scorecard> re = new ArrayList<>();
      for (Scorecard c : cards) {
        Scorecard r = Scorecard.evaluate(s, c.community(), OCT, c.rawValues());
        assertSane(r);
        re.add(r);
      }
      List<RankedCommunity> rank = Scorecard.rank(re);
      assertEquals(communities, rank.size());
      for (RankedCommunity r : rank) {
        assertTrue(r.closeness() >= 0 && r.closeness() <= 1);
      }
    }
  }

  /** The accumulator, fed row by row, always agrees with the batch computation. */
  static final class Model {
    final Reliability.Accumulator acc = Reliability.accumulator(4);
    final List<double[]> rows = new ArrayList<>();

    void add(double[] row) {
      acc.add(row);
      rows.add(row);
      if (rows.size() >= 2) {
        double[][] m = rows.toArray(new double[0][]);
        Double batch;
        try {
          batch = Reliability.cronbachAlpha(m);
        } catch (ValidationException e) {
          batch = null;
        }
        Double streamed;
        try {
          streamed = acc.alpha();
        } catch (ValidationException e) {
          streamed = null;
        }
        if (batch == null || streamed == null) {
          assertEquals(batch == null, streamed == null, "both undefined or neither");
        } else {
          assertEquals(batch, streamed, 1e-9);
        }
      }
    }

    @Override
    public String toString() {
      return "Model{rows=" + rows.size() + "}";
    }
  }

  static final class AddRow implements Action.Independent<Model> {
    @Override
    public Arbitrary<Transformer<Model>> transformer() {
      return Arbitraries.integers()
          .between(1, 5)
          .array(int[].class)
          .ofSize(4)
          .map(
              a -> {
                double[] row = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                  row[i] = a[i];
                }
                return Transformer.mutate("add " + java.util.Arrays.toString(a), m -> m.add(row));
              });
    }
  }

  @Provide
  Arbitrary<ActionChain<Model>> chains() {
    return ActionChain.startWith(Model::new).withAction(new AddRow()).withMaxTransformations(30);
  }

  @Property(tries = 50)
  void reliabilityAccumulator_agreesWithBatchAfterEveryRow(@ForAll("chains") ActionChain<Model> chain) {
    chain.run();
  }

  /**
   * For one score the band and the fuzzy grade agree: the grade of largest membership (the better
   * one on a tie at a band's edge) is the band, and the band's edges are 90, 80, 70 and 60.
   */
  @Property(tries = 500)
  void grade_bandIsTheGradeOfLargestMembership(@ForAll @net.jqwik.api.constraints.DoubleRange(min = -20, max = 120) double score) {
    double[] m = Grade.memberships(score);
    int best = 0;
    for (int i = 1; i < m.length; i++) {
      if (m[i] > m[best]) {
        best = i;
      }
    }
    assertEquals(Grade.values()[best], Grade.of(score), "score " + score + " memberships " + java.util.Arrays.toString(m));
    int band = score >= 90 ? 0 : score >= 80 ? 1 : score >= 70 ? 2 : score >= 60 ? 3 : 4;
    assertEquals(Grade.values()[band], Grade.of(score));
  }
}

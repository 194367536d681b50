package io.github.linli.scorecard.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.IndicatorSystems;
import io.github.linli.scorecard.Scorecard;
import io.github.linli.scorecard.methods.Direction;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The answer scorings are monotone maps into [0, 1] with the documented ends; LINEAR gives what
 * the reader always gave; and the scoring changes nothing but the indicator scores.
 */
class AnswerScoringProperties {
  static final Period OCT = Period.month(YearMonth.of(2026, 10));

  @Property(tries = 500)
  void score_monotoneInUnitIntervalWithDocumentedEnds(
      @ForAll AnswerScoring scoring,
      @ForAll @IntRange(min = 2, max = 11) int points,
      @ForAll @DoubleRange(min = 0, max = 1) double u,
      @ForAll @DoubleRange(min = 0, max = 1) double v) {
    double a = Math.min(points, 1 + Math.min(u, v) * (points - 1));
    double b = Math.min(points, 1 + Math.max(u, v) * (points - 1));
    double sa = scoring.score(a, points);
    double sb = scoring.score(b, points);
    assertTrue(sa >= 0 && sa <= 1 && sb >= 0 && sb <= 1, sa + " " + sb);
    assertTrue(sa <= sb, scoring + " not monotone: " + a + " -> " + sa + ", " + b + " -> " + sb);
    assertEquals(1, scoring.score(points, points), 1e-15);
    double bottom = scoring == AnswerScoring.LINEAR ? 0 : 1.0 / points;
    assertEquals(bottom, scoring.score(1, points), 1e-15);
    // each step is worth the same: 1 / (points - 1) linearly, 1 / points per step
    double step = scoring == AnswerScoring.LINEAR ? 1.0 / (points - 1) : 1.0 / points;
    assertEquals(step, scoring.score(2, points) - scoring.score(1, points), 1e-12);
    // a cost indicator's value reversed by the scorecard is the score of the reversed mean
    for (AnswerScoring s : AnswerScoring.values()) {
      assertEquals(s.score(points + 1 - a, points), 1 - s.agreement(a, points, true), 1e-12);
      assertEquals(s.score(a, points), s.agreement(a, points, false), 0.0);
    }
  }

  /** A random answer matrix for a questionnaire, with about {@code blankPercent} % blank cells. */
  static String randomAnswers(Questionnaire q, int rows, long seed, int blankPercent) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder("respondent");
    for (Item i : q.items()) {
      b.append(',').append(i.column());
    }
    b.append('\n');
    for (int r = 0; r < rows; r++) {
      b.append(r + 1);
      for (int i = 0; i < q.items().size(); i++) {
        b.append(',');
        if (rnd.nextInt(100) >= blankPercent) {
          b.append(1 + rnd.nextInt(q.points()));
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * LINEAR (the default until issue 19) gives the indicator scores of the formula used before
   * scorings existed:
   * per indicator, the mean over its items of the item means after reverse coding, then (mean − 1)
   * / (points − 1), computed here from the answer matrix itself.
   */
  @Property(tries = 150)
  void linear_unchangedFromTheFormerFormula(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int rows,
      @ForAll @IntRange(min = 3, max = 11) int points,
      @ForAll boolean publicValue,
      @ForAll MissingDataPolicy policy) {
    Questionnaire q = (publicValue ? Questionnaires.publicValueScorecard(points) : Questionnaires.governanceIndex(points))
        .withScoring(AnswerScoring.LINEAR);
    SplittableRandom rnd = new SplittableRandom(seed);
    int k = q.items().size();
    int[][] answers = new int[rows][k];
    StringBuilder csv = new StringBuilder("respondent");
    for (Item i : q.items()) {
      csv.append(',').append(i.column());
    }
    csv.append('\n');
    for (int r = 0; r < rows; r++) {
      csv.append(r + 1);
      for (int i = 0; i < k; i++) {
        answers[r][i] = 1 + rnd.nextInt(points);
        csv.append(',').append(answers[r][i]);
      }
      csv.append('\n');
    }
    SurveyResult result = SurveyReader.read(new StringReader(csv.toString()), q, policy);
    assertEquals(rows, result.accepted());
    for (String ind : q.indicators()) {
      double sumOfItemMeans = 0;
      int n = 0;
      for (int i = 0; i < k; i++) {
        Item item = q.items().get(i);
        if (!item.indicatorId().equals(ind)) {
          continue;
        }
        double sum = 0;
        for (int r = 0; r < rows; r++) {
          sum += item.reverse() ? points + 1 - answers[r][i] : answers[r][i];
        }
        sumOfItemMeans += sum / rows;
        n++;
      }
      double former = (sumOfItemMeans / n - 1) / (points - 1);
      assertEquals(former, result.indicatorScores().get(ind), 1e-12, ind);
    }
  }

  /**
   * Under every missing-data policy, PER_STEP rejects, imputes, counts and measures reliability
   * exactly as LINEAR does; only the indicator scores differ, by the map, and on the scorecard a
   * cost indicator shows the per-step score of the reversed answers.
   */
  @Property(tries = 150)
  void perStep_sameAsLinearApartFromTheMap(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int rows,
      @ForAll @IntRange(min = 3, max = 11) int points,
      @ForAll @IntRange(min = 0, max = 30) int blankPercent,
      @ForAll MissingDataPolicy policy) {
    Questionnaire q = Questionnaires.governanceIndex(points).withScoring(AnswerScoring.LINEAR);
    String csv = randomAnswers(q, rows, seed, blankPercent);
    SurveyResult linear;
    try {
      linear = SurveyReader.read(new StringReader(csv), q, policy);
    } catch (ValidationException e) {
      ValidationException other = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
          () -> SurveyReader.read(new StringReader(csv), q.withScoring(AnswerScoring.PER_STEP), policy));
      assertEquals(e.getMessage(), other.getMessage());
      return;
    }
    SurveyResult perStep = SurveyReader.read(new StringReader(csv), q.withScoring(AnswerScoring.PER_STEP), policy);
    assertEquals(linear.accepted(), perStep.accepted());
    assertEquals(linear.rejected(), perStep.rejected());
    assertEquals(linear.imputed(), perStep.imputed());
    assertEquals(linear.rejections().toString(), perStep.rejections().toString());
    assertEquals(linear.itemMeans(), perStep.itemMeans());
    assertEquals(linear.reliability().toString(), perStep.reliability().toString());
    assertEquals(linear.indicatorScores().keySet(), perStep.indicatorScores().keySet());
    Scorecard card = Scorecard.evaluate(IndicatorSystems.governanceIndex(), "lishan", OCT, perStep, List.of());
    for (String ind : q.indicators()) {
      assertArrayEquals(linear.levelShares(ind), perStep.levelShares(ind), 0.0);
      double sum = 0;
      int n = 0;
      for (Item item : q.items()) {
        if (item.indicatorId().equals(ind)) {
          sum += perStep.itemMeans().get(item.column());
          n++;
        }
      }
      double m = sum / n;
      boolean cost = q.system().indicator(ind).direction() == Direction.COST;
      assertEquals((m - 1) / (points - 1), linear.indicatorScores().get(ind), 1e-12, ind);
      assertEquals(cost ? (m - 1) / points : m / points, perStep.indicatorScores().get(ind), 1e-12, ind);
      double shown = 100 * AnswerScoring.PER_STEP.score(cost ? points + 1 - m : m, points);
      assertEquals(shown, card.indicatorScores().get(ind), 1e-9, ind);
    }
    for (Map.Entry<String, Double> e : perStep.indicatorScores().entrySet()) {
      assertTrue(e.getValue() >= 0 && e.getValue() <= 1, e.toString());
    }
  }
}

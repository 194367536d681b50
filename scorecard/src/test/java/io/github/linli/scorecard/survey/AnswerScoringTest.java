package io.github.linli.scorecard.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.Grade;
import io.github.linli.scorecard.IndicatorSystems;
import io.github.linli.scorecard.Reports;
import io.github.linli.scorecard.Scorecard;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two answer scorings, with figures worked by hand. */
class AnswerScoringTest {
  static final Period OCT = Period.month(YearMonth.of(2026, 10));

  static SurveyResult read(String csv, Questionnaire q) {
    return SurveyReader.read(new StringReader(csv), q, MissingDataPolicy.LISTWISE);
  }

  /** Every item of the built-in governance questionnaire answered {@code answer}, by two people. */
  static String uniformGovernanceSurvey(int answer) {
    StringBuilder b = new StringBuilder("respondent");
    for (Item i : Questionnaires.governanceIndex(5).items()) {
      b.append(',').append(i.column());
    }
    for (int r = 1; r <= 2; r++) {
      b.append('\n').append(r);
      for (int i = 0; i < Questionnaires.governanceIndex(5).items().size(); i++) {
        b.append(',').append(answer);
      }
    }
    return b.append('\n').toString();
  }

  @Test
  void score_fivePointScale_byHand() {
    double[] linear = new double[5];
    double[] perStep = new double[5];
    for (int a = 1; a <= 5; a++) {
      linear[a - 1] = AnswerScoring.LINEAR.score(a, 5);
      perStep[a - 1] = AnswerScoring.PER_STEP.score(a, 5);
    }
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, linear, 1e-15);
    assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8, 1}, perStep, 1e-15);
    // 7 points: 1 scores 1/7 per step, 4 scores 4/7; linearly 0 and 0.5
    assertEquals(1 / 7.0, AnswerScoring.PER_STEP.score(1, 7), 1e-15);
    assertEquals(4 / 7.0, AnswerScoring.PER_STEP.score(4, 7), 1e-15);
    assertEquals(0.5, AnswerScoring.LINEAR.score(4, 7), 1e-15);
  }

  @Test
  void score_badArguments_validationException() {
    assertEquals("mean", assertThrows(ValidationException.class, () -> AnswerScoring.LINEAR.score(0.5, 5)).field());
    assertEquals("mean", assertThrows(ValidationException.class, () -> AnswerScoring.PER_STEP.score(5.5, 5)).field());
    assertEquals("mean", assertThrows(ValidationException.class, () -> AnswerScoring.PER_STEP.score(Double.NaN, 5)).field());
    assertEquals("points", assertThrows(ValidationException.class, () -> AnswerScoring.LINEAR.score(1, 1)).field());
    assertEquals("points", assertThrows(ValidationException.class, () -> AnswerScoring.LINEAR.score(1, 12)).field());
  }

  @Test
  void labels_chineseAndEnglish() {
    for (AnswerScoring s : AnswerScoring.values()) {
      assertTrue(!s.label().zh().isBlank() && !s.label().en().isBlank(), s.name());
      assertTrue(!s.label().zh().equals(s.label().en()), s.name());
    }
    assertEquals("按档计分：每档 100/量表点数 分（五级量表每档 20 分）", AnswerScoring.PER_STEP.label().in(Locale.CHINA));
  }

  @Test
  void questionnaire_defaultPerStep_builderAndWithScoring() {
    Questionnaire q = Questionnaires.governanceIndex(5);
    assertSame(AnswerScoring.PER_STEP, q.scoring());
    assertSame(q, q.withScoring(AnswerScoring.PER_STEP));
    Questionnaire p = q.withScoring(AnswerScoring.LINEAR);
    assertSame(AnswerScoring.LINEAR, p.scoring());
    assertEquals(q.items(), p.items());
    assertEquals(q.points(), p.points());
    assertSame(q.system(), p.system());
    assertSame(AnswerScoring.PER_STEP, q.scoring(), "withScoring leaves the original alone");
    assertTrue(p.toString().contains("1-5 LINEAR"), p.toString());
    assertSame(AnswerScoring.PER_STEP,
        Questionnaire.builder(IndicatorSystems.governanceIndex(), 7).item("a", "gov.digital_tools").build().scoring());
    Questionnaire built =
        Questionnaire.builder(IndicatorSystems.governanceIndex(), 7).scoring(AnswerScoring.LINEAR).item("a", "gov.digital_tools").build();
    assertSame(AnswerScoring.LINEAR, built.scoring());
    assertThrows(NullPointerException.class, () -> q.withScoring(null));
  }

  /** The task's example: all answers 3 of 5 score 0.5 linearly and 0.6 per step. */
  @Test
  void read_neutralSurvey_halfLinearlyThreeFifthsPerStep() {
    String csv = uniformGovernanceSurvey(3);
    SurveyResult linear = read(csv, Questionnaires.governanceIndex(5).withScoring(AnswerScoring.LINEAR));
    SurveyResult perStep = read(csv, Questionnaires.governanceIndex(5));
    for (Map.Entry<String, Double> e : linear.indicatorScores().entrySet()) {
      assertEquals(0.5, e.getValue(), 1e-15, e.getKey());
    }
    for (Map.Entry<String, Double> e : perStep.indicatorScores().entrySet()) {
      // the cost indicator's value is (3 - 1) / 5 = 0.4, which the scorecard shows as 1 - 0.4
      double expected = e.getKey().equals("gov.administrative_burden") ? 0.4 : 0.6;
      assertEquals(expected, e.getValue(), 1e-15, e.getKey());
    }
    assertEquals(linear.itemMeans(), perStep.itemMeans());
    assertTrue(perStep.toString().contains("PER_STEP"), perStep.toString());
    assertTrue(linear.toString().contains("LINEAR"), "toString names the scoring: " + linear);

    Scorecard l = Scorecard.evaluate(IndicatorSystems.governanceIndex(), "lishan", OCT, linear, List.of());
    Scorecard p = Scorecard.evaluate(IndicatorSystems.governanceIndex(), "lishan", OCT, perStep, List.of());
    for (String ind : linear.indicatorScores().keySet()) {
      assertEquals(50, l.indicatorScores().get(ind), 1e-9, ind);
      assertEquals(60, p.indicatorScores().get(ind), 1e-9, ind);
    }
    assertEquals(50, l.total(), 1e-9);
    assertEquals(60, p.total(), 1e-9);
    // the bands: 50 is below 60, 不及格; 60 is the lowest score of 及格
    assertEquals(Grade.FAIL, l.grade());
    assertEquals(Grade.PASS, p.grade());
    assertEquals(1, l.gradeMemberships()[Grade.FAIL.ordinal()], 1e-12);
    // 60 is halfway between the centres of pass (65) and fail (55)
    assertEquals(0.5, p.gradeMemberships()[Grade.PASS.ordinal()], 1e-9);
    assertEquals(0.5, p.gradeMemberships()[Grade.FAIL.ordinal()], 1e-9);
  }

  /** A reverse-worded item is reversed answer by answer, before either map. */
  @Test
  void read_reverseWordedItem_reversedBeforeScoring() {
    Questionnaire q =
        Questionnaire.builder(IndicatorSystems.governanceIndex(), 5)
            .item("a", "gov.role_clarity")
            .reverseItem("b", "gov.role_clarity")
            .build();
    // b = 1 and 2 count as 5 and 4: item means 4.5 and 4.5, indicator mean 4.5
    String csv = "a,b\n5,1\n4,2\n";
    assertEquals((4.5 - 1) / 4, read(csv, q.withScoring(AnswerScoring.LINEAR)).indicatorScores().get("gov.role_clarity"), 1e-15);
    assertEquals(4.5 / 5, read(csv, q.withScoring(AnswerScoring.PER_STEP)).indicatorScores().get("gov.role_clarity"), 1e-15);
    // only the reverse item, answered "strongly agree" (5) with the negative statement: 1 of 5
    Questionnaire onlyReverse = Questionnaire.builder(IndicatorSystems.governanceIndex(), 5).reverseItem("b", "gov.role_clarity").build();
    assertEquals(0, read("b\n5\n", onlyReverse.withScoring(AnswerScoring.LINEAR)).indicatorScores().get("gov.role_clarity"), 1e-15);
    assertEquals(0.2, read("b\n5\n", onlyReverse.withScoring(AnswerScoring.PER_STEP)).indicatorScores().get("gov.role_clarity"), 1e-15);
    assertEquals(1, read("b\n1\n", onlyReverse.withScoring(AnswerScoring.PER_STEP)).indicatorScores().get("gov.role_clarity"), 1e-15);
  }

  /**
   * A cost indicator ("the community carries too many administrative tasks"): agreeing is bad, so
   * on the scorecard all answers 1 score 100 under both scorings and all answers 5 the lowest step,
   * 0 linearly and 20 per step.
   */
  @Test
  void scorecard_costIndicator_reversedOnTheAnswerScale() {
    Questionnaire q = Questionnaire.builder(IndicatorSystems.governanceIndex(), 5).item("q12", "gov.administrative_burden").build();
    double[][] expected = {{1, 100, 100}, {3, 50, 60}, {4, 25, 40}, {5, 0, 20}};
    for (double[] row : expected) {
      String csv = "q12\n" + (int) row[0] + "\n";
      for (AnswerScoring s : AnswerScoring.values()) {
        Scorecard c = Scorecard.evaluate(IndicatorSystems.governanceIndex(), "lishan", OCT, read(csv, q.withScoring(s)), List.of());
        assertEquals(row[1 + s.ordinal()], c.indicatorScores().get("gov.administrative_burden"), 1e-9, s + " answer " + row[0]);
      }
    }
    // the survey's raw value for answer 5: 1 linearly (as before), (5 - 1) / 5 per step
    assertEquals(1, read("q12\n5\n", q.withScoring(AnswerScoring.LINEAR)).indicatorScores().get("gov.administrative_burden"), 1e-15);
    assertEquals(0.8, read("q12\n5\n", q.withScoring(AnswerScoring.PER_STEP)).indicatorScores().get("gov.administrative_burden"), 1e-15);
  }

  @Test
  void reportsSurvey_statesTheScoringInUse() {
    String csv = uniformGovernanceSurvey(4);
    SurveyResult linear = read(csv, Questionnaires.governanceIndex(5).withScoring(AnswerScoring.LINEAR));
    SurveyResult perStep = read(csv, Questionnaires.governanceIndex(5));
    assertTrue(Reports.survey(linear, Locale.ENGLISH).contains("Answer scoring: linear: lowest answer 0, highest 100"),
        Reports.survey(linear, Locale.ENGLISH));
    assertTrue(Reports.survey(perStep, Locale.CHINA).contains("答案计分：按档计分"), Reports.survey(perStep, Locale.CHINA));
  }
}

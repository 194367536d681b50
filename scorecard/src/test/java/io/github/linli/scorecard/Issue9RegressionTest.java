package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.methods.Ahp;
import io.github.linli.scorecard.methods.CombinedWeights;
import io.github.linli.scorecard.methods.GreyRelational;
import io.github.linli.scorecard.methods.Reliability;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 9: bugs found by the fuzzed boundary (docs module), each pinned here. */
class Issue9RegressionTest {
  @Test
  void surveyRead_unterminatedQuote_isValidationException() {
    String csv = "respondent,q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,q13,q14,q15,q16,q17\n\"";
    ValidationException e = assertThrows(ValidationException.class,
        () -> SurveyReader.read(new StringReader(csv), Questionnaires.governanceIndex(5), MissingDataPolicy.LISTWISE));
    assertEquals("survey", e.field());
    assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
  }

  @Test
  void rejection_freeTextAnswer_notShownInReport() {
    StringBuilder csv = new StringBuilder("respondent");
    for (int i = 1; i <= 17; i++) {
      csv.append(String.format(Locale.ROOT, ",q%02d", i));
    }
    csv.append("\n1").append(",3".repeat(17)).append("\n2").append(",4".repeat(17));
    csv.append("\n3,请联系张小明13912347788").append(",3".repeat(16)).append('\n');
    SurveyResult r = SurveyReader.read(new StringReader(csv.toString()), Questionnaires.governanceIndex(5), MissingDataPolicy.LISTWISE);
    assertEquals(1, r.rejected());
    String report = Reports.survey(r, Locale.CHINESE) + r.rejections();
    assertFalse(report.contains("13912347788") || report.contains("张小明"), report);
    assertTrue(report.contains("characters, not shown"), report);
    assertEquals("请联系张小明13912347788", r.rejections().get(0).value(), "the value stays available to the portal");
  }

  @Test
  void combinedMultiplicative_hugeWeights_finite() {
    double[] w = CombinedWeights.multiplicative(new double[] {1e300, 1e300}, new double[] {1e300, 3e300});
    assertEquals(0.25, w[0], 1e-12);
    assertEquals(0.75, w[1], 1e-12);
  }

  @Test
  void greyGrades_subnormalDifferences_finite() {
    double[] g = GreyRelational.grades(new double[] {0, 0}, new double[][] {{0, 0}, {0, 4.9e-324}}, 0.5);
    assertEquals(1, g[0], 1e-12);
    assertTrue(Double.isFinite(g[1]) && g[1] < 1, "grade " + g[1]);
    double[] h = GreyRelational.grades(new double[] {1e308, 0}, new double[][] {{-1e308, 0}, {1e308, 0}}, 0.5);
    assertTrue(Double.isFinite(h[0]) && Double.isFinite(h[1]) && h[1] > h[0], java.util.Arrays.toString(h));
  }

  @Test
  void reliability_hugeAnswers_refused() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> Reliability.correctedItemTotalCorrelations(new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 1e300}}));
    assertEquals("answers[3]", e.field());
    Reliability.Accumulator acc = Reliability.accumulator(2).add(new double[] {1, 2});
    assertThrows(ValidationException.class, () -> acc.add(new double[] {1, 1e101}));
    assertEquals(1, acc.count(), "a refused row changes nothing");
  }

  @Test
  void ahpReciprocal_subnormalJudgment_refused() {
    ValidationException e = assertThrows(ValidationException.class, () -> Ahp.reciprocal(1, 1, 4.9e-324));
    assertEquals("upper[2]", e.field());
  }

  @Test
  void entropyWeights_hugeValues_finite() {
    double[] w = io.github.linli.scorecard.methods.EntropyWeights.of(new double[][] {{0, 1}, {0, 2}, {0, 1}, {Double.MAX_VALUE, 2}});
    assertTrue(Double.isFinite(w[0]) && Double.isFinite(w[1]), java.util.Arrays.toString(w));
    assertEquals(1, w[0] + w[1], 1e-12);
    double[] d = io.github.linli.scorecard.methods.EntropyWeights.of(new double[][] {{-1e308, 1}, {1e308, 2}, {0, 1}},
        new io.github.linli.scorecard.methods.Direction[] {
          io.github.linli.scorecard.methods.Direction.BENEFIT, io.github.linli.scorecard.methods.Direction.COST});
    assertTrue(Double.isFinite(d[0]) && Double.isFinite(d[1]), java.util.Arrays.toString(d));
  }
}

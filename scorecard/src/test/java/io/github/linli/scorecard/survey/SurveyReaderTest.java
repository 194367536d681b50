package io.github.linli.scorecard.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.IndicatorSystems;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** CSV ingestion: reverse coding, rejected rows, missing-data policies, bad headers. */
class SurveyReaderTest {
  static Questionnaire q() {
    return Questionnaire.builder(IndicatorSystems.governanceIndex(), 5)
        .item("a", "gov.role_clarity")
        .reverseItem("b", "gov.role_clarity")
        .item("c", "gov.resident_participation")
        .build();
  }

  static SurveyResult read(String csv, MissingDataPolicy p) {
    return SurveyReader.read(new StringReader(csv), q(), p);
  }

  @Test
  void read_reverseCodingAndScores() {
    SurveyResult r = read("id,a,b,c\n1,5,1,3\n2,4,2,5\n", MissingDataPolicy.LISTWISE);
    assertEquals(2, r.accepted());
    assertEquals(4.5, r.itemMeans().get("b"), 1e-12); // reversed: 5 and 4
    // per step (the default): mean / points
    assertEquals(4.5 / 5, r.indicatorScores().get("gov.role_clarity"), 1e-12);
    assertEquals(4.0 / 5, r.indicatorScores().get("gov.resident_participation"), 1e-12);
    double[] shares = r.levelShares("gov.role_clarity");
    assertEquals(0.5, shares[0], 1e-12);
    assertEquals(0.5, shares[1], 1e-12);
    assertTrue(r.reliability().containsKey("gov.subjects"));
  }

  @Test
  void read_headerOfSemicolonsTabsOrOtherCase_messageSaysWhatIsWrong() {
    ValidationException semicolons = assertThrows(ValidationException.class,
        () -> read("id;a;b;c\n1;5;1;3\n", MissingDataPolicy.LISTWISE));
    assertTrue(semicolons.getMessage().endsWith("separate its columns with ';': save it as comma-separated CSV"),
        semicolons.getMessage());
    ValidationException tabs = assertThrows(ValidationException.class,
        () -> read("id\ta\tb\tc\n1\t5\t1\t3\n", MissingDataPolicy.LISTWISE));
    assertTrue(tabs.getMessage().contains("with tabs"), tabs.getMessage());
    ValidationException upper = assertThrows(ValidationException.class,
        () -> read("id,A,b,c\n1,5,1,3\n", MissingDataPolicy.LISTWISE));
    assertEquals("a", upper.value().orElseThrow());
    assertTrue(upper.getMessage().endsWith("found 'A': column names must match exactly (case and spaces)"),
        upper.getMessage());
    ValidationException absent = assertThrows(ValidationException.class,
        () -> read("id,b,c\n1,1,3\n", MissingDataPolicy.LISTWISE));
    assertTrue(absent.getMessage().endsWith("the first row has 3 column(s) and none is named a (is the header row missing?)"),
        absent.getMessage());
  }

  @Test
  void read_rejectsOutOfScaleTextAndShortRows() {
    SurveyResult r = read("id,a,b,c\n1,6,1,3\n2,x,2,5\n3,1,2\n4,3,3,3\n5,0,1,1\n", MissingDataPolicy.LISTWISE);
    assertEquals(1, r.accepted());
    assertEquals(4, r.rejected());
    assertEquals(2, r.rejections().get(0).line());
    assertEquals("a", r.rejections().get(0).column());
    assertEquals("6", r.rejections().get(0).value());
    assertTrue(r.rejections().get(1).reason().contains("not a number"));
    assertTrue(r.rejections().get(2).reason().contains("fields"), r.rejections().get(2).toString());
  }

  @Test
  void read_byteOrderMarkAndGbkFile() throws Exception {
    SurveyResult r = read("\uFEFFa,b,c\n5,1,3\n", MissingDataPolicy.LISTWISE);
    assertEquals(1, r.accepted());
    java.nio.file.Path f = java.nio.file.Files.createTempFile("survey", ".csv");
    java.nio.file.Files.write(f, "编号,a,b,c\n1,4,2,5\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    SurveyResult g = SurveyReader.read(f, java.nio.charset.Charset.forName("GBK"), q(), MissingDataPolicy.LISTWISE);
    assertEquals(1, g.accepted());
    java.nio.file.Files.delete(f);
  }

  @Test
  void read_policies() {
    String csv = "id,a,b,c\n1,5,,3\n2,4,2,\n3,3,3,3\n";
    SurveyResult listwise = read(csv, MissingDataPolicy.LISTWISE);
    assertEquals(1, listwise.accepted());
    SurveyResult mean = read(csv, MissingDataPolicy.PERSON_MEAN);
    // row 1: b imputed from a and c (same dimension, gov.subjects): (5 + 3) / 2 = 4
    // row 2: c imputed from a and reversed b: (4 + 4) / 2 = 4
    assertEquals(3, mean.accepted());
    assertEquals(2, mean.imputed());
    assertEquals((4 + 4 + 3) / 3.0, mean.itemMeans().get("b"), 1e-12);
    assertEquals((3 + 4 + 3) / 3.0, mean.itemMeans().get("c"), 1e-12);
  }

  @Test
  void read_noValidRows_andMissingColumn_clearErrors() {
    ValidationException e = assertThrows(ValidationException.class, () -> read("id,a,b,c\n1,9,9,9\n", MissingDataPolicy.LISTWISE));
    assertTrue(e.getMessage().contains("no valid rows") && e.getMessage().contains("line 2"), e.getMessage());
    ValidationException h = assertThrows(ValidationException.class, () -> read("id,a,c\n1,1,1\n", MissingDataPolicy.LISTWISE));
    assertEquals("survey.header", h.field());
    assertThrows(ValidationException.class, () -> read("id,a,b,c\n", MissingDataPolicy.LISTWISE));
  }

  @Test
  void questionnaire_badItems() {
    var b = Questionnaire.builder(IndicatorSystems.governanceIndex(), 7);
    assertThrows(ValidationException.class, () -> b.item("x", "nope"));
    assertThrows(ValidationException.class, () -> b.item("x", IndicatorSystems.SERVED_SHARE));
    b.item("x", "gov.digital_tools");
    assertThrows(ValidationException.class, () -> b.item("x", "gov.digital_tools"));
    assertThrows(ValidationException.class, () -> Questionnaire.builder(IndicatorSystems.governanceIndex(), 2));
    assertThrows(ValidationException.class, () -> Questionnaire.builder(IndicatorSystems.governanceIndex(), 5).build());
  }

  @Test
  void read_sevenPointScale() {
    Questionnaire q7 = Questionnaire.builder(IndicatorSystems.governanceIndex(), 7).item("a", "gov.digital_tools").build();
    SurveyResult r = SurveyReader.read(new StringReader("a\n7\n1\n4\n"), q7, MissingDataPolicy.LISTWISE);
    // mean 4 of 7: 4/7 per step (the default), (4 - 1) / 6 = 0.5 linearly
    assertEquals(4 / 7.0, r.indicatorScores().get("gov.digital_tools"), 1e-12);
    assertEquals(0.5, SurveyReader.read(new StringReader("a\n7\n1\n4\n"), q7.withScoring(AnswerScoring.LINEAR), MissingDataPolicy.LISTWISE)
        .indicatorScores().get("gov.digital_tools"), 1e-12);
    assertTrue(r.reliability().isEmpty());
  }

  /** An item of a cost indicator ("too many administrative tasks") is keyed in reverse for alpha. */
  @Test
  void reliability_costIndicatorItemKeyedInReverse() {
    StringBuilder csv = new StringBuilder("respondent");
    for (int i = 1; i <= 17; i++) {
      csv.append(String.format(java.util.Locale.ROOT, ",q%02d", i));
    }
    csv.append('\n');
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int p = 1; p <= 300; p++) {
      int good = 1 + r.nextInt(5);
      csv.append(p);
      for (int i = 1; i <= 17; i++) {
        int a = Math.max(1, Math.min(5, good + r.nextInt(3) - 1));
        // q02 and q05 are reverse-worded items; q12 asks whether burdens are too many: all three
        // are answered low where things are good.
        csv.append(',').append(i == 2 || i == 5 || i == 12 ? 6 - a : a);
      }
      csv.append('\n');
    }
    SurveyResult result =
        SurveyReader.read(new java.io.StringReader(csv.toString()), io.github.linli.scorecard.survey.Questionnaires.governanceIndex(5), MissingDataPolicy.LISTWISE);
    double alpha = result.reliability().get("gov.management").alpha().getAsDouble();
    assertTrue(alpha > 0.6, "alpha of gov.management " + alpha);
  }
}

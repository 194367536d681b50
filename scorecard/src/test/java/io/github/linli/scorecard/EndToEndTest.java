package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaire;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Both built-in systems evaluate the shipped sample surveys end to end. */
class EndToEndTest {
  static final Period OCT = Period.month(YearMonth.of(2026, 10));

  static SurveyResult read(String file, Questionnaire q, MissingDataPolicy p) throws Exception {
    try (Reader r =
        new InputStreamReader(
            EndToEndTest.class.getResourceAsStream("survey/" + file), StandardCharsets.UTF_8)) {
      return SurveyReader.read(r, q, p);
    }
  }

  @Test
  void governanceIndex_sampleSurveyAndObservations_endToEnd() throws Exception {
    SurveyResult s =
        read("governance-survey-sample.csv", Questionnaires.governanceIndex(5), MissingDataPolicy.PERSON_MEAN);
    // the sample has a 9, an 'abc', and a row missing 2 of 3 consensus items: 3 rejected
    assertEquals(57, s.accepted());
    assertEquals(3, s.rejected());
    assertEquals(2, s.imputed());
    assertEquals(5, s.reliability().size());
    assertTrue(s.reliability().get("gov.subjects").alpha().getAsDouble() > 0.5, s.reliability().toString());
    List<Observation> obs =
        List.of(
            Observation.of(IndicatorSystems.SERVED_SHARE, 0.72, OCT, "lishan"),
            Observation.of(IndicatorSystems.TIMEBANK_PARTICIPATION, 0.12, OCT, "lishan"),
            Observation.of(IndicatorSystems.MEDIATION_RESOLUTION_RATE, 0.8, OCT, "lishan"),
            Observation.of(IndicatorSystems.SERVED_SHARE, 0.10, OCT, "other-community"));
    Scorecard card = Scorecard.evaluate(IndicatorSystems.governanceIndex(), "lishan", OCT, s, obs);
    assertTrue(card.missing().isEmpty(), card.missing().toString());
    assertEquals(72, card.indicatorScores().get(IndicatorSystems.SERVED_SHARE), 1e-9);
    assertEquals(40, card.indicatorScores().get(IndicatorSystems.TIMEBANK_PARTICIPATION), 1e-9);
    assertEquals(80, card.indicatorScores().get(IndicatorSystems.MEDIATION_RESOLUTION_RATE), 1e-9);
    assertEquals(5, card.dimensionScores().size());
    assertTrue(card.total() > 0 && card.total() < 100);
    Diagnosis d = card.diagnose();
    assertEquals(2, d.weakestDimensions().size());
    // equal dimension weights: the first finding is the lowest-scoring dimension
    double min = card.dimensionScores().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertEquals(min, d.weakestDimensions().get(0).score(), 1e-12, d.toString());
    assertFalse(d.weakestDimensions().get(0).improvements().isEmpty());
    assertTrue(d.text(Locale.CHINA).contains("路径"), d.text(Locale.CHINA));
    String md = Reports.markdown(card, Locale.CHINA);
    assertTrue(md.contains("资源配置") && md.contains("诊断"), md);
    String csv = Reports.csv(card);
    assertEquals(1 + 5 + 18 + 1, csv.lines().count());
    String radar = Charts.radar(card, Locale.CHINA);
    assertTrue(radar.startsWith("<svg") && radar.contains("多元主体"));
    Path out = Path.of("target", "charts");
    Files.createDirectories(out);
    Files.writeString(out.resolve("governance-radar.svg"), radar);
    Files.writeString(out.resolve("governance-bars.svg"), Charts.bars(card, Locale.ENGLISH));
    Files.writeString(out.resolve("governance-report.md"), md + "\n" + Reports.survey(s, Locale.CHINA));
  }

  @Test
  void publicValueScorecard_sampleSurvey_endToEndWithMissingObservation() throws Exception {
    SurveyResult s =
        read("public-value-survey-sample.csv", Questionnaires.publicValueScorecard(5), MissingDataPolicy.LISTWISE);
    assertEquals(47, s.accepted());
    assertEquals(3, s.rejected());
    assertEquals(0, s.imputed());
    assertTrue(s.rejections().stream().anyMatch(r -> r.value().equals("2.5")), s.rejections().toString());
    Scorecard card =
        Scorecard.evaluate(
            IndicatorSystems.publicValueScorecard(),
            "s-area",
            OCT,
            s,
            List.of(
                Observation.of(IndicatorSystems.SERVED_SHARE, 0.6, OCT, "s-area"),
                Observation.of(IndicatorSystems.RESPONSE_HOURS, 84, OCT, "s-area")));
    assertEquals(List.of(IndicatorSystems.TIMEBANK_PARTICIPATION), card.missing());
    assertEquals(75, card.indicatorScores().get(IndicatorSystems.RESPONSE_HOURS), 1e-9);
    assertEquals(3, card.dimensionScores().size());
    assertFalse(Reports.markdown(card, Locale.ENGLISH).isBlank());
    Path out = Path.of("target", "charts");
    Files.createDirectories(out);
    Files.writeString(out.resolve("public-value-radar.svg"), Charts.radar(card, Locale.ENGLISH));
  }
}

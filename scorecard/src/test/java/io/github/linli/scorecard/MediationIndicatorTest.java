package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20: the governance index's community coordination reads the mediation desk's resolution rate. */
class MediationIndicatorTest {
  static final Period NOV = Period.month(YearMonth.of(2026, 11));

  @Test
  void resolutionRate_scoresInCommunityCoordination() {
    IndicatorSystem g = IndicatorSystems.governanceIndex();
    Indicator ind = g.dimensions().get(4).indicators().stream()
        .filter(i -> i.id().equals(IndicatorSystems.MEDIATION_RESOLUTION_RATE)).findFirst().orElseThrow();
    assertEquals(IndicatorSource.OBSERVED, ind.source());
    assertEquals("矛盾纠纷调解成功率", ind.label().zh());
    Scorecard c = Scorecard.evaluate(g, "lishan", NOV, null, List.of(
        Observation.of(IndicatorSystems.MEDIATION_RESOLUTION_RATE, 0.75, NOV, "lishan"),
        Observation.of(IndicatorSystems.MEDIATION_RESOLUTION_RATE, 0.10, NOV, "other-community")));
    assertEquals(75, c.indicatorScores().get(IndicatorSystems.MEDIATION_RESOLUTION_RATE), 1e-9);
    assertEquals(75, c.dimensionScores().get("gov.coordination"), 1e-9, "the only scored indicator of the dimension");
    assertTrue(c.missing().contains("gov.coordination_mechanism"));
  }
}

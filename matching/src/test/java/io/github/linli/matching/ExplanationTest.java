package io.github.linli.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.Urgency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  @Test
  void toString_issue17_roundsDistancesToTensOfMetres_andLeavesTheCostPartOut() {
    Explanation e =
        Explanation.builder()
            .method("exact")
            .tier(MaslowTier.ESTEEM)
            .urgency(Urgency.LOW)
            .priorityClass(15)
            .fairnessQuota(false)
            .priorityWeight(1_840_000_005L)
            .costPenalty(162_554L)
            .distanceMetres(194.3569685980578)
            .priceFen(1800)
            .alternatives(List.of(Alternative.of("p-0016", 292.8797163579374, 0, false), Alternative.of("p-0043", 553.35, 1500, true)))
            .build();
    assertEquals(
        "Explanation{exact, ESTEEM/LOW, class 15, priority weight 1840000005, ~190 m, 1800 fen,"
            + " alternatives [p-0016 ~290 m 0 fen, p-0043 ~550 m 1500 fen full]}",
        e.toString());
    // the exact figures stay with the caller
    assertEquals(194.3569685980578, e.distanceMetres());
    assertEquals(1_839_837_451L, e.score());
  }

  @Test
  void distances_issue17_neverFinerThanTensOfMetres() {
    assertEquals("~0 m", Distances.text(4.99));
    assertEquals("~10 m", Distances.text(5.0));
    assertEquals("~12350 m", Distances.text(12_345.6));
    assertEquals("? m", Distances.text(Double.NaN));
  }
}

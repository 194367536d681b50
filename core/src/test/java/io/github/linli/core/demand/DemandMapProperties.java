package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DemandMapProperties {
  private static final String[] TEXTS = {"停水了", "燃气漏气", "想学书法", "孤独想交朋友", "房东不退押金", "lost my job", "rubbish piled up", "join the choir"};

  /** A demand per code: text index, area, fate (0 open, 1 fulfilled, 2 unmet, 3 withdrawn, 4 unclassified), hours. */
  @Provide
  Arbitrary<List<int[]>> demands() {
    return Arbitraries.integers().between(0, 9999).array(int[].class).ofSize(4).list().ofMaxSize(40);
  }

  @Property(tries = 40)
  void map_cellsAddUpAndSharesAreInRange(@ForAll("demands") List<int[]> codes) {
    MutableClock clock = new MutableClock(Instant.parse("2026-10-10T00:00:00Z"));
    DemandIntake in = DemandIntake.create(clock);
    List<Demand> ds = new ArrayList<>();
    int withdrawn = 0;
    int unclassified = 0;
    for (int i = 0; i < codes.size(); i++) {
      int[] c = codes.get(i);
      Demand d =
          in.submit(
              Actor.system(),
              DemandRequest.builder().id("d-" + i).requester(ResidentId.of("r-" + i)).text(TEXTS[c[0] % TEXTS.length]).gridCell("C" + (c[1] % 3)).build());
      int fate = c[2] % 5;
      if (fate == 4) {
        unclassified++;
        ds.add(d);
        continue;
      }
      d = in.classify(Actor.system(), d);
      clock.advance(Duration.ofHours(c[3] % 100));
      if (fate == 1) {
        d = in.fulfil(Actor.system(), in.startService(Actor.system(), in.match(Actor.system(), d)), 4);
      } else if (fate == 2) {
        d = in.markUnmet(Actor.system(), d, 2);
      } else if (fate == 3) {
        d = in.withdraw(Actor.system(), d);
        withdrawn++;
      }
      ds.add(d);
    }
    DemandMap map = DemandMap.of(ds, Period.of(java.time.LocalDate.of(2026, 10, 1), java.time.LocalDate.of(2028, 1, 1)), ZoneOffset.UTC);
    assertEquals(codes.size(), map.total());
    assertEquals(unclassified, map.unclassified());
    assertEquals(codes.size() - unclassified, map.cells().stream().mapToInt(DemandMap.Cell::count).sum());
    assertEquals(withdrawn, map.cells().stream().mapToInt(DemandMap.Cell::withdrawn).sum());
    for (DemandMap.Cell c : map.cells()) {
      assertEquals(c.count(), c.fulfilled() + c.unmet() + c.withdrawn() + c.open());
      c.unmetShare().ifPresent(s -> assertTrue(s >= 0 && s <= 1));
      c.meanTimeToClose().ifPresent(t -> assertTrue(!t.isNegative()));
    }
    assertEquals(map.cells().size() + 1, map.toCsv().split("\n").length);
  }
}

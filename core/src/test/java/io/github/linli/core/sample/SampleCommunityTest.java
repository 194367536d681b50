package io.github.linli.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleCommunityTest {
  @Test
  void generate_sameSeedSameCommunity() {
    SampleCommunity a = SampleCommunity.generate(42);
    SampleCommunity b = SampleCommunity.generate(42);
    assertEquals(5_000, a.residents().size());
    assertEquals(a.residents().toString(), b.residents().toString());
    assertEquals(a.residents().get(17).age(), b.residents().get(17).age());
    List<SampleNeed> na = a.needs(YearMonth.of(2026, 10));
    List<SampleNeed> nb = b.needs(YearMonth.of(2026, 10));
    assertEquals(400, na.size());
    for (int i = 0; i < na.size(); i++) {
      assertEquals(na.get(i).text(), nb.get(i).text());
      assertEquals(na.get(i).createdAt(), nb.get(i).createdAt());
    }
    assertNotEquals(na.get(0).text() + na.get(1).text(), SampleCommunity.generate(43).needs(YearMonth.of(2026, 10)).get(0).text() + SampleCommunity.generate(43).needs(YearMonth.of(2026, 10)).get(1).text());
  }

  @Test
  void needs_coverEveryTierAndDomainInBothLanguages() {
    List<SampleNeed> needs = SampleCommunity.generate(7).needs(YearMonth.of(2026, 3));
    assertEquals(EnumSet.allOf(MaslowTier.class), needs.stream().map(SampleNeed::tier).collect(Collectors.toCollection(() -> EnumSet.noneOf(MaslowTier.class))));
    assertEquals(Set.copyOf(ServiceDomain.defaults()), needs.stream().map(SampleNeed::domain).collect(Collectors.toSet()));
    assertEquals(Set.of("zh", "en"), needs.stream().map(SampleNeed::language).collect(Collectors.toSet()));
    for (SampleNeed n : needs) {
      assertTrue(YearMonth.from(n.createdAt().atZone(SampleCommunity.ZONE)).equals(YearMonth.of(2026, 3)));
      assertFalse(n.text().contains("{"), n.text());
    }
  }

  @Test
  void residents_haveFlagsAndCardsAndScale() {
    SampleCommunity c = SampleCommunity.generate(1, 2);
    assertEquals(10_000, c.residents().size());
    long alone = c.residents().stream().filter(r -> r.flags().contains(HouseholdFlag.ELDERLY_LIVING_ALONE)).count();
    assertTrue(alone > 100 && alone < 1000, "elderly living alone: " + alone);
    long cards = c.residents().stream().filter(SampleResident::cardHolder).count();
    assertTrue(cards > 9_500, "card holders: " + cards);
    assertTrue(c.residents().stream().allMatch(r -> c.cells().contains(r.cell())));
    assertThrows(IllegalArgumentException.class, () -> SampleCommunity.generate(1, 0));
  }

  @Test
  void toString_leavesOutPersonalData() {
    SampleCommunity c = SampleCommunity.generate(5);
    SampleNeed n = c.needs(YearMonth.of(2026, 1)).get(0);
    assertFalse(n.toString().contains(n.text()));
    SampleResident r = c.residents().stream().filter(x -> !x.flags().isEmpty()).findFirst().orElseThrow();
    for (HouseholdFlag f : r.flags()) {
      assertFalse(r.toString().contains(f.name()));
    }
    assertFalse(r.toString().contains("age"));
  }

  @Test
  void alliance_reproducesSource004Figures() {
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-02T01:00:00Z"), SampleCommunity.ZONE);
    SampleCommunity c = SampleCommunity.generate(2026);
    io.github.linli.core.alliance.Alliance a = c.alliance(clock);
    io.github.linli.core.alliance.AllianceFigures f = a.figures(SampleCommunity.COMMUNITY);
    assertEquals(42, f.members());
    assertEquals(77, f.projects());
    assertEquals(33, f.freeProjects());
    assertEquals(c.residents().stream().filter(SampleResident::cardHolder).count(), f.cardHolders());
    assertEquals(8, f.projectsByDomain().size());
    assertEquals(a.pledges().toString(), c.alliance(clock).pledges().toString());
  }
}

package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PledgeProperties {
  static Pledge pledge(int capacity, Cadence cadence) {
    return Pledge.builder().id("p").member(MemberId.of("m")).title(Label.of("甲", "a")).domain(ServiceDomain.LEGAL)
        .addTier(MaslowTier.SAFETY).price(PledgePrice.free()).capacity(capacity).cadence(cadence)
        .validity(Period.of(LocalDate.of(2025, 3, 10), LocalDate.of(2027, 8, 20))).build();
  }

  /** Pledged uses add up over adjacent periods, and never exceed capacity × periods touched. */
  @Property(tries = 500)
  void pledgedIn_isAdditive(@ForAll @IntRange(min = 1, max = 500) int capacity, @ForAll Cadence cadence,
      @ForAll @IntRange(max = 1200) int startOffset, @ForAll @IntRange(min = 1, max = 400) int len1,
      @ForAll @IntRange(min = 1, max = 400) int len2) {
    Pledge p = pledge(capacity, cadence);
    LocalDate a = LocalDate.of(2025, 1, 1).plusDays(startOffset);
    LocalDate b = a.plusDays(len1);
    LocalDate c = b.plusDays(len2);
    double whole = p.pledgedIn(Period.of(a, c));
    assertEquals(whole, p.pledgedIn(Period.of(a, b)) + p.pledgedIn(Period.of(b, c)), 1e-6 * Math.max(1, whole));
    assertTrue(whole >= 0);
  }

  /** A whole calendar month inside the validity pledges exactly the monthly capacity. */
  @Property(tries = 100)
  void pledgedIn_wholeMonth_isCapacity(@ForAll @IntRange(min = 1, max = 1000) int capacity, @ForAll @IntRange(max = 27) int month) {
    YearMonth ym = YearMonth.of(2025, 4).plusMonths(month);
    assertEquals(capacity, pledge(capacity, Cadence.MONTH).pledgedIn(Period.month(ym)), 1e-9);
  }
}

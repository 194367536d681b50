package io.github.linli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ResponseLevel;
import io.github.linli.core.demand.ServiceDomain;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KernelTest {
  @Test
  void label_picksLanguageByLocale() {
    Label l = Label.of("医疗健康", "healthcare");
    assertEquals("医疗健康", l.in(Locale.SIMPLIFIED_CHINESE));
    assertEquals("医疗健康", l.in(Locale.TRADITIONAL_CHINESE));
    assertEquals("healthcare", l.in(Locale.ENGLISH));
    assertEquals("healthcare", l.in(new Locale("tr", "TR")));
    assertThrows(IllegalArgumentException.class, () -> Label.of(" ", "x"));
    assertThrows(NullPointerException.class, () -> Label.of(null, "x"));
  }

  @Test
  void everyVocabularyEnum_hasBothLabels() {
    for (Labelled l : EnumSet.allOf(Role.class)) {
      assertFalse(l.label().zh().isBlank());
      assertFalse(l.label().en().isBlank());
    }
    for (Labelled l : EnumSet.allOf(MaslowTier.class)) {
      assertFalse(l.label().zh().isBlank());
    }
    for (Labelled l : EnumSet.allOf(ResponseLevel.class)) {
      assertFalse(l.label().zh().isBlank());
    }
  }

  @Test
  void responseLevel_defaultMapping() {
    assertEquals(ResponseLevel.BASIC, ResponseLevel.defaultFor(MaslowTier.PHYSIOLOGICAL));
    assertEquals(ResponseLevel.BASIC, ResponseLevel.defaultFor(MaslowTier.SAFETY));
    assertEquals(ResponseLevel.DEVELOPMENT, ResponseLevel.defaultFor(MaslowTier.BELONGING));
    assertEquals(ResponseLevel.DEVELOPMENT, ResponseLevel.defaultFor(MaslowTier.ESTEEM));
    assertEquals(ResponseLevel.ASPIRATION, ResponseLevel.defaultFor(MaslowTier.SELF_ACTUALIZATION));
    assertTrue(MaslowTier.PHYSIOLOGICAL.isMoreBasicThan(MaslowTier.SAFETY));
  }

  @Test
  void serviceDomain_defaultIdsAreExactlyTheEight() {
    Set<String> ids = ServiceDomain.defaults().stream().map(ServiceDomain::id).collect(Collectors.toSet());
    assertEquals(
        Set.of("HEALTHCARE", "ELDERLY_CARE", "EDUCATION", "LEGAL", "EMPLOYMENT", "ENVIRONMENT", "DAILY_LIVING", "CULTURE_SPORTS"),
        ids);
  }

  @Test
  void actor_require_refusesWithoutRole() {
    Actor resident = Actor.of("r-1", Role.RESIDENT);
    PermissionDeniedException e =
        assertThrows(PermissionDeniedException.class, () -> resident.require("member.admit", Set.of(Role.ALLIANCE_ADMIN)));
    assertEquals("r-1", e.actorId());
    assertEquals("member.admit", e.action());
    assertEquals("permission-denied", e.troubleshootingAnchor());
    Actor.of("a-1", Role.ALLIANCE_ADMIN).require("member.admit", Set.of(Role.ALLIANCE_ADMIN));
  }

  @Test
  void ids_rejectBlankControlAndLong() {
    ValidationException e = assertThrows(ValidationException.class, () -> ResidentId.of(" "));
    assertEquals("residentId", e.field());
    assertThrows(ValidationException.class, () -> ResidentId.of("a\u0000b"));
    assertThrows(ValidationException.class, () -> ResidentId.of("x".repeat(129)));
    assertThrows(ValidationException.class, () -> ResidentId.of(null));
    assertEquals("validation", e.troubleshootingAnchor());
  }

  @Test
  void observation_validatesAndPrints() {
    Period oct = Period.month(YearMonth.of(2026, 10));
    Observation o = Observation.builder().indicatorId("matching.served_share").value(0.87).period(oct).scope("lishan").unit("share").build();
    assertEquals("share", o.unit().orElseThrow());
    assertTrue(o.toString().contains("0.87"));
    ValidationException nan =
        assertThrows(ValidationException.class, () -> Observation.of("x.y", Double.NaN, oct, "lishan"));
    assertTrue(nan.getMessage().contains("x.y"), nan.getMessage());
    assertEquals(Observation.of("a", 1, oct, "s"), Observation.of("a", 1, oct, "s"));
  }

  @Test
  void period_halfOpenAndNext() {
    Period p = Period.month(YearMonth.of(2026, 2));
    assertTrue(p.contains(LocalDate.of(2026, 2, 28)));
    assertFalse(p.contains(LocalDate.of(2026, 3, 1)));
    assertEquals(LocalDate.of(2026, 3, 1), p.next().start());
    assertThrows(ValidationException.class, () -> Period.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2)));
  }

  @Test
  void next_ofCalendarMonthsOrYear_isTheFollowingCalendarPeriod() {
    assertEquals(Period.month(YearMonth.of(2026, 11)), Period.month(YearMonth.of(2026, 10)).next());
    assertEquals(Period.month(YearMonth.of(2026, 2)), Period.month(YearMonth.of(2026, 1)).next());
    assertEquals(Period.month(YearMonth.of(2027, 1)), Period.month(YearMonth.of(2026, 12)).next());
    assertEquals(Period.year(2028), Period.year(2027).next());   // 2028 has 366 days
    Period quarter = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
    assertEquals(Period.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)), quarter.next());
    // not whole months: the same number of days
    Period week = Period.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12));
    assertEquals(Period.of(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19)), week.next());
    Period day = Period.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1));
    assertEquals(Period.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 2)), day.next());
  }

  @Test
  void year_outOfRange_isAValidationException() {
    ValidationException e = assertThrows(ValidationException.class, () -> Period.year(Integer.MAX_VALUE));
    assertEquals("period.year", e.field());
    assertEquals(Period.of(LocalDate.of(-5, 1, 1), LocalDate.of(-4, 1, 1)), Period.year(-5));
  }
}

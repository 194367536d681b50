package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Period;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Statements, balances at an instant, conversion rounding and amounts. */
class StatementProperties {
  /**
   * Transfers at random moments (in a zone with a 12:45 offset); consecutive daily statements:
   * opening + changes = closing, each closing is the next opening, and each closing equals the
   * balance at the last instant before the next day.
   */
  @Property(tries = 60)
  void statements_chainAndAddUp(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5 * 24 * 60) Integer> minutesApart,
      @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 90) Integer> amounts) {
    ZoneId zone = ZoneId.of("Pacific/Chatham");
    TestClock clock = new TestClock(Instant.parse("2026-10-01T00:00:00Z"), zone);
    TimeBank bank = TimeBank.builder().clock(clock).build();
    AccountId a = AccountId.of("a");
    AccountId b = AccountId.of("b");
    bank.openAccount(a, Credits.ofHours(1000));
    bank.openAccount(b, Credits.ofHours(1000));
    int n = Math.min(minutesApart.size(), amounts.size());
    for (int i = 0; i < n; i++) {
      clock.advance(Duration.ofMinutes(minutesApart.get(i)));
      AccountId from = i % 3 == 0 ? b : a;
      AccountId to = from.equals(a) ? b : a;
      assertTrue(bank.transfer(TransferId.of("t" + i), from, to, Credits.ofMinutes(amounts.get(i))).isOk());
    }
    LocalDate day = LocalDate.of(2026, 9, 30);
    Credits previousClosing = null;
    for (int d = 0; d < 7 * 30 + 2; d++) {
      Period p = Period.of(day.plusDays(d), day.plusDays(d + 1));
      AccountStatement s = bank.statement(a, p);
      long sum = s.opening().minutes();
      for (AccountStatement.Line l : s.lines()) {
        sum += l.change().minutes();
        assertEquals(sum, l.balance().minutes());
      }
      assertEquals(s.closing().minutes(), sum);
      if (previousClosing != null) {
        assertEquals(previousClosing, s.opening());
      }
      previousClosing = s.closing();
      Instant end = p.end().atStartOfDay(zone).toInstant();
      assertEquals(s.closing(), bank.balanceAt(a, end.minusNanos(1000)));
      if (d > n + 6) {
        break;
      }
    }
    assertEquals(bank.balance(a), bank.balanceAt(a, clock.instant()));
  }

  /** Conversion rounds down and never creates value: out × den ≤ in × num < (out + 1) × den. */
  @Property
  void conversion_roundsDown(
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amount,
      @ForAll @LongRange(min = 1, max = 1_000_000) long numerator,
      @ForAll @LongRange(min = 1, max = 1_000_000) long denominator) {
    Conversion c = Conversion.of(AccountId.of("p"), AccountId.of("q"), numerator, denominator);
    BigInteger in = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator));
    BigInteger outTimesDen;
    try {
      long out = c.convert(Credits.ofMinutes(amount)).minutes();
      outTimesDen = BigInteger.valueOf(out).multiply(BigInteger.valueOf(denominator));
    } catch (io.github.linli.core.ValidationException tooLarge) {
      assertTrue(in.divide(BigInteger.valueOf(denominator)).compareTo(BigInteger.valueOf(Credits.MAX_UNITS)) > 0);
      return;
    }
    assertTrue(outTimesDen.compareTo(in) <= 0);
    assertTrue(outTimesDen.add(BigInteger.valueOf(denominator)).compareTo(in) > 0);
  }

  @Property
  void credits_hoursAreSixtyMinutes(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long h) {
    assertEquals(h * 60, Credits.ofHours(h).minutes());
    assertEquals(Credits.ofHours(h), Credits.ofMinutes(h * 60));
    assertEquals(Credits.ZERO, Credits.ofHours(h).plus(Credits.ofHours(h).negate()));
  }
}

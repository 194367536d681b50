package io.github.linli.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.LinliException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PrivacyProperties {
  @Provide
  Arbitrary<String> mobiles() {
    return Arbitraries.strings().numeric().ofLength(8).map(s -> "13" + s + "9");
  }

  /** A masked phone keeps at most its first three and last four digits: the middle never shows. */
  @Property
  void phoneMask_hidesTheMiddle(@ForAll("mobiles") String phone) {
    String m = Masking.phone(phone);
    assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), m);
  }

  /** Every kind's mask is shorter in revealed characters than the value, for values of 10+ characters. */
  @Property
  void masks_neverRevealTheWholeValue(@ForAll PersonalDataKind kind, @ForAll("longValues") String value) {
    assertFalse(kind.mask(value).equals(value), kind + " revealed " + value);
  }

  /** Issue 9: a masked phone number hides at least four of its digits, whatever the input. */
  @Property(tries = 500)
  void phoneMask_hidesAtLeastFourDigits(@ForAll("phoneLike") String phone) {
    String m = Masking.phone(phone);
    long digits = phone.chars().filter(c -> c >= '0' && c <= '9').count();
    long shown = m.chars().filter(c -> c >= '0' && c <= '9').count();
    assertTrue(m.equals(Masking.HIDDEN) || digits - shown >= 4, phone + " -> " + m);
  }

  /** Issue 9: a masked ID number hides at least four of its characters, whatever the input. */
  @Property(tries = 500)
  void idMask_hidesAtLeastFourCharacters(@ForAll("phoneLike") String id) {
    String m = Masking.idNumber(id);
    long shown = m.chars().filter(c -> c != '*').count();
    assertTrue(m.equals(Masking.HIDDEN) || id.strip().length() - shown >= 4, id + " -> " + m);
  }

  @Provide
  Arbitrary<String> phoneLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789+- ()X").ofMaxLength(24),
        Arbitraries.strings().ofMaxLength(24));
  }

  @Provide
  Arbitrary<String> longValues() {
    return Arbitraries.strings().withCharRange('0', 'z').ofMinLength(10).ofMaxLength(40);
  }

  /**
   * A planted personal value never appears in the store's toString, its access records, or the
   * message of any error raised by any operation, whoever calls it.
   */
  @Property(tries = 300)
  void store_neverLeaksPlantedValues(
      @ForAll PersonalDataKind kind,
      @ForAll PersonalDataKind other,
      @ForAll Purpose purpose,
      @ForAll Role role,
      @ForAll("planted") String secret) {
    PersonalDataStore store = PersonalDataStore.inMemory(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    ResidentId subject = ResidentId.of("r-1");
    store.put(Actor.of("staff", Role.COORDINATOR), subject, kind, secret);
    Actor actor = Actor.of("someone", role);
    StringBuilder seen = new StringBuilder(store.toString());
    for (Runnable op :
        new Runnable[] {
          () -> store.read(actor, subject, other, purpose),
          () -> store.read(actor, subject, kind, purpose),
          () -> store.put(actor, subject, kind, secret),
          () -> store.erase(actor, subject),
        }) {
      try {
        op.run();
      } catch (LinliException e) {
        seen.append(e.getMessage());
      }
    }
    store.accessLog().records().forEach(r -> seen.append(r));
    seen.append(store.masked(subject, kind).orElse(""));
    assertFalse(seen.toString().contains(secret), "leaked " + secret + " in " + seen);
    assertTrue(store.accessLog().records().size() >= 4);
  }

  @Provide
  Arbitrary<String> planted() {
    return Arbitraries.strings().withChars("张王李赵刘陈杨黄周吴").ofLength(3).map(s -> "PLANT" + s + "13812345678X");
  }
}

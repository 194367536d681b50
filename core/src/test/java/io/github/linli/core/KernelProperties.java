package io.github.linli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.internal.Checks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KernelProperties {
  /** Any string is either a valid id (and round-trips) or rejected with a typed error naming the field. */
  @Property(tries = 2000)
  void residentId_acceptsOrRejectsWithTypedError(@ForAll String s) {
    try {
      assertEquals(s, ResidentId.of(s).value());
    } catch (ValidationException e) {
      assertEquals("residentId", e.field());
    }
  }

  @Property
  void printable_hasNoControlCharacters(@ForAll String s) {
    String p = Checks.printable(s);
    assertEquals(0, p.chars().filter(Character::isISOControl).count());
  }
}

package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.Mandate;
import io.github.linli.core.alliance.MembershipAction;
import org.junit.jupiter.api.Test;

/** Issue 14 part 8: the alliance reads a decision's kind by name; the two mappings must agree. */
class MandateTest {
  @Test
  void decidedBy_agreesWithEveryMotionKind() {
    for (MotionKind k : MotionKind.values()) {
      assertEquals(k.membershipAction(), MembershipAction.decidedBy(k.name()), k.name());
    }
  }

  @Test
  void adoptTaxonomy_isWhatTheRegistryReads() {
    assertEquals(io.github.linli.core.demand.TaxonomyRegistry.ADOPT_TAXONOMY, MotionKind.ADOPT_TAXONOMY.name());
  }

  @Test
  void resolution_isTheMandateOfItsMotion() {
    assertEquals(Mandate.ENACTING_ROLES, Resolution.ENACTING_ROLES);
  }
}

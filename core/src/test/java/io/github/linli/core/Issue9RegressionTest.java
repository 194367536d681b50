package io.github.linli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetProject;
import io.github.linli.core.privacy.Masking;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.core.sample.SampleResident;
import org.junit.jupiter.api.Test;

/** Issue 9: what the no-leak test and the fuzzed boundary found in core, pinned here. */
class Issue9RegressionTest {
  @Test
  void builders_missingAttribute_validationExceptionNamingIt() {
    MissingAttributesException o = assertThrows(MissingAttributesException.class, () -> Observation.builder().build());
    assertEquals(java.util.List.of("indicatorId", "value", "period", "scope"), o.missing());
    assertEquals("indicatorId, value, period, scope", o.field());
    assertTrue(o.getMessage().contains("indicatorId"), o.getMessage());
    assertTrue(assertThrows(MissingAttributesException.class, () -> BudgetBallot.builder().build()).missing().contains("voterId"));
    assertTrue(assertThrows(MissingAttributesException.class, () -> BudgetProject.builder().build()).missing().contains("id"));
  }

  @Test
  void missingAttributes_message_saysWhatToSetWithoutAFakeNullValue() {
    MissingAttributesException o = assertThrows(MissingAttributesException.class, () -> Observation.builder().build());
    assertEquals(
        "required, but not set: indicatorId, value, period, scope; set them on the builder before build()",
        o.getMessage());
    assertFalse(o.value().isPresent());
    assertEquals("required, but not set: id; set it on the builder before build()",
        new MissingAttributesException("id").getMessage());
  }

  @Test
  void sampleResident_toString_doesNotTellWhoHoldsACard() {
    for (SampleResident r : SampleCommunity.generate(3).residents().subList(0, 200)) {
      assertFalse(r.toString().contains("card"), r.toString());
    }
  }

  @Test
  void masks_landlineAndShortId_hideAtLeastFour() {
    assertEquals("****4321", Masking.phone("8765-4321"));
    assertEquals("053****4321", Masking.phone("0531-8765-4321"));
    assertEquals(Masking.HIDDEN, Masking.idNumber("E12345678"));
    assertEquals("E123****5678", Masking.idNumber("E12345675678"));
  }

  @Test
  void pabulib_hugeExponent_validationExceptionNotOutOfMemory() {
    String file = "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;1e999999999\nvote_type;approval\n"
        + "PROJECTS\nproject_id;cost\np1;5\nVOTES\nvoter_id;vote\nv1;p1\n";
    ValidationException e = assertThrows(ValidationException.class,
        () -> io.github.linli.core.governance.budget.Pabulib.parse(file));
    assertTrue(e.getMessage().contains("at most 30 digits"), e.getMessage());
    assertThrows(ValidationException.class,
        () -> io.github.linli.core.governance.budget.Pabulib.parse(file.replace("1e999999999", "100").replace("p1;5", "p1;5e-40")));
    assertThrows(ValidationException.class,
        () -> io.github.linli.core.governance.budget.BudgetElection.builder().budget(new java.math.BigDecimal("1e40")));
    assertEquals(new java.math.BigDecimal("1E+29"),
        io.github.linli.core.governance.budget.Pabulib.parse(file.replace("1e999999999", "1e29")).budget());
  }
}

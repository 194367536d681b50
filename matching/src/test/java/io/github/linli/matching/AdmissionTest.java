package io.github.linli.matching;

import static io.github.linli.matching.DomainFixtures.CENTRE;
import static io.github.linli.matching.DomainFixtures.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.MemberId;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.ServiceDomain;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admission rule of an offer's {@link PledgeEligibility}, one condition at a time. */
class AdmissionTest {
  static final Set<HouseholdFlag> NO_FLAGS = EnumSet.noneOf(HouseholdFlag.class);
  static final RequesterFacts CARD_70 = RequesterFacts.of(true, 70, NO_FLAGS);
  static final RequesterFacts NO_CARD_70 = RequesterFacts.of(false, 70, NO_FLAGS);

  static PledgeEligibility.Builder open() {
    return PledgeEligibility.builder().cardHoldersOnly(false);
  }

  @Test
  void offer_withoutEligibility_admitsEveryone() {
    Offer o =
        Offer.builder().id("o").provider(MemberId.of("m")).addDomain(ServiceDomain.HEALTHCARE).capacity(1)
            .place(CENTRE).radiusMetres(100).availability(DAY).build();
    assertSame(PledgeEligibility.anyone(), o.eligibility());
    assertFalse(o.eligibility().cardHoldersOnly());
    assertTrue(Admission.admits(o.eligibility(), RequesterFacts.none(), "anywhere"));
  }

  @Test
  void builder_byDefault_admitsCardHoldersOnly() {
    PledgeEligibility byDefault = PledgeEligibility.builder().build();
    assertTrue(byDefault.cardHoldersOnly());
    assertTrue(Admission.admits(byDefault, CARD_70, "east"));
    assertFalse(Admission.admits(byDefault, NO_CARD_70, "east"));
    assertTrue(Admission.admits(open().build(), NO_CARD_70, "east"));
    assertEquals(PledgeEligibility.anyone(), open().build());
  }

  @Test
  void age_rangeIsInclusive_andUnknownAgeIsRefusedWhereSet() {
    PledgeEligibility sixtyToEighty = open().minAge(60).maxAge(80).build();
    assertFalse(Admission.admits(sixtyToEighty, RequesterFacts.of(false, 59, NO_FLAGS), "east"));
    assertTrue(Admission.admits(sixtyToEighty, RequesterFacts.of(false, 60, NO_FLAGS), "east"));
    assertTrue(Admission.admits(sixtyToEighty, RequesterFacts.of(false, 80, NO_FLAGS), "east"));
    assertFalse(Admission.admits(sixtyToEighty, RequesterFacts.of(false, 81, NO_FLAGS), "east"));
    assertFalse(Admission.admits(sixtyToEighty, RequesterFacts.withoutAge(true, NO_FLAGS), "east"));
    assertFalse(Admission.admits(open().maxAge(14).build(), RequesterFacts.withoutAge(true, NO_FLAGS), "east"));
    assertTrue(Admission.admits(open().build(), RequesterFacts.withoutAge(false, NO_FLAGS), "east"), "no range, no age needed");
  }

  @Test
  void householdFlags_anyOneOfThemAdmits() {
    PledgeEligibility e = open().addHouseholdFlags(HouseholdFlag.DISABILITY, HouseholdFlag.ELDERLY_LIVING_ALONE).build();
    assertTrue(Admission.admits(e, RequesterFacts.of(false, 70, EnumSet.of(HouseholdFlag.ELDERLY_LIVING_ALONE)), "east"));
    assertTrue(Admission.admits(e, RequesterFacts.withoutAge(false, EnumSet.of(HouseholdFlag.DISABILITY)), "east"));
    assertFalse(Admission.admits(e, NO_CARD_70, "east"));
    assertFalse(Admission.admits(e, RequesterFacts.of(false, 70, EnumSet.of(HouseholdFlag.LOW_INCOME)), "east"));
  }

  @Test
  void areas_admitTheNeighbourhoodOfEqualIdOnly() {
    PledgeEligibility e = open().addArea("cell-3").addArea("cell-4").build();
    assertTrue(Admission.admits(e, NO_CARD_70, "cell-3"));
    assertTrue(Admission.admits(e, NO_CARD_70, "cell-4"));
    assertFalse(Admission.admits(e, NO_CARD_70, "cell-5"));
    assertFalse(Admission.admits(e, NO_CARD_70, "Cell-3"), "ids are compared exactly");
    assertTrue(Admission.admits(open().build(), NO_CARD_70, "cell-5"), "no areas: anywhere");
  }

  @Test
  void everyCondition_mustHold() {
    PledgeEligibility e =
        PledgeEligibility.builder().minAge(60).addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).addArea("A1").build();
    RequesterFacts fits = RequesterFacts.of(true, 82, EnumSet.of(HouseholdFlag.ELDERLY_LIVING_ALONE));
    assertTrue(Admission.admits(e, fits, "A1"));
    assertFalse(Admission.admits(e, fits, "B2"));
    assertFalse(Admission.admits(e, RequesterFacts.of(false, 82, EnumSet.of(HouseholdFlag.ELDERLY_LIVING_ALONE)), "A1"));
    assertFalse(Admission.admits(e, RequesterFacts.of(true, 59, EnumSet.of(HouseholdFlag.ELDERLY_LIVING_ALONE)), "A1"));
    assertFalse(Admission.admits(e, CARD_70, "A1"));
  }
}

package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.privacy.AccessPolicy;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import org.junit.jupiter.api.Test;

class InMemoryStoredDemandTest extends StoredDemandContract {
  private final EventStore store = EventStores.inMemory();
  private final PersonalDataStore personalData = PersonalDataStore.builder().protector(PROTECTOR).clock(clock).build();

  @Override
  EventStore store() {
    return store;
  }

  @Override
  PersonalDataStore personalData() {
    return personalData;
  }

  @Test
  void aCommunityPolicyThatKeepsNeedTextsFromStaff_isObeyedByTheIntake() {
    AccessPolicy noTexts = (actor, subject, kind, purpose) ->
        kind != PersonalDataKind.NEED_TEXT && AccessPolicy.standard().allows(actor, subject, kind, purpose);
    PersonalDataStore strict = PersonalDataStore.builder().protector(PROTECTOR).clock(clock).policy(noTexts).build();
    DemandIntake intake = DemandIntake.open(store, tenant, clock, strict);
    Demand d = intake.submit(resident, request("d-9"));
    assertEquals(TEXT, d.text(), "the submitter gets back what they gave");
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> intake.classify(coordinator, d));
    assertTrue(e.getMessage().contains("access policy"), e.getMessage());
    assertEquals(DemandState.SUBMITTED, intake.find(coordinator, "d-9").orElseThrow().state(), "the refused classify wrote nothing");
    assertEquals("", intake.find(coordinator, "d-9").orElseThrow().text(), "withheld text comes back empty");
    assertEquals(POINT, intake.find(coordinator, "d-9").orElseThrow().point().orElseThrow());
    Demand c = intake.reclassify(coordinator, d, MaslowTier.PHYSIOLOGICAL, ServiceDomain.DAILY_LIVING, Urgency.NORMAL);
    assertEquals(DemandState.CLASSIFIED, c.state(), "a coordinator still classifies by hand");
  }
}

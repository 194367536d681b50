package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemandIntakeTest {
  private static final String TEXT = "我是王秀英，电话13912345678，3号楼停水两天了";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T01:00:00Z"));
  private final DemandIntake intake = DemandIntake.create(clock);
  private final Actor resident = Actor.of("r-7", Role.RESIDENT);
  private final Actor coordinator = Actor.of("staff-1", Role.COORDINATOR);
  private final Actor volunteer = Actor.of("v-3", Role.VOLUNTEER);

  private DemandRequest request() {
    return DemandRequest.builder()
        .id("d-1")
        .requester(ResidentId.of("r-7"))
        .text(TEXT)
        .point(GeoPoint.of(36.65, 117.12))
        .gridCell("A3")
        .wanted(TimeWindow.of(Instant.parse("2026-10-05T08:00:00Z"), Duration.ofHours(4)))
        .addHouseholdFlags(HouseholdFlag.ELDERLY_LIVING_ALONE)
        .build();
  }

  @Test
  void submit_byRequester_createsSubmittedDemandAtClockTime() {
    Demand d = intake.submit(resident, request());
    assertEquals(DemandState.SUBMITTED, d.state());
    assertEquals(clock.instant(), d.createdAt());
    assertEquals(1, d.history().size());
    assertTrue(d.tier().isEmpty());
    assertEquals(Set.of(HouseholdFlag.ELDERLY_LIVING_ALONE), d.householdFlags());
  }

  @Test
  void submit_forSomeoneElseAsResident_isDenied() {
    Actor other = Actor.of("r-8", Role.RESIDENT);
    assertThrows(PermissionDeniedException.class, () -> intake.submit(other, request()));
  }

  @Test
  void fullLifecycle_recordsHistoryTimesAndSatisfaction() {
    Demand d = intake.submit(resident, request());
    clock.advance(Duration.ofMinutes(5));
    Demand c = intake.classify(Actor.system(), d);
    assertEquals(DemandState.CLASSIFIED, c.state());
    assertEquals(MaslowTier.PHYSIOLOGICAL, c.tier().orElseThrow());
    assertEquals(ServiceDomain.DAILY_LIVING, c.domain().orElseThrow());
    assertEquals(ResponseLevel.BASIC, c.responseLevel().orElseThrow());
    assertEquals(Urgency.HIGH, c.urgency());
    clock.advance(Duration.ofHours(1));
    Demand m = intake.match(coordinator, c);
    Demand s = intake.startService(volunteer, m);
    clock.advance(Duration.ofHours(3));
    Demand f = intake.fulfil(volunteer, s, 5);
    assertEquals(DemandState.FULFILLED, f.state());
    assertEquals(5, f.satisfaction().getAsInt());
    assertEquals(Duration.ofMinutes(245), f.timeToClose().orElseThrow());
    assertEquals(5, f.history().size());
    assertEquals("v-3", f.history().get(4).actorId());
    assertEquals(DemandState.SUBMITTED, d.state(), "the old value is unchanged");
  }

  @Test
  void illegalTransition_conflictNamesCurrentStateAndChangesNothing() {
    Demand d = intake.submit(resident, request());
    ConflictException e = assertThrows(ConflictException.class, () -> intake.match(coordinator, d));
    assertTrue(e.getMessage().contains("SUBMITTED"), e.getMessage());
    Demand f = intake.withdraw(resident, d);
    ConflictException again = assertThrows(ConflictException.class, () -> intake.classify(coordinator, f));
    assertTrue(again.getMessage().contains("WITHDRAWN"), again.getMessage());
    assertEquals(DemandState.WITHDRAWN, f.state());
    assertFalse(e.getMessage().contains("13912345678"));
  }

  @Test
  void fulfil_satisfactionOutOfRange_isValidationError() {
    Demand s = intake.startService(coordinator, intake.match(coordinator, intake.classify(coordinator, intake.submit(resident, request()))));
    ValidationException e = assertThrows(ValidationException.class, () -> intake.fulfil(coordinator, s, 6));
    assertEquals("satisfaction", e.field());
    assertEquals(DemandState.IN_SERVICE, s.state());
  }

  @Test
  void markUnmet_fromClassified_closesWithSatisfaction() {
    Demand c = intake.classify(coordinator, intake.submit(resident, request()));
    clock.advance(Duration.ofDays(2));
    Demand u = intake.markUnmet(coordinator, c, 2);
    assertEquals(DemandState.UNMET, u.state());
    assertEquals(Duration.ofDays(2), u.timeToClose().orElseThrow());
  }

  @Test
  void classify_byResident_isDenied() {
    Demand d = intake.submit(resident, request());
    assertThrows(PermissionDeniedException.class, () -> intake.classify(resident, d));
  }

  @Test
  void reclassify_setsCoordinatorsLabelsAndClearsReview() {
    Demand c = intake.classify(coordinator, intake.submit(resident, request()));
    Demand r = intake.reclassify(coordinator, c, MaslowTier.SAFETY, ServiceDomain.ENVIRONMENT, Urgency.CRITICAL);
    assertEquals(MaslowTier.SAFETY, r.tier().orElseThrow());
    assertEquals(ServiceDomain.ENVIRONMENT, r.domain().orElseThrow());
    assertFalse(r.needsReview());
    assertTrue(r.confidence().isEmpty());
    assertEquals(3, r.history().size());
  }

  @Test
  void communityMapping_changesResponseLevel() {
    DemandIntake own =
        DemandIntake.create(clock, DemandClassifier.defaultClassifier(), ResponseMapping.defaults().with(MaslowTier.PHYSIOLOGICAL, ResponseLevel.DEVELOPMENT));
    Demand c = own.classify(coordinator, own.submit(resident, request()));
    assertEquals(ResponseLevel.DEVELOPMENT, c.responseLevel().orElseThrow());
  }

  @Test
  void toString_masksPersonalData() {
    Demand d = intake.classify(coordinator, intake.submit(resident, request()));
    String s = d.toString() + request().toString();
    assertFalse(s.contains("13912345678"), s);
    assertFalse(s.contains("王秀英"), s);
    assertFalse(s.contains("ELDERLY_LIVING_ALONE"), s);
    assertFalse(s.contains("36.65"), s);
    assertTrue(s.contains("d-1"));
  }

  @Test
  void request_withoutPlace_isRejected() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> DemandRequest.builder().id("d-2").requester(ResidentId.of("r-1")).text("停水").build());
    assertEquals("demand.place", e.field());
  }

  @Test
  void request_blankText_isRejectedWithoutEchoingIt() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> DemandRequest.builder().id("d-2").requester(ResidentId.of("r-1")).text("  ").gridCell("A1").build());
    assertEquals("demand.text", e.field());
  }

  @Test
  void builder_inconsistentRestoredDemand_isRejected() {
    Demand f = intake.withdraw(resident, intake.submit(resident, request()));
    assertThrows(ValidationException.class, () -> Demand.builder().from(f).closedAt(java.util.Optional.empty()).build());
    assertThrows(ValidationException.class, () -> Demand.builder().from(f).satisfaction(9).build());
    assertThrows(ValidationException.class, () -> Demand.builder().from(f).state(DemandState.MATCHED).build());
  }

  @Test
  void clockSteppingBack_neverReordersHistory() {
    Demand d = intake.submit(resident, request());
    clock.advance(Duration.ofHours(-3));
    Demand c = intake.classify(coordinator, d);
    assertEquals(d.createdAt(), c.history().get(1).at());
  }

  /** Issue 9: a demand matched to a named volunteer is served by that volunteer, or by staff. */
  @Test
  void startServiceAndFulfil_afterNamedMatch_onlyAssigneeOrStaff() {
    Demand d = intake.classify(coordinator, intake.submit(resident, request()));
    Demand matched = intake.match(coordinator, d, "v-3");
    assertEquals("v-3", matched.assignee().orElseThrow());
    Actor otherVolunteer = Actor.of("v-9", Role.VOLUNTEER);
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> intake.startService(otherVolunteer, matched));
    assertTrue(e.getMessage().contains("assigned to another provider"), e.getMessage());
    Demand inService = intake.startService(volunteer, matched);
    assertThrows(PermissionDeniedException.class, () -> intake.fulfil(otherVolunteer, inService, 5));
    assertEquals(DemandState.IN_SERVICE, inService.state());
    assertEquals(DemandState.FULFILLED, intake.fulfil(volunteer, inService, 5).state());
    assertEquals(DemandState.FULFILLED, intake.fulfil(coordinator, inService, 4).state());
    assertFalse(matched.toString().contains(TEXT));
    assertThrows(ValidationException.class, () -> intake.match(coordinator, d, " "));
    assertThrows(PermissionDeniedException.class, () -> intake.match(volunteer, d, "v-3"));
  }
}

package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceExchangesTest {
  static final AccountId GRANNY = AccountId.of("acc-granny");
  static final AccountId STUDENT = AccountId.of("acc-student");
  static final Actor GRANNY_ACTOR = Actor.of("res-granny", Role.RESIDENT);
  static final Actor STUDENT_ACTOR = Actor.of("res-student", Role.VOLUNTEER);
  static final Actor COORDINATOR = Actor.of("sw-1", Role.COORDINATOR);
  static final Actor STRANGER = Actor.of("res-other", Role.RESIDENT);

  TestClock clock;
  TimeBank bank;
  ServiceExchanges ex;

  @BeforeEach
  void setUp() {
    clock = new TestClock(Instant.parse("2026-10-01T02:00:00Z"));
    bank = TimeBank.builder().clock(clock).autoConfirmAfter(Duration.ofDays(3)).build();
    bank.openAccount(
        AccountSpec.builder().id(GRANNY).holder("res-granny").overdraftLimit(Credits.ofHours(10)).build());
    bank.openAccount(AccountSpec.builder().id(STUDENT).holder("res-student").build());
    ex = bank.exchanges();
  }

  @Test
  void confirm_afterDelivery_postsReportedMinutesAndReleasesTheRest() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(120));
    assertEquals(ExchangeStatus.ACCEPTED, ex.accept(STUDENT_ACTOR, "e1").status());
    assertEquals(120, bank.account(GRANNY).debitsPending());
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(90));
    Exchange done = ex.confirm(GRANNY_ACTOR, "e1");
    assertEquals(ExchangeStatus.POSTED, done.status());
    assertEquals(-90, bank.balance(GRANNY).minutes());
    assertEquals(90, bank.balance(STUDENT).minutes());
    assertEquals(0, bank.account(GRANNY).debitsPending());
    bank.verify();
  }

  @Test
  void anyStep_byAStranger_permissionDeniedAndNothingChanges() {
    assertThrows(
        PermissionDeniedException.class,
        () -> ex.request(STRANGER, "e1", GRANNY, STUDENT, Credits.ofMinutes(60)));
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    assertThrows(PermissionDeniedException.class, () -> ex.accept(GRANNY_ACTOR, "e1"));
    assertThrows(PermissionDeniedException.class, () -> ex.accept(STRANGER, "e1"));
    assertEquals(ExchangeStatus.REQUESTED, ex.get("e1").status());
    ex.accept(STUDENT_ACTOR, "e1");
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(60));
    assertThrows(PermissionDeniedException.class, () -> ex.confirm(STUDENT_ACTOR, "e1"));
    ex.dispute(GRANNY_ACTOR, "e1");
    assertThrows(
        PermissionDeniedException.class, () -> ex.resolve(GRANNY_ACTOR, "e1", Credits.ofMinutes(0)));
    assertEquals(ExchangeStatus.DISPUTED, ex.get("e1").status());
    assertEquals(0, bank.balance(STUDENT).minutes());
  }

  @Test
  void dispute_resolvedByCoordinator_postsTheDecidedMinutes() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(60));
    ex.dispute(GRANNY_ACTOR, "e1");
    assertThrows(ConflictException.class, () -> ex.confirm(GRANNY_ACTOR, "e1"));
    Exchange e = ex.resolve(COORDINATOR, "e1", Credits.ofMinutes(30));
    assertEquals(ExchangeStatus.POSTED, e.status());
    assertEquals(30, bank.balance(STUDENT).minutes());
  }

  @Test
  void dispute_resolvedWithZero_cancelsAndReleases() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(60));
    ex.dispute(GRANNY_ACTOR, "e1");
    assertEquals(ExchangeStatus.CANCELLED, ex.resolve(COORDINATOR, "e1", Credits.ZERO).status());
    assertEquals(0, bank.account(GRANNY).debitsPending());
    assertEquals(0, bank.balance(GRANNY).minutes());
  }

  @Test
  void autoConfirmDue_afterTheDelay_posts() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(45));
    clock.advance(Duration.ofDays(2));
    assertTrue(ex.autoConfirmDue(Actor.system()).isEmpty());
    clock.advance(Duration.ofDays(1));
    assertEquals(1, ex.autoConfirmDue(Actor.system()).size());
    assertEquals(45, bank.balance(STUDENT).minutes());
    assertThrows(PermissionDeniedException.class, () -> ex.autoConfirmDue(STRANGER));
  }

  @Test
  void accept_receiverCannotCoverTheEstimate_conflictNamingTheStatus() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofHours(11));
    ConflictException e = assertThrows(ConflictException.class, () -> ex.accept(STUDENT_ACTOR, "e1"));
    assertTrue(e.getMessage().contains("EXCEEDS_FLOOR"), e.getMessage());
    assertEquals(ExchangeStatus.REQUESTED, ex.get("e1").status());
  }

  @Test
  void accept_receiverCannotCoverTheEstimate_messageSaysWhoseAccountAndWhatToDo() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofHours(11));
    ConflictException e = assertThrows(ConflictException.class, () -> ex.accept(STUDENT_ACTOR, "e1"));
    assertEquals("exchange e1 (REQUESTED): the ledger refused ex:e1:hold with EXCEEDS_FLOOR: the receiver's"
        + " account acc-granny cannot cover the estimate 660 min (11h00) within its overdraft limit"
        + " (raise the limit or credit the account first)", e.getMessage());
  }

  @Test
  void stepInTheWrongOrder_messageNamesTheNextStep() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ConflictException early = assertThrows(ConflictException.class,
        () -> ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(60)));
    assertEquals("exchange e1 is REQUESTED, not ACCEPTED (next: the provider accepts it)", early.getMessage());
    ex.accept(STUDENT_ACTOR, "e1");
    ConflictException confirmEarly = assertThrows(ConflictException.class, () -> ex.confirm(GRANNY_ACTOR, "e1"));
    assertEquals("exchange e1 is ACCEPTED, not DELIVERED (next: the provider reports the delivery)",
        confirmEarly.getMessage());
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(60));
    ex.confirm(GRANNY_ACTOR, "e1");
    ConflictException late = assertThrows(ConflictException.class, () -> ex.cancel(GRANNY_ACTOR, "e1"));
    assertTrue(late.getMessage().contains("is POSTED") && late.getMessage().endsWith("(it is closed)"),
        late.getMessage());
  }

  @Test
  void deliver_moreThanTheEstimate_validationError() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    ValidationException e =
        assertThrows(ValidationException.class, () -> ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(61)));
    assertEquals("exchange.minutes", e.field());
    assertThrows(ValidationException.class, () -> ex.deliver(STUDENT_ACTOR, "e1", Credits.ZERO));
  }

  @Test
  void cancel_accepted_voidsTheReservation() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    assertEquals(ExchangeStatus.CANCELLED, ex.cancel(GRANNY_ACTOR, "e1").status());
    assertEquals(PendingState.VOIDED, bank.pendingState(ex.get("e1").holdTransfer()).get());
    // repeating a cancel is harmless
    assertEquals(ExchangeStatus.CANCELLED, ex.cancel(GRANNY_ACTOR, "e1").status());
    assertEquals(0, bank.account(GRANNY).debitsPending());
  }

  @Test
  void cancel_afterDelivery_conflictNamingTheState() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(60));
    ConflictException e = assertThrows(ConflictException.class, () -> ex.cancel(GRANNY_ACTOR, "e1"));
    assertTrue(e.getMessage().contains("DELIVERED"), e.getMessage());
  }

  @Test
  void confirm_repeatedAfterACrashBetweenStatusAndLedger_completesThePost() {
    ex.request(GRANNY_ACTOR, "e1", GRANNY, STUDENT, Credits.ofMinutes(60));
    ex.accept(STUDENT_ACTOR, "e1");
    Exchange delivered = ex.deliver(STUDENT_ACTOR, "e1", Credits.ofMinutes(50));
    // a crash after the status moved to POSTED but before the ledger posted
    Exchange posted =
        Exchange.of("e1", GRANNY, STUDENT, Credits.ofMinutes(60), ExchangeStatus.POSTED,
            Credits.ofMinutes(50), Credits.ofMinutes(50), delivered.requestedAt(),
            delivered.deliveredAt().get());
    assertTrue(bank.store().saveExchange(posted, ExchangeStatus.DELIVERED));
    assertEquals(0, bank.balance(STUDENT).minutes());
    assertEquals(ExchangeStatus.POSTED, ex.confirm(GRANNY_ACTOR, "e1").status());
    assertEquals(50, bank.balance(STUDENT).minutes());
    assertEquals(ExchangeStatus.POSTED, ex.confirm(GRANNY_ACTOR, "e1").status());
    assertEquals(50, bank.balance(STUDENT).minutes());
    bank.verify();
  }
}

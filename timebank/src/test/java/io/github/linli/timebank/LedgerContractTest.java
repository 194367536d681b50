package io.github.linli.timebank;

import static io.github.linli.timebank.TransferStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.timebank.store.LedgerStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's rules, the same on every store; each store's test subclasses this. */
abstract class LedgerContractTest {
  static final AccountId WANG = AccountId.of("wang");
  static final AccountId LI = AccountId.of("li");
  static final AccountId ZHAO = AccountId.of("zhao");
  static final Actor COORDINATOR = Actor.of("c1", Role.COORDINATOR);

  TestClock clock;
  TimeBank bank;
  LedgerStore store;

  abstract LedgerStore newStore() throws Exception;

  void dropStore() throws Exception {}

  @BeforeEach
  void setUp() throws Exception {
    clock = new TestClock(Instant.parse("2026-10-01T08:00:00Z"), ZoneOffset.ofHours(8));
    store = newStore();
    bank = TimeBank.builder().store(store).clock(clock).build();
    bank.openAccount(WANG, Credits.ofHours(1));
    bank.openAccount(LI, Credits.ofHours(1));
    bank.openAccount(ZHAO, Credits.ZERO);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (store == null) {
      return;
    }
    store.close();
    dropStore();
  }

  static TransferId id(String s) {
    return TransferId.of(s);
  }

  @Test
  void transfer_valid_debitPaysCreditEarns() {
    TransferResult r = bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(45));
    assertEquals(CREATED, r.status());
    assertEquals(-45, bank.balance(WANG).minutes());
    assertEquals(45, bank.balance(LI).minutes());
    assertEquals(1, bank.journal().size());
    bank.verify();
  }

  @Test
  void transfer_sameIdSameFields_existsAndChangesNothing() {
    bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(45));
    assertEquals(EXISTS, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(45)).status());
    assertEquals(45, bank.balance(LI).minutes());
    assertEquals(1, bank.journal().size());
  }

  @Test
  void transfer_sameIdOtherFields_existsWithDifferentFields() {
    bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(45));
    assertEquals(
        EXISTS_WITH_DIFFERENT_FIELDS, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(46)).status());
    assertEquals(
        EXISTS_WITH_DIFFERENT_FIELDS, bank.transfer(id("t1"), LI, WANG, Credits.ofMinutes(45)).status());
    assertEquals(45, bank.balance(LI).minutes());
  }

  @Test
  void transfer_failedId_staysFailedEvenWhenItWouldNowSucceed() {
    assertEquals(EXCEEDS_FLOOR, bank.transfer(id("t1"), ZHAO, LI, Credits.ofMinutes(10)).status());
    assertEquals(CREATED, bank.transfer(id("fund"), WANG, ZHAO, Credits.ofMinutes(10)).status());
    assertEquals(ID_ALREADY_FAILED, bank.transfer(id("t1"), ZHAO, LI, Credits.ofMinutes(10)).status());
    assertEquals(10, bank.balance(ZHAO).minutes());
  }

  @Test
  void transfer_idRejectedForTheRequestAlone_staysFreeForTheCorrectedRequest() {
    assertEquals(AMOUNT_MUST_BE_POSITIVE, bank.transfer(id("t1"), WANG, LI, Credits.ZERO).status());
    assertEquals(SAME_ACCOUNT, bank.transfer(id("t1"), WANG, WANG, Credits.ofMinutes(5)).status());
    assertEquals(CREATED, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(5)).status());
    assertEquals(EXISTS, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(5)).status());
    assertEquals(5, bank.balance(LI).minutes());
    // a rejection that depends on the ledger's state still reserves the id
    assertEquals(ACCOUNT_NOT_FOUND, bank.transfer(id("t2"), WANG, AccountId.of("nobody"), Credits.ofMinutes(5)).status());
    assertEquals(ID_ALREADY_FAILED, bank.transfer(id("t2"), WANG, LI, Credits.ofMinutes(5)).status());
  }

  @Test
  void transfer_exceedsFloor_rejectedAndNothingChanges() {
    assertEquals(CREATED, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(60)).status());
    assertEquals(EXCEEDS_FLOOR, bank.transfer(id("t2"), WANG, LI, Credits.ofMinutes(1)).status());
    assertEquals(-60, bank.balance(WANG).minutes());
    assertEquals(60, bank.balance(LI).minutes());
  }

  @Test
  void transfer_badInput_returnsRejectionStatus() {
    assertEquals(AMOUNT_MUST_BE_POSITIVE, bank.transfer(id("a"), WANG, LI, Credits.ZERO).status());
    assertEquals(
        AMOUNT_MUST_BE_POSITIVE, bank.transfer(id("b"), WANG, LI, Credits.ofMinutes(-5)).status());
    assertEquals(SAME_ACCOUNT, bank.transfer(id("c"), WANG, WANG, Credits.ofMinutes(5)).status());
    assertEquals(
        ACCOUNT_NOT_FOUND,
        bank.transfer(id("d"), WANG, AccountId.of("nobody"), Credits.ofMinutes(5)).status());
    assertEquals(0, bank.balance(WANG).minutes());
    assertEquals(0, bank.journal().size());
  }

  @Test
  void transfer_nullArgument_throwsNpeNamingIt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> bank.transfer(id("x"), null, LI, Credits.ZERO));
    assertEquals("debit", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> bank.transfer(null, WANG, LI, Credits.ZERO));
    assertEquals("id", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> bank.transfer(id("x"), WANG, LI, null));
    assertEquals("amount", e.getMessage());
  }

  @Test
  void transfer_closedOrFrozenAccount_rejected() {
    bank.freeze(COORDINATOR, LI);
    assertEquals(ACCOUNT_FROZEN, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(5)).status());
    bank.unfreeze(COORDINATOR, LI);
    assertEquals(CREATED, bank.transfer(id("t2"), WANG, LI, Credits.ofMinutes(5)).status());
    bank.close(COORDINATOR, LI);
    assertEquals(ACCOUNT_CLOSED, bank.transfer(id("t3"), WANG, LI, Credits.ofMinutes(5)).status());
    assertThrows(ConflictException.class, () -> bank.unfreeze(COORDINATOR, LI));
    assertThrows(
        PermissionDeniedException.class, () -> bank.freeze(Actor.of("r1", Role.RESIDENT), WANG));
    assertEquals(AccountStatus.ACTIVE, bank.account(WANG).status());
  }

  @Test
  void transfer_crossLedger_rejected() {
    bank.openAccount(
        AccountSpec.builder().id(AccountId.of("carbon")).ledger(LedgerId.CARBON_POINTS).build());
    assertEquals(
        LEDGER_MISMATCH,
        bank.transfer(id("t1"), WANG, AccountId.of("carbon"), Credits.ofMinutes(5)).status());
    assertEquals(
        LEDGER_MISMATCH,
        bank.submit(TransferRequest.single(id("t2"), WANG, LI, Credits.ofMinutes(5))
                .withLedger(LedgerId.CARBON_POINTS))
            .status());
  }

  @Test
  void transfer_aboveCeiling_rejected() {
    bank.openAccount(
        AccountSpec.builder().id(AccountId.of("capped")).ceiling(Credits.ofMinutes(30)).build());
    AccountId capped = AccountId.of("capped");
    assertEquals(CREATED, bank.transfer(id("t1"), WANG, capped, Credits.ofMinutes(30)).status());
    assertEquals(EXCEEDS_CEILING, bank.transfer(id("t2"), WANG, capped, Credits.ofMinutes(1)).status());
  }

  @Test
  void pending_postPartial_releasesTheRestAndResolvesOnce() {
    assertEquals(
        CREATED, bank.submit(TransferRequest.pending(id("p"), WANG, LI, Credits.ofMinutes(60))).status());
    assertEquals(60, bank.account(WANG).debitsPending());
    assertEquals(EXCEEDS_FLOOR, bank.transfer(id("t"), WANG, LI, Credits.ofMinutes(1)).status());
    assertEquals(
        EXCEEDS_PENDING_AMOUNT,
        bank.submit(TransferRequest.post(id("big"), id("p"), Credits.ofMinutes(61))).status());
    assertEquals(
        CREATED, bank.submit(TransferRequest.post(id("post"), id("p"), Credits.ofMinutes(40))).status());
    assertEquals(-40, bank.balance(WANG).minutes());
    assertEquals(0, bank.account(WANG).debitsPending());
    assertEquals(PendingState.POSTED, bank.pendingState(id("p")).get());
    assertEquals(
        PENDING_ALREADY_POSTED,
        bank.submit(TransferRequest.post(id("post2"), id("p"), Credits.ofMinutes(10))).status());
    assertEquals(
        PENDING_ALREADY_POSTED, bank.submit(TransferRequest.voiding(id("void"), id("p"))).status());
    assertEquals(EXISTS, bank.submit(TransferRequest.post(id("post"), id("p"), Credits.ofMinutes(40))).status());
    bank.verify();
  }

  @Test
  void pending_timeoutPassed_expiresAndReleases() {
    bank.submit(TransferRequest.pending(id("p"), WANG, LI, Credits.ofMinutes(30), Duration.ofHours(2)));
    clock.advance(Duration.ofHours(2));
    assertEquals(1, bank.expirePending());
    assertEquals(PendingState.EXPIRED, bank.pendingState(id("p")).get());
    assertEquals(0, bank.account(WANG).debitsPending());
    assertEquals(0, bank.account(LI).creditsPending());
    assertEquals(
        PENDING_EXPIRED,
        bank.submit(TransferRequest.post(id("post"), id("p"), Credits.ofMinutes(30))).status());
    bank.verify();
  }

  @Test
  void pending_expiresOnTheNextBatchWithoutExplicitSweep() {
    bank.submit(TransferRequest.pending(id("p"), WANG, LI, Credits.ofMinutes(60), Duration.ofMinutes(5)));
    assertEquals(EXCEEDS_FLOOR, bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(1)).status());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(CREATED, bank.transfer(id("t2"), WANG, LI, Credits.ofMinutes(60)).status());
    assertEquals(PendingState.EXPIRED, bank.pendingState(id("p")).get());
  }

  @Test
  void closedAccount_takesNoTransfersButItsPendingCanBeVoided() {
    bank.submit(TransferRequest.pending(id("p"), WANG, LI, Credits.ofMinutes(30)));
    bank.close(COORDINATOR, LI);
    assertEquals(
        ACCOUNT_CLOSED, bank.submit(TransferRequest.post(id("post"), id("p"), Credits.ofMinutes(30))).status());
    assertEquals(CREATED, bank.submit(TransferRequest.voiding(id("void"), id("p"))).status());
    assertEquals(0, bank.account(WANG).debitsPending());
    assertEquals(PendingState.VOIDED, bank.pendingState(id("p")).get());
  }

  @Test
  void linkedChain_oneFails_noneApplied() {
    List<TransferResult> r =
        bank.submit(
            List.of(
                TransferRequest.single(id("a"), WANG, LI, Credits.ofMinutes(10)).linked(),
                TransferRequest.single(id("b"), ZHAO, LI, Credits.ofMinutes(10)).linked(),
                TransferRequest.single(id("c"), WANG, ZHAO, Credits.ofMinutes(10)),
                TransferRequest.single(id("d"), WANG, ZHAO, Credits.ofMinutes(5))));
    assertEquals(
        List.of(LINKED_EVENT_FAILED, EXCEEDS_FLOOR, LINKED_EVENT_FAILED, CREATED),
        r.stream().map(TransferResult::status).collect(Collectors.toList()));
    assertEquals(-5, bank.balance(WANG).minutes());
    assertEquals(0, bank.balance(LI).minutes());
    // the chain's ids are not reserved: the corrected chain goes through
    List<TransferResult> again =
        bank.submit(
            List.of(
                TransferRequest.single(id("c"), WANG, ZHAO, Credits.ofMinutes(10)).linked(),
                TransferRequest.single(id("b"), ZHAO, LI, Credits.ofMinutes(10))));
    assertTrue(again.stream().allMatch(TransferResult::isOk), again.toString());
    bank.verify();
  }

  @Test
  void linkedChain_leftOpen_rejected() {
    List<TransferResult> r =
        bank.submit(List.of(TransferRequest.single(id("a"), WANG, LI, Credits.ofMinutes(10)).linked()));
    assertEquals(LINKED_CHAIN_OPEN, r.get(0).status());
    assertEquals(0, bank.balance(LI).minutes());
  }

  @Test
  void reversal_atMostOncePerTransfer() {
    bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(50));
    assertEquals(CREATED, bank.submit(TransferRequest.reversal(id("r1"), id("t1"))).status());
    assertEquals(0, bank.balance(WANG).minutes());
    assertEquals(0, bank.balance(LI).minutes());
    assertEquals(ALREADY_REVERSED, bank.submit(TransferRequest.reversal(id("r2"), id("t1"))).status());
    assertEquals(NOT_REVERSIBLE, bank.submit(TransferRequest.reversal(id("r3"), id("r1"))).status());
    assertEquals(
        REVERSAL_TARGET_NOT_FOUND, bank.submit(TransferRequest.reversal(id("r4"), id("none"))).status());
    assertEquals(2, bank.journal().size());
    bank.verify();
  }

  @Test
  void conversion_roundsDownAndIsAllOrNothing() {
    AccountId hoursPool = AccountId.of("pool-hours");
    AccountId pointsPool = AccountId.of("pool-points");
    AccountId points = AccountId.of("wang-points");
    bank.openAccount(AccountSpec.builder().id(hoursPool).kind(AccountKind.COMMUNITY_POOL).build());
    bank.openAccount(
        AccountSpec.builder()
            .id(pointsPool)
            .ledger(LedgerId.VOLUNTEER_POINTS)
            .kind(AccountKind.COMMUNITY_POOL)
            .overdraftLimit(Credits.ofMinutes(Credits.MAX_UNITS))
            .build());
    bank.openAccount(AccountSpec.builder().id(points).ledger(LedgerId.VOLUNTEER_POINTS).build());
    bank.transfer(id("earn"), LI, WANG, Credits.ofMinutes(50));
    // 1 point per 15 minutes: 50 minutes → 3 points, the 5-minute remainder stays in the pool
    Conversion rate = Conversion.of(hoursPool, pointsPool, 1, 15);
    List<TransferResult> r = bank.convert(id("conv1"), WANG, points, Credits.ofMinutes(50), rate);
    assertTrue(r.stream().allMatch(TransferResult::isOk), r.toString());
    assertEquals(0, bank.balance(WANG).minutes());
    assertEquals(3, bank.balance(points).units());
    assertEquals(50, bank.balance(hoursPool).minutes());
    // 10 minutes → 0 points: the chain is rejected, nothing moves
    List<TransferResult> none = bank.convert(id("conv2"), LI, points, Credits.ofMinutes(10), rate);
    assertEquals(LINKED_EVENT_FAILED, none.get(0).status());
    assertEquals(AMOUNT_MUST_BE_POSITIVE, none.get(1).status());
    assertEquals(-50, bank.balance(LI).minutes());
    bank.verify();
  }

  @Test
  void statement_openingPlusMovementsIsClosing_andPeriodsChain() {
    bank.transfer(id("t1"), WANG, LI, Credits.ofMinutes(30));
    clock.advance(Duration.ofDays(1));
    bank.transfer(id("t2"), LI, WANG, Credits.ofMinutes(10));
    clock.advance(Duration.ofDays(1));
    bank.transfer(id("t3"), WANG, LI, Credits.ofMinutes(5));
    Period first = Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
    AccountStatement s1 = bank.statement(LI, first);
    AccountStatement s2 = bank.statement(LI, first.next());
    AccountStatement s3 = bank.statement(LI, first.next().next());
    assertEquals(0, s1.opening().minutes());
    assertEquals(30, s1.closing().minutes());
    assertEquals(s1.closing(), s2.opening());
    assertEquals(20, s2.closing().minutes());
    assertEquals(s2.closing(), s3.opening());
    assertEquals(25, s3.closing().minutes());
    assertEquals(-10, s2.lines().get(0).change().minutes());
    assertEquals(
        30, bank.balanceAt(LI, Instant.parse("2026-10-01T08:00:00Z")).minutes());
    assertEquals(0, bank.balanceAt(LI, Instant.parse("2026-10-01T07:59:59Z")).minutes());
  }

  @Test
  void figures_andVolunteerMinutes_fromPostings() {
    bank.openAccount(
        AccountSpec.builder().id(AccountId.of("m1")).kind(AccountKind.MEMBER_UNIT).holder("clinic")
            .build());
    bank.openAccount(AccountSpec.builder().id(AccountId.of("r9")).holder("res-9").build());
    bank.transfer(id("t1"), WANG, AccountId.of("m1"), Credits.ofMinutes(60));
    bank.transfer(id("t2"), LI, AccountId.of("r9"), Credits.ofMinutes(30));
    Period october = Period.month(java.time.YearMonth.of(2026, 10));
    assertEquals(60L, bank.volunteerMinutesByMember(october).get(io.github.linli.core.MemberId.of("clinic")));
    assertEquals(30L, bank.volunteerMinutesByResident(october).get(io.github.linli.core.ResidentId.of("res-9")));
    var figures = bank.figures(october, "lishan");
    assertEquals("timebank.active_volunteers", figures.get(0).indicatorId());
    assertEquals(2.0, figures.get(0).value());
    assertEquals(1.5, figures.get(1).value());
    assertEquals(4.0 / 5.0, figures.get(2).value(), 1e-12);
    io.github.linli.core.governance.VolunteerHoursSource hours = bank.volunteerHoursSource();
    assertEquals(1.0, hours.hours(io.github.linli.core.MemberId.of("clinic"), october));
    assertEquals(0.0, hours.hours(io.github.linli.core.MemberId.of("nobody"), october));
    List<Contributor> top = bank.topContributors(LedgerId.SERVICE_MINUTES, october, 1);
    assertEquals(AccountId.of("m1"), top.get(0).account());
  }

  @Test
  void openAccount_sameIdOtherFields_conflict() {
    assertEquals(WANG, bank.openAccount(WANG, Credits.ofHours(1)).id());
    assertThrows(ConflictException.class, () -> bank.openAccount(WANG, Credits.ofHours(2)));
  }
}

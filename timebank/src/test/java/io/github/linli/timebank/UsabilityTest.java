package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import io.github.linli.timebank.store.StoreException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a new user reads: toString of accounts and stores, convenience overloads, error messages. */
class UsabilityTest {
  @Test
  void account_toString_spellsOutTheTotalsAndShowsTheLimits() {
    TimeBank bank = TimeBank.inMemory();
    AccountId wang = AccountId.of("wang");
    AccountId li = AccountId.of("li");
    bank.openAccount(wang, Credits.ofHours(10));
    bank.openAccount(AccountSpec.builder().id(li).ceiling(Credits.ofHours(50)).build());
    bank.transfer(TransferId.of("t1"), wang, li, Credits.ofMinutes(90));
    bank.submit(TransferRequest.pending(TransferId.of("h1"), wang, li, Credits.ofMinutes(5), Duration.ofDays(1)));
    assertEquals(
        "Account{wang service-minutes RESIDENT ACTIVE balance=-90 overdraftLimit=600 debitsPosted=90"
            + " creditsPosted=0 debitsPending=5 creditsPending=0}",
        bank.account(wang).toString());
    assertEquals(
        "Account{li service-minutes RESIDENT ACTIVE balance=90 overdraftLimit=0 ceiling=3000 debitsPosted=0"
            + " creditsPosted=90 debitsPending=0 creditsPending=5}",
        bank.account(li).toString());
  }

  @Test
  void transferRequest_toString_showsTheTimeoutThatMakesTwoRequestsDiffer() {
    TimeBank bank = TimeBank.inMemory();
    AccountId a = AccountId.of("a");
    AccountId b = AccountId.of("b");
    bank.openAccount(a, Credits.ofHours(1));
    bank.openAccount(b);
    TransferRequest noTimeout = TransferRequest.pending(TransferId.of("t0"), a, b, Credits.ofMinutes(1), Duration.ZERO);
    TransferRequest halfHour =
        TransferRequest.pending(TransferId.of("t0"), a, b, Credits.ofMinutes(1), Duration.ofMinutes(30));
    assertEquals("PENDING{t0 a->b 1 timeout=PT30M}", halfHour.toString());
    assertTrue(!noTimeout.toString().equals(halfHour.toString()), noTimeout + " vs " + halfHour);
    assertEquals(TransferStatus.CREATED, bank.submit(noTimeout).status());
    // the ledger tells them apart, and now so does anyone reading a log of the two requests
    assertEquals(TransferStatus.EXISTS_WITH_DIFFERENT_FIELDS, bank.submit(halfHour).status());
    assertEquals("SINGLE{t1 a->b 5}", TransferRequest.single(TransferId.of("t1"), a, b, Credits.ofMinutes(5)).toString());
  }

  @Test
  void openAccount_idAlone_opensAnAccountWithoutOverdraft() {
    TimeBank bank = TimeBank.inMemory();
    Account a = bank.openAccount(AccountId.of("zhou"));
    assertEquals(Credits.ZERO, a.overdraftLimit());
    assertEquals(LedgerId.SERVICE_MINUTES, a.ledger());
    assertEquals(AccountKind.RESIDENT, a.kind());
    // the same account as the builder's defaults, so opening it either way is idempotent
    assertEquals(a, bank.openAccount(AccountSpec.builder().id(AccountId.of("zhou")).build()));
    assertEquals(a, bank.openAccount(AccountId.of("zhou")));
    assertEquals(
        TransferStatus.EXCEEDS_FLOOR,
        bank.transfer(TransferId.of("t1"), AccountId.of("zhou"), bank.openAccount(AccountId.of("x")).id(),
            Credits.ofMinutes(1)).status());
    assertThrows(NullPointerException.class, () -> bank.openAccount((AccountId) null));
  }

  @Test
  void jdbcStore_unreachableDatabase_messageGivesTheLastError() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5999 refused", "08001");
    DataSource down =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    throw refused;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    StoreException e = assertThrows(StoreException.class, () -> LedgerStores.jdbc(down));
    assertTrue(
        e.getMessage().endsWith("attempts; the last error (SQL state 08001): Connection to 127.0.0.1:5999 refused"),
        e.getMessage());
    assertSame(refused, e.getCause());
  }

  @Test
  void jdbcStore_toString_namesTheTenant() throws Exception {
    DataSource ds = Databases.h2Memory("usability");
    String tenant = Databases.uniqueTenant();
    try (LedgerStore store = Databases.store(ds, tenant)) {
      assertEquals("JdbcLedgerStore{tenant " + tenant + "}", store.toString());
    } finally {
      Databases.dropTenant(ds, tenant);
    }
  }

  @Test
  void creditsFormat_usesTheLedgersUnit() {
    assertEquals("90 min (1h30)", Credits.ofMinutes(90).format(LedgerId.SERVICE_MINUTES));
    assertEquals("3 points", Credits.ofUnits(3).format(LedgerId.VOLUNTEER_POINTS));
    assertEquals("1 point", Credits.ofUnits(1).format(LedgerId.CARBON_POINTS));
    assertEquals("-2 units (community-coins)", Credits.ofUnits(-2).format(LedgerId.of("community-coins")));
  }
}

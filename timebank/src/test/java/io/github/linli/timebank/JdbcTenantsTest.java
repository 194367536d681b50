package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 part 6 for the ledger: two communities in one schema, the tenant leading every key.
 * The same account and transfer ids in both never meet; each verifies on its own; tampering with
 * one leaves the other clean. On H2 and, when one answers, PostgreSQL.
 */
class JdbcTenantsTest {
  static final AccountId WANG = AccountId.of("wang");
  static final AccountId LI = AccountId.of("li");

  DataSource database(String db) {
    if (db.equals("postgres")) {
      assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
      return Databases.postgres();
    }
    return Databases.h2Memory("tenants");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void twoTenantsInOneSchema_sameIds_isolated(String db) throws Exception {
    DataSource ds = database(db);
    String a = Databases.uniqueTenant();
    String b = Databases.uniqueTenant();
    TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.ofHours(8));
    try (LedgerStore sa = Databases.store(ds, a); LedgerStore sb = Databases.store(ds, b)) {
      TimeBank lishan = TimeBank.builder().store(sa).clock(clock).build();
      TimeBank heping = TimeBank.builder().store(sb).clock(clock).build();
      for (TimeBank bank : List.of(lishan, heping)) {
        bank.openAccount(WANG, Credits.ofHours(2));
        bank.openAccount(LI, Credits.ofHours(2));
      }
      // the same transfer id in both: each tenant creates its own
      assertEquals(TransferStatus.CREATED, lishan.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30)).status());
      assertEquals(TransferStatus.CREATED, heping.transfer(TransferId.of("t1"), LI, WANG, Credits.ofMinutes(45)).status());
      assertEquals(TransferStatus.EXISTS, lishan.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30)).status());
      // a pending transfer in one; expiring it leaves the other untouched
      heping.submit(TransferRequest.pending(TransferId.of("p1"), WANG, LI, Credits.ofMinutes(10), Duration.ofHours(1)));
      heping.exchanges().request(Actor.of("staff-1", Role.COORDINATOR), "e1", WANG, LI, Credits.ofMinutes(20));

      assertEquals(-30, lishan.balance(WANG).minutes());
      assertEquals(30, lishan.balance(LI).minutes());
      assertEquals(45, heping.balance(WANG).minutes());
      assertEquals(-45, heping.balance(LI).minutes());
      assertEquals(1, lishan.journal().size());
      assertEquals(2, heping.journal().size());
      assertTrue(sa.pendingState(TransferId.of("p1")).isEmpty());
      assertEquals(PendingState.PENDING, sb.pendingState(TransferId.of("p1")).get());
      assertTrue(lishan.exchanges().all().isEmpty());
      assertEquals(1, heping.exchanges().all().size());
      assertEquals(2, sa.accounts().size());
      assertEquals(0, sa.expirePending(Instant.parse("2026-12-08T00:00:00Z")), "nothing of b's expires through a");
      assertEquals(PendingState.PENDING, sb.pendingState(TransferId.of("p1")).get());
      assertEquals(1, sb.expirePending(Instant.parse("2026-12-08T00:00:00Z")));

      VerifyReport ra = lishan.verify();
      VerifyReport rb = heping.verify();
      assertEquals(1, ra.transfers());
      assertEquals(2, rb.transfers());

      // a forged row in a breaks a's chain only
      Databases.exec(ds, "UPDATE linli_ledger_transfer SET amount = 1 WHERE tenant = '" + a + "' AND id = 't1'");
      assertThrows(ConsistencyException.class, lishan::verify);
      assertTrue(heping.verify().problems().isEmpty());
    } finally {
      Databases.dropTenant(ds, a);
      Databases.dropTenant(ds, b);
    }
  }

  @Test
  void builder_badTenantOrMissingDataSource_typedErrorsNamingTheField() {
    ValidationException blank = assertThrows(ValidationException.class, () -> LedgerStores.jdbc().tenant(" "));
    assertEquals("tenant", blank.field());
    ValidationException none = assertThrows(ValidationException.class, () -> LedgerStores.jdbc().tenant("x").build());
    assertEquals("dataSource", none.field());
    ValidationException policy = assertThrows(ValidationException.class,
        () -> io.github.linli.timebank.store.RetryPolicy.of(0, Duration.ZERO, Duration.ZERO));
    assertEquals("attempts", policy.field());
    assertFalse(LedgerStores.jdbc().tenant("lishan") == null);
  }
}

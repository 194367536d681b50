package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ConsistencyException;
import io.github.linli.timebank.store.LedgerStore;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The ledger's rules on the JDBC store over H2, and tamper detection. */
class H2LedgerTest extends LedgerContractTest {
  DataSource ds;
  String tenant;

  @Override
  LedgerStore newStore() {
    ds = Databases.h2Memory("contract");
    tenant = Databases.uniqueTenant();
    return Databases.store(ds, tenant);
  }

  @Override
  void dropStore() throws Exception {
    Databases.dropTenant(ds, tenant);
  }

  @Test
  void verify_rowChangedBehindTheSdksBack_detected() throws Exception {
    bank.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30));
    bank.transfer(TransferId.of("t2"), WANG, LI, Credits.ofMinutes(10));
    bank.verify();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      // a forger changes the amount and the balances so that they still agree
      s.executeUpdate("UPDATE linli_ledger_transfer SET amount = 1 WHERE tenant = '" + tenant + "' AND id = 't1'");
      s.executeUpdate("UPDATE linli_ledger_account SET dp = 11 WHERE tenant = '" + tenant + "' AND id = 'wang'");
      s.executeUpdate("UPDATE linli_ledger_account SET cp = 11 WHERE tenant = '" + tenant + "' AND id = 'li'");
    }
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> bank.verify());
    assertTrue(e.getMessage().contains("hash chain broken at sequence 1"), e.getMessage());
    assertEquals(1, store.verify().problems().size());
  }

  @Test
  void verify_balanceChangedBehindTheSdksBack_detected() throws Exception {
    bank.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE linli_ledger_account SET cp = 300 WHERE tenant = '" + tenant + "' AND id = 'li'");
    }
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> bank.verify());
    assertTrue(e.getMessage().contains("account li"), e.getMessage());
  }

  @Test
  void account_rowWithUnknownStatus_consistencyErrorNotAnEnumError() throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE linli_ledger_account SET status = 'BOGUS' WHERE tenant = '" + tenant + "' AND id = 'li'");
    }
    ConsistencyException e = assertThrows(ConsistencyException.class, () -> bank.account(LI));
    assertTrue(e.getMessage().contains("li"), e.getMessage());
  }

  @Test
  void exchanges_persistAcrossTimeBanksOnOneDatabase_andConcurrentStepsConflict() {
    io.github.linli.core.Actor wang = io.github.linli.core.Actor.of("res-wang", io.github.linli.core.Role.RESIDENT);
    io.github.linli.core.Actor zhao = io.github.linli.core.Actor.of("res-zhao", io.github.linli.core.Role.VOLUNTEER);
    bank.openAccount(AccountSpec.builder().id(AccountId.of("w")).holder("res-wang")
        .overdraftLimit(Credits.ofHours(5)).build());
    bank.openAccount(AccountSpec.builder().id(AccountId.of("z")).holder("res-zhao").build());
    bank.exchanges().request(wang, "e1", AccountId.of("w"), AccountId.of("z"), Credits.ofMinutes(60));
    try (LedgerStore again = Databases.store(ds, tenant)) {
      // another application server: same tables, its own TimeBank
      TimeBank other = TimeBank.builder().store(again).clock(clock).build();
      assertEquals(ExchangeStatus.REQUESTED, other.exchanges().get("e1").status());
      other.exchanges().accept(zhao, "e1");
      other.exchanges().deliver(zhao, "e1", Credits.ofMinutes(50));
      Exchange stale = bank.exchanges().get("e1");
      assertEquals(ExchangeStatus.DELIVERED, stale.status());
      other.exchanges().dispute(wang, "e1");
      // the first server still offers "confirm" on what it read; the stored state says disputed
      assertThrows(io.github.linli.core.ConflictException.class, () -> bank.exchanges().confirm(wang, "e1"));
      assertEquals(ExchangeStatus.DISPUTED, bank.exchanges().get("e1").status());
      bank.exchanges().resolve(io.github.linli.core.Actor.of("sw", io.github.linli.core.Role.COORDINATOR), "e1", Credits.ofMinutes(40));
      assertEquals(40, other.balance(AccountId.of("z")).minutes());
      assertEquals(1, other.exchanges().all().size());
      bank.verify();
    }
  }

  @Test
  void reopen_sameTables_seesTheLedger() {
    bank.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30));
    try (LedgerStore again = Databases.store(ds, tenant)) {
      assertEquals(30, again.account(LI).get().balance().minutes());
      TimeBank other = TimeBank.builder().store(again).clock(clock).build();
      assertEquals(
          TransferStatus.EXISTS,
          other.transfer(TransferId.of("t1"), WANG, LI, Credits.ofMinutes(30)).status());
    }
  }
}

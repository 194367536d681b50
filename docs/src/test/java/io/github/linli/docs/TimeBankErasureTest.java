package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatement;
import io.github.linli.timebank.Exchange;
import io.github.linli.timebank.LedgerTotals;
import io.github.linli.timebank.VerifyReport;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, erasure across the time bank: a resident with personal data in a
 * {@link PersonalDataStore}, a benefit card and time-bank accounts and exchanges is erased; the
 * ledger refers to opaque account and holder ids only, so every balance, statement, total, figure
 * and the verified hash chain stay as they were, and no stored row or journal entry holds a
 * planted personal value.
 */
class TimeBankErasureTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final Actor COORD = Actor.of("staff-2", Role.COORDINATOR);
  static final ResidentId ZHANG = ResidentId.of("r-1001");
  static final Actor ZHANG_HIMSELF = Actor.of("r-1001", Role.RESIDENT);
  static final Actor HELPER = Actor.of("r-2002", Role.VOLUNTEER);
  static final Period YEAR = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
  static final List<String> PLANTED = List.of("张三", "13812345678", "110101195005011234", "丽山路8号3单元", "糖尿病");

  @Test
  void erase_leavesInMemoryHashChainedLedgerUnchanged() {
    erase_leavesLedgerUnchanged(LedgerStores.inMemoryHashChained(), null);
  }

  @Test
  void erase_leavesJdbcLedgerUnchangedAndNoRowHoldsPersonalData() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:erasure-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    erase_leavesLedgerUnchanged(LedgerStores.jdbc(h2), h2);
  }

  private static void erase_leavesLedgerUnchanged(LedgerStore store, JdbcDataSource h2) {
    PersonalDataStore people = PersonalDataStore.inMemory(CLOCK);
    people.put(COORD, ZHANG, PersonalDataKind.NAME, PLANTED.get(0));
    people.put(COORD, ZHANG, PersonalDataKind.PHONE, PLANTED.get(1));
    people.put(COORD, ZHANG, PersonalDataKind.ID_NUMBER, PLANTED.get(2));
    people.put(COORD, ZHANG, PersonalDataKind.ADDRESS, PLANTED.get(3));
    people.put(COORD, ZHANG, PersonalDataKind.HEALTH, PLANTED.get(4));

    Alliance a = Alliance.create("club", CLOCK);
    a.apply(ADMIN, Member.builder().id(MemberId.of("m-1")).kind(MemberKind.MERCHANT).name(Label.of("药店", "pharmacy"))
        .community("lishan").build());
    a.admit(ADMIN, MemberId.of("m-1"));
    a.issueCard(ADMIN, BenefitCard.builder().id("c-1").holder(ZHANG).birthDate(LocalDate.of(1950, 5, 1))
        .addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE).area("cell-3").validUntil(LocalDate.of(2027, 6, 30)).build());

    // the time bank: Zhang's account is held by his opaque resident id
    TimeBank bank = TimeBank.builder().store(store).clock(CLOCK).build();
    AccountId zhangAcc = AccountId.of("acc-r-1001");
    AccountId helperAcc = AccountId.of("acc-r-2002");
    bank.openAccount(AccountSpec.builder().id(zhangAcc).holder(ZHANG.value()).overdraftLimit(Credits.ofHours(10)).build());
    bank.openAccount(AccountSpec.builder().id(helperAcc).holder("r-2002").build());
    bank.transfer(TransferId.of("visit-1"), zhangAcc, helperAcc, Credits.ofMinutes(90));
    var ex = bank.exchanges();
    ex.request(ZHANG_HIMSELF, "shopping-1", zhangAcc, helperAcc, Credits.ofMinutes(120));
    ex.accept(HELPER, "shopping-1");
    ex.deliver(HELPER, "shopping-1", Credits.ofMinutes(75));
    ex.confirm(ZHANG_HIMSELF, "shopping-1");
    ex.request(ZHANG_HIMSELF, "repair-2", zhangAcc, helperAcc, Credits.ofMinutes(30));
    ex.accept(HELPER, "repair-2");

    var balances = List.of(bank.balance(zhangAcc), bank.balance(helperAcc));
    var statements = List.of(fp(bank.statement(zhangAcc, YEAR)), fp(bank.statement(helperAcc, YEAR)));
    var totals = fpTotals(bank.totals());
    var figures = bank.figures(YEAR, "lishan");
    VerifyReport report = bank.verify();
    var journal = bank.journal();
    var exchanges = fpExchanges(ex.all());
    var accounts = bank.accounts();
    var minutes = bank.volunteerMinutesByResident(YEAR);
    assertTrue(report.isConsistent() && report.hashChained(), report::toString);

    assertEquals(5, people.erase(ZHANG_HIMSELF, ZHANG));
    assertEquals(1, a.erasePersonalData(ZHANG_HIMSELF, ZHANG));
    assertTrue(people.kindsHeld(ZHANG).isEmpty());

    assertEquals(balances, List.of(bank.balance(zhangAcc), bank.balance(helperAcc)));
    assertEquals(statements, List.of(fp(bank.statement(zhangAcc, YEAR)), fp(bank.statement(helperAcc, YEAR))));
    assertEquals(totals, fpTotals(bank.totals()));
    assertEquals(figures, bank.figures(YEAR, "lishan"));
    assertEquals(fp(report), fp(bank.verify()));
    assertTrue(bank.verify().hashChained());
    assertEquals(journal, bank.journal());
    assertEquals(exchanges, fpExchanges(ex.all()));
    assertEquals(accounts, bank.accounts());
    assertEquals(minutes, bank.volunteerMinutesByResident(YEAR));

    // a second bank on the same store reads the same, verified ledger back
    TimeBank reopened = TimeBank.builder().store(store).clock(CLOCK).build();
    assertEquals(balances, List.of(reopened.balance(zhangAcc), reopened.balance(helperAcc)));
    assertTrue(reopened.verify().isConsistent());

    List<String> texts = new ArrayList<>();
    bank.journal().forEach(t -> texts.add(String.valueOf(t)));
    ex.all().forEach(e -> texts.add(String.valueOf(e)));
    bank.accounts().forEach(x -> texts.add(String.valueOf(x)));
    texts.add(String.valueOf(bank.totals()));
    texts.add(String.valueOf(bank.figures(YEAR, "lishan")));
    if (h2 != null) {
      texts.addAll(allCells(h2));
      assertTrue(texts.stream().anyMatch(s -> s.contains("acc-r-1001")), "the scan reads the accounts table");
    }
    for (String t : texts) {
      for (String p : PLANTED) {
        assertFalse(t.contains(p), "a ledger row or journal entry holds a personal value");
      }
    }
  }

  static List<Object> fp(AccountStatement s) {
    List<Object> out = new ArrayList<>(List.of(s.account(), s.period(), s.opening(), s.closing()));
    s.lines().forEach(l -> out.add(List.of(l.transfer(), l.change(), l.balance())));
    return out;
  }

  static List<Object> fp(VerifyReport r) {
    return List.of(r.accounts(), r.transfers(), r.hashChained(), r.isConsistent());
  }

  static List<Object> fpTotals(List<LedgerTotals> totals) {
    List<Object> out = new ArrayList<>();
    totals.forEach(t -> out.add(List.of(t.ledger(), t.accounts(), t.positive(), t.negative(), t.pools(), t.net())));
    return out;
  }

  static List<Object> fpExchanges(List<Exchange> all) {
    List<Object> out = new ArrayList<>();
    all.forEach(e -> out.add(List.of(e.id(), e.receiver(), e.provider(), e.estimate(), e.status(), e.reported(), e.posted())));
    return out;
  }

  /** Every cell of every table of the PUBLIC schema, read with plain JDBC. */
  static List<String> allCells(JdbcDataSource h2) {
    List<String> cells = new ArrayList<>();
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertFalse(tables.isEmpty(), "the JDBC store made tables");
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
              cells.add(String.valueOf(rs.getString(i)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return cells;
  }
}

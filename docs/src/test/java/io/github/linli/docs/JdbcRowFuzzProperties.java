package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.LinliException;
import io.github.linli.core.Period;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.store.LedgerStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Issue 9: rows of the JDBC ledger store corrupted behind the SDK's back (one random column of one
 * random row set to a random string, number or NULL with plain JDBC) are read back either
 * harmlessly or as a typed {@link LinliException}; never an NPE, a parse error or an index error
 * from inside the store.
 */
class JdbcRowFuzzProperties {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final Period YEAR = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
  static final AtomicLong TRIED = new AtomicLong();
  static final AtomicLong APPLIED = new AtomicLong();

  @AfterContainer
  static void report() {
    System.out.println("[linli fuzzed boundary] " + TRIED.get() + " corrupted JDBC ledger rows read back ("
        + APPLIED.get() + " accepted by the database), each harmless or a typed Linli error");
  }

  static final AccountId A = AccountId.of("acc-a");
  static final AccountId B = AccountId.of("acc-b");

  static void smallLedger(TimeBank bank) {
    bank.openAccount(AccountSpec.builder().id(A).holder("r-1").overdraftLimit(Credits.ofHours(10)).build());
    bank.openAccount(AccountSpec.builder().id(B).holder("r-2").build());
    bank.transfer(TransferId.of("t-1"), A, B, Credits.ofMinutes(30));
    bank.submit(TransferRequest.pending(TransferId.of("p-1"), A, B, Credits.ofMinutes(20), Duration.ofDays(3)));
    bank.transfer(TransferId.of("t-bad"), A, B, Credits.ofHours(100));
    bank.submit(TransferRequest.reversal(TransferId.of("r-1"), TransferId.of("t-1")));
  }

  @Property(tries = 200)
  void corruptedRow_readsBackHarmlesslyOrAsTypedError(@ForAll long seed) throws SQLException {
    Random random = new Random(seed);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:rowfuzz-" + Long.toHexString(seed) + "-" + TRIED.get() + ";DB_CLOSE_DELAY=-1");
    smallLedger(TimeBank.builder().store(LedgerStores.jdbc(h2)).clock(CLOCK).build());
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      List<String[]> cells = new ArrayList<>();   // table, key column, column
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
            + "AND TABLE_NAME = '" + t + "' ORDER BY ORDINAL_POSITION")) {
          String key = null;
          while (rs.next()) {
            key = key == null ? rs.getString(1) : key;
            cells.add(new String[] {t, key, rs.getString(1)});
          }
        }
      }
      String[] cell = cells.get(random.nextInt(cells.size()));
      List<Object> keys = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT \"" + cell[1] + "\" FROM \"" + cell[0] + "\"")) {
        while (rs.next()) {
          keys.add(rs.getObject(1));
        }
      }
      TRIED.incrementAndGet();
      if (keys.isEmpty()) {
        return;
      }
      Object key = keys.get(random.nextInt(keys.size()));
      Object value;
      switch (random.nextInt(4)) {
        case 0: value = null; break;
        case 1: value = random.nextLong(); break;
        case 2: value = (long) random.nextInt(7) - 3; break;
        default: value = randomString(random); break;
      }
      try (PreparedStatement u = c.prepareStatement(
          "UPDATE \"" + cell[0] + "\" SET \"" + cell[2] + "\" = ? WHERE \"" + cell[1] + "\" = ?")) {
        u.setObject(1, value);
        u.setObject(2, key);
        u.executeUpdate();
        APPLIED.incrementAndGet();
      } catch (SQLException refused) {
        return;   // the schema refused the value (type, NOT NULL, key): nothing to read back
      }
    }
    String what = "corrupted column";
    try {
      TimeBank bank = TimeBank.builder().store(LedgerStores.jdbc(h2)).clock(CLOCK).build();
      what = "verify";
      bank.verify();
      what = "balance";
      bank.balance(A);
      bank.balance(B);
      what = "statement";
      bank.statement(A, YEAR);
      bank.statement(B, YEAR);
      what = "exchanges";
      bank.exchanges().all();
    } catch (LinliException typed) {
      assertTrue(typed.getMessage() != null && !typed.getMessage().isBlank(), what + ": a typed error with a message");
    } catch (RuntimeException escaped) {
      throw new AssertionError(what + " let " + escaped.getClass().getName() + " escape: " + escaped.getMessage(), escaped);
    } finally {
      try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  static String randomString(Random random) {
    String[] pool = {"", " ", "abc", "CREATED", "NaN", "-1", "9223372036854775808", "\u0000", "\ud800", "😀", "张三", "x".repeat(200)};
    return pool[random.nextInt(pool.length)];
  }
}

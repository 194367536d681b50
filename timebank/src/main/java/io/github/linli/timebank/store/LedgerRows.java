package io.github.linli.timebank.store;

import io.github.linli.core.ConsistencyException;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountKind;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.Exchange;
import io.github.linli.timebank.ExchangeStatus;
import io.github.linli.timebank.LedgerId;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferKind;
import io.github.linli.timebank.internal.AccountRow;
import io.github.linli.timebank.internal.Times;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The ledger's tables, their columns, and the mapping between rows and the time bank's types. A
 * row whose values the domain types reject (changed by hand) reads as a {@link
 * ConsistencyException} naming the row by its key, never as an NPE or a parse error. Not API.
 */
final class LedgerRows {
  private LedgerRows() {}

  static final String HEAD = "linli_ledger_head";
  static final String ACCOUNT = "linli_ledger_account";
  static final String TRANSFER = "linli_ledger_transfer";
  static final String FAILED = "linli_ledger_failed";
  static final String PENDING = "linli_ledger_pending";
  static final String REVERSED = "linli_ledger_reversed";
  static final String EXCHANGE = "linli_ledger_exchange";
  static final String IMPORT = "linli_ledger_import";

  /** Every table holding a tenant's ledger, the head last. */
  static final List<String> TENANT_TABLES = List.of(ACCOUNT, TRANSFER, FAILED, PENDING, REVERSED, EXCHANGE, HEAD);

  static final String ACCOUNT_COLUMNS = "id, ledger, kind, holder, overdraft, ceiling, status, dp, cp, dq, cq";
  static final String TRANSFER_COLUMNS = "seq, id, kind, debit, credit, ledger, amount, ref_id, timeout_ms, code, ts";
  static final String EXCHANGE_COLUMNS =
      "id, receiver, provider, estimate, status, reported, posted, requested_at, delivered_at";

  /** Keys per {@code IN (…)} list. */
  static final int CHUNK = 500;

  interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Reads the current row; a value the domain types reject becomes a {@code ConsistencyException}. */
  private static <T> T readRow(String what, ResultSet rs, RowReader<T> reader) throws SQLException {
    try {
      return reader.read(rs);
    } catch (RuntimeException e) {
      throw new ConsistencyException(what + " row " + rs.getString(1) + " cannot be read: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ accounts

  static AccountRow account(ResultSet rs) throws SQLException {
    return readRow("account", rs, LedgerRows::accountFields);
  }

  private static AccountRow accountFields(ResultSet rs) throws SQLException {
    AccountSpec.Builder b =
        AccountSpec.builder()
            .id(AccountId.of(rs.getString(1)))
            .ledger(LedgerId.of(rs.getString(2)))
            .kind(AccountKind.valueOf(rs.getString(3)))
            .overdraftLimit(Credits.ofMinutes(rs.getLong(5)));
    String holder = rs.getString(4);
    if (holder != null) {
      b.holder(holder);
    }
    long ceiling = rs.getLong(6);
    if (!rs.wasNull()) {
      b.ceiling(Credits.ofMinutes(ceiling));
    }
    return new AccountRow(
        b.build(), AccountStatus.valueOf(rs.getString(7)), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11));
  }

  static void bindNewAccount(PreparedStatement ps, String tenant, AccountSpec spec) throws SQLException {
    ps.setString(1, tenant);
    ps.setString(2, spec.id().value());
    ps.setString(3, spec.ledger().value());
    ps.setString(4, spec.kind().name());
    ps.setString(5, spec.holder().orElse(null));
    ps.setLong(6, spec.overdraftLimit().minutes());
    setNullableLong(ps, 7, spec.ceiling().map(Credits::minutes).orElse(null));
    ps.setString(8, AccountStatus.ACTIVE.name());
  }

  // ------------------------------------------------------------------ transfers

  static Transfer transfer(ResultSet rs) throws SQLException {
    return readRow("transfer", rs, LedgerRows::transferFields);
  }

  private static Transfer transferFields(ResultSet rs) throws SQLException {
    String ref = rs.getString(8);
    long timeout = rs.getLong(9);
    boolean noTimeout = rs.wasNull();
    return Transfer.of(
        rs.getLong(1),
        TransferId.of(rs.getString(2)),
        TransferKind.valueOf(rs.getString(3)),
        AccountId.of(rs.getString(4)),
        AccountId.of(rs.getString(5)),
        LedgerId.of(rs.getString(6)),
        rs.getLong(7),
        ref == null ? null : TransferId.of(ref),
        noTimeout ? null : Duration.ofMillis(timeout),
        rs.getInt(10),
        Times.of(rs.getLong(11)));
  }

  /** Binds tenant, the transfer's columns and its hash (13 parameters). */
  static void bindTransfer(PreparedStatement ps, String tenant, Transfer t, String hash) throws SQLException {
    ps.setString(1, tenant);
    ps.setLong(2, t.sequence());
    ps.setString(3, t.id().value());
    ps.setString(4, t.kind().name());
    ps.setString(5, t.debitAccount().value());
    ps.setString(6, t.creditAccount().value());
    ps.setString(7, t.ledger().value());
    ps.setLong(8, t.amountMinutes());
    ps.setString(9, t.reference().map(TransferId::value).orElse(null));
    setNullableLong(ps, 10, t.timeout().map(Duration::toMillis).orElse(null));
    ps.setInt(11, t.code());
    ps.setLong(12, Times.micros(t.timestamp()));
    ps.setString(13, hash);
  }

  // ------------------------------------------------------------------ exchanges

  static Exchange exchange(ResultSet rs) throws SQLException {
    return readRow("exchange", rs, LedgerRows::exchangeFields);
  }

  private static Exchange exchangeFields(ResultSet rs) throws SQLException {
    long reported = rs.getLong(6);
    boolean noReported = rs.wasNull();
    long posted = rs.getLong(7);
    boolean noPosted = rs.wasNull();
    long delivered = rs.getLong(9);
    boolean noDelivered = rs.wasNull();
    return Exchange.of(
        rs.getString(1),
        AccountId.of(rs.getString(2)),
        AccountId.of(rs.getString(3)),
        Credits.ofMinutes(rs.getLong(4)),
        ExchangeStatus.valueOf(rs.getString(5)),
        noReported ? null : Credits.ofMinutes(reported),
        noPosted ? null : Credits.ofMinutes(posted),
        Times.of(rs.getLong(8)),
        noDelivered ? null : Times.of(delivered));
  }

  /**
   * Whether two exchanges hold the same stored values ({@link Exchange} has no value equality;
   * instants compare at the microseconds the tables keep).
   */
  static boolean sameRow(Exchange a, Exchange b) {
    return a.id().equals(b.id())
        && a.receiver().equals(b.receiver())
        && a.provider().equals(b.provider())
        && a.estimate().equals(b.estimate())
        && a.status() == b.status()
        && a.reported().equals(b.reported())
        && a.posted().equals(b.posted())
        && Times.micros(a.requestedAt()) == Times.micros(b.requestedAt())
        && a.deliveredAt().map(Times::micros).equals(b.deliveredAt().map(Times::micros));
  }

  /** Binds tenant and the exchange's columns (10 parameters). */
  static void bindExchange(PreparedStatement ps, String tenant, Exchange e) throws SQLException {
    ps.setString(1, tenant);
    ps.setString(2, e.id());
    ps.setString(3, e.receiver().value());
    ps.setString(4, e.provider().value());
    ps.setLong(5, e.estimate().minutes());
    ps.setString(6, e.status().name());
    setNullableLong(ps, 7, e.reported().map(Credits::minutes).orElse(null));
    setNullableLong(ps, 8, e.posted().map(Credits::minutes).orElse(null));
    ps.setLong(9, Times.micros(e.requestedAt()));
    setNullableLong(ps, 10, e.deliveredAt().map(Times::micros).orElse(null));
  }

  // ------------------------------------------------------------------ helpers

  static <E extends Enum<E>> E enumColumn(Class<E> type, ResultSet rs, int column) throws SQLException {
    String v = rs.getString(column);
    try {
      return Enum.valueOf(type, v);
    } catch (RuntimeException e) {
      throw new ConsistencyException("row " + rs.getString(1) + " has no valid " + type.getSimpleName() + ": " + v, e);
    }
  }

  static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  /** Columns with a table alias: {@code t.seq, t.id, …}. */
  static String qualified(String alias, String columns) {
    StringBuilder b = new StringBuilder();
    for (String col : columns.split(",\\s*")) {
      b.append(b.length() > 0 ? ", " : "").append(alias).append(col);
    }
    return b.toString();
  }

  /**
   * Runs {@code sql + "(?, …)"} for the tenant over the keys, {@value #CHUNK} at a time. The SQL
   * ends with {@code WHERE tenant = ? AND <column> IN }.
   */
  static void forChunks(Connection c, String sql, String tenant, Collection<String> keys, RowConsumer rows)
      throws SQLException {
    List<String> list = List.copyOf(keys);
    for (int from = 0; from < list.size(); from += CHUNK) {
      int to = Math.min(list.size(), from + CHUNK);
      StringBuilder b = new StringBuilder(sql).append('(');
      for (int i = from; i < to; i++) {
        b.append(i == from ? "?" : ", ?");
      }
      b.append(')');
      try (PreparedStatement ps = c.prepareStatement(b.toString())) {
        ps.setString(1, tenant);
        for (int i = from; i < to; i++) {
          ps.setString(i - from + 2, list.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.accept(rs);
          }
        }
      }
    }
  }

  /** A journal row with its stored hash. */
  interface JournalRow {
    void accept(Transfer t, String hash) throws SQLException;
  }

  /** Journal rows per page; each page is one indexed range read after the last sequence seen. */
  static final int PAGE = 10_000;

  /**
   * Reads a tenant's whole journal in order, a page at a time, in the caller's transaction (so in
   * its snapshot): the one paging loop that {@code forEachTransfer} and {@code verify} share.
   */
  static void journal(Connection c, String tenant, JournalRow rows) throws SQLException {
    long after = 0;
    while (true) {
      int n = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT " + TRANSFER_COLUMNS + ", hash FROM " + TRANSFER
                  + " WHERE tenant = ? AND seq > ? ORDER BY seq FETCH FIRST " + PAGE + " ROWS ONLY")) {
        ps.setString(1, tenant);
        ps.setLong(2, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Transfer t = transfer(rs);
            rows.accept(t, rs.getString(12));
            after = t.sequence();
            n++;
          }
        }
      }
      if (n < PAGE) {
        return;
      }
    }
  }
}

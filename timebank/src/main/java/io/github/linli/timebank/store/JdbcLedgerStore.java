package io.github.linli.timebank.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ConflictException;
import io.github.linli.core.NotFoundException;
import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountKind;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.Exchange;
import io.github.linli.timebank.LedgerId;
import io.github.linli.timebank.PendingState;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferKind;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.TransferResult;
import io.github.linli.timebank.TransferStatus;
import io.github.linli.timebank.VerifyReport;
import io.github.linli.timebank.internal.AccountRow;
import io.github.linli.timebank.internal.Engine;
import io.github.linli.timebank.internal.Hashing;
import io.github.linli.timebank.internal.LedgerView;
import io.github.linli.timebank.internal.Times;
import io.github.linli.timebank.internal.Verifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store: plain SQL that runs on H2 and PostgreSQL.
 *
 * <p>Each batch is one database transaction. It first locks the single head row ({@code SELECT …
 * FOR UPDATE}), which serialises writers across every process sharing the database (the way
 * TigerBeetle applies a batch on one core), then reads the rows the batch needs, applies the
 * ledger's rules in memory, writes the new transfers, pending states, failures and account
 * totals with JDBC batches, advances the head (sequence, timestamp, hash chain) and commits. A
 * batch is therefore fully written or absent after a crash, and limits hold under any number of
 * writers. Transient failures (deadlock, serialisation, lock timeout, unique violation) roll back
 * and retry.
 *
 * <p>{@link #verify()} takes no lock: it reads the head, accounts, journal and pending states in
 * one read-only transaction that sees a single snapshot (PostgreSQL: {@code REPEATABLE READ},
 * whose snapshot is taken at the first statement; H2: {@code SNAPSHOT}, because H2's {@code
 * REPEATABLE READ} takes each table's snapshot at its first read, which is not one snapshot across
 * tables). Writers go on while it runs. On any other database it falls back to holding the head
 * lock for the whole run, as before.
 *
 * <p>Thread-safe. Keeps up to four idle connections of its own between batches, always at {@code
 * READ COMMITTED} and read-write (verify sets its connection back before returning it).
 */
final class JdbcLedgerStore implements LedgerStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcLedgerStore.class);
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,30}");
  private static final int CHUNK = 500;
  private static final int RETRIES = 20;
  private static final int MAX_IDLE = 4;

  private final DataSource dataSource;
  private final String head;
  private final String accounts;
  private final String transfers;
  private final String failed;
  private final String pending;
  private final String reversed;
  private final String exchangeTable;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean postgres;
  private volatile boolean h2;

  JdbcLedgerStore(DataSource dataSource, String prefix) {
    checkArgument(PREFIX.matcher(prefix).matches(), "tablePrefix must match %s: '%s'", PREFIX, prefix);
    this.dataSource = dataSource;
    String p = prefix.toLowerCase(java.util.Locale.ROOT);
    this.head = p + "head";
    this.accounts = p + "accounts";
    this.transfers = p + "transfers";
    this.failed = p + "failed";
    this.pending = p + "pending";
    this.reversed = p + "reversed";
    this.exchangeTable = p + "exchanges";
    createSchema();
  }

  /** Returns the store's kind and table prefix, for example {@code JdbcLedgerStore{tables lishan_tb_*}}. */
  @Override
  public String toString() {
    return "JdbcLedgerStore{tables " + head.substring(0, head.length() - "head".length()) + "*}";
  }

  // ---------------------------------------------------------------- schema

  private void createSchema() {
    String[] ddl = {
      "CREATE TABLE IF NOT EXISTS " + head + " (id INT PRIMARY KEY, last_seq BIGINT NOT NULL,"
          + " last_ts BIGINT NOT NULL, last_hash VARCHAR(64) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS " + accounts + " (id VARCHAR(128) PRIMARY KEY,"
          + " ledger VARCHAR(128) NOT NULL, kind VARCHAR(32) NOT NULL, holder VARCHAR(128),"
          + " overdraft BIGINT NOT NULL, ceiling BIGINT, status VARCHAR(16) NOT NULL,"
          + " dp BIGINT NOT NULL, cp BIGINT NOT NULL, dq BIGINT NOT NULL, cq BIGINT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS " + transfers + " (seq BIGINT PRIMARY KEY,"
          + " id VARCHAR(128) NOT NULL UNIQUE, kind VARCHAR(16) NOT NULL,"
          + " debit VARCHAR(128) NOT NULL, credit VARCHAR(128) NOT NULL,"
          + " ledger VARCHAR(128) NOT NULL, amount BIGINT NOT NULL, ref_id VARCHAR(128),"
          + " timeout_ms BIGINT, code INT NOT NULL, ts BIGINT NOT NULL, hash VARCHAR(64) NOT NULL)",
      "CREATE INDEX IF NOT EXISTS " + transfers + "_ts ON " + transfers + " (ts)",
      "CREATE INDEX IF NOT EXISTS " + transfers + "_debit ON " + transfers + " (debit, ts)",
      "CREATE INDEX IF NOT EXISTS " + transfers + "_credit ON " + transfers + " (credit, ts)",
      "CREATE TABLE IF NOT EXISTS " + failed + " (id VARCHAR(128) PRIMARY KEY,"
          + " status VARCHAR(40) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS " + pending + " (id VARCHAR(128) PRIMARY KEY,"
          + " state VARCHAR(16) NOT NULL, expires_at BIGINT)",
      "CREATE INDEX IF NOT EXISTS " + pending + "_due ON " + pending + " (state, expires_at)",
      "CREATE TABLE IF NOT EXISTS " + reversed + " (original VARCHAR(128) PRIMARY KEY,"
          + " reversal VARCHAR(128) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS " + exchangeTable + " (id VARCHAR(128) PRIMARY KEY,"
          + " receiver VARCHAR(128) NOT NULL, provider VARCHAR(128) NOT NULL,"
          + " estimate BIGINT NOT NULL, status VARCHAR(16) NOT NULL, reported BIGINT,"
          + " posted BIGINT, requested_at BIGINT NOT NULL, delivered_at BIGINT)",
    };
    inTransaction(
        "create schema",
        c -> {
          String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
          postgres = product.contains("postgres");
          h2 = product.equals("h2");
          try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
              s.execute(sql);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO " + head + " (id, last_seq, last_ts, last_hash) SELECT 1, 0, 0, ''"
                      + " WHERE NOT EXISTS (SELECT 1 FROM " + head + " WHERE id = 1)")) {
            ps.executeUpdate();
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- accounts

  @Override
  public Account openAccount(AccountSpec spec) {
    checkNotNull(spec, "spec");
    return inTransaction(
        "open account",
        c -> {
          Map<AccountId, AccountRow> existing = loadAccounts(c, List.of(spec.id()));
          AccountRow row = existing.get(spec.id());
          if (row != null) {
            if (!row.spec.equals(spec)) {
              throw new ConflictException(
                  "account " + spec.id() + " exists with other fields: " + row.snapshot());
            }
            return row.snapshot();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO " + accounts + " (id, ledger, kind, holder, overdraft, ceiling,"
                      + " status, dp, cp, dq, cq) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)")) {
            ps.setString(1, spec.id().value());
            ps.setString(2, spec.ledger().value());
            ps.setString(3, spec.kind().name());
            ps.setString(4, spec.holder().orElse(null));
            ps.setLong(5, spec.overdraftLimit().minutes());
            if (spec.ceiling().isPresent()) {
              ps.setLong(6, spec.ceiling().get().minutes());
            } else {
              ps.setNull(6, Types.BIGINT);
            }
            ps.setString(7, AccountStatus.ACTIVE.name());
            ps.executeUpdate();
          }
          return new AccountRow(spec, AccountStatus.ACTIVE, 0, 0, 0, 0).snapshot();
        });
  }

  @Override
  public Optional<Account> account(AccountId id) {
    checkNotNull(id, "id");
    return inTransaction(
        "read account",
        c -> Optional.ofNullable(loadAccounts(c, List.of(id)).get(id)).map(AccountRow::snapshot));
  }

  @Override
  public List<Account> accounts() {
    return inTransaction(
        "read accounts",
        c -> {
          List<Account> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM " + accounts + " ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(accountRow(rs).snapshot());
            }
          }
          return out;
        });
  }

  @Override
  public Account setStatus(AccountId id, AccountStatus status) {
    checkNotNull(id, "id");
    checkNotNull(status, "status");
    return inTransaction(
        "set account status",
        c -> {
          lockHead(c);
          AccountRow row = loadAccounts(c, List.of(id)).get(id);
          if (row == null) {
            throw new NotFoundException("account", id);
          }
          if (row.status == AccountStatus.CLOSED && status != AccountStatus.CLOSED) {
            throw new ConflictException("account " + id + " is CLOSED; it cannot become " + status);
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE " + accounts + " SET status = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, id.value());
            ps.executeUpdate();
          }
          row.status = status;
          return row.snapshot();
        });
  }

  private static final String ACCOUNT_COLUMNS =
      "id, ledger, kind, holder, overdraft, ceiling, status, dp, cp, dq, cq";

  private static AccountRow accountRow(ResultSet rs) throws SQLException {
    return readRow("account", rs, JdbcLedgerStore::accountFields);
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
        b.build(),
        AccountStatus.valueOf(rs.getString(7)),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11));
  }

  private Map<AccountId, AccountRow> loadAccounts(Connection c, Collection<AccountId> ids)
      throws SQLException {
    Map<AccountId, AccountRow> out = new HashMap<>();
    List<String> keys = new ArrayList<>();
    ids.forEach(i -> keys.add(i.value()));
    forChunks(
        c,
        "SELECT " + ACCOUNT_COLUMNS + " FROM " + accounts + " WHERE id IN ",
        keys,
        rs -> {
          AccountRow r = accountRow(rs);
          out.put(r.spec.id(), r);
        });
    return out;
  }

  // ---------------------------------------------------------------- transfers

  private static final String TRANSFER_COLUMNS =
      "seq, id, kind, debit, credit, ledger, amount, ref_id, timeout_ms, code, ts";

  private static Transfer transferRow(ResultSet rs) throws SQLException {
    return readRow("transfer", rs, JdbcLedgerStore::transferFields);
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

  @Override
  public List<TransferResult> submit(List<TransferRequest> batch, Instant now) {
    checkNotNull(batch, "batch");
    checkNotNull(now, "now");
    for (int i = 0; i < batch.size(); i++) {
      checkNotNull(batch.get(i), "batch element %s", i);
    }
    if (batch.isEmpty()) {
      return List.of();
    }
    return inTransaction("submit", c -> Arrays.asList(apply(c, batch, now, false)));
  }

  @Override
  public int expirePending(Instant now) {
    checkNotNull(now, "now");
    return inTransaction("expire pending", c -> apply(c, List.of(), now, true).length);
  }

  private static final class Head {
    long seq;
    long ts;
    String hash;
  }

  private Head lockHead(Connection c) throws SQLException {
    return readHead(c, true);
  }

  /** The head row; with {@code forUpdate}, locked until the transaction ends (what writers do). */
  private Head readHead(Connection c, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT last_seq, last_ts, last_hash FROM " + head + " WHERE id = 1"
                    + (forUpdate ? " FOR UPDATE" : ""));
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("head row missing in " + head);
      }
      Head h = new Head();
      h.seq = rs.getLong(1);
      h.ts = rs.getLong(2);
      h.hash = rs.getString(3);
      return h;
    }
  }

  /** One batch in an open transaction; returns results, or for expiry-only one slot per expiry. */
  private TransferResult[] apply(
      Connection c, List<TransferRequest> batch, Instant now, boolean expiryOnly)
      throws SQLException {
    Head h = lockHead(c);
    long nowMicros = Math.max(Times.micros(now), h.ts);
    Instant at = Times.of(nowMicros);

    // 1. what the batch refers to
    Set<String> transferKeys = new LinkedHashSet<>();
    Set<String> refKeys = new LinkedHashSet<>();
    Set<AccountId> accountIds = new LinkedHashSet<>();
    for (TransferRequest r : batch) {
      transferKeys.add(r.id().value());
      r.reference().ifPresent(x -> refKeys.add(x.value()));
      r.debit().ifPresent(accountIds::add);
      r.credit().ifPresent(accountIds::add);
    }
    Set<String> allKeys = new LinkedHashSet<>(transferKeys);
    allKeys.addAll(refKeys);
    Map<TransferId, Transfer> known = new HashMap<>();
    forChunks(
        c,
        "SELECT " + TRANSFER_COLUMNS + " FROM " + transfers + " WHERE id IN ",
        new ArrayList<>(allKeys),
        rs -> {
          Transfer t = transferRow(rs);
          known.put(t.id(), t);
        });
    Map<TransferId, TransferStatus> failures = new HashMap<>();
    forChunks(
        c,
        "SELECT id, status FROM " + failed + " WHERE id IN ",
        new ArrayList<>(transferKeys),
        rs -> failures.put(TransferId.of(rs.getString(1)), enumColumn(TransferStatus.class, rs, 2)));
    Map<TransferId, PendingState> states = new HashMap<>();
    forChunks(
        c,
        "SELECT id, state FROM " + pending + " WHERE id IN ",
        new ArrayList<>(refKeys),
        rs -> states.put(TransferId.of(rs.getString(1)), enumColumn(PendingState.class, rs, 2)));
    Set<TransferId> alreadyReversed = new HashSet<>();
    forChunks(
        c,
        "SELECT original FROM " + reversed + " WHERE original IN ",
        new ArrayList<>(refKeys),
        rs -> alreadyReversed.add(TransferId.of(rs.getString(1))));
    List<Transfer> due = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + prefixed("t.", TRANSFER_COLUMNS)
                + " FROM "
                + pending
                + " p JOIN "
                + transfers
                + " t ON t.id = p.id WHERE p.state = 'PENDING' AND p.expires_at <= ?"
                + " ORDER BY t.seq")) {
      ps.setLong(1, nowMicros);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Transfer t = transferRow(rs);
          due.add(t);
          known.put(t.id(), t);
          states.put(t.id(), PendingState.PENDING);
        }
      }
    }
    for (Transfer t : known.values()) {
      accountIds.add(t.debitAccount());
      accountIds.add(t.creditAccount());
    }
    Map<AccountId, AccountRow> rows = loadAccounts(c, accountIds);

    // 2. the rules
    LedgerView view =
        new LedgerView() {
          @Override
          public AccountRow account(AccountId id) {
            return rows.get(id);
          }

          @Override
          public Transfer transfer(TransferId id) {
            return known.get(id);
          }

          @Override
          public TransferStatus failure(TransferId id) {
            return failures.get(id);
          }

          @Override
          public PendingState pendingState(TransferId pendingId) {
            return states.get(pendingId);
          }

          @Override
          public boolean isReversed(TransferId original) {
            return alreadyReversed.contains(original);
          }
        };
    Engine engine = new Engine(view, at, h.seq + 1, batch.size());
    int expired = engine.expire(due);
    TransferResult[] results = expiryOnly ? new TransferResult[expired] : engine.apply(batch);

    // 3. the writes
    String hash = h.hash;
    if (!engine.created.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO " + transfers + " (" + TRANSFER_COLUMNS + ", hash)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        java.security.MessageDigest sha = Hashing.sha256();
        for (Transfer t : engine.created) {
          hash = Hashing.chain(sha, hash, t);
          ps.setLong(1, t.sequence());
          ps.setString(2, t.id().value());
          ps.setString(3, t.kind().name());
          ps.setString(4, t.debitAccount().value());
          ps.setString(5, t.creditAccount().value());
          ps.setString(6, t.ledger().value());
          ps.setLong(7, t.amountMinutes());
          ps.setString(8, t.reference().map(TransferId::value).orElse(null));
          if (t.timeout().isPresent()) {
            ps.setLong(9, t.timeout().get().toMillis());
          } else {
            ps.setNull(9, Types.BIGINT);
          }
          ps.setInt(10, t.code());
          ps.setLong(11, Times.micros(t.timestamp()));
          ps.setString(12, hash);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!engine.dirty.isEmpty() && postgres) {
      updateAccountsPostgres(c, new ArrayList<>(engine.dirty));
    } else if (!engine.dirty.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE " + accounts + " SET dp = ?, cp = ?, dq = ?, cq = ? WHERE id = ?")) {
        for (AccountRow r : engine.dirty) {
          ps.setLong(1, r.dp);
          ps.setLong(2, r.cp);
          ps.setLong(3, r.dq);
          ps.setLong(4, r.cq);
          ps.setString(5, r.spec.id().value());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!engine.failures.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + failed + " (id, status) VALUES (?, ?)")) {
        for (Map.Entry<TransferId, TransferStatus> e : engine.failures.entrySet()) {
          ps.setString(1, e.getKey().value());
          ps.setString(2, e.getValue().name());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!engine.pendingStates.isEmpty()) {
      Map<TransferId, Transfer> createdById = new HashMap<>();
      engine.created.forEach(t -> createdById.put(t.id(), t));
      try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO " + pending + " (id, state, expires_at) VALUES (?, ?, ?)");
          PreparedStatement upd =
              c.prepareStatement(
                  "UPDATE " + pending + " SET state = ? WHERE id = ? AND state = 'PENDING'")) {
        boolean anyIns = false;
        boolean anyUpd = false;
        for (Map.Entry<TransferId, PendingState> e : engine.pendingStates.entrySet()) {
          Transfer fresh = createdById.get(e.getKey());
          if (fresh != null && fresh.kind() == TransferKind.PENDING) {
            ins.setString(1, e.getKey().value());
            ins.setString(2, e.getValue().name());
            if (fresh.expiresAt().isPresent()) {
              ins.setLong(3, Times.micros(fresh.expiresAt().get()));
            } else {
              ins.setNull(3, Types.BIGINT);
            }
            ins.addBatch();
            anyIns = true;
          } else {
            upd.setString(1, e.getValue().name());
            upd.setString(2, e.getKey().value());
            upd.addBatch();
            anyUpd = true;
          }
        }
        if (anyIns) {
          ins.executeBatch();
        }
        if (anyUpd) {
          for (int n : upd.executeBatch()) {
            if (n == 0) {
              throw new SQLException("pending state changed under the head lock", "40001");
            }
          }
        }
      }
    }
    if (!engine.reversedOriginals().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + reversed + " (original, reversal) VALUES (?, ?)")) {
        for (Transfer t : engine.created) {
          if (t.kind() == TransferKind.REVERSAL) {
            ps.setString(1, t.reference().get().value());
            ps.setString(2, t.id().value());
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE " + head + " SET last_seq = ?, last_ts = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, engine.nextSequence() - 1);
      ps.setLong(2, nowMicros);
      ps.setString(3, hash);
      ps.executeUpdate();
    }
    return results;
  }

  /**
   * PostgreSQL: one {@code UPDATE … FROM (VALUES …)} per 1,000 rows instead of one statement per
   * row (plain SQL PostgreSQL has always accepted; H2 keeps the JDBC batch of single updates).
   */
  private void updateAccountsPostgres(Connection c, List<AccountRow> rows) throws SQLException {
    for (int from = 0; from < rows.size(); from += 1000) {
      int to = Math.min(rows.size(), from + 1000);
      StringBuilder sql =
          new StringBuilder("UPDATE ")
              .append(accounts)
              .append(" AS a SET dp = v.dp, cp = v.cp, dq = v.dq, cq = v.cq FROM (VALUES ");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?)");
      }
      sql.append(") AS v(id, dp, cp, dq, cq) WHERE a.id = v.id");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int k = 1;
        for (int i = from; i < to; i++) {
          AccountRow r = rows.get(i);
          ps.setString(k++, r.spec.id().value());
          ps.setLong(k++, r.dp);
          ps.setLong(k++, r.cp);
          ps.setLong(k++, r.dq);
          ps.setLong(k++, r.cq);
        }
        int n = ps.executeUpdate();
        if (n != to - from) {
          throw new SQLException("updated " + n + " account rows, expected " + (to - from));
        }
      }
    }
  }

  private static <E extends Enum<E>> E enumColumn(Class<E> type, ResultSet rs, int column)
      throws SQLException {
    String v = rs.getString(column);
    try {
      return Enum.valueOf(type, v);
    } catch (RuntimeException e) {
      throw new io.github.linli.core.ConsistencyException(
          "row " + rs.getString(1) + " has no valid " + type.getSimpleName() + ": " + v, e);
    }
  }

  private static String prefixed(String p, String columns) {
    StringBuilder b = new StringBuilder();
    for (String col : columns.split(",\\s*")) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(p).append(col);
    }
    return b.toString();
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    checkNotNull(id, "id");
    return inTransaction(
        "read transfer",
        c -> {
          List<Transfer> out = new ArrayList<>();
          forChunks(
              c,
              "SELECT " + TRANSFER_COLUMNS + " FROM " + transfers + " WHERE id IN ",
              List.of(id.value()),
              rs -> out.add(transferRow(rs)));
          return out.isEmpty() ? Optional.<Transfer>empty() : Optional.of(out.get(0));
        });
  }

  @Override
  public Optional<PendingState> pendingState(TransferId pendingId) {
    checkNotNull(pendingId, "pendingId");
    return inTransaction(
        "read pending state",
        c -> {
          List<PendingState> out = new ArrayList<>();
          forChunks(
              c,
              "SELECT id, state FROM " + pending + " WHERE id IN ",
              List.of(pendingId.value()),
              rs -> out.add(enumColumn(PendingState.class, rs, 2)));
          return out.isEmpty() ? Optional.<PendingState>empty() : Optional.of(out.get(0));
        });
  }

  @Override
  public long postedBalanceBefore(AccountId id, Instant instant) {
    checkNotNull(id, "id");
    checkNotNull(instant, "instant");
    return inTransaction(
        "balance at an instant",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(CASE WHEN credit = ? THEN amount ELSE -amount END), 0) FROM "
                      + transfers
                      + " WHERE (debit = ? OR credit = ?) AND ts < ?"
                      + " AND kind IN ('SINGLE', 'POST_PENDING', 'REVERSAL')")) {
            ps.setString(1, id.value());
            ps.setString(2, id.value());
            ps.setString(3, id.value());
            ps.setLong(4, micros(instant));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Microseconds, rounding up a sub-microsecond remainder so "before" stays exact. */
  private static long micros(Instant instant) {
    long m = Times.micros(instant);
    return instant.getNano() % 1000 == 0 ? m : m + 1;
  }

  @Override
  public List<Transfer> transfers(Instant from, Instant to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    return inTransaction(
        "read transfers",
        c -> {
          List<Transfer> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + TRANSFER_COLUMNS + " FROM " + transfers
                      + " WHERE ts >= ? AND ts < ? ORDER BY seq")) {
            ps.setLong(1, micros(from));
            ps.setLong(2, micros(to));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(transferRow(rs));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void forEachTransfer(Consumer<Transfer> consumer) {
    checkNotNull(consumer, "consumer");
    inTransaction(
        "read journal",
        c -> {
          long after = 0;
          while (true) {
            int n = 0;
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT " + TRANSFER_COLUMNS + ", hash FROM " + transfers
                        + " WHERE seq > ? ORDER BY seq FETCH FIRST 10000 ROWS ONLY")) {
              ps.setLong(1, after);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Transfer t = transferRow(rs);
                  consumer.accept(t);
                  after = t.sequence();
                  n++;
                }
              }
            }
            if (n < 10000) {
              return null;
            }
          }
        });
  }

  /**
   * Checks the store in one consistent snapshot without the head lock (see the class comment), so
   * writers are not blocked while it reads the journal; the report covers exactly the transfers
   * committed before its first read. Thread-safe.
   *
   * @return the report, with any problems found
   */
  @Override
  public VerifyReport verify() {
    boolean oneSnapshot = postgres || h2;
    return inTransaction(
        "verify",
        oneSnapshot,
        c -> {
          // the snapshot starts with this first statement; elsewhere the head lock stands in for it
          Head h = readHead(c, !oneSnapshot);
          List<Account> snapshot = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM " + accounts + " ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              snapshot.add(accountRow(rs).snapshot());
            }
          }
          Verifier v = new Verifier(snapshot);
          String[] prev = {""};
          long[] lastSeq = {0};
          long after = 0;
          while (true) {
            int n = 0;
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT " + TRANSFER_COLUMNS + ", hash FROM " + transfers
                        + " WHERE seq > ? ORDER BY seq FETCH FIRST 10000 ROWS ONLY")) {
              ps.setLong(1, after);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Transfer t = transferRow(rs);
                  v.accept(t);
                  String stored = rs.getString(12);
                  if (!Hashing.chain(prev[0], t).equals(stored)) {
                    v.problem(
                        "transfer " + t.id() + ": hash chain broken at sequence " + t.sequence());
                  }
                  prev[0] = stored;
                  lastSeq[0] = t.sequence();
                  after = t.sequence();
                  n++;
                }
              }
            }
            if (n < 10000) {
              break;
            }
          }
          if (lastSeq[0] != h.seq || !prev[0].equals(h.hash)) {
            v.problem("journal head " + h.seq + " does not match the last transfer " + lastSeq[0]);
          }
          Map<TransferId, PendingState> states = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id, state FROM " + pending);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              states.put(TransferId.of(rs.getString(1)), enumColumn(PendingState.class, rs, 2));
            }
          }
          List<String> problems = v.finish(states::get);
          return VerifyReport.of(snapshot.size(), v.count(), true, problems);
        });
  }

  // ---------------------------------------------------------------- exchanges

  private static final String EXCHANGE_COLUMNS =
      "id, receiver, provider, estimate, status, reported, posted, requested_at, delivered_at";

  private static Exchange exchangeRow(ResultSet rs) throws SQLException {
    return readRow("exchange", rs, JdbcLedgerStore::exchangeFields);
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
        io.github.linli.timebank.ExchangeStatus.valueOf(rs.getString(5)),
        noReported ? null : Credits.ofMinutes(reported),
        noPosted ? null : Credits.ofMinutes(posted),
        Times.of(rs.getLong(8)),
        noDelivered ? null : Times.of(delivered));
  }

  @Override
  public Optional<Exchange> exchange(String id) {
    checkNotNull(id, "id");
    return inTransaction(
        "read exchange",
        c -> {
          List<Exchange> out = new ArrayList<>();
          forChunks(
              c,
              "SELECT " + EXCHANGE_COLUMNS + " FROM " + exchangeTable + " WHERE id IN ",
              List.of(id),
              rs -> out.add(exchangeRow(rs)));
          return out.isEmpty() ? Optional.<Exchange>empty() : Optional.of(out.get(0));
        });
  }

  @Override
  public List<Exchange> exchanges() {
    return inTransaction(
        "read exchanges",
        c -> {
          List<Exchange> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + EXCHANGE_COLUMNS + " FROM " + exchangeTable
                          + " ORDER BY requested_at, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(exchangeRow(rs));
            }
          }
          return out;
        });
  }

  @Override
  public boolean saveExchange(Exchange e, io.github.linli.timebank.ExchangeStatus expected) {
    checkNotNull(e, "exchange");
    return inTransaction(
        "save exchange",
        c -> {
          if (expected == null) {
            if (exchangeExists(c, e.id())) {
              return false;
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO " + exchangeTable + " (" + EXCHANGE_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              bindExchange(ps, e);
              ps.executeUpdate();
              return true;
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE " + exchangeTable + " SET status = ?, reported = ?, posted = ?,"
                      + " delivered_at = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, e.status().name());
            setNullableLong(ps, 2, e.reported().map(Credits::minutes).orElse(null));
            setNullableLong(ps, 3, e.posted().map(Credits::minutes).orElse(null));
            setNullableLong(ps, 4, e.deliveredAt().map(Times::micros).orElse(null));
            ps.setString(5, e.id());
            ps.setString(6, expected.name());
            return ps.executeUpdate() == 1;
          }
        });
  }

  private boolean exchangeExists(Connection c, String id) throws SQLException {
    boolean[] found = {false};
    forChunks(
        c, "SELECT id FROM " + exchangeTable + " WHERE id IN ", List.of(id), rs -> found[0] = true);
    return found[0];
  }

  private static void bindExchange(PreparedStatement ps, Exchange e) throws SQLException {
    ps.setString(1, e.id());
    ps.setString(2, e.receiver().value());
    ps.setString(3, e.provider().value());
    ps.setLong(4, e.estimate().minutes());
    ps.setString(5, e.status().name());
    setNullableLong(ps, 6, e.reported().map(Credits::minutes).orElse(null));
    setNullableLong(ps, 7, e.posted().map(Credits::minutes).orElse(null));
    ps.setLong(8, Times.micros(e.requestedAt()));
    setNullableLong(ps, 9, e.deliveredAt().map(Times::micros).orElse(null));
  }

  private static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  // ---------------------------------------------------------------- plumbing

  private interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Reads the current row; a value the domain types reject (a row changed by hand) becomes a
   * {@code ConsistencyException} naming the row by its first column (id, or sequence).
   */
  private static <T> T readRow(String what, ResultSet rs, RowReader<T> reader) throws SQLException {
    try {
      return reader.read(rs);
    } catch (RuntimeException e) {
      throw new io.github.linli.core.ConsistencyException(
          what + " row " + rs.getString(1) + " cannot be read: " + e.getMessage(), e);
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private static void forChunks(Connection c, String sql, List<String> keys, RowConsumer rows)
      throws SQLException {
    for (int from = 0; from < keys.size(); from += CHUNK) {
      int to = Math.min(keys.size(), from + CHUNK);
      StringBuilder b = new StringBuilder(sql).append('(');
      for (int i = from; i < to; i++) {
        b.append(i == from ? "?" : ", ?");
      }
      b.append(')');
      try (PreparedStatement ps = c.prepareStatement(b.toString())) {
        for (int i = from; i < to; i++) {
          ps.setString(i - from + 1, keys.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.accept(rs);
          }
        }
      }
    }
  }

  private <T> T inTransaction(String what, Work<T> work) {
    return inTransaction(what, false, work);
  }

  /**
   * Runs {@code work} in one transaction, retrying transient failures. With {@code snapshot}, a
   * read-only transaction that sees one snapshot of every table (PostgreSQL {@code REPEATABLE
   * READ}, H2 {@code SNAPSHOT}); the connection is set back to {@code READ COMMITTED}, read-write,
   * before it returns to the idle pool, or closed if that fails.
   */
  private <T> T inTransaction(String what, boolean snapshot, Work<T> work) {
    SQLException last = null;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Connection c = null;
      boolean reusable = false;
      try {
        c = connection();
        if (snapshot) {
          beginSnapshot(c);
        }
        T result = work.run(c);
        c.commit();
        reusable = true;
        return result;
      } catch (SQLException e) {
        last = e;
        rollbackQuietly(c);
        reusable = c != null && !isConnectionError(e);
        if (!isTransient(e)) {
          throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
        LOG.debug("{}: transient failure {}, retrying", what, e.getSQLState());
        backoff(attempt);
      } catch (RuntimeException e) {
        rollbackQuietly(c);
        reusable = c != null;
        throw e;
      } finally {
        if (snapshot && c != null) {
          reusable = reusable && endSnapshot(c);
        }
        release(c, reusable);
      }
    }
    throw new StoreException(
        what + " failed after " + RETRIES + " attempts; the last error (SQL state "
            + last.getSQLState() + "): " + last.getMessage(),
        last);
  }

  /** Before the transaction's first statement: read-only, one snapshot across tables. */
  private void beginSnapshot(Connection c) throws SQLException {
    c.setReadOnly(true);
    if (postgres) {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    } else if (h2) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
      }
    }
  }

  /** After commit or rollback: back to what {@link #connection()} hands out; false if that fails. */
  private static boolean endSnapshot(Connection c) {
    try {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setReadOnly(false);
      return true;
    } catch (SQLException e) {
      LOG.debug("restoring a connection after verify failed; closing it", e);
      return false;
    }
  }

  private Connection connection() throws SQLException {
    Connection c = idle.pollFirst();
    if (c == null) {
      c = dataSource.getConnection();
      if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
        // A generic plan for "id IN (?, …)" can turn into a sequential scan of the journal once
        // the driver prepares the statement on the server; plan each execution for its values.
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("SET plan_cache_mode = force_custom_plan");
        } catch (SQLException olderThan12) {
          LOG.debug("plan_cache_mode not supported", olderThan12);
        }
      }
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    return c;
  }

  private void release(Connection c, boolean reusable) {
    if (c == null) {
      return;
    }
    if (reusable && idle.size() < MAX_IDLE) {
      idle.addFirst(c);
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("closing a connection failed", e);
    }
  }

  private static void rollbackQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed", e);
    }
  }

  private static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        String s = ((SQLException) t).getSQLState();
        if (s != null
            && (s.equals("40001")
                || s.equals("40P01")
                || s.equals("23505")
                || s.equals("HYT00")
                || s.startsWith("08"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isConnectionError(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("08");
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(Math.min(200, 1L << Math.min(attempt, 7)));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing a connection failed", e);
      }
    }
  }
}

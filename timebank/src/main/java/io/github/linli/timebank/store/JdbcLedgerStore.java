package io.github.linli.timebank.store;

import static com.google.common.base.Preconditions.checkNotNull;
import static io.github.linli.timebank.store.LedgerRows.ACCOUNT;
import static io.github.linli.timebank.store.LedgerRows.ACCOUNT_COLUMNS;
import static io.github.linli.timebank.store.LedgerRows.EXCHANGE;
import static io.github.linli.timebank.store.LedgerRows.EXCHANGE_COLUMNS;
import static io.github.linli.timebank.store.LedgerRows.FAILED;
import static io.github.linli.timebank.store.LedgerRows.HEAD;
import static io.github.linli.timebank.store.LedgerRows.PENDING;
import static io.github.linli.timebank.store.LedgerRows.REVERSED;
import static io.github.linli.timebank.store.LedgerRows.TRANSFER;
import static io.github.linli.timebank.store.LedgerRows.TRANSFER_COLUMNS;
import static io.github.linli.timebank.store.LedgerRows.enumColumn;
import static io.github.linli.timebank.store.LedgerRows.forChunks;
import static io.github.linli.timebank.store.LedgerRows.setNullableLong;

import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.NotFoundException;
import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.Exchange;
import io.github.linli.timebank.ExchangeStatus;
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
import java.util.function.Consumer;

/**
 * The JDBC store: plain SQL that runs on H2 and PostgreSQL, over the shared tables of {@code
 * V2026.12.07.2__ledger_tables.sql}, where the tenant (community) leads every key; this store
 * reads and writes one tenant's rows.
 *
 * <p>Each batch is one database transaction. It first locks the tenant's head row ({@code SELECT
 * … FOR UPDATE}), which serialises the tenant's writers across every process sharing the database
 * (the way TigerBeetle applies a batch on one core), then reads the rows the batch needs, applies
 * the ledger's rules in memory ({@link Engine}), writes the new transfers, pending states,
 * failures and account totals with JDBC batches, advances the head (sequence, timestamp, hash
 * chain) and commits. A batch is therefore fully written or absent after a crash, and limits hold
 * under any number of writers.
 *
 * <p>Faults ({@link Transactions}): transient failures before commit roll back and run again as
 * the {@link RetryPolicy} says. A commit that fails (the connection broke while committing) leaves
 * the outcome unknown; the store then takes the head lock on a fresh connection and looks up the
 * ids the batch wrote: all there, the batch landed and its results are returned; none, it did not
 * and it runs again; unreadable, {@link StoreException#outcomeUnknown()}.
 *
 * <p>{@link #verify()} takes no lock: it reads the head, accounts, journal and pending states in
 * one read-only transaction that sees a single snapshot (PostgreSQL: {@code REPEATABLE READ},
 * whose snapshot is taken at the first statement; H2: {@code SNAPSHOT}, because H2's {@code
 * REPEATABLE READ} takes each table's snapshot at its first read, which is not one snapshot across
 * tables). Writers go on while it runs. On any other database it holds the head lock instead.
 *
 * <p>Thread-safe. Holds no connection between calls: each transaction borrows one from the
 * caller's {@code DataSource} (which pools) and gives it back as it came.
 */
final class JdbcLedgerStore implements LedgerStore {
  private final String tenant;
  private final Transactions tx;

  JdbcLedgerStore(String tenant, Transactions tx) {
    this.tenant = tenant;
    this.tx = tx;
  }

  /** Returns the store's kind and tenant, for example {@code JdbcLedgerStore{tenant lishan}}. */
  @Override
  public String toString() {
    return "JdbcLedgerStore{tenant " + tenant + "}";
  }

  // ---------------------------------------------------------------- accounts

  @Override
  public Account openAccount(AccountSpec spec) {
    checkNotNull(spec, "spec");
    // a concurrent opening of the same id is a unique violation; the second run finds the row
    return tx.run("open account " + spec.id(), Transactions.Mode.WRITE, true,
        c -> {
          AccountRow row = loadAccounts(c, List.of(spec.id())).get(spec.id());
          if (row != null) {
            if (!row.spec.equals(spec)) {
              throw new ConflictException("account " + spec.id() + " exists with other fields: " + row.snapshot());
            }
            return row.snapshot();
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ACCOUNT + " (tenant, " + ACCOUNT_COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)")) {
            LedgerRows.bindNewAccount(ps, tenant, spec);
            ps.executeUpdate();
          }
          return new AccountRow(spec, AccountStatus.ACTIVE, 0, 0, 0, 0).snapshot();
        },
        null);
  }

  @Override
  public Optional<Account> account(AccountId id) {
    checkNotNull(id, "id");
    return tx.run("read account", c -> Optional.ofNullable(loadAccounts(c, List.of(id)).get(id)).map(AccountRow::snapshot));
  }

  @Override
  public List<Account> accounts() {
    return tx.run("read accounts", this::allAccounts);
  }

  private List<Account> allAccounts(Connection c) throws SQLException {
    List<Account> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM " + ACCOUNT + " WHERE tenant = ? ORDER BY id")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(LedgerRows.account(rs).snapshot());
        }
      }
    }
    return out;
  }

  @Override
  public Account setStatus(AccountId id, AccountStatus status) {
    checkNotNull(id, "id");
    checkNotNull(status, "status");
    return tx.run(
        "set account status",
        c -> {
          readHead(c, true);
          AccountRow row = loadAccounts(c, List.of(id)).get(id);
          if (row == null) {
            throw new NotFoundException("account", id);
          }
          if (row.status == AccountStatus.CLOSED && status != AccountStatus.CLOSED) {
            throw new ConflictException("account " + id + " is CLOSED; it cannot become " + status);
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE " + ACCOUNT + " SET status = ? WHERE tenant = ? AND id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, tenant);
            ps.setString(3, id.value());
            ps.executeUpdate();
          }
          row.status = status;
          return row.snapshot();
        });
  }

  private Map<AccountId, AccountRow> loadAccounts(Connection c, Collection<AccountId> ids) throws SQLException {
    Map<AccountId, AccountRow> out = new HashMap<>();
    List<String> keys = new ArrayList<>(ids.size());
    ids.forEach(i -> keys.add(i.value()));
    forChunks(c, "SELECT " + ACCOUNT_COLUMNS + " FROM " + ACCOUNT + " WHERE tenant = ? AND id IN ", tenant, keys,
        rs -> {
          AccountRow r = LedgerRows.account(rs);
          out.put(r.spec.id(), r);
        });
    return out;
  }

  // ---------------------------------------------------------------- batches

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
    Applied a = tx.run("submit a batch of " + batch.size(), Transactions.Mode.WRITE, false,
        c -> apply(c, batch, now, false), this::landed);
    return Arrays.asList(a.results);
  }

  @Override
  public int expirePending(Instant now) {
    checkNotNull(now, "now");
    return tx.run("expire pending", Transactions.Mode.WRITE, false, c -> apply(c, List.of(), now, true), this::landed)
        .results.length;
  }

  /** The head row of the tenant. */
  private static final class Head {
    long seq;
    long ts;
    String hash;
  }

  /** The head row; with {@code forUpdate}, locked until the transaction ends (what writers do). */
  private Head readHead(Connection c, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT last_seq, last_ts, last_hash FROM " + HEAD + " WHERE tenant = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ConsistencyException("the head row of tenant " + tenant + " is missing from " + HEAD
              + ": the ledger's tables were changed outside Linli");
        }
        Head h = new Head();
        h.seq = rs.getLong(1);
        h.ts = rs.getLong(2);
        h.hash = rs.getString(3);
        return h;
      }
    }
  }

  /** What a batch wrote: its results, and the ids and states that show whether it committed. */
  private static final class Applied {
    final TransferResult[] results;
    final List<String> created = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final Map<String, PendingState> pendingStates = new HashMap<>();

    Applied(TransferResult[] results) {
      this.results = results;
    }
  }

  /** What the batch refers to, read under the head lock. */
  private final class Reads implements LedgerView {
    final Map<TransferId, Transfer> known = new HashMap<>();
    final Map<TransferId, TransferStatus> failures = new HashMap<>();
    final Map<TransferId, PendingState> states = new HashMap<>();
    final Set<TransferId> reversed = new HashSet<>();
    final List<Transfer> due = new ArrayList<>();
    Map<AccountId, AccountRow> rows = Map.of();

    void load(Connection c, List<TransferRequest> batch, long nowMicros) throws SQLException {
      Set<String> ids = new LinkedHashSet<>();
      Set<String> refs = new LinkedHashSet<>();
      Set<AccountId> accountIds = new LinkedHashSet<>();
      for (TransferRequest r : batch) {
        ids.add(r.id().value());
        r.reference().ifPresent(x -> refs.add(x.value()));
        r.debit().ifPresent(accountIds::add);
        r.credit().ifPresent(accountIds::add);
      }
      Set<String> all = new LinkedHashSet<>(ids);
      all.addAll(refs);
      forChunks(c, "SELECT " + TRANSFER_COLUMNS + " FROM " + TRANSFER + " WHERE tenant = ? AND id IN ", tenant, all,
          rs -> {
            Transfer t = LedgerRows.transfer(rs);
            known.put(t.id(), t);
          });
      forChunks(c, "SELECT id, status FROM " + FAILED + " WHERE tenant = ? AND id IN ", tenant, ids,
          rs -> failures.put(TransferId.of(rs.getString(1)), enumColumn(TransferStatus.class, rs, 2)));
      forChunks(c, "SELECT id, state FROM " + PENDING + " WHERE tenant = ? AND id IN ", tenant, refs,
          rs -> states.put(TransferId.of(rs.getString(1)), enumColumn(PendingState.class, rs, 2)));
      forChunks(c, "SELECT original FROM " + REVERSED + " WHERE tenant = ? AND original IN ", tenant, refs,
          rs -> reversed.add(TransferId.of(rs.getString(1))));
      try (PreparedStatement ps = c.prepareStatement("SELECT " + LedgerRows.qualified("t.", TRANSFER_COLUMNS)
          + " FROM " + PENDING + " p JOIN " + TRANSFER + " t ON t.tenant = p.tenant AND t.id = p.id"
          + " WHERE p.tenant = ? AND p.state = 'PENDING' AND p.expires_at <= ? ORDER BY t.seq")) {
        ps.setString(1, tenant);
        ps.setLong(2, nowMicros);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Transfer t = LedgerRows.transfer(rs);
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
      rows = loadAccounts(c, accountIds);
    }

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
      return reversed.contains(original);
    }
  }

  /** One batch in an open transaction; for expiry only, one result slot per expiry. */
  private Applied apply(Connection c, List<TransferRequest> batch, Instant now, boolean expiryOnly) throws SQLException {
    Head h = readHead(c, true);
    long nowMicros = Math.max(Times.micros(now), h.ts);
    Reads reads = new Reads();
    reads.load(c, batch, nowMicros);
    Engine engine = new Engine(reads, Times.of(nowMicros), h.seq + 1, batch.size());
    int expired = engine.expire(reads.due);
    Applied applied = new Applied(expiryOnly ? new TransferResult[expired] : engine.apply(batch));
    String hash = writeTransfers(c, engine.created, h.hash);
    writeAccounts(c, new ArrayList<>(engine.dirty));
    writeFailures(c, engine.failures);
    writePendingStates(c, engine);
    writeReversals(c, engine);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE " + HEAD + " SET last_seq = ?, last_ts = ?, last_hash = ? WHERE tenant = ?")) {
      ps.setLong(1, engine.nextSequence() - 1);
      ps.setLong(2, nowMicros);
      ps.setString(3, hash);
      ps.setString(4, tenant);
      ps.executeUpdate();
    }
    engine.created.forEach(t -> applied.created.add(t.id().value()));
    engine.failures.keySet().forEach(id -> applied.failed.add(id.value()));
    engine.pendingStates.forEach((id, s) -> applied.pendingStates.put(id.value(), s));
    return applied;
  }

  /**
   * After a failed commit, on a fresh connection: whether the batch landed. Waits for the head
   * lock first (an attempt still in flight on the server holds it until it ends), then looks up
   * the ids the batch wrote; they are new ids, so no one else can have written them.
   */
  private boolean landed(Connection c, Applied a) throws SQLException {
    readHead(c, true);
    int total = a.created.size() + a.failed.size();
    if (total > 0) {
      int[] found = {0};
      forChunks(c, "SELECT id FROM " + TRANSFER + " WHERE tenant = ? AND id IN ", tenant, a.created, rs -> found[0]++);
      forChunks(c, "SELECT id FROM " + FAILED + " WHERE tenant = ? AND id IN ", tenant, a.failed, rs -> found[0]++);
      if (found[0] != 0 && found[0] != total) {
        throw new ConsistencyException("a batch of tenant " + tenant + " whose commit failed is partly stored ("
            + found[0] + " of " + total + " ids): the database did not commit it atomically");
      }
      return found[0] == total;
    }
    if (!a.pendingStates.isEmpty()) {
      // expiry only: it landed if the states it set are there (an expiry run again would set them too)
      Map<String, PendingState> stored = new HashMap<>();
      forChunks(c, "SELECT id, state FROM " + PENDING + " WHERE tenant = ? AND id IN ", tenant,
          a.pendingStates.keySet(), rs -> stored.put(rs.getString(1), enumColumn(PendingState.class, rs, 2)));
      return stored.equals(a.pendingStates);
    }
    return true; // it wrote nothing but the head's timestamp: either way the results stand
  }

  private String writeTransfers(Connection c, List<Transfer> created, String previous) throws SQLException {
    String hash = previous;
    if (created.isEmpty()) {
      return hash;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TRANSFER + " (tenant, " + TRANSFER_COLUMNS
        + ", hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      java.security.MessageDigest sha = Hashing.sha256();
      for (Transfer t : created) {
        hash = Hashing.chain(sha, hash, t);
        LedgerRows.bindTransfer(ps, tenant, t, hash);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return hash;
  }

  private void writeAccounts(Connection c, List<AccountRow> dirty) throws SQLException {
    if (dirty.isEmpty()) {
      return;
    }
    if (tx.flavor().postgres()) {
      updateAccountsPostgres(c, dirty);
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE " + ACCOUNT + " SET dp = ?, cp = ?, dq = ?, cq = ? WHERE tenant = ? AND id = ?")) {
      for (AccountRow r : dirty) {
        ps.setLong(1, r.dp);
        ps.setLong(2, r.cp);
        ps.setLong(3, r.dq);
        ps.setLong(4, r.cq);
        ps.setString(5, tenant);
        ps.setString(6, r.spec.id().value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * PostgreSQL: one {@code UPDATE … FROM (VALUES …)} per 1,000 rows instead of one statement per
   * row (H2 keeps the JDBC batch of single updates).
   */
  private void updateAccountsPostgres(Connection c, List<AccountRow> rows) throws SQLException {
    for (int from = 0; from < rows.size(); from += 1000) {
      int to = Math.min(rows.size(), from + 1000);
      StringBuilder sql = new StringBuilder("UPDATE ").append(ACCOUNT)
          .append(" AS a SET dp = v.dp, cp = v.cp, dq = v.dq, cq = v.cq FROM (VALUES ");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?)");
      }
      sql.append(") AS v(id, dp, cp, dq, cq) WHERE a.tenant = ? AND a.id = v.id");
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
        ps.setString(k, tenant);
        int n = ps.executeUpdate();
        if (n != to - from) {
          throw new ConsistencyException("updated " + n + " account rows of tenant " + tenant + ", expected " + (to - from));
        }
      }
    }
  }

  private void writeFailures(Connection c, Map<TransferId, TransferStatus> failures) throws SQLException {
    if (failures.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + FAILED + " (tenant, id, status) VALUES (?, ?, ?)")) {
      for (Map.Entry<TransferId, TransferStatus> e : failures.entrySet()) {
        ps.setString(1, tenant);
        ps.setString(2, e.getKey().value());
        ps.setString(3, e.getValue().name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writePendingStates(Connection c, Engine engine) throws SQLException {
    if (engine.pendingStates.isEmpty()) {
      return;
    }
    Map<TransferId, Transfer> createdById = new HashMap<>();
    engine.created.forEach(t -> createdById.put(t.id(), t));
    try (PreparedStatement ins = c.prepareStatement(
            "INSERT INTO " + PENDING + " (tenant, id, state, expires_at) VALUES (?, ?, ?, ?)");
        PreparedStatement upd = c.prepareStatement(
            "UPDATE " + PENDING + " SET state = ? WHERE tenant = ? AND id = ? AND state = 'PENDING'")) {
      boolean anyIns = false;
      boolean anyUpd = false;
      for (Map.Entry<TransferId, PendingState> e : engine.pendingStates.entrySet()) {
        Transfer fresh = createdById.get(e.getKey());
        if (fresh != null && fresh.kind() == TransferKind.PENDING) {
          ins.setString(1, tenant);
          ins.setString(2, e.getKey().value());
          ins.setString(3, e.getValue().name());
          setNullableLong(ins, 4, fresh.expiresAt().map(Times::micros).orElse(null));
          ins.addBatch();
          anyIns = true;
        } else {
          upd.setString(1, e.getValue().name());
          upd.setString(2, tenant);
          upd.setString(3, e.getKey().value());
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
            throw new ConsistencyException("a pending state of tenant " + tenant
                + " changed under the head lock: the ledger's tables were changed outside Linli");
          }
        }
      }
    }
  }

  private void writeReversals(Connection c, Engine engine) throws SQLException {
    if (engine.reversedOriginals().isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + REVERSED + " (tenant, original, reversal) VALUES (?, ?, ?)")) {
      for (Transfer t : engine.created) {
        if (t.kind() == TransferKind.REVERSAL) {
          ps.setString(1, tenant);
          ps.setString(2, t.reference().get().value());
          ps.setString(3, t.id().value());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    checkNotNull(id, "id");
    return tx.run("read transfer", c -> {
      List<Transfer> out = new ArrayList<>(1);
      forChunks(c, "SELECT " + TRANSFER_COLUMNS + " FROM " + TRANSFER + " WHERE tenant = ? AND id IN ", tenant,
          List.of(id.value()), rs -> out.add(LedgerRows.transfer(rs)));
      return out.isEmpty() ? Optional.<Transfer>empty() : Optional.of(out.get(0));
    });
  }

  @Override
  public Optional<PendingState> pendingState(TransferId pendingId) {
    checkNotNull(pendingId, "pendingId");
    return tx.run("read pending state", c -> {
      List<PendingState> out = new ArrayList<>(1);
      forChunks(c, "SELECT id, state FROM " + PENDING + " WHERE tenant = ? AND id IN ", tenant,
          List.of(pendingId.value()), rs -> out.add(enumColumn(PendingState.class, rs, 2)));
      return out.isEmpty() ? Optional.<PendingState>empty() : Optional.of(out.get(0));
    });
  }

  @Override
  public long postedBalanceBefore(AccountId id, Instant instant) {
    checkNotNull(id, "id");
    checkNotNull(instant, "instant");
    return tx.run("balance at an instant", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COALESCE(SUM(CASE WHEN credit = ? THEN amount ELSE -amount END), 0) FROM " + TRANSFER
              + " WHERE tenant = ? AND (debit = ? OR credit = ?) AND ts < ?"
              + " AND kind IN ('SINGLE', 'POST_PENDING', 'REVERSAL')")) {
        ps.setString(1, id.value());
        ps.setString(2, tenant);
        ps.setString(3, id.value());
        ps.setString(4, id.value());
        ps.setLong(5, micros(instant));
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
    return tx.run("read transfers", c -> {
      List<Transfer> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TRANSFER_COLUMNS + " FROM " + TRANSFER
          + " WHERE tenant = ? AND ts >= ? AND ts < ? ORDER BY seq")) {
        ps.setString(1, tenant);
        ps.setLong(2, micros(from));
        ps.setLong(3, micros(to));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(LedgerRows.transfer(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public void forEachTransfer(Consumer<Transfer> consumer) {
    checkNotNull(consumer, "consumer");
    tx.run("read journal", c -> {
      LedgerRows.journal(c, tenant, (t, hash) -> consumer.accept(t));
      return null;
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
    boolean oneSnapshot = tx.flavor().snapshots();
    return tx.run("verify", oneSnapshot ? Transactions.Mode.SNAPSHOT : Transactions.Mode.WRITE, false,
        c -> {
          // the snapshot starts with this first statement; elsewhere the head lock stands in for it
          Head h = readHead(c, !oneSnapshot);
          List<Account> snapshot = allAccounts(c);
          Verifier v = new Verifier(snapshot);
          String[] prev = {""};
          long[] lastSeq = {0};
          LedgerRows.journal(c, tenant, (t, stored) -> {
            v.accept(t);
            if (!Hashing.chain(prev[0], t).equals(stored)) {
              v.problem("transfer " + t.id() + ": hash chain broken at sequence " + t.sequence());
            }
            prev[0] = stored;
            lastSeq[0] = t.sequence();
          });
          if (lastSeq[0] != h.seq || !prev[0].equals(h.hash)) {
            v.problem("journal head " + h.seq + " does not match the last transfer " + lastSeq[0]);
          }
          Map<TransferId, PendingState> states = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id, state FROM " + PENDING + " WHERE tenant = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                states.put(TransferId.of(rs.getString(1)), enumColumn(PendingState.class, rs, 2));
              }
            }
          }
          List<String> problems = v.finish(states::get);
          return VerifyReport.of(snapshot.size(), v.count(), true, problems);
        },
        null);
  }

  // ---------------------------------------------------------------- exchanges

  @Override
  public Optional<Exchange> exchange(String id) {
    checkNotNull(id, "id");
    return tx.run("read exchange", c -> exchangeIn(c, id));
  }

  private Optional<Exchange> exchangeIn(Connection c, String id) throws SQLException {
    List<Exchange> out = new ArrayList<>(1);
    forChunks(c, "SELECT " + EXCHANGE_COLUMNS + " FROM " + EXCHANGE + " WHERE tenant = ? AND id IN ", tenant,
        List.of(id), rs -> out.add(LedgerRows.exchange(rs)));
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  @Override
  public List<Exchange> exchanges() {
    return tx.run("read exchanges", c -> {
      List<Exchange> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + EXCHANGE_COLUMNS + " FROM " + EXCHANGE
          + " WHERE tenant = ? ORDER BY requested_at, id")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(LedgerRows.exchange(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public boolean saveExchange(Exchange e, ExchangeStatus expected) {
    checkNotNull(e, "exchange");
    // an insert racing another of the same id is a unique violation; the second run answers false
    return tx.run("save exchange", Transactions.Mode.WRITE, expected == null,
        c -> {
          if (expected == null) {
            if (exchangeIn(c, e.id()).isPresent()) {
              return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + EXCHANGE + " (tenant, " + EXCHANGE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              LedgerRows.bindExchange(ps, tenant, e);
              ps.executeUpdate();
              return true;
            }
          }
          try (PreparedStatement ps = c.prepareStatement("UPDATE " + EXCHANGE + " SET status = ?, reported = ?,"
              + " posted = ?, delivered_at = ? WHERE tenant = ? AND id = ? AND status = ?")) {
            ps.setString(1, e.status().name());
            setNullableLong(ps, 2, e.reported().map(Credits::minutes).orElse(null));
            setNullableLong(ps, 3, e.posted().map(Credits::minutes).orElse(null));
            setNullableLong(ps, 4, e.deliveredAt().map(Times::micros).orElse(null));
            ps.setString(5, tenant);
            ps.setString(6, e.id());
            ps.setString(7, expected.name());
            return ps.executeUpdate() == 1;
          }
        },
        // a save that answered false wrote nothing; one that answered true landed if the row is e
        (c, saved) -> !saved || exchangeIn(c, e.id()).map(stored -> LedgerRows.sameRow(stored, e)).orElse(false));
  }

  /** Holds no resources: connections go back to the caller's {@code DataSource} after each call. */
  @Override
  public void close() {}
}

package io.github.linli.timebank.store;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ConflictException;
import io.github.linli.core.NotFoundException;
import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
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
import io.github.linli.timebank.internal.Verifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The in-memory store: hash maps and an append-only journal behind a read-write lock. A batch
 * works on copies of the rows it touches and installs them only when it completes, so a batch is
 * applied entirely or not at all even if it fails unexpectedly. Thread-safe.
 */
final class InMemoryLedgerStore implements LedgerStore {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<AccountId, AccountRow> accounts = new HashMap<>();
  private final Map<TransferId, Transfer> transfers = new HashMap<>(1 << 12);
  private final List<Transfer> journal = new ArrayList<>(1 << 12);
  private final List<String> hashes;
  private final Map<TransferId, TransferStatus> failures = new HashMap<>();
  private final Map<TransferId, PendingState> pendingStates = new HashMap<>();
  private final Set<TransferId> reversed = new HashSet<>();
  private final PriorityQueue<Transfer> expiries =
      new PriorityQueue<>(Comparator.comparing(t -> t.expiresAt().get()));
  private final Map<AccountId, Postings> postings = new HashMap<>();
  private final Map<String, Exchange> exchanges = new java.util.LinkedHashMap<>();
  private Instant last = Instant.EPOCH;

  InMemoryLedgerStore(boolean hashChain) {
    this.hashes = hashChain ? new ArrayList<>() : null;
  }

  @Override
  public Account openAccount(AccountSpec spec) {
    checkNotNull(spec, "spec");
    lock.writeLock().lock();
    try {
      AccountRow row = accounts.get(spec.id());
      if (row != null) {
        if (!row.spec.equals(spec)) {
          throw new ConflictException(
              "account " + spec.id() + " exists with other fields: " + row.snapshot());
        }
        return row.snapshot();
      }
      row = new AccountRow(spec, AccountStatus.ACTIVE, 0, 0, 0, 0);
      accounts.put(spec.id(), row);
      return row.snapshot();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<Account> account(AccountId id) {
    checkNotNull(id, "id");
    lock.readLock().lock();
    try {
      AccountRow row = accounts.get(id);
      return row == null ? Optional.empty() : Optional.of(row.snapshot());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Account> accounts() {
    lock.readLock().lock();
    try {
      List<Account> out = new ArrayList<>(accounts.size());
      new TreeMap<>(accounts).values().forEach(r -> out.add(r.snapshot()));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Account setStatus(AccountId id, AccountStatus status) {
    checkNotNull(id, "id");
    checkNotNull(status, "status");
    lock.writeLock().lock();
    try {
      AccountRow row = accounts.get(id);
      if (row == null) {
        throw new NotFoundException("account", id);
      }
      if (row.status == AccountStatus.CLOSED && status != AccountStatus.CLOSED) {
        throw new ConflictException("account " + id + " is CLOSED; it cannot become " + status);
      }
      row.status = status;
      return row.snapshot();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<TransferResult> submit(List<TransferRequest> batch, Instant now) {
    checkNotNull(batch, "batch");
    checkNotNull(now, "now");
    for (int i = 0; i < batch.size(); i++) {
      checkNotNull(batch.get(i), "batch element %s", i);
    }
    lock.writeLock().lock();
    try {
      Instant at = now.isBefore(last) ? last : now;
      Working view = new Working(batch.size());
      Engine engine = new Engine(view, at, journal.size() + 1L, batch.size());
      engine.expire(due(at));
      TransferResult[] results = engine.apply(batch);
      install(view, engine);
      last = at;
      return Arrays.asList(results);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int expirePending(Instant now) {
    checkNotNull(now, "now");
    lock.writeLock().lock();
    try {
      Instant at = now.isBefore(last) ? last : now;
      Working view = new Working(4);
      Engine engine = new Engine(view, at, journal.size() + 1L);
      int n = engine.expire(due(at));
      install(view, engine);
      return n;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private List<Transfer> due(Instant now) {
    if (expiries.isEmpty() || expiries.peek().expiresAt().get().isAfter(now)) {
      return List.of();
    }
    List<Transfer> due = new ArrayList<>();
    while (!expiries.isEmpty() && !expiries.peek().expiresAt().get().isAfter(now)) {
      due.add(expiries.poll());
    }
    return due;
  }

  private void install(Working view, Engine engine) {
    for (AccountRow row : engine.dirty) {
      row.dirty = false;
      accounts.put(row.spec.id(), row);
    }
    for (Transfer t : engine.created) {
      journal.add(t);
      transfers.put(t.id(), t);
      if (hashes != null) {
        hashes.add(Hashing.chain(hashes.isEmpty() ? "" : hashes.get(hashes.size() - 1), t));
      }
      if (t.kind() == TransferKind.PENDING && t.timeout().isPresent()) {
        expiries.add(t);
      }
      if (t.kind().posts()) {
        postings.computeIfAbsent(t.debitAccount(), k -> new Postings()).add(t, -t.amountMinutes());
        postings.computeIfAbsent(t.creditAccount(), k -> new Postings()).add(t, t.amountMinutes());
      }
    }
    failures.putAll(engine.failures);
    pendingStates.putAll(engine.pendingStates);
    reversed.addAll(engine.reversedOriginals());
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    checkNotNull(id, "id");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(transfers.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<PendingState> pendingState(TransferId pendingId) {
    checkNotNull(pendingId, "pendingId");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(pendingStates.get(pendingId));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long postedBalanceBefore(AccountId id, Instant instant) {
    checkNotNull(id, "id");
    checkNotNull(instant, "instant");
    lock.readLock().lock();
    try {
      Postings p = postings.get(id);
      return p == null ? 0 : p.before(instant);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Transfer> transfers(Instant from, Instant to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    lock.readLock().lock();
    try {
      // journal timestamps never decrease: binary search the start
      int lo = 0;
      int hi = journal.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (journal.get(mid).timestamp().isBefore(from)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      List<Transfer> out = new ArrayList<>();
      for (int i = lo; i < journal.size() && journal.get(i).timestamp().isBefore(to); i++) {
        out.add(journal.get(i));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void forEachTransfer(Consumer<Transfer> consumer) {
    checkNotNull(consumer, "consumer");
    List<Transfer> copy;
    lock.readLock().lock();
    try {
      copy = new ArrayList<>(journal);
    } finally {
      lock.readLock().unlock();
    }
    copy.forEach(consumer);
  }

  @Override
  public VerifyReport verify() {
    lock.readLock().lock();
    try {
      List<Account> snapshot = new ArrayList<>();
      accounts.values().forEach(r -> snapshot.add(r.snapshot()));
      Verifier v = new Verifier(snapshot);
      String prev = "";
      for (int i = 0; i < journal.size(); i++) {
        Transfer t = journal.get(i);
        v.accept(t);
        if (hashes != null) {
          String h = Hashing.chain(prev, t);
          if (!h.equals(hashes.get(i))) {
            v.problem("transfer " + t.id() + ": hash chain broken at sequence " + t.sequence());
          }
          prev = hashes.get(i);
        }
      }
      List<String> problems = v.finish(pendingStates::get);
      return VerifyReport.of(snapshot.size(), v.count(), hashes != null, problems);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Exchange> exchange(String id) {
    checkNotNull(id, "id");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(exchanges.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Exchange> exchanges() {
    lock.readLock().lock();
    try {
      return List.copyOf(exchanges.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean saveExchange(Exchange exchange, ExchangeStatus expected) {
    checkNotNull(exchange, "exchange");
    lock.writeLock().lock();
    try {
      Exchange now = exchanges.get(exchange.id());
      if (expected == null ? now != null : now == null || now.status() != expected) {
        return false;
      }
      exchanges.put(exchange.id(), exchange);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {}

  /** Copies the rows a batch touches; reads the rest from the maps. */
  private final class Working implements LedgerView {
    private final Map<AccountId, AccountRow> copies;

    Working(int expected) {
      copies = new HashMap<>(Math.max(16, expected * 4));
    }

    @Override
    public AccountRow account(AccountId id) {
      AccountRow row = copies.get(id);
      if (row == null) {
        AccountRow live = accounts.get(id);
        if (live == null) {
          return null;
        }
        row = live.copy();
        copies.put(id, row);
      }
      return row;
    }

    @Override
    public Transfer transfer(TransferId id) {
      return transfers.get(id);
    }

    @Override
    public TransferStatus failure(TransferId id) {
      return failures.get(id);
    }

    @Override
    public PendingState pendingState(TransferId pendingId) {
      return pendingStates.get(pendingId);
    }

    @Override
    public boolean isReversed(TransferId original) {
      return reversed.contains(original);
    }
  }

  /** Running posted balance per account, by timestamp, for balances at an instant. */
  private static final class Postings {
    private long[] seconds = new long[8];
    private int[] nanos = new int[8];
    private long[] balance = new long[8];
    private int n;

    void add(Transfer t, long delta) {
      if (n == seconds.length) {
        seconds = Arrays.copyOf(seconds, n * 2);
        nanos = Arrays.copyOf(nanos, n * 2);
        balance = Arrays.copyOf(balance, n * 2);
      }
      seconds[n] = t.timestamp().getEpochSecond();
      nanos[n] = t.timestamp().getNano();
      balance[n] = (n == 0 ? 0 : balance[n - 1]) + delta;
      n++;
    }

    long before(Instant instant) {
      long s = instant.getEpochSecond();
      int ns = instant.getNano();
      int lo = 0;
      int hi = n; // first index with timestamp >= instant
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        boolean earlier = seconds[mid] < s || (seconds[mid] == s && nanos[mid] < ns);
        if (earlier) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo == 0 ? 0 : balance[lo - 1];
    }
  }
}

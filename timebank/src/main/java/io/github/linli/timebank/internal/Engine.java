package io.github.linli.timebank.internal;

import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.LedgerId;
import io.github.linli.timebank.PendingState;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferKind;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.TransferResult;
import io.github.linli.timebank.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one batch of transfer requests to a {@link LedgerView}: the ledger's rules, the same for
 * every store. Requests are applied in order; a linked chain (requests flagged linked, up to and
 * including the first unflagged one) is undone entirely if any member fails. The engine mutates
 * the view's account rows and collects what the store must write.
 *
 * <p>Modelled on TigerBeetle's state machine (docs.tigerbeetle.com: transfers, two-phase
 * transfers, linked events, idempotency). Linear in the batch size. Not thread-safe: the store
 * holds its lock (or database locks) while an engine runs.
 */
public final class Engine {
  private final LedgerView view;
  private final Instant now;
  private long nextSequence;

  /** Transfers written by this batch, in order. */
  public final List<Transfer> created;

  /** Failures to record, in order. */
  public final Map<TransferId, TransferStatus> failures = new LinkedHashMap<>();

  /** New and changed pending states. */
  public final Map<TransferId, PendingState> pendingStates = new LinkedHashMap<>();

  /** Rows changed by this batch. */
  public final Set<AccountRow> dirty;

  private final Map<TransferId, Transfer> createdById;
  private final Set<TransferId> reversed = new HashSet<>();

  // undo log, active inside a linked chain
  private boolean inChain;
  private final List<Object[]> undo = new ArrayList<>();

  /**
   * Creates an engine for one batch.
   *
   * @param view the store's view
   * @param now the batch's timestamp
   * @param nextSequence the sequence number of the first transfer written
   */
  public Engine(LedgerView view, Instant now, long nextSequence) {
    this(view, now, nextSequence, 16);
  }

  /**
   * Creates an engine for one batch of about {@code expected} requests.
   *
   * @param view the store's view
   * @param now the batch's timestamp
   * @param nextSequence the sequence number of the first transfer written
   * @param expected the batch size, to size the collections
   */
  public Engine(LedgerView view, Instant now, long nextSequence, int expected) {
    this.view = view;
    this.now = now;
    this.nextSequence = nextSequence;
    int capacity = Math.max(16, expected * 2);
    this.created = new ArrayList<>(expected);
    this.createdById = new HashMap<>(capacity);
    this.dirty = new LinkedHashSet<>(capacity);
  }

  /**
   * The next free sequence number after this batch.
   *
   * @return the sequence number
   */
  public long nextSequence() {
    return nextSequence;
  }

  /**
   * Expires pending transfers that are due: releases their reservations and marks them {@link
   * PendingState#EXPIRED}. Transfers that are not pending any more, or not due, are skipped.
   *
   * @param candidates pending transfers whose expiry is at or before now
   * @return how many expired
   */
  public int expire(List<Transfer> candidates) {
    int n = 0;
    for (Transfer p : candidates) {
      if (p.kind() != TransferKind.PENDING || pendingState(p.id()) != PendingState.PENDING) {
        continue;
      }
      Instant at = p.expiresAt().orElse(null);
      if (at == null || at.isAfter(now)) {
        continue;
      }
      AccountRow d = view.account(p.debitAccount());
      AccountRow c = view.account(p.creditAccount());
      if (d == null || c == null) {
        continue; // cannot happen in a consistent store; verify() reports it
      }
      touch(d);
      touch(c);
      d.dq -= p.amountMinutes();
      c.cq -= p.amountMinutes();
      setPending(p.id(), PendingState.EXPIRED);
      n++;
    }
    return n;
  }

  /**
   * Applies a batch.
   *
   * @param batch the requests
   * @return one result per request, in order
   */
  public TransferResult[] apply(List<TransferRequest> batch) {
    int size = batch.size();
    TransferResult[] results = new TransferResult[size];
    int i = 0;
    while (i < size) {
      TransferRequest r = batch.get(i);
      if (!r.isLinked()) {
        TransferStatus s = applyOne(r);
        if (s != TransferStatus.CREATED && s.isRecorded()) {
          failures.put(r.id(), s);
        }
        results[i] = TransferResult.of(r.id(), s);
        i++;
        continue;
      }
      // a chain: i .. j inclusive, where j is the first unlinked request
      int j = i;
      while (j < size && batch.get(j).isLinked()) {
        j++;
      }
      if (j == size) {
        for (int k = i; k < size; k++) {
          results[k] = TransferResult.of(batch.get(k).id(), TransferStatus.LINKED_CHAIN_OPEN);
        }
        break;
      }
      beginChain();
      int failedAt = -1;
      TransferStatus failedWith = null;
      for (int k = i; k <= j; k++) {
        TransferRequest q = batch.get(k);
        TransferStatus s = applyOne(q);
        if (!s.isOk()) {
          failedAt = k;
          failedWith = s;
          break;
        }
        results[k] = TransferResult.of(q.id(), s);
      }
      if (failedAt >= 0) {
        rollbackChain();
        for (int k = i; k <= j; k++) {
          results[k] =
              TransferResult.of(
                  batch.get(k).id(),
                  k == failedAt ? failedWith : TransferStatus.LINKED_EVENT_FAILED);
        }
      } else {
        endChain();
      }
      i = j + 1;
    }
    return results;
  }

  private TransferStatus applyOne(TransferRequest r) {
    TransferId id = r.id();
    Transfer existing = transfer(id);
    if (existing != null) {
      return r.matches(existing)
          ? TransferStatus.EXISTS
          : TransferStatus.EXISTS_WITH_DIFFERENT_FIELDS;
    }
    if (failures.containsKey(id) || view.failure(id) != null) {
      return TransferStatus.ID_ALREADY_FAILED;
    }
    switch (r.kind()) {
      case SINGLE:
      case PENDING:
        return applyNew(r);
      case POST_PENDING:
      case VOID_PENDING:
        return applyResolve(r);
      case REVERSAL:
        return applyReversal(r);
      default:
        throw new AssertionError(r.kind());
    }
  }

  private TransferStatus applyNew(TransferRequest r) {
    long amount = r.amount().get().minutes();
    if (amount <= 0) {
      return TransferStatus.AMOUNT_MUST_BE_POSITIVE;
    }
    Duration timeout = r.timeout().orElse(null);
    if (timeout != null && (timeout.isNegative() || (!timeout.isZero() && Times.expiry(now, timeout) == null))) {
      return TransferStatus.INVALID_TIMEOUT;   // negative, or it would expire beyond what a store keeps
    }
    AccountId debitId = r.debit().get();
    AccountId creditId = r.credit().get();
    if (debitId.equals(creditId)) {
      return TransferStatus.SAME_ACCOUNT;
    }
    AccountRow d = view.account(debitId);
    AccountRow c = view.account(creditId);
    if (d == null || c == null) {
      return TransferStatus.ACCOUNT_NOT_FOUND;
    }
    LedgerId ledger = d.spec.ledger();
    if (!ledger.equals(c.spec.ledger())
        || (r.ledger().isPresent() && !r.ledger().get().equals(ledger))) {
      return TransferStatus.LEDGER_MISMATCH;
    }
    TransferStatus s = movable(d, c);
    if (s != null) {
      return s;
    }
    s = limits(d, c, amount);
    if (s != null) {
      return s;
    }
    touch(d);
    touch(c);
    if (r.kind() == TransferKind.PENDING) {
      d.dq += amount;
      c.cq += amount;
    } else {
      d.dp += amount;
      c.cp += amount;
    }
    Transfer t =
        Transfer.of(
            nextSequence++, r.id(), r.kind(), debitId, creditId, ledger, amount, null, timeout,
            r.code(), now);
    add(t);
    if (r.kind() == TransferKind.PENDING) {
      setPending(t.id(), PendingState.PENDING);
    }
    return TransferStatus.CREATED;
  }

  private TransferStatus applyResolve(TransferRequest r) {
    TransferId pid = r.reference().get();
    Transfer p = transfer(pid);
    if (p == null) {
      return TransferStatus.PENDING_NOT_FOUND;
    }
    if (p.kind() != TransferKind.PENDING) {
      return TransferStatus.NOT_PENDING;
    }
    if ((r.ledger().isPresent() && !r.ledger().get().equals(p.ledger()))) {
      return TransferStatus.PENDING_FIELDS_DIFFER;
    }
    PendingState state = pendingState(pid);
    if (state == PendingState.POSTED) {
      return TransferStatus.PENDING_ALREADY_POSTED;
    }
    if (state == PendingState.VOIDED) {
      return TransferStatus.PENDING_ALREADY_VOIDED;
    }
    if (state == PendingState.EXPIRED
        || (p.expiresAt().isPresent() && !p.expiresAt().get().isAfter(now))) {
      return TransferStatus.PENDING_EXPIRED;
    }
    if (state != PendingState.PENDING) {
      return TransferStatus.PENDING_NOT_FOUND;
    }
    long pendingAmount = p.amountMinutes();
    boolean post = r.kind() == TransferKind.POST_PENDING;
    long amount;
    if (post) {
      amount = r.amount().get().minutes();
      if (amount <= 0) {
        return TransferStatus.AMOUNT_MUST_BE_POSITIVE;
      }
      if (amount > pendingAmount) {
        return TransferStatus.EXCEEDS_PENDING_AMOUNT;
      }
    } else {
      amount = pendingAmount;
    }
    AccountRow d = view.account(p.debitAccount());
    AccountRow c = view.account(p.creditAccount());
    if (d == null || c == null) {
      return TransferStatus.ACCOUNT_NOT_FOUND;
    }
    if (post) {
      TransferStatus s = movable(d, c);
      if (s != null) {
        return s;
      }
    }
    touch(d);
    touch(c);
    d.dq -= pendingAmount;
    c.cq -= pendingAmount;
    if (post) {
      d.dp += amount;
      c.cp += amount;
    }
    add(
        Transfer.of(
            nextSequence++, r.id(), r.kind(), p.debitAccount(), p.creditAccount(), p.ledger(),
            amount, pid, null, r.code(), now));
    setPending(pid, post ? PendingState.POSTED : PendingState.VOIDED);
    return TransferStatus.CREATED;
  }

  private TransferStatus applyReversal(TransferRequest r) {
    TransferId oid = r.reference().get();
    Transfer o = transfer(oid);
    if (o == null) {
      return TransferStatus.REVERSAL_TARGET_NOT_FOUND;
    }
    if (!o.kind().posts() || o.kind() == TransferKind.REVERSAL) {
      return TransferStatus.NOT_REVERSIBLE;
    }
    if (r.ledger().isPresent() && !r.ledger().get().equals(o.ledger())) {
      return TransferStatus.LEDGER_MISMATCH;
    }
    if (reversed.contains(oid) || view.isReversed(oid)) {
      return TransferStatus.ALREADY_REVERSED;
    }
    long amount = r.amount().isPresent() ? r.amount().get().minutes() : o.amountMinutes();
    if (amount <= 0) {
      return TransferStatus.AMOUNT_MUST_BE_POSITIVE;
    }
    if (amount > o.amountMinutes()) {
      return TransferStatus.EXCEEDS_PENDING_AMOUNT;
    }
    // the original's earner pays back
    AccountRow d = view.account(o.creditAccount());
    AccountRow c = view.account(o.debitAccount());
    if (d == null || c == null) {
      return TransferStatus.ACCOUNT_NOT_FOUND;
    }
    TransferStatus s = movable(d, c);
    if (s != null) {
      return s;
    }
    s = limits(d, c, amount);
    if (s != null) {
      return s;
    }
    touch(d);
    touch(c);
    d.dp += amount;
    c.cp += amount;
    add(
        Transfer.of(
            nextSequence++, r.id(), TransferKind.REVERSAL, o.creditAccount(), o.debitAccount(),
            o.ledger(), amount, oid, null, r.code(), now));
    reversed.add(oid);
    if (inChain) {
      undo.add(new Object[] {"rev", oid});
    }
    return TransferStatus.CREATED;
  }

  private static TransferStatus movable(AccountRow d, AccountRow c) {
    if (d.status == AccountStatus.CLOSED || c.status == AccountStatus.CLOSED) {
      return TransferStatus.ACCOUNT_CLOSED;
    }
    if (d.status == AccountStatus.FROZEN || c.status == AccountStatus.FROZEN) {
      return TransferStatus.ACCOUNT_FROZEN;
    }
    return null;
  }

  /**
   * Floor: cp − dp − dq − amount ≥ −overdraft. Ceiling: cp + cq + amount − dp ≤ ceiling. Range
   * (issue 17): the debit side's dp + dq + amount and the credit side's cp + cq + amount stay
   * within a {@code long}, and the credit side's cp + cq + amount − dp within {@link
   * Credits#MAX_UNITS}, so that no total wraps and every balance is a {@link Credits}.
   */
  private static TransferStatus limits(AccountRow d, AccountRow c, long amount) {
    try {
      Math.addExact(Math.addExact(d.dp, d.dq), amount);
      Math.addExact(Math.addExact(c.cp, c.cq), amount);
      if (Math.subtractExact(Math.addExact(Math.addExact(c.cp, c.cq), amount), c.dp) > Credits.MAX_UNITS) {
        return TransferStatus.EXCEEDS_RANGE;
      }
    } catch (ArithmeticException e) {
      return TransferStatus.EXCEEDS_RANGE;
    }
    // amounts and totals are bounded by 10^15 per transfer; use exact arithmetic anyway
    try {
      long after = Math.subtractExact(Math.subtractExact(Math.subtractExact(d.cp, d.dp), d.dq), amount);
      if (after < -d.overdraft) {
        return TransferStatus.EXCEEDS_FLOOR;
      }
    } catch (ArithmeticException e) {
      return TransferStatus.EXCEEDS_FLOOR;
    }
    if (c.ceiling != Long.MAX_VALUE) {
      try {
        long after = Math.addExact(Math.addExact(Math.subtractExact(c.cp, c.dp), c.cq), amount);
        if (after > c.ceiling) {
          return TransferStatus.EXCEEDS_CEILING;
        }
      } catch (ArithmeticException e) {
        return TransferStatus.EXCEEDS_CEILING;
      }
    }
    return null;
  }

  private Transfer transfer(TransferId id) {
    Transfer t = createdById.get(id);
    return t != null ? t : view.transfer(id);
  }

  private PendingState pendingState(TransferId id) {
    PendingState s = pendingStates.get(id);
    return s != null ? s : view.pendingState(id);
  }

  private void add(Transfer t) {
    created.add(t);
    createdById.put(t.id(), t);
  }

  private void setPending(TransferId id, PendingState s) {
    if (inChain) {
      undo.add(new Object[] {"pend", id, pendingStates.get(id)});
    }
    pendingStates.put(id, s);
  }

  private void touch(AccountRow row) {
    if (inChain) {
      undo.add(new Object[] {row, row.dp, row.cp, row.dq, row.cq});
    }
    row.dirty = true;
    dirty.add(row);
  }

  private int chainCreated;
  private long chainSequence;

  private void beginChain() {
    inChain = true;
    undo.clear();
    chainCreated = created.size();
    chainSequence = nextSequence;
  }

  private void endChain() {
    inChain = false;
    undo.clear();
  }

  private void rollbackChain() {
    for (int k = undo.size() - 1; k >= 0; k--) {
      Object[] u = undo.get(k);
      if (u[0] instanceof AccountRow) {
        AccountRow row = (AccountRow) u[0];
        row.dp = (Long) u[1];
        row.cp = (Long) u[2];
        row.dq = (Long) u[3];
        row.cq = (Long) u[4];
      } else if ("pend".equals(u[0])) {
        if (u[2] == null) {
          pendingStates.remove((TransferId) u[1]);
        } else {
          pendingStates.put((TransferId) u[1], (PendingState) u[2]);
        }
      } else {
        reversed.remove((TransferId) u[1]);
      }
    }
    while (created.size() > chainCreated) {
      Transfer t = created.remove(created.size() - 1);
      createdById.remove(t.id());
    }
    nextSequence = chainSequence;
    inChain = false;
    undo.clear();
  }

  /**
   * Original transfers reversed by this batch.
   *
   * @return the ids
   */
  public Set<TransferId> reversedOriginals() {
    return reversed;
  }
}

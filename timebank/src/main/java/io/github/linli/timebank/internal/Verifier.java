package io.github.linli.timebank.internal;

import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.LedgerId;
import io.github.linli.timebank.PendingState;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferKind;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Replays a journal and checks it against the stored accounts and pending states (the invariants
 * listed in {@code VerifyReport}). Feed transfers in journal order with {@link #accept}, then call
 * {@link #finish}. Not thread-safe. Not API.
 */
public final class Verifier {
  private static final int MAX_PROBLEMS = 50;

  private final Map<AccountId, Account> accounts = new HashMap<>();
  private final Map<AccountId, long[]> replay = new HashMap<>();
  private final Map<TransferId, Transfer> pendings = new HashMap<>();
  private final Map<TransferId, List<TransferKind>> resolutions = new HashMap<>();
  private final Map<TransferId, Integer> reversals = new HashMap<>();
  private final Map<TransferId, Transfer> postingById = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private long count;
  private long lastSequence;
  private Instant lastTimestamp = Instant.MIN;

  /**
   * Starts a check.
   *
   * @param stored the stored accounts
   */
  public Verifier(List<Account> stored) {
    for (Account a : stored) {
      accounts.put(a.id(), a);
      replay.put(a.id(), new long[4]);
    }
  }

  /**
   * Adds a problem found elsewhere (a hash mismatch).
   *
   * @param problem the line
   */
  public void problem(String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  /**
   * Replays the next transfer.
   *
   * @param t the transfer
   */
  public void accept(Transfer t) {
    count++;
    if (t.sequence() <= lastSequence) {
      problem("transfer " + t.id() + ": sequence " + t.sequence() + " not after " + lastSequence);
    }
    lastSequence = t.sequence();
    if (t.timestamp().isBefore(lastTimestamp)) {
      problem("transfer " + t.id() + ": timestamp goes back to " + t.timestamp());
    }
    lastTimestamp = t.timestamp();
    long[] d = replay.get(t.debitAccount());
    long[] c = replay.get(t.creditAccount());
    if (d == null || c == null) {
      problem("transfer " + t.id() + ": unknown account");
      return;
    }
    Account da = accounts.get(t.debitAccount());
    Account ca = accounts.get(t.creditAccount());
    if (!da.ledger().equals(t.ledger()) || !ca.ledger().equals(t.ledger())) {
      problem("transfer " + t.id() + ": crosses ledgers");
    }
    if (t.amountMinutes() <= 0) {
      problem("transfer " + t.id() + ": amount " + t.amountMinutes() + " not positive");
    }
    switch (t.kind()) {
      case SINGLE:
        postingById.put(t.id(), t);
        break;
      case PENDING:
        pendings.put(t.id(), t);
        break;
      case POST_PENDING:
      case VOID_PENDING:
        TransferId ref = t.reference().orElse(null);
        Transfer p = ref == null ? null : pendings.get(ref);
        if (p == null) {
          problem("transfer " + t.id() + ": resolves unknown pending " + ref);
        } else {
          resolutions.computeIfAbsent(ref, k -> new ArrayList<>()).add(t.kind());
          if (t.amountMinutes() > p.amountMinutes()) {
            problem("transfer " + t.id() + ": posts more than pending " + ref);
          }
        }
        if (t.kind() == TransferKind.POST_PENDING) {
          postingById.put(t.id(), t);
        }
        break;
      case REVERSAL:
        TransferId o = t.reference().orElse(null);
        if (o == null || !postingById.containsKey(o)) {
          problem("transfer " + t.id() + ": reverses unknown or non-posting " + o);
        } else if (t.amountMinutes() > postingById.get(o).amountMinutes()) {
          problem("transfer " + t.id() + ": reverses more than " + o);
        }
        reversals.merge(o, 1, Integer::sum);
        break;
      default:
        break;
    }
    if (t.kind().posts()) {
      add(d, 0, t.amountMinutes(), t.debitAccount());
      add(c, 1, t.amountMinutes(), t.creditAccount());
    }
  }

  /**
   * Finishes the check.
   *
   * @param pendingState the stored state of each pending transfer
   * @return the problems, empty if consistent
   */
  public List<String> finish(Function<TransferId, PendingState> pendingState) {
    for (Map.Entry<TransferId, Transfer> e : pendings.entrySet()) {
      Transfer p = e.getValue();
      PendingState s = pendingState.apply(e.getKey());
      List<TransferKind> r = resolutions.getOrDefault(e.getKey(), List.of());
      if (r.size() > 1) {
        problem("pending " + e.getKey() + ": resolved " + r.size() + " times");
      }
      PendingState expected =
          r.isEmpty()
              ? null
              : r.get(0) == TransferKind.POST_PENDING ? PendingState.POSTED : PendingState.VOIDED;
      if (s == null) {
        problem("pending " + e.getKey() + ": no stored state");
      } else if (expected != null ? s != expected : (s != PendingState.PENDING && s != PendingState.EXPIRED)) {
        problem("pending " + e.getKey() + ": state " + s + " disagrees with the journal");
      }
      if (s == PendingState.PENDING) {
        long[] d = replay.get(p.debitAccount());
        long[] c = replay.get(p.creditAccount());
        if (d != null && c != null) {
          add(d, 2, p.amountMinutes(), p.debitAccount());
          add(c, 3, p.amountMinutes(), p.creditAccount());
        }
      }
    }
    for (Map.Entry<TransferId, Integer> e : reversals.entrySet()) {
      if (e.getValue() > 1) {
        problem("transfer " + e.getKey() + ": reversed " + e.getValue() + " times");
      }
    }
    Map<LedgerId, BigInteger[]> perLedger = new TreeMap<>();
    for (Account a : accounts.values()) {
      // issue 17: totals that wrapped are negative, and a balance beyond MAX_UNITS is no Credits
      BigInteger dp = BigInteger.valueOf(a.debitsPosted());
      BigInteger cp = BigInteger.valueOf(a.creditsPosted());
      BigInteger dq = BigInteger.valueOf(a.debitsPending());
      BigInteger cq = BigInteger.valueOf(a.creditsPending());
      if (dp.signum() < 0 || cp.signum() < 0 || dq.signum() < 0 || cq.signum() < 0) {
        problem("account " + a.id() + ": a stored total is negative (it wrapped)");
      }
      if (dp.add(dq).compareTo(LONG_MAX) > 0 || cp.add(cq).compareTo(LONG_MAX) > 0) {
        problem("account " + a.id() + ": its debits or credits add up beyond a long");
      }
      if (cp.subtract(dp).abs().compareTo(MAX_UNITS) > 0) {
        problem("account " + a.id() + ": its balance lies beyond Credits.MAX_UNITS");
      }
      long[] r = replay.get(a.id());
      if (r[0] != a.debitsPosted()
          || r[1] != a.creditsPosted()
          || r[2] != a.debitsPending()
          || r[3] != a.creditsPending()) {
        problem(
            "account "
                + a.id()
                + ": stored totals "
                + List.of(a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending())
                + " but the journal gives "
                + List.of(r[0], r[1], r[2], r[3]));
      }
      if (cp.subtract(dp).subtract(dq).compareTo(BigInteger.valueOf(-a.overdraftLimit().minutes())) < 0) {
        problem("account " + a.id() + ": below its floor");
      }
      if (a.ceiling().isPresent()
          && cp.add(cq).subtract(dp).compareTo(BigInteger.valueOf(a.ceiling().get().minutes())) > 0) {
        problem("account " + a.id() + ": above its ceiling");
      }
      BigInteger[] l = perLedger.computeIfAbsent(a.ledger(), k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
      l[0] = l[0].add(cp).subtract(dp);
      l[1] = l[1].add(cq).subtract(dq);
    }
    for (Map.Entry<LedgerId, BigInteger[]> e : perLedger.entrySet()) {
      if (e.getValue()[0].signum() != 0 || e.getValue()[1].signum() != 0) {
        problem(
            "ledger "
                + e.getKey()
                + ": balances sum to "
                + e.getValue()[0]
                + " posted, "
                + e.getValue()[1]
                + " pending, not zero");
      }
    }
    return problems;
  }

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger MAX_UNITS = BigInteger.valueOf(io.github.linli.timebank.Credits.MAX_UNITS);

  /** Adds to a replayed total; a total that would leave a long is a problem, not a wrap. */
  private void add(long[] totals, int which, long amount, AccountId account) {
    try {
      totals[which] = Math.addExact(totals[which], amount);
    } catch (ArithmeticException e) {
      problem("account " + account + ": the journal's " + TOTALS[which] + " overflow a long");
      totals[which] = Long.MIN_VALUE;   // disagrees with any stored total, so that is reported too
    }
  }

  private static final String[] TOTALS = {"debits posted", "credits posted", "debits pending", "credits pending"};

  /**
   * Transfers replayed.
   *
   * @return the count
   */
  public long count() {
    return count;
  }
}

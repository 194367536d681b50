package io.github.linli.timebank.internal;

import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;

/** A mutable account row as a store holds it while applying a batch. Not thread-safe. Not API. */
public final class AccountRow {
  /** Fixed fields. */
  public final AccountSpec spec;
  /** Status. */
  public AccountStatus status;
  /** Debits posted. */
  public long dp;
  /** Credits posted. */
  public long cp;
  /** Debits pending. */
  public long dq;
  /** Credits pending. */
  public long cq;
  /** Overdraft limit as a number. */
  public final long overdraft;
  /** Ceiling as a number, {@link Long#MAX_VALUE} for none. */
  public final long ceiling;
  /** Changed by the current batch. */
  public boolean dirty;

  /**
   * Creates a row.
   *
   * @param spec fixed fields
   * @param status status
   * @param dp debits posted
   * @param cp credits posted
   * @param dq debits pending
   * @param cq credits pending
   */
  public AccountRow(AccountSpec spec, AccountStatus status, long dp, long cp, long dq, long cq) {
    this.spec = spec;
    this.status = status;
    this.dp = dp;
    this.cp = cp;
    this.dq = dq;
    this.cq = cq;
    this.overdraft = spec.overdraftLimit().minutes();
    this.ceiling = spec.ceiling().isPresent() ? spec.ceiling().get().minutes() : Long.MAX_VALUE;
  }

  /**
   * A snapshot.
   *
   * @return the account
   */
  public Account snapshot() {
    return Account.of(spec, status, dp, cp, dq, cq);
  }

  /**
   * A copy.
   *
   * @return a new row with the same values
   */
  public AccountRow copy() {
    return new AccountRow(spec, status, dp, cp, dq, cq);
  }
}

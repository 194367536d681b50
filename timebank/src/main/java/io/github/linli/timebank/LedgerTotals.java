package io.github.linli.timebank;

/**
 * Totals of one ledger: how many accounts, the credits outstanding (sum of positive balances), the
 * debts (sum of negative balances), the pools' share, and the net, which double entry keeps at
 * zero.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LedgerTotals {
  private final LedgerId ledger;
  private final int accounts;
  private final long positive;
  private final long negative;
  private final long pools;

  LedgerTotals(LedgerId ledger, int accounts, long positive, long negative, long pools) {
    this.ledger = ledger;
    this.accounts = accounts;
    this.positive = positive;
    this.negative = negative;
    this.pools = pools;
  }

  /**
   * The ledger.
   *
   * @return the ledger
   */
  public LedgerId ledger() {
    return ledger;
  }

  /**
   * Number of accounts on the ledger.
   *
   * @return the count
   */
  public int accounts() {
    return accounts;
  }

  /**
   * Sum of the positive balances: credits outstanding.
   *
   * @return the sum
   */
  public Credits positive() {
    return Credits.ofMinutes(positive);
  }

  /**
   * Sum of the negative balances.
   *
   * @return the sum, zero or negative
   */
  public Credits negative() {
    return Credits.ofMinutes(negative);
  }

  /**
   * Sum of the balances of community pools.
   *
   * @return the sum
   */
  public Credits pools() {
    return Credits.ofMinutes(pools);
  }

  /**
   * Sum of all balances: zero in a consistent ledger.
   *
   * @return positive + negative
   */
  public Credits net() {
    return Credits.ofMinutes(positive + negative);
  }

  @Override
  public String toString() {
    return "LedgerTotals{"
        + ledger
        + " accounts="
        + accounts
        + " positive="
        + positive
        + " negative="
        + negative
        + " pools="
        + pools
        + "}";
  }
}

package io.github.linli.timebank;

import java.util.List;

/**
 * What {@code verify()} checked and found: counts, and the problems (empty when the ledger is
 * consistent). {@link TimeBank#verify()} throws a {@code ConsistencyException} listing them instead
 * of returning a report with problems.
 *
 * <p>Checks: per ledger the posted balances sum to zero and pending debits equal pending credits;
 * every account's totals equal the replay of the journal; no account is below its floor or above
 * its ceiling; each pending transfer is resolved at most once and its state matches the journal;
 * each transfer is reversed at most once; and, where the store keeps one, the hash chain over the
 * journal recomputes.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class VerifyReport {
  private final long accounts;
  private final long transfers;
  private final boolean hashChained;
  private final List<String> problems;

  private VerifyReport(long accounts, long transfers, boolean hashChained, List<String> problems) {
    this.accounts = accounts;
    this.transfers = transfers;
    this.hashChained = hashChained;
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates a report; stores call this.
   *
   * @param accounts accounts checked
   * @param transfers journal entries checked
   * @param hashChained whether a hash chain was verified
   * @param problems what failed, empty if nothing
   * @return the report
   * @throws NullPointerException naming {@code problems}, or the index of a null problem
   */
  public static VerifyReport of(
      long accounts, long transfers, boolean hashChained, List<String> problems) {
    io.github.linli.core.internal.Checks.noNulls("problems", problems);
    return new VerifyReport(accounts, transfers, hashChained, problems);
  }

  /**
   * Accounts checked.
   *
   * @return the count
   */
  public long accounts() {
    return accounts;
  }

  /**
   * Journal entries checked.
   *
   * @return the count
   */
  public long transfers() {
    return transfers;
  }

  /**
   * Whether the journal's hash chain was verified.
   *
   * @return true if the store keeps a hash chain
   */
  public boolean hashChained() {
    return hashChained;
  }

  /**
   * What failed, one line each; no personal data.
   *
   * @return the problems, empty if consistent
   */
  public List<String> problems() {
    return problems;
  }

  /**
   * Whether everything checked.
   *
   * @return true if there are no problems
   */
  public boolean isConsistent() {
    return problems.isEmpty();
  }

  @Override
  public String toString() {
    return "VerifyReport{accounts="
        + accounts
        + ", transfers="
        + transfers
        + ", hashChained="
        + hashChained
        + ", problems="
        + problems
        + "}";
  }
}

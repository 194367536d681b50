package io.github.linli.timebank;

import io.github.linli.core.Period;
import java.util.List;

/**
 * An account's statement for a period: the opening balance, every posting in the period, and the
 * closing balance, with opening + Σ changes = closing. One period's closing is the next period's
 * opening because both are the balance of the transfers written before the boundary instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AccountStatement {
  private final AccountId account;
  private final Period period;
  private final Credits opening;
  private final Credits closing;
  private final List<Line> lines;

  private AccountStatement(
      AccountId account, Period period, Credits opening, Credits closing, List<Line> lines) {
    this.account = account;
    this.period = period;
    this.opening = opening;
    this.closing = closing;
    this.lines = List.copyOf(lines);
  }

  static AccountStatement of(
      AccountId account, Period period, Credits opening, Credits closing, List<Line> lines) {
    return new AccountStatement(account, period, opening, closing, lines);
  }

  /**
   * The account.
   *
   * @return the id
   */
  public AccountId account() {
    return account;
  }

  /**
   * The period, read in the time bank's zone.
   *
   * @return the period
   */
  public Period period() {
    return period;
  }

  /**
   * The balance before the period's first instant.
   *
   * @return the opening balance
   */
  public Credits opening() {
    return opening;
  }

  /**
   * The balance before the instant after the period.
   *
   * @return the closing balance
   */
  public Credits closing() {
    return closing;
  }

  /**
   * The postings in the period, in journal order.
   *
   * @return the lines
   */
  public List<Line> lines() {
    return lines;
  }

  @Override
  public String toString() {
    return "AccountStatement{"
        + account
        + " "
        + period
        + " opening="
        + opening.minutes()
        + " lines="
        + lines.size()
        + " closing="
        + closing.minutes()
        + "}";
  }

  /**
   * One posting of a statement. Immutable and thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Line {
    private final Transfer transfer;
    private final Credits change;
    private final Credits balance;

    Line(Transfer transfer, Credits change, Credits balance) {
      this.transfer = transfer;
      this.change = change;
      this.balance = balance;
    }

    /**
     * The transfer.
     *
     * @return the transfer
     */
    public Transfer transfer() {
      return transfer;
    }

    /**
     * The change to the account: positive when it earned, negative when it paid.
     *
     * @return the change
     */
    public Credits change() {
      return change;
    }

    /**
     * The balance after this line.
     *
     * @return the running balance
     */
    public Credits balance() {
      return balance;
    }

    @Override
    public String toString() {
      return transfer.id() + " " + change.minutes() + " -> " + balance.minutes();
    }
  }
}

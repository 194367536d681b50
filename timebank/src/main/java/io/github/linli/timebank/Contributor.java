package io.github.linli.timebank;

import java.util.Optional;

/**
 * An account ranked by what it earned in a period (credits received, less reversals of them).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Contributor {
  private final AccountId account;
  private final String holder;
  private final long earned;

  Contributor(AccountId account, String holder, long earned) {
    this.account = account;
    this.holder = holder;
    this.earned = earned;
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
   * The opaque holder id.
   *
   * @return the holder, if the account has one
   */
  public Optional<String> holder() {
    return Optional.ofNullable(holder);
  }

  /**
   * What it earned in the period.
   *
   * @return the amount
   */
  public Credits earned() {
    return Credits.ofMinutes(earned);
  }

  @Override
  public String toString() {
    return account + " earned " + earned;
  }
}

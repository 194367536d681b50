package io.github.linli.timebank;

import java.util.Optional;

/**
 * A snapshot of an account: its fixed fields, status and the four running totals of TigerBeetle's
 * accounts (debits and credits, posted and pending). Balance = credits posted − debits posted.
 *
 * <p>Immutable and thread-safe; a later snapshot may differ.
 *
 * @since 0.1.0
 */
public final class Account {
  private final AccountSpec spec;
  private final AccountStatus status;
  private final long debitsPosted;
  private final long creditsPosted;
  private final long debitsPending;
  private final long creditsPending;

  private Account(
      AccountSpec spec,
      AccountStatus status,
      long debitsPosted,
      long creditsPosted,
      long debitsPending,
      long creditsPending) {
    this.spec = spec;
    this.status = status;
    this.debitsPosted = debitsPosted;
    this.creditsPosted = creditsPosted;
    this.debitsPending = debitsPending;
    this.creditsPending = creditsPending;
  }

  /**
   * Creates a snapshot; stores call this.
   *
   * @param spec the fixed fields
   * @param status the status
   * @param debitsPosted posted debits, in minutes or units
   * @param creditsPosted posted credits
   * @param debitsPending pending debits
   * @param creditsPending pending credits
   * @return the snapshot
   * @throws NullPointerException if {@code spec} or {@code status} is null
   */
  public static Account of(
      AccountSpec spec,
      AccountStatus status,
      long debitsPosted,
      long creditsPosted,
      long debitsPending,
      long creditsPending) {
    java.util.Objects.requireNonNull(spec, "spec");
    java.util.Objects.requireNonNull(status, "status");
    return new Account(spec, status, debitsPosted, creditsPosted, debitsPending, creditsPending);
  }

  /**
   * The fixed fields.
   *
   * @return the spec
   */
  public AccountSpec spec() {
    return spec;
  }

  /**
   * The id.
   *
   * @return the id
   */
  public AccountId id() {
    return spec.id();
  }

  /**
   * The ledger.
   *
   * @return the ledger
   */
  public LedgerId ledger() {
    return spec.ledger();
  }

  /**
   * The kind of holder.
   *
   * @return the kind
   */
  public AccountKind kind() {
    return spec.kind();
  }

  /**
   * The opaque holder id.
   *
   * @return the holder, if given
   */
  public Optional<String> holder() {
    return spec.holder();
  }

  /**
   * How far below zero the balance may go.
   *
   * @return the overdraft limit
   */
  public Credits overdraftLimit() {
    return spec.overdraftLimit();
  }

  /**
   * The highest balance allowed.
   *
   * @return the ceiling, if any
   */
  public Optional<Credits> ceiling() {
    return spec.ceiling();
  }

  /**
   * The status.
   *
   * @return the status
   */
  public AccountStatus status() {
    return status;
  }

  /**
   * The posted balance: credits posted − debits posted.
   *
   * @return the balance
   */
  public Credits balance() {
    return Credits.ofMinutes(creditsPosted - debitsPosted);
  }

  /**
   * What the account can still pay without breaking its floor: balance − pending debits +
   * overdraft limit.
   *
   * @return the available amount
   */
  public Credits available() {
    return Credits.ofMinutes(
        creditsPosted - debitsPosted - debitsPending + spec.overdraftLimit().minutes());
  }

  /**
   * Posted debits.
   *
   * @return the total in minutes or units
   */
  public long debitsPosted() {
    return debitsPosted;
  }

  /**
   * Posted credits.
   *
   * @return the total in minutes or units
   */
  public long creditsPosted() {
    return creditsPosted;
  }

  /**
   * Pending debits (reserved).
   *
   * @return the total in minutes or units
   */
  public long debitsPending() {
    return debitsPending;
  }

  /**
   * Pending credits (reserved).
   *
   * @return the total in minutes or units
   */
  public long creditsPending() {
    return creditsPending;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Account)) {
      return false;
    }
    Account a = (Account) o;
    return a.spec.equals(spec)
        && a.status == status
        && a.debitsPosted == debitsPosted
        && a.creditsPosted == creditsPosted
        && a.debitsPending == debitsPending
        && a.creditsPending == creditsPending;
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Long.hashCode(creditsPosted - debitsPosted);
  }

  /**
   * Returns id, ledger, kind, status, balance, limits and the four totals under their accessor
   * names, for example {@code Account{wang service-minutes RESIDENT ACTIVE balance=-90
   * overdraftLimit=600 debitsPosted=90 creditsPosted=0 debitsPending=5 creditsPending=0}}, in
   * minutes or units; the holder id is left out.
   */
  @Override
  public String toString() {
    return "Account{"
        + spec.id()
        + " "
        + spec.ledger()
        + " "
        + spec.kind()
        + " "
        + status
        + " balance="
        + (creditsPosted - debitsPosted)
        + " overdraftLimit="
        + spec.overdraftLimit().units()
        + spec.ceiling().map(c -> " ceiling=" + c.units()).orElse("")
        + " debitsPosted="
        + debitsPosted
        + " creditsPosted="
        + creditsPosted
        + " debitsPending="
        + debitsPending
        + " creditsPending="
        + creditsPending
        + "}";
  }
}

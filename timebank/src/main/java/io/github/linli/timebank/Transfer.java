package io.github.linli.timebank;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transfer as written in the ledger's journal: immutable and never deleted. A correction is a
 * new {@link TransferKind#REVERSAL reversal} transfer.
 *
 * <p>Posts, voids and reversals carry the accounts and ledger of the transfer they refer to. The
 * amount of a void is the pending amount it released; a void moves no posted balance.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Transfer {
  private final long sequence;
  private final TransferId id;
  private final TransferKind kind;
  private final AccountId debit;
  private final AccountId credit;
  private final LedgerId ledger;
  private final long amount;
  private final TransferId reference;
  private final Duration timeout;
  private final int code;
  private final Instant timestamp;

  /**
   * Creates a journal record; stores call this when they write or read a transfer.
   *
   * @param sequence the position in the journal, from 1
   * @param id the id
   * @param kind the kind
   * @param debit the paying account
   * @param credit the earning account
   * @param ledger the ledger
   * @param amountMinutes the amount in minutes or units, positive
   * @param reference the pending or original transfer, or null
   * @param timeout the timeout of a pending transfer, or null
   * @param code the reason code
   * @param timestamp when it was written, on the time bank's clock
   * @return the transfer
   * @throws NullPointerException if a required argument is null
   */
  public static Transfer of(
      long sequence,
      TransferId id,
      TransferKind kind,
      AccountId debit,
      AccountId credit,
      LedgerId ledger,
      long amountMinutes,
      TransferId reference,
      Duration timeout,
      int code,
      Instant timestamp) {
    return new Transfer(
        sequence,
        Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(kind, "kind"),
        Objects.requireNonNull(debit, "debit"),
        Objects.requireNonNull(credit, "credit"),
        Objects.requireNonNull(ledger, "ledger"),
        amountMinutes,
        reference,
        timeout,
        code,
        Objects.requireNonNull(timestamp, "timestamp"));
  }

  private Transfer(
      long sequence,
      TransferId id,
      TransferKind kind,
      AccountId debit,
      AccountId credit,
      LedgerId ledger,
      long amount,
      TransferId reference,
      Duration timeout,
      int code,
      Instant timestamp) {
    this.sequence = sequence;
    this.id = id;
    this.kind = kind;
    this.debit = debit;
    this.credit = credit;
    this.ledger = ledger;
    this.amount = amount;
    this.reference = reference;
    this.timeout = timeout;
    this.code = code;
    this.timestamp = timestamp;
  }

  /**
   * The position in the journal: strictly increasing in the order transfers were written.
   *
   * @return the sequence number, from 1
   */
  public long sequence() {
    return sequence;
  }

  /**
   * The client-chosen id.
   *
   * @return the id
   */
  public TransferId id() {
    return id;
  }

  /**
   * What the transfer did.
   *
   * @return the kind
   */
  public TransferKind kind() {
    return kind;
  }

  /**
   * The paying account.
   *
   * @return the debit account
   */
  public AccountId debitAccount() {
    return debit;
  }

  /**
   * The earning account.
   *
   * @return the credit account
   */
  public AccountId creditAccount() {
    return credit;
  }

  /**
   * The ledger of both accounts.
   *
   * @return the ledger
   */
  public LedgerId ledger() {
    return ledger;
  }

  /**
   * The amount.
   *
   * @return the amount
   */
  public Credits amount() {
    return Credits.ofMinutes(amount);
  }

  /**
   * The amount as a number, without allocating.
   *
   * @return the amount in minutes or units
   */
  public long amountMinutes() {
    return amount;
  }

  /**
   * The amount this transfer moved between posted balances: the amount for single, post and
   * reversal transfers, zero for pending and void ones.
   *
   * @return the posted amount in minutes or units
   */
  public long postedMinutes() {
    return kind.posts() ? amount : 0;
  }

  /**
   * The pending transfer (post, void) or original (reversal) it refers to.
   *
   * @return the reference
   */
  public Optional<TransferId> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * The timeout of a pending transfer.
   *
   * @return the timeout, empty for none
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * When a pending transfer expires: its timestamp plus its timeout.
   *
   * @return the expiry, empty if none
   */
  public Optional<Instant> expiresAt() {
    return timeout == null ? Optional.empty() : Optional.of(timestamp.plus(timeout));
  }

  /**
   * The reason code.
   *
   * @return the code
   */
  public int code() {
    return code;
  }

  /**
   * When it was written, on the time bank's clock.
   *
   * @return the timestamp
   */
  public Instant timestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Transfer)) {
      return false;
    }
    Transfer t = (Transfer) o;
    return t.sequence == sequence
        && t.id.equals(id)
        && t.kind == kind
        && t.debit.equals(debit)
        && t.credit.equals(credit)
        && t.ledger.equals(ledger)
        && t.amount == amount
        && Objects.equals(t.reference, reference)
        && Objects.equals(t.timeout, timeout)
        && t.code == code
        && t.timestamp.equals(timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, id, kind, debit, credit, amount);
  }

  /** Returns the journal line: sequence, kind, id, accounts, amount, reference. */
  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + kind
        + " "
        + id
        + " "
        + debit
        + "->"
        + credit
        + " "
        + amount
        + " "
        + ledger
        + (reference == null ? "" : " ref=" + reference)
        + " @"
        + timestamp;
  }
}

package io.github.linli.timebank;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client asks the ledger to do: one transfer, identified by a client-chosen id that makes
 * it idempotent. Create with {@link #single}, {@link #pending}, {@link #post}, {@link #voiding} or
 * {@link #reversal}; mark it {@link #linked()} to chain it with the next request of a batch (all or
 * nothing), give it a {@link #withCode(int) reason code} or pin its {@link #withLedger ledger}.
 *
 * <p>The debit account pays (it received the service); the credit account earns. Post, void and
 * reversal requests name no accounts: they take them from the transfer they refer to.
 *
 * <p>Immutable and thread-safe. Only the shape is checked here; the ledger checks the rest and
 * answers with a {@link TransferStatus}.
 *
 * @since 0.1.0
 */
public final class TransferRequest {
  private final TransferId id;
  private final TransferKind kind;
  private final AccountId debit;
  private final AccountId credit;
  private final Credits amount;
  private final LedgerId ledger;
  private final TransferId reference;
  private final Duration timeout;
  private final int code;
  private final boolean linked;

  private TransferRequest(
      TransferId id,
      TransferKind kind,
      AccountId debit,
      AccountId credit,
      Credits amount,
      LedgerId ledger,
      TransferId reference,
      Duration timeout,
      int code,
      boolean linked) {
    this.id = id;
    this.kind = kind;
    this.debit = debit;
    this.credit = credit;
    this.amount = amount;
    this.ledger = ledger;
    this.reference = reference;
    this.timeout = timeout;
    this.code = code;
    this.linked = linked;
  }

  /**
   * A single-phase transfer: posts {@code amount} from {@code debit} to {@code credit} at once.
   *
   * @param id the client-chosen id
   * @param debit the paying account
   * @param credit the earning account
   * @param amount the amount; zero or negative is rejected with {@link
   *     TransferStatus#AMOUNT_MUST_BE_POSITIVE}
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest single(
      TransferId id, AccountId debit, AccountId credit, Credits amount) {
    return new TransferRequest(
        checkNotNull(id, "id"),
        TransferKind.SINGLE,
        checkNotNull(debit, "debit"),
        checkNotNull(credit, "credit"),
        checkNotNull(amount, "amount"),
        null,
        null,
        null,
        0,
        false);
  }

  /**
   * A pending transfer without timeout: reserves {@code amount} until posted or voided.
   *
   * @param id the client-chosen id
   * @param debit the paying account
   * @param credit the earning account
   * @param amount the amount to reserve
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest pending(
      TransferId id, AccountId debit, AccountId credit, Credits amount) {
    return pending(id, debit, credit, amount, Duration.ZERO);
  }

  /**
   * A pending transfer that expires {@code timeout} after it is created, on the time bank's clock.
   *
   * @param id the client-chosen id
   * @param debit the paying account
   * @param credit the earning account
   * @param amount the amount to reserve
   * @param timeout how long the reservation lasts, kept to the millisecond (a fraction of a
   *     millisecond rounds up); {@link Duration#ZERO} for no timeout; a negative timeout is
   *     rejected with {@link TransferStatus#INVALID_TIMEOUT}
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest pending(
      TransferId id, AccountId debit, AccountId credit, Credits amount, Duration timeout) {
    checkNotNull(timeout, "timeout");
    if (!timeout.isNegative() && !timeout.isZero()) {
      Duration millis = timeout.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      try {
        timeout = millis.equals(timeout) ? timeout : millis.plusMillis(1);
      } catch (ArithmeticException beyondDuration) {
        // a timeout within a millisecond of Duration's end: kept; the ledger refuses it with
        // INVALID_TIMEOUT, as it does any timeout that would expire beyond what a store keeps
      }
    }
    return new TransferRequest(
        checkNotNull(id, "id"),
        TransferKind.PENDING,
        checkNotNull(debit, "debit"),
        checkNotNull(credit, "credit"),
        checkNotNull(amount, "amount"),
        null,
        null,
        timeout.isZero() ? null : timeout,
        0,
        false);
  }

  /**
   * Posts a pending transfer, up to its amount; the rest of the reservation is released.
   *
   * @param id the client-chosen id of this posting transfer
   * @param pendingId the pending transfer
   * @param amount the amount to post, positive and at most the pending amount
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest post(TransferId id, TransferId pendingId, Credits amount) {
    return new TransferRequest(
        checkNotNull(id, "id"),
        TransferKind.POST_PENDING,
        null,
        null,
        checkNotNull(amount, "amount"),
        null,
        checkNotNull(pendingId, "pendingId"),
        null,
        0,
        false);
  }

  /**
   * Voids a pending transfer: releases the whole reservation.
   *
   * @param id the client-chosen id of this voiding transfer
   * @param pendingId the pending transfer
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest voiding(TransferId id, TransferId pendingId) {
    return new TransferRequest(
        checkNotNull(id, "id"),
        TransferKind.VOID_PENDING,
        null,
        null,
        null,
        null,
        checkNotNull(pendingId, "pendingId"),
        null,
        0,
        false);
  }

  /**
   * A correction: posts the reverse of an earlier posted transfer (single, posted pending), in full.
   * Each transfer can be reversed at most once.
   *
   * @param id the client-chosen id of the reversal
   * @param original the transfer to reverse
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest reversal(TransferId id, TransferId original) {
    return new TransferRequest(
        checkNotNull(id, "id"),
        TransferKind.REVERSAL,
        null,
        null,
        null,
        null,
        checkNotNull(original, "original"),
        null,
        0,
        false);
  }

  /**
   * A partial correction: posts the reverse of part of an earlier posted transfer. Each transfer
   * can be reversed at most once, in full or in part.
   *
   * @param id the client-chosen id of the reversal
   * @param original the transfer to reverse
   * @param amount the amount to reverse, positive and at most the original amount
   * @return the request
   * @throws NullPointerException naming the argument if one is null
   */
  public static TransferRequest reversal(TransferId id, TransferId original, Credits amount) {
    return new TransferRequest(
        checkNotNull(id, "id"),
        TransferKind.REVERSAL,
        null,
        null,
        checkNotNull(amount, "amount"),
        null,
        checkNotNull(original, "original"),
        null,
        0,
        false);
  }

  /**
   * This request linked with the next one of its batch: the chain commits all or nothing.
   *
   * @return a linked copy
   */
  public TransferRequest linked() {
    return new TransferRequest(
        id, kind, debit, credit, amount, ledger, reference, timeout, code, true);
  }

  /**
   * This request pinned to a ledger: it is rejected with {@link TransferStatus#LEDGER_MISMATCH}
   * unless both accounts are on it.
   *
   * @param ledger the ledger
   * @return a copy
   * @throws NullPointerException if {@code ledger} is null
   */
  public TransferRequest withLedger(LedgerId ledger) {
    return new TransferRequest(
        id, kind, debit, credit, amount, checkNotNull(ledger, "ledger"), reference, timeout, code,
        linked);
  }

  /**
   * This request with a reason code chosen by the embedding system (for example a service
   * category); part of the fields compared for idempotency.
   *
   * @param code a code, 0 to 65535
   * @return a copy
   * @throws IllegalArgumentException if the code is out of range
   */
  public TransferRequest withCode(int code) {
    checkArgument(code >= 0 && code <= 65535, "code must be 0..65535: %s", code);
    return new TransferRequest(
        id, kind, debit, credit, amount, ledger, reference, timeout, code, linked);
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
   * What the transfer does.
   *
   * @return the kind
   */
  public TransferKind kind() {
    return kind;
  }

  /**
   * The paying account; empty for post, void and reversal requests.
   *
   * @return the debit account
   */
  public Optional<AccountId> debit() {
    return Optional.ofNullable(debit);
  }

  /**
   * The earning account; empty for post, void and reversal requests.
   *
   * @return the credit account
   */
  public Optional<AccountId> credit() {
    return Optional.ofNullable(credit);
  }

  /**
   * The amount; empty for a void and a full reversal.
   *
   * @return the amount
   */
  public Optional<Credits> amount() {
    return Optional.ofNullable(amount);
  }

  /**
   * The ledger the request is pinned to, if any.
   *
   * @return the ledger
   */
  public Optional<LedgerId> ledger() {
    return Optional.ofNullable(ledger);
  }

  /**
   * The pending transfer (post, void) or the original (reversal) this request refers to.
   *
   * @return the referenced transfer id
   */
  public Optional<TransferId> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * The timeout of a pending transfer; empty for none.
   *
   * @return the timeout
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The reason code.
   *
   * @return the code, 0 if none
   */
  public int code() {
    return code;
  }

  /**
   * Whether the request is linked with the next one of its batch.
   *
   * @return true if linked
   */
  public boolean isLinked() {
    return linked;
  }

  /**
   * Whether a stored transfer has the same fields as this request: the fields the request gives
   * must match; the ones it leaves out (accounts of a post, amount of a void) are taken as given.
   *
   * @param t a stored transfer with this request's id
   * @return true if the request would be answered {@link TransferStatus#EXISTS}
   */
  public boolean matches(Transfer t) {
    if (t.kind() != kind || t.code() != code) {
      return false;
    }
    if (debit != null && !debit.equals(t.debitAccount())) {
      return false;
    }
    if (credit != null && !credit.equals(t.creditAccount())) {
      return false;
    }
    if (amount != null && amount.minutes() != t.amountMinutes()) {
      return false;
    }
    if (ledger != null && !ledger.equals(t.ledger())) {
      return false;
    }
    if (!Objects.equals(reference, t.reference().orElse(null))) {
      return false;
    }
    return Objects.equals(timeout, t.timeout().orElse(null));
  }

  /**
   * Returns the kind, id, accounts, amount and, where set, the timeout and reason code, for
   * example {@code PENDING{hold-1 wang->li 120 timeout=PT48H}}; no personal data.
   */
  @Override
  public String toString() {
    return kind
        + "{"
        + id
        + (debit == null ? "" : " " + debit + "->" + credit)
        + (reference == null ? "" : " ref=" + reference)
        + (amount == null ? "" : " " + amount.minutes())
        + (timeout == null ? "" : " timeout=" + timeout)
        + (code == 0 ? "" : " code=" + code)
        + (linked ? " linked" : "")
        + "}";
  }
}

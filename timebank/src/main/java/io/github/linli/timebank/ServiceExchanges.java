package io.github.linli.timebank;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Service exchanges on a time bank (服务交换): the receiver requests a service, the provider
 * accepts (the estimate is reserved on the receiver's account with a pending transfer), delivers
 * and reports the minutes, and the receiver confirms (or, after the configured delay, the system
 * confirms automatically), which posts the reported minutes; the rest of the reservation is
 * released. The receiver may dispute a delivery instead; a coordinator then resolves it with the
 * minutes to post (zero voids the reservation).
 *
 * <p>Who may act: the parties, identified by the holder id of their account equal to the actor's
 * id (the receiver requests, confirms and disputes; the provider accepts and delivers; either may
 * cancel before delivery), or an actor holding {@link Role#COORDINATOR}. Only a coordinator
 * resolves disputes; only the system or a coordinator runs {@link #autoConfirmDue}. Anyone else
 * gets a {@link PermissionDeniedException} and nothing changes.
 *
 * <p>Exchanges are kept in the time bank's {@link io.github.linli.timebank.store.LedgerStore}
 * (in memory, or the JDBC store's {@code exchanges} table), so several application servers can
 * share them. Each step moves the stored status with a compare-and-set: of two concurrent steps
 * from one state only one succeeds, and the other gets a {@link ConflictException} naming the
 * state it found. Ledger effects use transfer ids derived from the exchange id ({@code
 * ex:<id>:hold}, {@code :post}, {@code :void}), so they happen at most once; repeating {@link
 * #confirm}, {@link #resolve} or {@link #cancel} on an exchange already posted or cancelled
 * completes its ledger effect if a crash interrupted it, and returns the exchange.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class ServiceExchanges {
  private static final Set<Role> COORDINATORS = EnumSet.of(Role.COORDINATOR);

  private final TimeBank bank;
  private final Clock clock;
  private final Duration autoConfirmAfter;

  ServiceExchanges(TimeBank bank, Clock clock, Duration autoConfirmAfter) {
    this.bank = bank;
    this.clock = clock;
    this.autoConfirmAfter = autoConfirmAfter;
  }

  /**
   * Requests a service.
   *
   * @param actor the receiver (holder of {@code receiver}) or a coordinator
   * @param id a client-chosen exchange id, at most 100 characters
   * @param receiver the account that receives the service and pays
   * @param provider the account that provides it and earns
   * @param estimate the estimated minutes, positive; the most that can be posted
   * @return the exchange, {@link ExchangeStatus#REQUESTED}
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the id or estimate is invalid, or an account is not on the
   *     service-minutes ledger, or both are the same
   * @throws NotFoundException if an account does not exist
   * @throws PermissionDeniedException if the actor may not act for the receiver
   * @throws ConflictException if the id is taken by another exchange
   */
  public synchronized Exchange request(
      Actor actor, String id, AccountId receiver, AccountId provider, Credits estimate) {
    checkNotNull(actor, "actor");
    checkNotNull(id, "id");
    checkNotNull(receiver, "receiver");
    checkNotNull(provider, "provider");
    checkNotNull(estimate, "estimate");
    Checks.id("exchange.id", id);
    if (id.length() > 100) {
      throw new ValidationException("exchange.id", id, "must be at most 100 characters");
    }
    if (!estimate.isPositive()) {
      throw new ValidationException("exchange.estimate", estimate.minutes(), "must be positive");
    }
    if (receiver.equals(provider)) {
      throw new ValidationException("exchange.provider", provider, "must differ from the receiver");
    }
    Account r = bank.account(receiver);
    Account p = bank.account(provider);
    for (Account a : List.of(r, p)) {
      if (!a.ledger().equals(LedgerId.SERVICE_MINUTES)) {
        throw new ValidationException(
            "exchange.account", a.id(), "must be on the service-minutes ledger, not " + a.ledger());
      }
    }
    requireParty(actor, "timebank.exchange.request", r);
    Exchange e =
        new Exchange(id, receiver, provider, estimate, ExchangeStatus.REQUESTED, null, null,
            clock.instant(), null);
    if (bank.store().saveExchange(e, null)) {
      return e;
    }
    Exchange existing = get(id);
    if (existing.receiver().equals(receiver)
        && existing.provider().equals(provider)
        && existing.estimate().equals(estimate)) {
      return existing;
    }
    throw new ConflictException(
        "exchange " + id + " exists with other fields, status " + existing.status());
  }

  /**
   * The provider accepts: the estimate is reserved on the receiver's account.
   *
   * @param actor the provider or a coordinator
   * @param id the exchange
   * @return the exchange, {@link ExchangeStatus#ACCEPTED}
   * @throws NotFoundException if there is no such exchange
   * @throws PermissionDeniedException if the actor may not act for the provider
   * @throws ConflictException if the exchange is not requested, or the reservation is refused
   *     (the message names the ledger's status, for example {@code EXCEEDS_FLOOR})
   */
  public synchronized Exchange accept(Actor actor, String id) {
    Exchange e = get(id);
    requireParty(actor, "timebank.exchange.accept", bank.account(e.provider()));
    requireStatus(e, ExchangeStatus.REQUESTED);
    TransferResult r =
        bank.submit(
            TransferRequest.pending(e.holdTransfer(), e.receiver(), e.provider(), e.estimate()));
    requireOk(e, r);
    Exchange next = e.with(ExchangeStatus.ACCEPTED, null, null, null);
    if (bank.store().saveExchange(next, ExchangeStatus.REQUESTED)) {
      return next;
    }
    Exchange now = get(id);
    if (now.status() == ExchangeStatus.ACCEPTED) {
      return now; // accepted concurrently: the same hold
    }
    voidLedger(now); // cancelled concurrently: release the hold this call made
    throw new ConflictException("exchange " + id + " is " + now.status() + ", not REQUESTED");
  }

  /**
   * The provider reports the delivery.
   *
   * @param actor the provider or a coordinator
   * @param id the exchange
   * @param minutes the minutes delivered, positive and at most the estimate
   * @return the exchange, {@link ExchangeStatus#DELIVERED}
   * @throws NullPointerException if an argument is null
   * @throws NotFoundException if there is no such exchange
   * @throws PermissionDeniedException if the actor may not act for the provider
   * @throws ConflictException if the exchange is not accepted
   * @throws ValidationException if the minutes are not positive or exceed the estimate
   */
  public synchronized Exchange deliver(Actor actor, String id, Credits minutes) {
    checkNotNull(minutes, "minutes");
    Exchange e = get(id);
    requireParty(actor, "timebank.exchange.deliver", bank.account(e.provider()));
    requireStatus(e, ExchangeStatus.ACCEPTED);
    checkMinutes(e, minutes, false);
    return move(e, e.with(ExchangeStatus.DELIVERED, minutes, null, clock.instant()));
  }

  /**
   * The receiver confirms the delivery: the reported minutes are posted.
   *
   * @param actor the receiver or a coordinator
   * @param id the exchange
   * @return the exchange, {@link ExchangeStatus#POSTED}
   * @throws NotFoundException if there is no such exchange
   * @throws PermissionDeniedException if the actor may not act for the receiver
   * @throws ConflictException if the exchange is not delivered, or the ledger refuses the post
   */
  public synchronized Exchange confirm(Actor actor, String id) {
    Exchange e = get(id);
    requireParty(actor, "timebank.exchange.confirm", bank.account(e.receiver()));
    if (e.status() == ExchangeStatus.POSTED) {
      return completePost(e);
    }
    requireStatus(e, ExchangeStatus.DELIVERED);
    return post(e, e.reported().get());
  }

  /**
   * The receiver disputes the delivery; a coordinator resolves it.
   *
   * @param actor the receiver or a coordinator
   * @param id the exchange
   * @return the exchange, {@link ExchangeStatus#DISPUTED}
   * @throws NotFoundException if there is no such exchange
   * @throws PermissionDeniedException if the actor may not act for the receiver
   * @throws ConflictException if the exchange is not delivered
   */
  public synchronized Exchange dispute(Actor actor, String id) {
    Exchange e = get(id);
    requireParty(actor, "timebank.exchange.dispute", bank.account(e.receiver()));
    requireStatus(e, ExchangeStatus.DELIVERED);
    return move(e, e.with(ExchangeStatus.DISPUTED, e.reported().orElse(null), null,
        e.deliveredAt().orElse(null)));
  }

  /**
   * A coordinator resolves a dispute with the minutes to post; zero releases the reservation.
   *
   * @param actor a coordinator
   * @param id the exchange
   * @param minutes the minutes to post, 0 to the estimate
   * @return the exchange, {@link ExchangeStatus#POSTED} or {@link ExchangeStatus#CANCELLED}
   * @throws NullPointerException if an argument is null
   * @throws NotFoundException if there is no such exchange
   * @throws PermissionDeniedException if the actor is not a coordinator
   * @throws ConflictException if the exchange is not disputed, or the ledger refuses
   * @throws ValidationException if the minutes are negative or exceed the estimate
   */
  public synchronized Exchange resolve(Actor actor, String id, Credits minutes) {
    checkNotNull(actor, "actor");
    checkNotNull(minutes, "minutes");
    Exchange e = get(id);
    actor.require("timebank.exchange.resolve", COORDINATORS);
    if (e.status() == ExchangeStatus.POSTED) {
      return completePost(e);
    }
    if (e.status() == ExchangeStatus.CANCELLED) {
      voidLedger(e);
      return e;
    }
    requireStatus(e, ExchangeStatus.DISPUTED);
    checkMinutes(e, minutes, true);
    if (minutes.minutes() == 0) {
      return voidHold(e);
    }
    return post(e, minutes);
  }

  /**
   * Cancels an exchange before delivery; an accepted one's reservation is released.
   *
   * @param actor either party or a coordinator
   * @param id the exchange
   * @return the exchange, {@link ExchangeStatus#CANCELLED}
   * @throws NotFoundException if there is no such exchange
   * @throws PermissionDeniedException if the actor is neither party nor a coordinator
   * @throws ConflictException if the exchange was delivered or is final
   */
  public synchronized Exchange cancel(Actor actor, String id) {
    checkNotNull(actor, "actor");
    Exchange e = get(id);
    if (!isParty(actor, bank.account(e.receiver()))
        && !isParty(actor, bank.account(e.provider()))) {
      throw new PermissionDeniedException(
          actor, "timebank.exchange.cancel", "not a party of exchange " + id + " nor a coordinator");
    }
    if (e.status() == ExchangeStatus.CANCELLED) {
      voidLedger(e);
      return e;
    }
    if (e.status() != ExchangeStatus.REQUESTED) {
      requireStatus(e, ExchangeStatus.ACCEPTED);
    }
    return voidHold(e);
  }

  /**
   * Confirms every delivered exchange whose receiver neither confirmed nor disputed within the
   * auto-confirmation delay, on the time bank's clock.
   *
   * @param actor the system or a coordinator
   * @return the exchanges confirmed now
   * @throws PermissionDeniedException if the actor is neither
   */
  public synchronized List<Exchange> autoConfirmDue(Actor actor) {
    checkNotNull(actor, "actor");
    actor.require("timebank.exchange.autoConfirm", EnumSet.of(Role.SYSTEM, Role.COORDINATOR));
    Instant now = clock.instant();
    List<Exchange> out = new ArrayList<>();
    for (Exchange e : bank.store().exchanges()) {
      if (e.status() == ExchangeStatus.DELIVERED
          && java.time.Duration.between(e.deliveredAt().get(), now).compareTo(autoConfirmAfter) >= 0) {
        try {
          out.add(post(e, e.reported().get()));
        } catch (ConflictException refused) {
          // left delivered: the ledger refused (for example a frozen account); retried next time
        }
      }
    }
    return out;
  }

  /**
   * An exchange.
   *
   * @param id the exchange id
   * @return the snapshot
   * @throws NullPointerException if {@code id} is null
   * @throws NotFoundException if there is no such exchange
   */
  public synchronized Exchange get(String id) {
    checkNotNull(id, "id");
    return bank.store().exchange(id).orElseThrow(() -> new NotFoundException("exchange", id));
  }

  /**
   * Every exchange, in the order requested.
   *
   * @return snapshots
   */
  public synchronized List<Exchange> all() {
    return bank.store().exchanges();
  }

  /** Moves the stored status from {@code e}'s to {@code next}'s, or names the status found. */
  private Exchange move(Exchange e, Exchange next) {
    if (bank.store().saveExchange(next, e.status())) {
      return next;
    }
    throw new ConflictException(
        "exchange " + e.id() + " changed concurrently: it is " + get(e.id()).status() + ", not "
            + e.status());
  }

  /** Marks it posted, then posts the minutes; if the ledger refuses, restores the state. */
  private Exchange post(Exchange e, Credits minutes) {
    Exchange next =
        move(e, e.with(ExchangeStatus.POSTED, e.reported().orElse(null), minutes,
            e.deliveredAt().orElse(null)));
    TransferResult r = postLedger(next);
    if (!r.isOk()) {
      bank.store().saveExchange(e, ExchangeStatus.POSTED);
      requireOk(e, r);
    }
    return next;
  }

  private Exchange completePost(Exchange e) {
    requireOk(e, postLedger(e));
    return e;
  }

  private TransferResult postLedger(Exchange posted) {
    return bank.submit(
        TransferRequest.post(
            TransferId.of("ex:" + posted.id() + ":post"), posted.holdTransfer(), posted.posted().get()));
  }

  /** Marks it cancelled, then releases the reservation, if there is one. */
  private Exchange voidHold(Exchange e) {
    Exchange next =
        move(e, e.with(ExchangeStatus.CANCELLED, e.reported().orElse(null), null,
            e.deliveredAt().orElse(null)));
    voidLedger(next);
    return next;
  }

  private void voidLedger(Exchange e) {
    if (bank.lookup(e.holdTransfer()).isEmpty()) {
      return; // never accepted: nothing was reserved (an acceptance racing this voids its own hold)
    }
    TransferResult r =
        bank.submit(TransferRequest.voiding(TransferId.of("ex:" + e.id() + ":void"), e.holdTransfer()));
    switch (r.status()) {
      case CREATED:
      case EXISTS:
      case PENDING_ALREADY_VOIDED:
        return;
      default:
        requireOk(e, r);
    }
  }

  private static void checkMinutes(Exchange e, Credits minutes, boolean zeroAllowed) {
    long m = minutes.minutes();
    if (m < 0 || (m == 0 && !zeroAllowed)) {
      throw new ValidationException(
          "exchange.minutes", m, zeroAllowed ? "must not be negative" : "must be positive");
    }
    if (m > e.estimate().minutes()) {
      throw new ValidationException(
          "exchange.minutes", m, "exceeds the reserved estimate " + e.estimate().minutes());
    }
  }

  private static void requireOk(Exchange e, TransferResult r) {
    if (!r.isOk()) {
      throw new ConflictException(
          "exchange " + e.id() + " (" + e.status() + "): the ledger refused " + r.id() + " with "
              + r.status() + refusalHint(e, r.status()));
    }
  }

  /** What a ledger refusal of an exchange's transfer means for the parties, or nothing. */
  private static String refusalHint(Exchange e, TransferStatus status) {
    switch (status) {
      case EXCEEDS_FLOOR:
        return ": the receiver's account "
            + e.receiver()
            + " cannot cover "
            + (e.status() == ExchangeStatus.REQUESTED ? "the estimate " + e.estimate() : "the amount")
            + " within its overdraft limit (raise the limit or credit the account first)";
      case EXCEEDS_CEILING:
        return ": the provider's account " + e.provider() + " would rise above its ceiling";
      case EXCEEDS_RANGE:
        return ": an account of the exchange would leave the range the ledger keeps exactly (Credits.MAX_UNITS)";
      case ACCOUNT_FROZEN:
        return ": an account of the exchange is frozen (a coordinator unfreezes it first)";
      case ACCOUNT_CLOSED:
        return ": an account of the exchange is closed";
      default:
        return "";
    }
  }

  private static void requireStatus(Exchange e, ExchangeStatus expected) {
    if (e.status() != expected) {
      throw new ConflictException(
          "exchange " + e.id() + " is " + e.status() + ", not " + expected
              + " (" + nextStep(e.status()) + ")");
    }
  }

  /** Who moves an exchange on from a status, for messages. */
  private static String nextStep(ExchangeStatus status) {
    switch (status) {
      case REQUESTED:
        return "next: the provider accepts it";
      case ACCEPTED:
        return "next: the provider reports the delivery";
      case DELIVERED:
        return "next: the receiver confirms or disputes it";
      case DISPUTED:
        return "next: a coordinator resolves it";
      default:
        return "it is closed";
    }
  }

  private static boolean isParty(Actor actor, Account account) {
    return actor.has(Role.COORDINATOR)
        || (account.holder().isPresent() && account.holder().get().equals(actor.id()));
  }

  private static void requireParty(Actor actor, String action, Account account) {
    checkNotNull(actor, "actor");
    if (!isParty(actor, account)) {
      throw new PermissionDeniedException(
          actor, action, "acts for account " + account.id() + " only as its holder or a coordinator");
    }
  }
}

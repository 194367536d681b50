package io.github.linli.timebank;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.governance.VolunteerHoursSource;
import io.github.linli.timebank.internal.Times;
import io.github.linli.timebank.store.LedgerStore;
import io.github.linli.timebank.store.LedgerStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time bank (时间银行): a double-entry ledger of service minutes and points, modelled on
 * TigerBeetle. Every transfer moves an amount from a debit account (which pays: it received the
 * service) to a credit account (which earns) on one ledger; balances per ledger always sum to
 * zero. Transfers are immutable and never deleted; client-chosen ids make them idempotent;
 * pending transfers reserve credits until posted, voided or expired; linked chains commit all or
 * nothing; corrections are reversals.
 *
 * <pre>{@code
 * TimeBank bank = TimeBank.inMemory();
 * bank.openAccount(AccountId.of("wang"), Credits.ofHours(10));
 * bank.openAccount(AccountId.of("li"), Credits.ofHours(10));
 * bank.transfer(TransferId.of("t1"), AccountId.of("wang"), AccountId.of("li"), Credits.ofMinutes(90));
 * bank.balance(AccountId.of("li"));   // 90 min
 * }</pre>
 *
 * <p>Rejections are returned as a {@link TransferStatus}, never thrown; null arguments throw a
 * {@link NullPointerException} naming the argument. A zero or negative amount is rejected with
 * {@link TransferStatus#AMOUNT_MUST_BE_POSITIVE}. The low-level ledger calls ({@link #openAccount},
 * {@link #transfer}, {@link #submit}) are trusted calls of the embedding system, like a TigerBeetle
 * client; calls on behalf of people take an {@link Actor} ({@link #freeze}, {@link #close}, and
 * the {@link #exchanges() service exchanges}).
 *
 * <p>Thread-safe: the store serialises batches. Time comes from the injected {@link Clock}
 * (truncated to microseconds, the precision every store keeps).
 *
 * @since 0.1.0
 */
public final class TimeBank {
  private static final Logger LOG = LoggerFactory.getLogger(TimeBank.class);

  private static final Set<Role> ACCOUNT_ADMINS =
      EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM);

  private final LedgerStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final ServiceExchanges exchanges;

  private TimeBank(LedgerStore store, Clock clock, ZoneId zone, Duration autoConfirmAfter) {
    this.store = store;
    this.clock = clock;
    this.zone = zone;
    this.exchanges = new ServiceExchanges(this, clock, autoConfirmAfter);
  }

  /**
   * A time bank in memory on the system clock (UTC).
   *
   * @return a new, empty time bank
   */
  public static TimeBank inMemory() {
    return builder().store(LedgerStores.inMemory()).build();
  }

  /**
   * A time bank in memory on a given clock.
   *
   * @param clock the clock; its zone reads statement periods
   * @return a new, empty time bank
   * @throws NullPointerException if {@code clock} is null
   */
  public static TimeBank inMemory(Clock clock) {
    return builder().store(LedgerStores.inMemory()).clock(clock).build();
  }

  /**
   * A builder, to choose the store, clock, zone and the exchanges' auto-confirmation delay.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The store.
   *
   * @return the store
   */
  public LedgerStore store() {
    return store;
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The zone in which statement periods (days) are read.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  Instant now() {
    return Times.truncate(clock.instant());
  }

  // ------------------------------------------------------------------ accounts

  /**
   * Opens a resident account on the service-minutes ledger whose balance may go down to minus
   * {@code overdraftLimit}. Idempotent: opening it again with the same limit returns it.
   *
   * @param id the account id
   * @param overdraftLimit how far below zero it may go, not negative
   * @return the account
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the limit is negative
   * @throws ConflictException if the account exists with other fields
   */
  public Account openAccount(AccountId id, Credits overdraftLimit) {
    checkNotNull(id, "id");
    checkNotNull(overdraftLimit, "overdraftLimit");
    return store.openAccount(AccountSpec.of(id, overdraftLimit));
  }

  /**
   * Opens a resident account on the service-minutes ledger that may not go below zero (no
   * overdraft), as a helper who only earns needs. Idempotent: opening it again returns it.
   *
   * @param id the account id
   * @return the account
   * @throws NullPointerException if {@code id} is null
   * @throws ConflictException if the account exists with other fields
   */
  public Account openAccount(AccountId id) {
    return openAccount(id, Credits.ZERO);
  }

  /**
   * Opens an account of any ledger and kind. Idempotent like {@link #openAccount(AccountId,
   * Credits)}.
   *
   * @param spec the fixed fields
   * @return the account
   * @throws NullPointerException if {@code spec} is null
   * @throws ConflictException if the account exists with other fields
   */
  public Account openAccount(AccountSpec spec) {
    return store.openAccount(checkNotNull(spec, "spec"));
  }

  /**
   * An account's snapshot.
   *
   * @param id the account
   * @return the snapshot
   * @throws NullPointerException if {@code id} is null
   * @throws NotFoundException if there is no such account
   */
  public Account account(AccountId id) {
    checkNotNull(id, "id");
    return store.account(id).orElseThrow(() -> new NotFoundException("account", id));
  }

  /**
   * Every account, ordered by id.
   *
   * @return snapshots
   */
  public List<Account> accounts() {
    return store.accounts();
  }

  /**
   * The posted balance of an account.
   *
   * @param id the account
   * @return credits posted − debits posted
   * @throws NullPointerException if {@code id} is null
   * @throws NotFoundException if there is no such account
   */
  public Credits balance(AccountId id) {
    return account(id).balance();
  }

  /**
   * The posted balance of an account as of an instant (transfers written at or before it).
   *
   * @param id the account
   * @param instant the instant; any instant, {@link Instant#MIN} and {@link Instant#MAX} included
   *     (after the last instant a store keeps, about 292,000 years from 1970, the balance is the
   *     current posted balance)
   * @return the balance then
   * @throws NullPointerException if an argument is null
   * @throws NotFoundException if there is no such account
   */
  public Credits balanceAt(AccountId id, Instant instant) {
    checkNotNull(instant, "instant");
    account(id);
    Instant before = Times.clamp(instant);
    return Credits.ofMinutes(store.postedBalanceBefore(id, before.equals(Times.MAX) ? before : before.plusNanos(1)));
  }

  /**
   * Freezes an account: it takes no new transfers until {@link #unfreeze unfrozen}; its pending
   * transfers may still be voided or expire.
   *
   * @param actor a coordinator, the residents' committee or the system
   * @param id the account
   * @return the account after the change
   * @throws PermissionDeniedException if the actor holds none of those roles
   * @throws NotFoundException if there is no such account
   * @throws ConflictException if the account is closed
   */
  public Account freeze(Actor actor, AccountId id) {
    return setStatus(actor, id, AccountStatus.FROZEN, "timebank.account.freeze");
  }

  /**
   * Unfreezes an account.
   *
   * @param actor a coordinator, the residents' committee or the system
   * @param id the account
   * @return the account after the change
   * @throws PermissionDeniedException if the actor holds none of those roles
   * @throws NotFoundException if there is no such account
   * @throws ConflictException if the account is closed
   */
  public Account unfreeze(Actor actor, AccountId id) {
    return setStatus(actor, id, AccountStatus.ACTIVE, "timebank.account.unfreeze");
  }

  /**
   * Closes an account for good: it takes no new transfers except voiding its pending ones. Its
   * balance stays in the ledger (settle it first with transfers if the community's rules say so).
   *
   * @param actor a coordinator, the residents' committee or the system
   * @param id the account
   * @return the account after the change
   * @throws PermissionDeniedException if the actor holds none of those roles
   * @throws NotFoundException if there is no such account
   */
  public Account close(Actor actor, AccountId id) {
    return setStatus(actor, id, AccountStatus.CLOSED, "timebank.account.close");
  }

  private Account setStatus(Actor actor, AccountId id, AccountStatus status, String action) {
    checkNotNull(actor, "actor");
    checkNotNull(id, "id");
    actor.require(action, ACCOUNT_ADMINS);
    return store.setStatus(id, status);
  }

  // ------------------------------------------------------------------ transfers

  /**
   * Posts {@code amount} from {@code debit} (pays) to {@code credit} (earns) at once.
   *
   * @param id the client-chosen id: resubmitting it is safe
   * @param debit the paying account
   * @param credit the earning account
   * @param amount the amount; zero or negative → {@link TransferStatus#AMOUNT_MUST_BE_POSITIVE}
   * @return the result; rejections are statuses, not exceptions
   * @throws NullPointerException naming the argument if one is null
   */
  public TransferResult transfer(TransferId id, AccountId debit, AccountId credit, Credits amount) {
    return submit(TransferRequest.single(id, debit, credit, amount));
  }

  /**
   * Submits one request.
   *
   * @param request the request; it must not be {@link TransferRequest#linked() linked}
   * @return the result
   * @throws NullPointerException if {@code request} is null
   */
  public TransferResult submit(TransferRequest request) {
    checkNotNull(request, "request");
    return store.submit(List.of(request), now()).get(0);
  }

  /**
   * Submits a batch: applied in order and atomically (a crash leaves all or none of it), linked
   * chains all or nothing. Batching is how to reach high throughput.
   *
   * @param batch the requests
   * @return one result per request, in order
   * @throws NullPointerException if {@code batch} or an element is null
   */
  public List<TransferResult> submit(List<TransferRequest> batch) {
    checkNotNull(batch, "batch");
    return store.submit(batch, now());
  }

  /**
   * Converts between ledgers as a linked chain through two pools (see {@link Conversion} for the
   * rounding rule): {@code payer} pays {@code amount} into the source pool, the target pool pays
   * the converted amount to {@code receiver}. The transfers get ids {@code id + ":in"} and {@code
   * id + ":out"}.
   *
   * @param id the conversion's id, at most 124 characters
   * @param payer the paying account (source ledger)
   * @param receiver the receiving account (target ledger)
   * @param amount the source amount
   * @param conversion the pools and rate
   * @return the two results, both ok or neither
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the id is too long or the converted amount too large
   */
  public List<TransferResult> convert(
      TransferId id, AccountId payer, AccountId receiver, Credits amount, Conversion conversion) {
    checkNotNull(id, "id");
    checkNotNull(payer, "payer");
    checkNotNull(receiver, "receiver");
    checkNotNull(amount, "amount");
    checkNotNull(conversion, "conversion");
    if (id.value().length() > 124) {
      throw new ValidationException("conversion.id", id, "must be at most 124 characters");
    }
    return submit(
        List.of(
            TransferRequest.single(
                    TransferId.of(id.value() + ":in"), payer, conversion.sourcePool(), amount)
                .linked(),
            TransferRequest.single(
                TransferId.of(id.value() + ":out"),
                conversion.targetPool(),
                receiver,
                amount.isPositive() ? conversion.convert(amount) : Credits.ZERO)));
  }

  /**
   * A transfer of the journal.
   *
   * @param id the id
   * @return the transfer, empty if none was written with this id
   * @throws NullPointerException if {@code id} is null
   */
  public Optional<Transfer> lookup(TransferId id) {
    return store.transfer(checkNotNull(id, "id"));
  }

  /**
   * The state of a pending transfer.
   *
   * @param pendingId the pending transfer
   * @return its state, empty if there is no such pending transfer
   * @throws NullPointerException if {@code pendingId} is null
   */
  public Optional<PendingState> pendingState(TransferId pendingId) {
    return store.pendingState(checkNotNull(pendingId, "pendingId"));
  }

  /**
   * Expires the pending transfers whose timeout has passed on the clock. Every batch does this
   * first anyway; call it from a scheduler so reservations are released without traffic.
   *
   * @return how many expired
   */
  public int expirePending() {
    return store.expirePending(now());
  }

  /**
   * The whole journal, in order (for replays, exports and audits).
   *
   * @return the transfers
   */
  public List<Transfer> journal() {
    List<Transfer> out = new ArrayList<>();
    store.forEachTransfer(out::add);
    return out;
  }

  /**
   * Checks the ledger's invariants and, where kept, its hash chain, as of one consistent point
   * (the transfers committed before it began). On the JDBC store it reads a database snapshot
   * without locking, so writers are not blocked while it reads a long journal.
   *
   * @return the report, always consistent
   * @throws ConsistencyException listing the problems if any check fails
   */
  public VerifyReport verify() {
    VerifyReport r = store.verify();
    if (!r.isConsistent()) {
      throw new ConsistencyException("time bank ledger fails verification: " + r.problems());
    }
    return r;
  }

  /**
   * The service exchanges (request, accept, deliver, confirm, dispute) on this time bank.
   *
   * @return the exchanges
   */
  public ServiceExchanges exchanges() {
    return exchanges;
  }

  // ------------------------------------------------------------------ statements and figures

  /** The start of a day, moved into the range a store keeps (issue 17: LocalDate.MIN and MAX). */
  private Instant startOf(java.time.LocalDate day) {
    return Times.clamp(day.atStartOfDay(zone).toInstant());
  }

  /**
   * An account's statement for a period (days read in the time bank's zone).
   *
   * @param id the account
   * @param period the period
   * @return the statement: opening + changes = closing
   * @throws NullPointerException if an argument is null
   * @throws NotFoundException if there is no such account
   */
  public AccountStatement statement(AccountId id, Period period) {
    checkNotNull(id, "id");
    checkNotNull(period, "period");
    account(id);
    Instant from = startOf(period.start());
    Instant to = startOf(period.end());
    long opening = store.postedBalanceBefore(id, from);
    long running = opening;
    List<AccountStatement.Line> lines = new ArrayList<>();
    for (Transfer t : store.transfers(from, to)) {
      long change = 0;
      if (t.kind().posts()) {
        if (t.creditAccount().equals(id)) {
          change = t.amountMinutes();
        } else if (t.debitAccount().equals(id)) {
          change = -t.amountMinutes();
        }
      }
      if (change != 0) {
        running += change;
        lines.add(new AccountStatement.Line(t, Credits.ofMinutes(change), Credits.ofMinutes(running)));
      }
    }
    long closing = store.postedBalanceBefore(id, to);
    if (closing != running) {
      throw new ConsistencyException(
          "statement of " + id + " for " + period + ": opening " + opening + " + movements gives "
              + running + " but the closing balance is " + closing);
    }
    return AccountStatement.of(id, period, Credits.ofMinutes(opening), Credits.ofMinutes(closing), lines);
  }

  /**
   * Totals per ledger, pools included.
   *
   * @return one entry per ledger, ordered by ledger id
   */
  public List<LedgerTotals> totals() {
    Map<LedgerId, long[]> m = new TreeMap<>();
    for (Account a : store.accounts()) {
      long[] t = m.computeIfAbsent(a.ledger(), k -> new long[4]);
      long b = a.balance().minutes();
      t[0]++;
      if (b > 0) {
        t[1] += b;
      } else {
        t[2] += b;
      }
      if (a.kind() == AccountKind.COMMUNITY_POOL) {
        t[3] += b;
      }
    }
    List<LedgerTotals> out = new ArrayList<>();
    m.forEach((k, t) -> out.add(new LedgerTotals(k, (int) t[0], t[1], t[2], t[3])));
    return out;
  }

  /** Net earned per account in a period: credits posted to it, less reversals of them. */
  private Map<AccountId, Long> earned(LedgerId ledger, Period period) {
    Map<AccountId, Long> earned = new HashMap<>();
    for (Transfer t : store.transfers(startOf(period.start()), startOf(period.end()))) {
      if (!t.ledger().equals(ledger) || !t.kind().posts()) {
        continue;
      }
      if (t.kind() == TransferKind.REVERSAL) {
        earned.merge(t.debitAccount(), -t.amountMinutes(), Long::sum);
      } else {
        earned.merge(t.creditAccount(), t.amountMinutes(), Long::sum);
      }
    }
    return earned;
  }

  /**
   * The accounts that earned most on a ledger in a period, pools excluded; ties by account id.
   *
   * @param ledger the ledger
   * @param period the period
   * @param limit how many, at least 1
   * @return at most {@code limit} contributors, most first; only those that earned more than zero
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public List<Contributor> topContributors(LedgerId ledger, Period period, int limit) {
    checkNotNull(ledger, "ledger");
    checkNotNull(period, "period");
    checkArgument(limit >= 1, "limit must be at least 1: %s", limit);
    Map<AccountId, Account> accounts = accountMap();
    List<Contributor> out = new ArrayList<>();
    earned(ledger, period)
        .forEach(
            (id, e) -> {
              Account a = accounts.get(id);
              if (e > 0 && a != null && a.kind() != AccountKind.COMMUNITY_POOL) {
                out.add(new Contributor(id, a.holder().orElse(null), e));
              }
            });
    out.sort(
        (x, y) -> {
          int c = Long.compare(y.earned().minutes(), x.earned().minutes());
          return c != 0 ? c : x.account().compareTo(y.account());
        });
    return Collections.unmodifiableList(out.subList(0, Math.min(limit, out.size())));
  }

  private Map<AccountId, Account> accountMap() {
    Map<AccountId, Account> m = new HashMap<>();
    store.accounts().forEach(a -> m.put(a.id(), a));
    return m;
  }

  /**
   * Minutes of service each holder earned on the service-minutes ledger in a period, net of
   * reversals, summed over the holder's accounts: the feed for the governance contribution value
   * (volunteer hours). Pools are left out.
   *
   * @param period the period
   * @return minutes by holder id, holders with zero left out
   * @throws NullPointerException if {@code period} is null
   */
  public Map<String, Long> volunteerMinutesByHolder(Period period) {
    return volunteerMinutes(period, null);
  }

  /**
   * Minutes of service each resident earned in a period (resident accounts whose holder is the
   * resident's id).
   *
   * @param period the period
   * @return minutes by resident
   * @throws NullPointerException if {@code period} is null
   */
  public Map<ResidentId, Long> volunteerMinutesByResident(Period period) {
    Map<ResidentId, Long> out = new TreeMap<>();
    volunteerMinutes(period, AccountKind.RESIDENT).forEach((h, m) -> out.put(ResidentId.of(h), m));
    return out;
  }

  /**
   * Minutes of service each member unit earned in a period (member-unit accounts whose holder is
   * the member's id).
   *
   * @param period the period
   * @return minutes by member
   * @throws NullPointerException if {@code period} is null
   */
  public Map<MemberId, Long> volunteerMinutesByMember(Period period) {
    Map<MemberId, Long> out = new TreeMap<>();
    volunteerMinutes(period, AccountKind.MEMBER_UNIT).forEach((h, m) -> out.put(MemberId.of(h), m));
    return out;
  }

  /**
   * The time bank as the governance module's {@link VolunteerHoursSource}: the hours a member
   * earned on the service-minutes ledger in a period (its member-unit accounts, whose holder is the
   * member's id; net of reversals, never below zero), for {@code ContributionValues}.
   *
   * <p>The source is a snapshot: it computes each period's figures on first use and keeps them, so
   * one evaluation over many members reads the journal once per period. Take a new source for
   * fresh figures. Thread-safe.
   *
   * @return the source
   */
  public VolunteerHoursSource volunteerHoursSource() {
    Map<Period, Map<MemberId, Long>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    return (member, period) -> {
      checkNotNull(member, "member");
      checkNotNull(period, "period");
      long minutes = cache.computeIfAbsent(period, this::volunteerMinutesByMember).getOrDefault(member, 0L);
      return Math.max(0, minutes) / 60.0;
    };
  }

  private Map<String, Long> volunteerMinutes(Period period, AccountKind kind) {
    checkNotNull(period, "period");
    Map<AccountId, Account> accounts = accountMap();
    Map<String, Long> out = new TreeMap<>();
    earned(LedgerId.SERVICE_MINUTES, period)
        .forEach(
            (id, e) -> {
              Account a = accounts.get(id);
              if (a == null
                  || a.kind() == AccountKind.COMMUNITY_POOL
                  || a.holder().isEmpty()
                  || (kind != null && a.kind() != kind)) {
                return;
              }
              out.merge(a.holder().get(), e, Long::sum);
            });
    out.values().removeIf(v -> v == 0);
    return out;
  }

  /**
   * The time bank's figures for a period, as observations for the scorecard (source {@code
   * timebank}):
   *
   * <ul>
   *   <li>{@code timebank.active_volunteers} (count): resident and member-unit accounts on the
   *       service-minutes ledger that earned in the period;
   *   <li>{@code timebank.hours_exchanged} (hours): minutes posted on that ledger between
   *       non-pool accounts, net of reversals, ÷ 60;
   *   <li>{@code timebank.participation_rate} (share): non-pool service-minutes accounts with any
   *       posting in the period ÷ non-pool service-minutes accounts not closed (0 if there are
   *       none).
   * </ul>
   *
   * @param period the period
   * @param scope the scope of the observations, for example the community id
   * @return three observations
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the scope is not a valid id
   */
  public List<Observation> figures(Period period, String scope) {
    checkNotNull(period, "period");
    checkNotNull(scope, "scope");
    Map<AccountId, Account> accounts = accountMap();
    Set<AccountId> earners = new HashSet<>();
    Set<AccountId> participants = new HashSet<>();
    long minutes = 0;
    for (Transfer t : store.transfers(startOf(period.start()), startOf(period.end()))) {
      if (!t.ledger().equals(LedgerId.SERVICE_MINUTES) || !t.kind().posts()) {
        continue;
      }
      Account d = accounts.get(t.debitAccount());
      Account c = accounts.get(t.creditAccount());
      boolean dPerson = d != null && d.kind() != AccountKind.COMMUNITY_POOL;
      boolean cPerson = c != null && c.kind() != AccountKind.COMMUNITY_POOL;
      if (dPerson) {
        participants.add(d.id());
      }
      if (cPerson) {
        participants.add(c.id());
      }
      if (t.kind() != TransferKind.REVERSAL && cPerson) {
        earners.add(c.id());
      }
      if (dPerson && cPerson) {
        minutes += t.kind() == TransferKind.REVERSAL ? -t.amountMinutes() : t.amountMinutes();
      }
    }
    long open =
        accounts.values().stream()
            .filter(a -> a.ledger().equals(LedgerId.SERVICE_MINUTES))
            .filter(a -> a.kind() != AccountKind.COMMUNITY_POOL)
            .filter(a -> a.status() != AccountStatus.CLOSED)
            .count();
    return List.of(
        observation("timebank.active_volunteers", earners.size(), period, scope, "count"),
        observation("timebank.hours_exchanged", minutes / 60.0, period, scope, "hours"),
        observation(
            "timebank.participation_rate",
            open == 0 ? 0.0 : Math.min(1.0, participants.size() / (double) open),
            period,
            scope,
            "share"));
  }

  private static Observation observation(
      String id, double value, Period period, String scope, String unit) {
    return Observation.builder()
        .indicatorId(id)
        .value(value)
        .period(period)
        .scope(scope)
        .unit(unit)
        .source("timebank")
        .build();
  }

  @Override
  public String toString() {
    return "TimeBank{" + store.getClass().getSimpleName() + ", zone=" + zone + "}";
  }

  /** Builds a {@link TimeBank}. Not thread-safe. */
  public static final class Builder {
    private LedgerStore store;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone;
    private Duration autoConfirmAfter = Duration.ofDays(7);

    Builder() {}

    /**
     * The store; in-memory by default (and then {@link #build()} logs, at INFO, that the ledger
     * is lost when the process ends: a portal sets a JDBC store, {@link TimeBank#inMemory()} is
     * for notebooks and tests).
     *
     * @param store the store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder store(LedgerStore store) {
      this.store = checkNotNull(store, "store");
      return this;
    }

    /**
     * The clock; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * The zone in which statement days are read; the clock's zone by default.
     *
     * @param zone the zone
     * @return this builder
     * @throws NullPointerException if {@code zone} is null
     */
    public Builder zone(ZoneId zone) {
      this.zone = checkNotNull(zone, "zone");
      return this;
    }

    /**
     * How long after delivery an exchange the receiver has not confirmed or disputed is
     * confirmed automatically; seven days by default.
     *
     * @param delay a positive duration
     * @return this builder
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder autoConfirmAfter(Duration delay) {
      checkNotNull(delay, "delay");
      checkArgument(!delay.isNegative() && !delay.isZero(), "delay must be positive: %s", delay);
      this.autoConfirmAfter = delay;
      return this;
    }

    /**
     * Builds the time bank. Without a {@link #store(LedgerStore) store} the ledger is in memory,
     * which this logs at INFO.
     *
     * @return the time bank
     */
    public TimeBank build() {
      if (store == null) {
        LOG.info("TimeBank built without a store: the ledger is in memory and is lost when the process ends"
            + " (set .store(LedgerStores.jdbc(...)) to keep it)");
      }
      return new TimeBank(
          store == null ? LedgerStores.inMemory() : store,
          clock,
          zone == null ? clock.getZone() : zone,
          autoConfirmAfter);
    }
  }
}

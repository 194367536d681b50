package io.github.linli.timebank.store;

import io.github.linli.core.ConflictException;
import io.github.linli.core.NotFoundException;
import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Exchange;
import io.github.linli.timebank.ExchangeStatus;
import io.github.linli.timebank.PendingState;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.TransferResult;
import io.github.linli.timebank.VerifyReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a time bank keeps its accounts and journal. Each {@link #submit} applies a batch
 * atomically: after a crash it is fully written or absent, and concurrent submitters (threads, or
 * processes sharing a database) never break an account's limits. The ledger's rules are the same
 * in every store.
 *
 * <p>Implementations: {@link LedgerStores#inMemory()} (the default) and {@link
 * LedgerStores#jdbc()} (plain SQL, H2 and PostgreSQL, one tenant's rows of shared tables).
 * Implementations are thread-safe.
 *
 * <p>Every method of the JDBC store may throw {@link StoreException} when the database fails
 * through its {@link RetryPolicy} or the thread is interrupted; nothing was written then, unless
 * {@link StoreException#outcomeUnknown()} says a commit's outcome could not be read back, in which
 * case the same call with the same ids settles it.
 *
 * @since 0.1.0
 */
public interface LedgerStore extends AutoCloseable {
  /**
   * Opens an account. Idempotent: opening the same spec again returns the account.
   *
   * @param spec the fixed fields
   * @return the account
   * @throws ConflictException if an account with this id exists with other fields
   */
  Account openAccount(AccountSpec spec);

  /**
   * An account's current snapshot.
   *
   * @param id the account
   * @return the snapshot, empty if none
   */
  Optional<Account> account(AccountId id);

  /**
   * Every account, ordered by id.
   *
   * @return snapshots
   */
  List<Account> accounts();

  /**
   * Changes an account's status. A closed account stays closed.
   *
   * @param id the account
   * @param status the new status
   * @return the account after the change
   * @throws NotFoundException if there is no such account
   * @throws ConflictException if the account is closed and {@code status} is not {@link
   *     AccountStatus#CLOSED}
   */
  Account setStatus(AccountId id, AccountStatus status);

  /**
   * Expires due pending transfers, then applies a batch atomically.
   *
   * @param batch the requests, applied in order; linked chains all or nothing
   * @param now the time bank's clock; the store never writes a timestamp earlier than one it
   *     wrote before
   * @return one result per request
   * @throws StoreException if the store cannot complete the batch: nothing was written unless
   *     {@link StoreException#outcomeUnknown()}; either way, retry with the same ids
   */
  List<TransferResult> submit(List<TransferRequest> batch, Instant now);

  /**
   * Expires pending transfers whose timeout has passed.
   *
   * @param now the time bank's clock
   * @return how many expired
   */
  int expirePending(Instant now);

  /**
   * A transfer of the journal.
   *
   * @param id the id
   * @return the transfer, empty if none (a rejected id is not in the journal)
   */
  Optional<Transfer> transfer(TransferId id);

  /**
   * The state of a pending transfer.
   *
   * @param pendingId the pending transfer
   * @return its state, empty if there is no such pending transfer
   */
  Optional<PendingState> pendingState(TransferId pendingId);

  /**
   * The posted balance of an account counting the transfers written strictly before an instant.
   *
   * @param id the account
   * @param instant the instant
   * @return credits − debits posted before {@code instant}, in minutes or units
   */
  long postedBalanceBefore(AccountId id, Instant instant);

  /**
   * The transfers written in {@code [from, to)}, in journal order.
   *
   * @param from first instant, inclusive
   * @param to last instant, exclusive
   * @return the transfers
   */
  List<Transfer> transfers(Instant from, Instant to);

  /**
   * Replays the whole journal in order.
   *
   * @param consumer receives each transfer
   */
  void forEachTransfer(Consumer<Transfer> consumer);

  /**
   * A service exchange's stored state.
   *
   * @param id the exchange id
   * @return the exchange, empty if none
   */
  Optional<Exchange> exchange(String id);

  /**
   * Every stored exchange, in the order they were first saved.
   *
   * @return the exchanges
   */
  List<Exchange> exchanges();

  /**
   * Saves an exchange atomically, compare-and-set on its status, so that two processes cannot
   * both move one exchange out of the same state.
   *
   * @param exchange the new state
   * @param expected the status it must have now, or null to insert a new exchange
   * @return true if saved; false if the stored exchange is absent (update), present (insert), or
   *     not in the expected status
   */
  boolean saveExchange(Exchange exchange, ExchangeStatus expected);

  /**
   * Checks the store (see {@link VerifyReport}) as of one consistent point: the report covers
   * the transfers committed before it began. The JDBC store reads a database snapshot and takes
   * no lock, so writers go on while it runs; the in-memory store holds its read lock meanwhile.
   *
   * @return the report, with any problems found
   */
  VerifyReport verify();

  /** Releases resources; the in-memory store forgets nothing, the JDBC store holds none between calls. */
  @Override
  void close();
}

package io.github.linli.timebank.internal;

import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.PendingState;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferStatus;

/** What the {@link Engine} reads from a store while it applies a batch. Not API. */
public interface LedgerView {
  /**
   * A mutable row; changes are written back by the store if the row is marked dirty.
   *
   * @param id the account
   * @return the row, or null if there is no such account
   */
  AccountRow account(AccountId id);

  /**
   * A stored transfer.
   *
   * @param id the id
   * @return the transfer, or null
   */
  Transfer transfer(TransferId id);

  /**
   * A recorded failure.
   *
   * @param id the id
   * @return the status it failed with, or null
   */
  TransferStatus failure(TransferId id);

  /**
   * The state of a stored pending transfer.
   *
   * @param pendingId the pending transfer
   * @return its state, or null if unknown
   */
  PendingState pendingState(TransferId pendingId);

  /**
   * Whether a transfer was reversed already.
   *
   * @param original the transfer
   * @return true if a reversal of it is stored
   */
  boolean isReversed(TransferId original);
}

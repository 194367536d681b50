package io.github.linli.timebank;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The answer to one submitted transfer: its id and the {@link TransferStatus}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TransferResult {
  private final TransferId id;
  private final TransferStatus status;

  private TransferResult(TransferId id, TransferStatus status) {
    this.id = id;
    this.status = status;
  }

  /**
   * Creates a result.
   *
   * @param id the transfer id
   * @param status the outcome
   * @return the result
   * @throws NullPointerException if an argument is null
   */
  public static TransferResult of(TransferId id, TransferStatus status) {
    return new TransferResult(checkNotNull(id, "id"), checkNotNull(status, "status"));
  }

  /**
   * The transfer id.
   *
   * @return the id
   */
  public TransferId id() {
    return id;
  }

  /**
   * The outcome.
   *
   * @return the status
   */
  public TransferStatus status() {
    return status;
  }

  /**
   * Whether the transfer is in the ledger ({@link TransferStatus#CREATED} or {@link
   * TransferStatus#EXISTS}).
   *
   * @return true if ok
   */
  public boolean isOk() {
    return status.isOk();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransferResult
        && ((TransferResult) o).id.equals(id)
        && ((TransferResult) o).status == status;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + status.hashCode();
  }

  @Override
  public String toString() {
    return id + ": " + status;
  }
}

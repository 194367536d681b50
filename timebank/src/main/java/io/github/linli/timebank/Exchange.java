package io.github.linli.timebank;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a service exchange between a receiver (who pays in minutes) and a provider (who
 * earns them).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Exchange {
  private final String id;
  private final AccountId receiver;
  private final AccountId provider;
  private final Credits estimate;
  private final ExchangeStatus status;
  private final Credits reported;
  private final Credits posted;
  private final Instant requestedAt;
  private final Instant deliveredAt;

  Exchange(
      String id,
      AccountId receiver,
      AccountId provider,
      Credits estimate,
      ExchangeStatus status,
      Credits reported,
      Credits posted,
      Instant requestedAt,
      Instant deliveredAt) {
    this.id = id;
    this.receiver = receiver;
    this.provider = provider;
    this.estimate = estimate;
    this.status = status;
    this.reported = reported;
    this.posted = posted;
    this.requestedAt = requestedAt;
    this.deliveredAt = deliveredAt;
  }

  /**
   * Creates a snapshot; stores call this when they read an exchange.
   *
   * @param id the exchange id
   * @param receiver the paying account
   * @param provider the earning account
   * @param estimate the estimate
   * @param status the status
   * @param reported the reported minutes, or null
   * @param posted the posted minutes, or null
   * @param requestedAt when requested
   * @param deliveredAt when delivered, or null
   * @return the snapshot
   * @throws NullPointerException if a required argument is null
   */
  public static Exchange of(
      String id,
      AccountId receiver,
      AccountId provider,
      Credits estimate,
      ExchangeStatus status,
      Credits reported,
      Credits posted,
      Instant requestedAt,
      Instant deliveredAt) {
    return new Exchange(
        java.util.Objects.requireNonNull(id, "id"),
        java.util.Objects.requireNonNull(receiver, "receiver"),
        java.util.Objects.requireNonNull(provider, "provider"),
        java.util.Objects.requireNonNull(estimate, "estimate"),
        java.util.Objects.requireNonNull(status, "status"),
        reported,
        posted,
        java.util.Objects.requireNonNull(requestedAt, "requestedAt"),
        deliveredAt);
  }

  Exchange with(ExchangeStatus s, Credits reported, Credits posted, Instant deliveredAt) {
    return new Exchange(id, receiver, provider, estimate, s, reported, posted, requestedAt, deliveredAt);
  }

  /**
   * The client-chosen exchange id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The account that receives the service and pays.
   *
   * @return the receiver's account
   */
  public AccountId receiver() {
    return receiver;
  }

  /**
   * The account that provides the service and earns.
   *
   * @return the provider's account
   */
  public AccountId provider() {
    return provider;
  }

  /**
   * The estimated minutes, reserved on acceptance: the most that can be posted.
   *
   * @return the estimate
   */
  public Credits estimate() {
    return estimate;
  }

  /**
   * The status.
   *
   * @return the status
   */
  public ExchangeStatus status() {
    return status;
  }

  /**
   * The minutes the provider reported.
   *
   * @return the reported minutes, once delivered
   */
  public Optional<Credits> reported() {
    return Optional.ofNullable(reported);
  }

  /**
   * The minutes posted to the ledger.
   *
   * @return the posted minutes, once posted
   */
  public Optional<Credits> posted() {
    return Optional.ofNullable(posted);
  }

  /**
   * When it was requested.
   *
   * @return the instant
   */
  public Instant requestedAt() {
    return requestedAt;
  }

  /**
   * When the provider reported delivery.
   *
   * @return the instant, once delivered
   */
  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }

  /**
   * The id of the pending transfer that reserves the estimate.
   *
   * @return {@code ex:<id>:hold}
   */
  public TransferId holdTransfer() {
    return TransferId.of("ex:" + id + ":hold");
  }

  @Override
  public String toString() {
    return "Exchange{" + id + " " + receiver + "->" + provider + " " + status + " estimate="
        + estimate.minutes() + (reported == null ? "" : " reported=" + reported.minutes())
        + (posted == null ? "" : " posted=" + posted.minutes()) + "}";
  }
}

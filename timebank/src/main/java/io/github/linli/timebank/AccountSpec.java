package io.github.linli.timebank;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fixed fields of an account, given when it is opened: id, ledger, kind, holder, overdraft
 * limit and optional ceiling. They never change afterwards; only the {@link AccountStatus} does.
 *
 * <p>The balance of an account may go down to minus its overdraft limit (pending debits count) and
 * up to its ceiling (pending credits count). A community pool that issues credits gets a large
 * limit, for example {@code Credits.ofMinutes(Credits.MAX_UNITS)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class AccountSpec {
  AccountSpec() {}

  /**
   * The client-chosen id.
   *
   * @return the id
   */
  public abstract AccountId id();

  /**
   * The ledger (unit) of the account.
   *
   * @return the ledger, {@link LedgerId#SERVICE_MINUTES} by default
   */
  @Value.Default
  public LedgerId ledger() {
    return LedgerId.SERVICE_MINUTES;
  }

  /**
   * Who holds it.
   *
   * @return the kind, {@link AccountKind#RESIDENT} by default
   */
  @Value.Default
  public AccountKind kind() {
    return AccountKind.RESIDENT;
  }

  /**
   * The opaque id of the holder: a {@code ResidentId} value for a resident account, a {@code
   * MemberId} value for a member unit, a community id for a pool. It is also the actor id that
   * acts for the account in service exchanges.
   *
   * @return the holder id, if given
   */
  public abstract Optional<String> holder();

  /**
   * How far below zero the balance may go.
   *
   * @return the limit, not negative; zero by default
   */
  @Value.Default
  public Credits overdraftLimit() {
    return Credits.ZERO;
  }

  /**
   * The highest balance allowed, if any.
   *
   * @return the ceiling, not negative
   */
  public abstract Optional<Credits> ceiling();

  /**
   * A service-minutes account for a resident with an overdraft limit.
   *
   * @param id the id
   * @param overdraftLimit how far below zero it may go
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the limit is negative
   */
  public static AccountSpec of(AccountId id, Credits overdraftLimit) {
    return builder().id(id).overdraftLimit(overdraftLimit).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (overdraftLimit().minutes() < 0) {
      throw new ValidationException(
          "account.overdraftLimit", overdraftLimit().minutes(), "must not be negative");
    }
    if (ceiling().isPresent() && ceiling().get().minutes() < 0) {
      throw new ValidationException(
          "account.ceiling", ceiling().get().minutes(), "must not be negative");
    }
    if (holder().isPresent()) {
      Checks.id("account.holder", holder().get());
    }
  }

  /** Builds an {@link AccountSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableAccountSpec.Builder {
    Builder() {}
  }
}

package io.github.linli.core.alliance;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Who may use a pledged service: card holders only or anyone, an age range, household flags (the
 * holder needs at least one of them, if any are listed), and areas (grid cells or neighbourhoods:
 * the holder's area must be one of them, if any are listed).
 *
 * <p>Immutable and thread-safe. {@link #anyone()} has no conditions.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class PledgeEligibility {
  private static final PledgeEligibility ANYONE = builder().cardHoldersOnly(false).build();

  PledgeEligibility() {}

  /**
   * Whether only benefit-card holders may use the service.
   *
   * @return true if a card is required
   */
  @Value.Default
  public boolean cardHoldersOnly() {
    return true;
  }

  /**
   * The minimum age in whole years, inclusive.
   *
   * @return the minimum age, if any
   */
  public abstract Optional<Integer> minAge();

  /**
   * The maximum age in whole years, inclusive.
   *
   * @return the maximum age, if any
   */
  public abstract Optional<Integer> maxAge();

  /**
   * Household flags of which the user must have at least one; empty for no condition.
   *
   * @return the flags
   */
  public abstract Set<HouseholdFlag> householdFlags();

  /**
   * Areas (grid cells or neighbourhood ids) the user must live in; empty for anywhere.
   *
   * @return the area ids
   */
  public abstract Set<String> areas();

  /**
   * No condition at all (and no card needed).
   *
   * @return the open eligibility
   */
  public static PledgeEligibility anyone() {
    return ANYONE;
  }

  /**
   * A builder; by default card holders only, no other condition.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (minAge().isPresent() && (minAge().get() < 0 || minAge().get() > 150)) {
      throw new ValidationException("eligibility.minAge", minAge().get(), "must be in 0..150");
    }
    if (maxAge().isPresent() && (maxAge().get() < 0 || maxAge().get() > 150)) {
      throw new ValidationException("eligibility.maxAge", maxAge().get(), "must be in 0..150");
    }
    if (minAge().isPresent() && maxAge().isPresent() && minAge().get() > maxAge().get()) {
      throw new ValidationException("eligibility.maxAge", maxAge().get(), "must not be below minAge " + minAge().get());
    }
    for (String a : areas()) {
      Checks.id("eligibility.areas", a);
    }
  }

  /** Builds an {@link PledgeEligibility}. Not thread-safe. */
  public static final class Builder extends ImmutablePledgeEligibility.Builder {
    Builder() {}
  }
}

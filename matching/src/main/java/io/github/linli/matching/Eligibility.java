package io.github.linli.matching;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Who may use an offer: benefit-card holders only or everyone, an age range, household flags (the
 * requester must have at least one of them, if any are listed) and neighbourhoods (the requester's
 * neighbourhood must be listed, if any are). The default, {@link #open()}, admits everyone.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Eligibility {
  Eligibility() {}

  /**
   * Whether only benefit-card holders are admitted.
   *
   * @return true if a card is required
   */
  @Value.Default
  public boolean cardHoldersOnly() {
    return false;
  }

  /**
   * The lowest admitted age, if any.
   *
   * @return the age in years
   */
  public abstract OptionalInt minAge();

  /**
   * The highest admitted age, if any.
   *
   * @return the age in years
   */
  public abstract OptionalInt maxAge();

  /**
   * Household flags of which the requester must have at least one; empty admits everyone.
   *
   * @return the flags
   */
  public abstract Set<HouseholdFlag> anyOfFlags();

  /**
   * Neighbourhood ids served; empty serves every neighbourhood.
   *
   * @return the ids
   */
  public abstract Set<String> neighbourhoods();

  /**
   * Whether a requester in a neighbourhood is admitted. A requester of unknown age is not
   * admitted where an age range is set.
   *
   * @param facts the requester's facts
   * @param neighbourhood the requester's neighbourhood id
   * @return true if admitted
   */
  public boolean admits(RequesterFacts facts, String neighbourhood) {
    if (cardHoldersOnly() && !facts.cardHolder()) {
      return false;
    }
    if (minAge().isPresent() || maxAge().isPresent()) {
      OptionalInt age = facts.age();
      if (age.isEmpty()
          || (minAge().isPresent() && age.getAsInt() < minAge().getAsInt())
          || (maxAge().isPresent() && age.getAsInt() > maxAge().getAsInt())) {
        return false;
      }
    }
    if (!anyOfFlags().isEmpty()) {
      boolean any = false;
      for (HouseholdFlag f : facts.flags()) {
        any |= anyOfFlags().contains(f);
      }
      if (!any) {
        return false;
      }
    }
    return neighbourhoods().isEmpty() || neighbourhoods().contains(neighbourhood);
  }

  /**
   * Everyone is admitted.
   *
   * @return the open eligibility
   */
  public static Eligibility open() {
    return builder().build();
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
    if (minAge().isPresent() && (minAge().getAsInt() < 0 || minAge().getAsInt() > 150)) {
      throw new ValidationException("eligibility.minAge", minAge().getAsInt(), "must be in [0, 150]");
    }
    if (maxAge().isPresent() && (maxAge().getAsInt() < 0 || maxAge().getAsInt() > 150)) {
      throw new ValidationException("eligibility.maxAge", maxAge().getAsInt(), "must be in [0, 150]");
    }
    if (minAge().isPresent() && maxAge().isPresent() && maxAge().getAsInt() < minAge().getAsInt()) {
      throw new ValidationException(
          "eligibility.maxAge", maxAge().getAsInt(), "must not be below minAge " + minAge().getAsInt());
    }
    for (String n : neighbourhoods()) {
      Checks.id("eligibility.neighbourhoods", n);
    }
  }

  /** Builds an {@link Eligibility}. Not thread-safe. */
  public static final class Builder extends ImmutableEligibility.Builder {
    Builder() {}
  }
}

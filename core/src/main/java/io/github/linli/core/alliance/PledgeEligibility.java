package io.github.linli.core.alliance;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Who may use a pledged service or an offer: benefit-card (惠民卡) holders only or anyone, an age
 * range, household flags (the holder needs at least one of them, if any are listed), and areas
 * (grid cells or neighbourhoods: the holder's area must be one of them, if any are listed).
 *
 * <p>Linli's one eligibility type. The alliance checks it when a card is shown ({@link
 * Alliance#opens(BenefitCard, Pledge)}: age from the card's birth date, the card's household flags,
 * the card's {@link BenefitCard#area()}); the matching module checks it for every offer ({@code
 * io.github.linli.matching.Offer#eligibility()}: the requester's card, age and flags, and the need's
 * neighbourhood). An offer made from a pledge carries the pledge's eligibility unchanged.
 *
 * <p><b>Defaults differ on purpose.</b> {@link #builder()} starts from <b>card holders only</b>:
 * in the service club of source 004 members pledge their services to residents holding the benefit
 * card, so that is the norm for a pledge; call {@code cardHoldersOnly(false)} for a service open to
 * every resident. {@link #anyone()} has no condition at all and needs no card; it is what an offer
 * has unless one is set.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class PledgeEligibility {
  private static final PledgeEligibility ANYONE = builder().cardHoldersOnly(false).build();

  PledgeEligibility() {}

  /**
   * Whether only benefit-card holders may use the service. True unless set on the {@link
   * #builder()}; false for {@link #anyone()}.
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
   * <p>An area id is compared by exact, case-sensitive equality: it admits a card holder whose
   * {@link BenefitCard#area()} equals it, and a matching need whose {@code Need.neighbourhood()}
   * equals it (a need made from a demand takes the demand's grid cell, {@link
   * io.github.linli.core.demand.Demand#gridCell()}). So areas, cards and demands must use the same
   * ids, the portal's grid-cell (网格) or neighbourhood (小区) ids: Linli does not know which cells
   * lie in which neighbourhood, so list every cell served.
   *
   * @return the area ids
   */
  public abstract Set<String> areas();

  /**
   * No condition at all, and <b>no card needed</b>: every resident is admitted, card holder or
   * not. Not the same as {@code builder().build()}, which admits <b>card holders only</b>. This is
   * the default eligibility of a matching offer.
   *
   * @return the open eligibility
   */
  public static PledgeEligibility anyone() {
    return ANYONE;
  }

  /**
   * A builder that starts from <b>card holders only</b> ({@code cardHoldersOnly} true) and no other
   * condition: pledges serve benefit-card holders by default. For a service or offer open to every
   * resident call {@code cardHoldersOnly(false)}, or use {@link #anyone()} when there is no
   * condition at all.
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

package io.github.linli.core.alliance;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ResidentId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A resident's benefit card (惠民卡): the pass that opens member units' pledged services and
 * discounts. It carries what eligibility needs: birth date, household flags and area, all
 * <b>personal data</b>, redacted from {@code toString()} and never in messages or logs.
 *
 * <p>Immutable and thread-safe. A card value is a snapshot: {@link Alliance#card(String)} gives the
 * current one after a suspension, revocation or renewal.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class BenefitCard {
  BenefitCard() {}

  /**
   * The card number.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The holder.
   *
   * @return the resident id
   */
  public abstract ResidentId holder();

  /**
   * The holder's birth date (personal data).
   *
   * @return the birth date, if known
   */
  @Value.Redacted
  public abstract Optional<LocalDate> birthDate();

  /**
   * The holder's household flags (personal data).
   *
   * @return the flags
   */
  @Value.Redacted
  public abstract Set<HouseholdFlag> householdFlags();

  /**
   * The holder's area: grid cell or neighbourhood id (personal data).
   *
   * @return the area, if known
   */
  @Value.Redacted
  public abstract Optional<String> area();

  /**
   * The last day the card is valid, inclusive.
   *
   * @return the day
   */
  public abstract LocalDate validUntil();

  /**
   * The status; {@link CardStatus#ACTIVE} for a card being issued.
   *
   * @return the status
   */
  @Value.Default
  public CardStatus status() {
    return CardStatus.ACTIVE;
  }

  /**
   * The holder's age in whole years on a day.
   *
   * @param day the day
   * @return the age, if the birth date is known
   */
  public Optional<Integer> ageOn(LocalDate day) {
    return birthDate().map(b -> Period.between(b, day).getYears());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("card.id", id());
    if (area().isPresent()) {
      try {
        Checks.id("card.area", area().get());
      } catch (ValidationException e) {
        throw new ValidationException("card.area", "****", "is not a valid area id");
      }
    }
  }

  BenefitCard withStatus(CardStatus status) {
    return ImmutableBenefitCard.builder().from(this).status(status).build();
  }

  BenefitCard withoutPersonalData() {
    return ImmutableBenefitCard.builder().from(this).birthDate(Optional.empty()).householdFlags(Set.of()).area(Optional.empty()).build();
  }

  boolean holdsPersonalData() {
    return birthDate().isPresent() || !householdFlags().isEmpty() || area().isPresent();
  }

  BenefitCard withValidUntil(LocalDate day) {
    return ImmutableBenefitCard.builder().from(this).validUntil(day).build();
  }

  /** Builds a {@link BenefitCard}. Not thread-safe. */
  public static final class Builder extends ImmutableBenefitCard.Builder {
    Builder() {}
  }
}

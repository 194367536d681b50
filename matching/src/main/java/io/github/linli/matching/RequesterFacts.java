package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ValidationException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The facts about a requester that decide eligibility: benefit-card holding, age and household
 * flags. These are <b>personal data</b>: {@code toString()} prints none of them, and Linli never
 * puts them in explanations, reason texts, messages or logs.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RequesterFacts {
  private static final RequesterFacts NONE = new RequesterFacts(false, -1, EnumSet.noneOf(HouseholdFlag.class));

  private final boolean cardHolder;
  private final int age;
  private final Set<HouseholdFlag> flags;

  private RequesterFacts(boolean cardHolder, int age, Set<HouseholdFlag> flags) {
    this.cardHolder = cardHolder;
    this.age = age;
    this.flags = flags;
  }

  /**
   * No facts known: not a card holder, age unknown, no flags. Such a requester is eligible only
   * for offers without card, age or flag conditions.
   *
   * @return the empty facts
   */
  public static RequesterFacts none() {
    return NONE;
  }

  /**
   * Creates the facts.
   *
   * @param cardHolder whether the requester holds a benefit card (惠民卡)
   * @param age the age in years, in {@code [0, 150]}
   * @param flags household and health flags (copied)
   * @return the facts
   * @throws ValidationException if the age is out of range (the value is not echoed)
   * @throws NullPointerException if {@code flags} is null
   */
  public static RequesterFacts of(boolean cardHolder, int age, Set<HouseholdFlag> flags) {
    checkNotNull(flags, "flags");
    if (age < 0 || age > 150) {
      throw new ValidationException("requester.age", "****", "must be in [0, 150]");
    }
    Set<HouseholdFlag> copy = EnumSet.noneOf(HouseholdFlag.class);
    for (HouseholdFlag f : flags) {
      copy.add(checkNotNull(f, "flags element"));
    }
    return new RequesterFacts(cardHolder, age, java.util.Collections.unmodifiableSet(copy));
  }

  /**
   * Creates the facts of a requester whose age is not known (not admitted where an offer sets an
   * age range).
   *
   * @param cardHolder whether the requester holds a benefit card
   * @param flags household and health flags (copied)
   * @return the facts
   * @throws NullPointerException if {@code flags} is null
   */
  public static RequesterFacts withoutAge(boolean cardHolder, Set<HouseholdFlag> flags) {
    checkNotNull(flags, "flags");
    Set<HouseholdFlag> copy = EnumSet.noneOf(HouseholdFlag.class);
    for (HouseholdFlag f : flags) {
      copy.add(checkNotNull(f, "flags element"));
    }
    return new RequesterFacts(cardHolder, -1, java.util.Collections.unmodifiableSet(copy));
  }

  /**
   * Whether the requester holds a benefit card.
   *
   * @return true if so
   */
  public boolean cardHolder() {
    return cardHolder;
  }

  /**
   * The age in years, if known.
   *
   * @return the age
   */
  public OptionalInt age() {
    return age < 0 ? OptionalInt.empty() : OptionalInt.of(age);
  }

  /**
   * The household and health flags.
   *
   * @return an unmodifiable set
   */
  public Set<HouseholdFlag> flags() {
    return flags;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequesterFacts
        && ((RequesterFacts) o).cardHolder == cardHolder
        && ((RequesterFacts) o).age == age
        && ((RequesterFacts) o).flags.equals(flags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cardHolder, age, flags);
  }

  /** Returns a redacted text: the facts are personal data. */
  @Override
  public String toString() {
    return "RequesterFacts{****}";
  }
}

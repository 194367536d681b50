package io.github.linli.matching;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.alliance.PledgeEligibility;
import java.util.OptionalInt;

/**
 * Whether an offer's {@link PledgeEligibility} admits a need's requester: the one admission rule of
 * the matchers, the grid index and the reason codes. It agrees with core's {@code Alliance.opens} on
 * age, household flags and area, and adds the card condition ({@code opens} is always asked with a
 * card in hand).
 *
 * <p>Stateless and thread-safe; O(number of the requester's flags).
 */
final class Admission {
  private Admission() {}

  /**
   * Whether a requester in a neighbourhood is admitted: a card if {@link
   * PledgeEligibility#cardHoldersOnly()}; an age within {@code [minAge, maxAge]} (inclusive) where
   * either bound is set, so a requester of unknown age is refused there; at least one of the
   * listed household flags where any are listed; and the neighbourhood equal to one of the listed
   * areas where any are listed.
   *
   * @param eligibility the offer's eligibility
   * @param facts the requester's facts
   * @param neighbourhood the need's neighbourhood id ({@link Need#neighbourhood()})
   * @return true if admitted
   */
  static boolean admits(PledgeEligibility eligibility, RequesterFacts facts, String neighbourhood) {
    if (eligibility.cardHoldersOnly() && !facts.cardHolder()) {
      return false;
    }
    if (eligibility.minAge().isPresent() || eligibility.maxAge().isPresent()) {
      OptionalInt age = facts.age();
      if (age.isEmpty()
          || (eligibility.minAge().isPresent() && age.getAsInt() < eligibility.minAge().get())
          || (eligibility.maxAge().isPresent() && age.getAsInt() > eligibility.maxAge().get())) {
        return false;
      }
    }
    if (!eligibility.householdFlags().isEmpty()) {
      boolean any = false;
      for (HouseholdFlag f : facts.flags()) {
        any |= eligibility.householdFlags().contains(f);
      }
      if (!any) {
        return false;
      }
    }
    return eligibility.areas().isEmpty() || eligibility.areas().contains(neighbourhood);
  }
}

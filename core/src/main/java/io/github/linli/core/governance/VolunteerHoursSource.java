package io.github.linli.core.governance;

import io.github.linli.core.MemberId;
import io.github.linli.core.Period;

/**
 * Volunteer hours per member and period, supplied by another module (the time bank implements it
 * from its ledger) so that governance need not depend on it.
 *
 * <p>Implementations should be thread-safe if shared.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface VolunteerHoursSource {
  /**
   * Hours volunteered by or through a member in a period.
   *
   * @param member the member
   * @param period the period
   * @return the hours, finite and {@code >= 0}
   */
  double hours(MemberId member, Period period);

  /**
   * A source with no hours, for alliances without a time bank.
   *
   * @return the source
   */
  static VolunteerHoursSource none() {
    return (member, period) -> 0;
  }
}

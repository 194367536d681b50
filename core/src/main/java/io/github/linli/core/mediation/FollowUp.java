package io.github.linli.core.mediation;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A follow-up visit (回访) after an agreement: what it found about each term, and the parties'
 * satisfaction if asked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param agreement the number of the agreement followed up
 * @param at when
 * @param daysAfterAgreement whole days since the agreement came into force
 * @param checks each term's id and what was found
 * @param satisfaction the parties' satisfaction, 1 to 5, if asked
 * @param by who visited (actor id)
 * @since 0.3.0
 */
public record FollowUp(int agreement, Instant at, long daysAfterAgreement, Map<String, TermCheck> checks,
    OptionalInt satisfaction, String by) {
  /**
   * Creates the value, checking and copying the components.
   *
   * @param agreement the number of the agreement followed up
   * @param at when
   * @param daysAfterAgreement whole days since the agreement came into force
   * @param checks each term's id and what was found
   * @param satisfaction the parties' satisfaction, 1 to 5, if asked
   * @param by who visited (actor id)
   */
  public FollowUp {
    checks = Map.copyOf(checks);
  }

  /**
   * Whether a term was found breached.
   *
   * @return true if any check is {@link TermCheck#BREACHED}
   */
  public boolean breached() {
    return checks.containsValue(TermCheck.BREACHED);
  }
}

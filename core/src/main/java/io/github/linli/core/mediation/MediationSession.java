package io.github.linli.core.mediation;

import java.time.Instant;
import java.util.Set;

/**
 * One mediation session (调解会) and who attended it. What was said is not recorded here: it would
 * be personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the session's number in the case, from 1
 * @param at when it was recorded
 * @param attended the ids of the parties that attended
 * @param recordedBy the actor id that recorded it
 * @since 0.3.0
 */
public record MediationSession(int number, Instant at, Set<String> attended, String recordedBy) {
  /**
   * Creates the value, checking and copying the components.
   *
   * @param number the session's number in the case, from 1
   * @param at when it was recorded
   * @param attended the ids of the parties that attended
   * @param recordedBy the actor id that recorded it
   */
  public MediationSession {
    attended = Set.copyOf(attended);
  }
}

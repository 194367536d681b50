package io.github.linli.core.mediation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A proposed mediation agreement (调解协议) and what became of it: its terms (without wording, see
 * {@link AgreementTerm}), the parties that accepted it, and, once every party accepted, when it
 * came into force.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the agreement's number in the case, from 1
 * @param terms its terms, without wording
 * @param proposedAt when it was proposed
 * @param proposedBy who proposed it (actor id)
 * @param acceptedBy the ids of the parties that accepted it
 * @param concludedAt when every party had accepted it
 * @param status where it stands
 * @param judiciallyConfirmed whether it went to a court for judicial confirmation (司法确认)
 * @since 0.3.0
 */
public record MediationAgreement(int number, List<AgreementTerm> terms, Instant proposedAt, String proposedBy,
    Set<String> acceptedBy, Optional<Instant> concludedAt, AgreementStatus status, boolean judiciallyConfirmed) {
  /**
   * Creates the value, checking and copying the components.
   *
   * @param number the agreement's number in the case, from 1
   * @param terms its terms, without wording
   * @param proposedAt when it was proposed
   * @param proposedBy who proposed it (actor id)
   * @param acceptedBy the ids of the parties that accepted it
   * @param concludedAt when every party had accepted it
   * @param status where it stands
   * @param judiciallyConfirmed whether it went to a court for judicial confirmation (司法确认)
   */
  public MediationAgreement {
    terms = List.copyOf(terms);
    acceptedBy = Set.copyOf(acceptedBy);
  }
}

package io.github.linli.core.mediation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dispute case (纠纷案件) as it stands: the record every party, the mediator and staff see. It
 * holds ids, the category, states, times and counts, never the facts or the terms' wording (those
 * are personal data, read through {@link Mediation#facts} and {@link Mediation#terms}).
 *
 * <p>Immutable and thread-safe. A case loaded from the event store equals the one that was live.
 *
 * @param id the case id
 * @param category its category
 * @param taxonomy the key of the taxonomy the category came from
 * @param parties the parties
 * @param applicant the id of the party that applied
 * @param gridCell the grid cell, if given
 * @param linkedNeeds the demand ids it came from
 * @param filedAt when it was filed
 * @param filedBy who filed it (actor id)
 * @param state where it stands
 * @param risk its risk level
 * @param riskFlags the flags raised
 * @param riskRaisedAt when it became high-risk, if it did
 * @param mediator the assigned mediator's id, if any
 * @param sessions the sessions held
 * @param agreements every agreement proposed, oldest first
 * @param followUps every follow-up visit, oldest first
 * @param escalations every step up the ladder, oldest first
 * @param level the level it is at
 * @param levelSince when it reached that level
 * @param closedAt when it was last closed, referred or withdrawn (empty while open or agreed)
 * @param reopenings how many times it was reopened (by a breach or by a party)
 * @since 0.3.0
 */
public record DisputeCase(
    String id,
    DisputeCategory category,
    String taxonomy,
    List<DisputeParty> parties,
    String applicant,
    Optional<String> gridCell,
    List<String> linkedNeeds,
    Instant filedAt,
    String filedBy,
    CaseState state,
    RiskLevel risk,
    Set<RiskFlag> riskFlags,
    Optional<Instant> riskRaisedAt,
    Optional<String> mediator,
    List<MediationSession> sessions,
    List<MediationAgreement> agreements,
    List<FollowUp> followUps,
    List<Escalation> escalations,
    EscalationLevel level,
    Instant levelSince,
    Optional<Instant> closedAt,
    int reopenings) {

  /**
   * Creates the value, checking and copying the components.
   *
   * @param id the case id
   * @param category its category
   * @param taxonomy the key of the taxonomy the category came from
   * @param parties the parties
   * @param applicant the id of the party that applied
   * @param gridCell the grid cell, if given
   * @param linkedNeeds the demand ids it came from
   * @param filedAt when it was filed
   * @param filedBy who filed it (actor id)
   * @param state where it stands
   * @param risk its risk level
   * @param riskFlags the flags raised
   * @param riskRaisedAt when it became high-risk, if it did
   * @param mediator the assigned mediator's id, if any
   * @param sessions the sessions held
   * @param agreements every agreement proposed, oldest first
   * @param followUps every follow-up visit, oldest first
   * @param escalations every step up the ladder, oldest first
   * @param level the level it is at
   * @param levelSince when it reached that level
   * @param closedAt when it was last closed, referred or withdrawn (empty while open or agreed)
   * @param reopenings how many times it was reopened (by a breach or by a party)
   */
  public DisputeCase {
    parties = List.copyOf(parties);
    linkedNeeds = List.copyOf(linkedNeeds);
    riskFlags = Set.copyOf(riskFlags);
    sessions = List.copyOf(sessions);
    agreements = List.copyOf(agreements);
    followUps = List.copyOf(followUps);
    escalations = List.copyOf(escalations);
  }

  /**
   * A party by id.
   *
   * @param partyId the id
   * @return the party, if it is one of this case's
   */
  public Optional<DisputeParty> party(String partyId) {
    return parties.stream().filter(p -> p.id().equals(partyId)).findFirst();
  }

  /**
   * Whether an actor id acts for one of the parties.
   *
   * @param actorId the actor id
   * @return true if so
   */
  public boolean involves(String actorId) {
    return parties.stream().anyMatch(p -> p.actsFor(actorId));
  }

  /**
   * The latest agreement proposed, if any.
   *
   * @return the agreement
   */
  public Optional<MediationAgreement> latestAgreement() {
    return agreements.isEmpty() ? Optional.empty() : Optional.of(agreements.get(agreements.size() - 1));
  }

  /**
   * When the first agreement came into force, if one did.
   *
   * @return the instant
   */
  public Optional<Instant> firstAgreementAt() {
    return agreements.stream().map(MediationAgreement::concludedAt).flatMap(Optional::stream).findFirst();
  }
}

package io.github.linli.core.mediation;

import io.github.linli.core.demand.Demand;
import java.util.Optional;

/**
 * A need the {@link RoutingRule} proposes for mediation, waiting for a person to confirm it: they
 * name the other party and file the case ({@link #toFiling}). It shows why (how many party and
 * conflict terms matched, whether the classifier put the need under legal aid), never the need's
 * text.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class RoutingProposal {
  private final Demand demand;
  private final DisputeCategory category;
  private final int partySignals;
  private final int conflictSignals;
  private final boolean legalDomain;

  RoutingProposal(Demand demand, DisputeCategory category, int partySignals, int conflictSignals, boolean legalDomain) {
    this.demand = demand;
    this.category = category;
    this.partySignals = partySignals;
    this.conflictSignals = conflictSignals;
    this.legalDomain = legalDomain;
  }

  /**
   * The demand's id.
   *
   * @return the id
   */
  public String demandId() {
    return demand.id();
  }

  /**
   * The suggested category.
   *
   * @return the category
   */
  public DisputeCategory category() {
    return category;
  }

  /**
   * How many words naming another party matched.
   *
   * @return the count
   */
  public int partySignals() {
    return partySignals;
  }

  /**
   * How many words naming a conflict matched.
   *
   * @return the count
   */
  public int conflictSignals() {
    return conflictSignals;
  }

  /**
   * Whether the classifier put the need under legal aid.
   *
   * @return true if so
   */
  public boolean legalDomain() {
    return legalDomain;
  }

  /**
   * A filing for the confirming person to complete and file: the requester as the applicant
   * resident, the other party they name, the suggested category, the need's text as the facts, the
   * need linked, its grid cell.
   *
   * @param caseId the new case's id
   * @param otherParty the party the need names
   * @return a builder, ready to {@code build()} or to change
   */
  public CaseFiling.Builder toFiling(String caseId, DisputeParty otherParty) {
    CaseFiling.Builder b = CaseFiling.builder().id(caseId).addParty(DisputeParty.resident(demand.requester())).addParty(otherParty)
        .category(category).facts(demand.text()).linkNeed(demand.id());
    Optional<String> cell = demand.gridCell();
    cell.ifPresent(b::gridCell);
    return b;
  }

  @Override
  public String toString() {
    return "RoutingProposal{demand " + demand.id() + " → " + category + " (" + category.label().zh() + "), " + partySignals
        + " party and " + conflictSignals + " conflict signals" + (legalDomain ? ", legal aid" : "") + ": confirm and file}";
  }
}

package io.github.linli.jackson.internal;

import java.util.Map;
import java.util.Set;

/**
 * Which Linli types {@code LinliModule} writes and reads, and which of their attributes are personal
 * data. An allow-list on purpose: a service (a {@code TimeBank}, an {@code Alliance}) has no-argument
 * methods with effects ({@code verify()}, {@code refresh()}), so the module never treats a type as a
 * value unless it is named here. {@code LinliModuleSweepTest} fails when an exported type is neither
 * here nor in its reviewed list of non-values.
 *
 * <p>Not API. Immutable and thread-safe.
 */
public final class Catalogue {
  private Catalogue() {}

  /** Types written as objects of their accessors (and read through their builder or factory). */
  public static final Set<String> VALUES = Set.of(
      // core
      "io.github.linli.core.Actor",
      "io.github.linli.core.GeoPoint",
      "io.github.linli.core.Observation",
      // core.alliance
      "io.github.linli.core.alliance.Access",
      "io.github.linli.core.alliance.AllianceFigures",
      "io.github.linli.core.alliance.AllianceReadModels$MemberRow",
      "io.github.linli.core.alliance.AllianceReadModels$PledgeRow",
      "io.github.linli.core.alliance.AllianceSnapshot",
      "io.github.linli.core.alliance.BenefitCard",
      "io.github.linli.core.alliance.Contact",
      "io.github.linli.core.alliance.Delivery",
      "io.github.linli.core.alliance.Fulfilment",
      "io.github.linli.core.alliance.Member",
      "io.github.linli.core.alliance.OfferTerms",
      "io.github.linli.core.alliance.MembershipEvent",
      "io.github.linli.core.alliance.Place",
      "io.github.linli.core.alliance.Pledge",
      "io.github.linli.core.alliance.PledgeEligibility",
      "io.github.linli.core.alliance.PledgePrice",
      // core.governance
      "io.github.linli.core.governance.Ballot",
      "io.github.linli.core.governance.Candidate",
      "io.github.linli.core.governance.Charter",
      "io.github.linli.core.governance.Contribution",
      "io.github.linli.core.governance.ContributionWeights",
      "io.github.linli.core.governance.JointMeetingSnapshot",
      "io.github.linli.core.governance.MeetingReadModel$MeetingRow",
      "io.github.linli.core.governance.MeetingReadModel$ResolutionRow",
      "io.github.linli.core.governance.MinutesEntry",
      "io.github.linli.core.governance.Motion",
      "io.github.linli.core.governance.QuorumRule",
      "io.github.linli.core.governance.Quota",
      "io.github.linli.core.governance.QuotaReport",
      "io.github.linli.core.governance.QuotaRules",
      "io.github.linli.core.governance.QuotaViolation",
      "io.github.linli.core.governance.Resolution",
      "io.github.linli.core.governance.Seat",
      "io.github.linli.core.governance.Tally",
      // core.governance.budget
      "io.github.linli.core.governance.budget.BudgetBallot",
      "io.github.linli.core.governance.budget.BudgetElection",
      "io.github.linli.core.governance.budget.BudgetOutcome",
      "io.github.linli.core.governance.budget.BudgetProject",
      "io.github.linli.core.governance.budget.BudgetRule",
      "io.github.linli.core.governance.budget.MergedBallots",
      // core.demand
      "io.github.linli.core.demand.Classification",
      "io.github.linli.core.demand.Demand",
      "io.github.linli.core.demand.DemandEvent",
      "io.github.linli.core.demand.DemandMap",
      "io.github.linli.core.demand.DemandMap$Cell",
      "io.github.linli.core.demand.DemandRequest",
      "io.github.linli.core.demand.DemandRow",
      "io.github.linli.core.demand.DomainTaxonomy",
      "io.github.linli.core.demand.LabelledExample",
      "io.github.linli.core.demand.LexiconTerm",
      "io.github.linli.core.demand.ResponseMapping",
      "io.github.linli.core.demand.ServiceDomain",
      "io.github.linli.core.demand.TaxonomyRegistry$Adoption",
      // core.privacy
      "io.github.linli.core.privacy.AccessRecord",
      // core.sample
      "io.github.linli.core.sample.SampleNeed",
      "io.github.linli.core.sample.SampleResident",
      // core.store
      "io.github.linli.core.store.AppendRequest",
      "io.github.linli.core.store.AppendResult",
      "io.github.linli.core.store.EventData",
      "io.github.linli.core.store.RecordedEvent",
      "io.github.linli.core.store.Snapshot",
      "io.github.linli.core.store.StreamId",
      // matching
      "io.github.linli.matching.Alternative",
      "io.github.linli.matching.Assignment",
      "io.github.linli.matching.Explanation",
      "io.github.linli.matching.MatchMetrics",
      "io.github.linli.matching.MatchResult",
      "io.github.linli.matching.MatchingPolicy",
      "io.github.linli.matching.Need",
      "io.github.linli.matching.Offer",
      "io.github.linli.matching.PriceTerms",
      "io.github.linli.matching.StreamingMatcher$Decision",
      "io.github.linli.matching.Unmatched",
      // timebank
      "io.github.linli.timebank.Account",
      "io.github.linli.timebank.AccountSpec",
      "io.github.linli.timebank.AccountStatement",
      "io.github.linli.timebank.AccountStatement$Line",
      "io.github.linli.timebank.Contributor",
      "io.github.linli.timebank.Conversion",
      "io.github.linli.timebank.Exchange",
      "io.github.linli.timebank.LedgerTotals",
      "io.github.linli.timebank.Transfer",
      "io.github.linli.timebank.TransferRequest",
      "io.github.linli.timebank.TransferResult",
      "io.github.linli.timebank.VerifyReport",
      "io.github.linli.timebank.store.PrefixMigration",
      "io.github.linli.timebank.store.RetryPolicy",
      // scorecard
      "io.github.linli.scorecard.AhpWeighting",
      "io.github.linli.scorecard.Diagnosis",
      "io.github.linli.scorecard.Dimension",
      "io.github.linli.scorecard.Finding",
      "io.github.linli.scorecard.Indicator",
      "io.github.linli.scorecard.IndicatorSystem",
      "io.github.linli.scorecard.Normalisation",
      "io.github.linli.scorecard.RankedCommunity",
      "io.github.linli.scorecard.Scorecard",
      "io.github.linli.scorecard.ScorecardChange",
      "io.github.linli.scorecard.methods.AhpResult",
      "io.github.linli.scorecard.methods.FuzzyResult",
      "io.github.linli.scorecard.survey.Item",
      "io.github.linli.scorecard.survey.Questionnaire",
      "io.github.linli.scorecard.survey.Rejection",
      "io.github.linli.scorecard.survey.ScaleReliability",
      "io.github.linli.scorecard.survey.SurveyResult",
      // core.mediation
      "io.github.linli.core.mediation.AgreementTerm",
      "io.github.linli.core.mediation.CaseFiling",
      "io.github.linli.core.mediation.DisputeCase",
      "io.github.linli.core.mediation.DisputeCategory",
      "io.github.linli.core.mediation.DisputeParty",
      "io.github.linli.core.mediation.DisputeTaxonomy",
      "io.github.linli.core.mediation.Escalation",
      "io.github.linli.core.mediation.FollowUp",
      "io.github.linli.core.mediation.MediationAgreement",
      "io.github.linli.core.mediation.MediationSession",
      "io.github.linli.core.mediation.Mediator",
      "io.github.linli.core.mediation.OverdueCase",
      "io.github.linli.core.mediation.RoutingProposal",
      // matching.dispatch
      "io.github.linli.matching.dispatch.Commitment",
      "io.github.linli.matching.dispatch.DispatchOutcome",
      "io.github.linli.matching.dispatch.Reoptimisation",
      // matching.solver
      "io.github.linli.matching.solver.CertifiedMatching",
      "io.github.linli.matching.solver.OptimalityCertificate",
      "io.github.linli.matching.solver.Verification");

  /** Types with a JSON form of their own (strings, intervals, amounts); every {@code OpaqueId} too. */
  public static final Set<String> SPECIAL = Set.of(
      "io.github.linli.core.Label",
      "io.github.linli.core.Period",
      "io.github.linli.core.TimeWindow",
      "io.github.linli.core.OpaqueId",
      "io.github.linli.timebank.Credits",
      "io.github.linli.matching.RequesterFacts");

  /**
   * Personal attributes per type: written as {@code "****"}. The sweep test checks that every
   * attribute a type's {@code toString()} masks is listed here.
   */
  public static final Map<String, Set<String>> PERSONAL = Map.ofEntries(
      Map.entry("io.github.linli.core.demand.Demand", Set.of("text", "point", "householdFlags")),
      Map.entry("io.github.linli.core.demand.DemandRequest", Set.of("text", "point", "householdFlags")),
      Map.entry("io.github.linli.core.demand.LabelledExample", Set.of("text")),
      Map.entry("io.github.linli.core.alliance.BenefitCard", Set.of("birthDate", "householdFlags", "area")),
      Map.entry("io.github.linli.core.alliance.Contact", Set.of("name", "phone")),
      Map.entry("io.github.linli.core.alliance.Member", Set.of("contact")),
      Map.entry("io.github.linli.core.governance.budget.BudgetBallot", Set.of("attributes")),
      Map.entry("io.github.linli.matching.Need", Set.of("place", "requester")),
      Map.entry("io.github.linli.matching.dispatch.DispatchOutcome", Set.of("distanceMetres")),
      Map.entry("io.github.linli.core.mediation.CaseFiling", Set.of("facts")),
      Map.entry("io.github.linli.core.mediation.AgreementTerm", Set.of("wording")),
      Map.entry("io.github.linli.core.sample.SampleNeed", Set.of("text", "place")),
      Map.entry("io.github.linli.core.sample.SampleResident", Set.of("home", "age", "flags")));

  /** No-argument public methods of value types that are operations or views, not attributes. */
  public static final Map<String, Set<String>> NOT_ATTRIBUTES = Map.of(
      "io.github.linli.timebank.TransferRequest", Set.of("linked"),
      "io.github.linli.scorecard.Scorecard", Set.of("diagnose"),
      "io.github.linli.core.demand.DemandMap", Set.of("toCsv"));

  /** The mask written in place of a personal value. */
  public static final String MASK = "****";
}

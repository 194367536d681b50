/**
 * Community dispute mediation (矛盾纠纷调解): cases between residents, member units, merchants, the
 * property company and the residents' committee, mediated by people the alliance authorises, to an
 * agreement (调解协议) that every party accepts and follow-up visits (回访) check.
 *
 * <p>{@link io.github.linli.core.mediation.Mediation} is the desk: it files {@link
 * io.github.linli.core.mediation.CaseFiling}s into {@link io.github.linli.core.mediation.DisputeCase}s
 * under a versioned {@link io.github.linli.core.mediation.DisputeTaxonomy}, assigns a {@link
 * io.github.linli.core.mediation.Mediator} after a conflict-of-interest check, records sessions,
 * proposals, acceptances and follow-ups, moves cases up the {@link
 * io.github.linli.core.mediation.EscalationLevel} ladder within the deadlines of {@link
 * io.github.linli.core.mediation.MediationRules}, and reports figures as core {@code
 * Observation}s. A {@link io.github.linli.core.mediation.RoutingRule} proposes needs for mediation
 * for a person to confirm.
 *
 * <p>All state is kept as events in the core event store; facts and terms' wording are personal
 * data kept in the personal-data store and never appear in {@code toString()}, exception messages
 * or logs. Every type here is immutable and thread-safe unless it is a builder; the desk is
 * thread-safe. Guide: {@code docs/mediation.md}.
 */
package io.github.linli.core.mediation;

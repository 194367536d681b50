package io.github.linli.core.mediation;

import java.time.Duration;
import java.time.Instant;

/**
 * A case whose current step is past its deadline ({@link Mediation#overdue}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case
 * @param level the level it is at
 * @param state its state
 * @param risk its risk level
 * @param since when the current step started
 * @param due when it should have been done
 * @param overdueBy how long past the deadline
 * @since 0.3.0
 */
public record OverdueCase(String caseId, EscalationLevel level, CaseState state, RiskLevel risk, Instant since, Instant due,
    Duration overdueBy) {}

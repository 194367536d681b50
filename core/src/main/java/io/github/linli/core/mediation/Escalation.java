package io.github.linli.core.mediation;

import java.time.Instant;

/**
 * One step up the ladder: from which level to which, why, who decided, when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the level before
 * @param to the level after
 * @param reason why
 * @param decidedBy who decided (actor id)
 * @param at when
 * @since 0.3.0
 */
public record Escalation(EscalationLevel from, EscalationLevel to, EscalationReason reason, String decidedBy, Instant at) {}

/**
 * Governance of the alliance: the joint meeting (联席会议), committee quotas and contribution values.
 *
 * <p>A {@link io.github.linli.core.governance.JointMeeting} has {@link
 * io.github.linli.core.governance.Seat}s by {@link io.github.linli.core.governance.Party} and a
 * {@link io.github.linli.core.governance.Charter} (quorum, decision rules, proxies). {@link
 * io.github.linli.core.governance.Motion}s are voted on with one {@link
 * io.github.linli.core.governance.Ballot} per seated participant; closing a motion gives a {@link
 * io.github.linli.core.governance.Tally} and, when adopted with a quorum, a {@link
 * io.github.linli.core.governance.Resolution}: the authority for the change it decides.
 *
 * <p>{@link io.github.linli.core.governance.QuotaRules} check a committee roster against shares such
 * as source 002's residents 40 %, experts 30 %, third-party assessors 30 %, and draw one with a
 * seed. {@link io.github.linli.core.governance.ContributionValues} computes members' contribution
 * values (社区贡献值) and reports them as core {@link io.github.linli.core.Observation}s.
 *
 * <p>Values are immutable and thread-safe; meetings are synchronized aggregates.
 */
@LinliStyle
package io.github.linli.core.governance;

import io.github.linli.core.internal.LinliStyle;

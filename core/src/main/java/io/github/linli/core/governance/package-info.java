/**
 * Governance of the alliance: the joint meeting (联席会议) with seats, quorum, motions, ballots and resolutions; committee quotas; contribution values.
 */
@LinliStyle
package io.github.linli.core.governance;

import io.github.linli.core.internal.LinliStyle;

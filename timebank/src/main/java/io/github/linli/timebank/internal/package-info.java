/**
 * The ledger's rules, shared by every store: batch processing with linked chains, limits,
 * two-phase transfers, reversals and idempotency. Not API.
 */
@LinliStyle
package io.github.linli.timebank.internal;

import io.github.linli.core.internal.LinliStyle;

/**
 * The time bank (时间银行): a double-entry ledger of service minutes and points with idempotent, two-phase and linked transfers, service exchanges and statements.
 */
@LinliStyle
package io.github.linli.timebank;

import io.github.linli.core.internal.LinliStyle;

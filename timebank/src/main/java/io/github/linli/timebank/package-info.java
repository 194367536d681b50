/**
 * The time bank (时间银行): a double-entry ledger of service minutes and points, modelled on
 * TigerBeetle (docs.tigerbeetle.com).
 *
 * <p>Start with {@link io.github.linli.timebank.TimeBank#inMemory()}. Accounts ({@link
 * io.github.linli.timebank.AccountSpec}) live on one ledger per unit ({@link
 * io.github.linli.timebank.LedgerId}); a {@link io.github.linli.timebank.TransferRequest} moves
 * {@link io.github.linli.timebank.Credits} from the debit account (which pays: it received the
 * service) to the credit account (which earns) and is answered with a {@link
 * io.github.linli.timebank.TransferStatus}. Transfers are immutable and idempotent by their
 * client-chosen ids; pending transfers reserve and are posted, voided or expire; linked chains
 * commit all or nothing; reversals correct. {@link io.github.linli.timebank.ServiceExchanges} runs
 * the request → accept → deliver → confirm workflow with permissions; statements, totals, top
 * contributors and figures (as core {@code Observation}s) read the journal.
 *
 * <p>Where the ledger is kept is the {@link io.github.linli.timebank.store.LedgerStore}'s concern.
 */
@LinliStyle
package io.github.linli.timebank;

import io.github.linli.core.internal.LinliStyle;

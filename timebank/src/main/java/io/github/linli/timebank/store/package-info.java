/**
 * The {@link io.github.linli.timebank.store.LedgerStore} SPI and its implementations ({@link
 * io.github.linli.timebank.store.LedgerStores}): in memory, and JDBC in plain SQL for H2 and
 * PostgreSQL with no compile-time dependency on a driver. Every store applies a batch atomically
 * with the same rules; the JDBC store serialises writers across processes on one head row, keeps
 * a hash chain over the journal, and verifies both on demand.
 */
@LinliStyle
package io.github.linli.timebank.store;

import io.github.linli.core.internal.LinliStyle;

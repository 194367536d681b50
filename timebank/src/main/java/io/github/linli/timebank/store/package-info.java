/**
 * The {@link io.github.linli.timebank.store.LedgerStore} SPI and its implementations ({@link
 * io.github.linli.timebank.store.LedgerStores}): in memory, and JDBC in plain SQL for H2 and
 * PostgreSQL with no compile-time dependency on a driver. Every store applies a batch atomically
 * with the same rules. The JDBC store keeps every community's ledger in one set of shared tables
 * keyed by tenant first (Flyway-named migrations applied through core's migrator), serialises a
 * tenant's writers across processes on its head row, keeps a hash chain over the journal, and
 * verifies both on demand. Its parts: {@code Transactions} (one borrowed connection per attempt,
 * the {@link io.github.linli.timebank.store.RetryPolicy}, resolution of a commit whose outcome is
 * unknown), {@code LedgerRows} (row mappers, chunked reads, journal paging), {@code LedgerSchema}
 * (migrations, head rows, the move from the prefixed tables of before 0.2) and {@code
 * JdbcLedgerStore} (the ledger's operations).
 */
@LinliStyle
package io.github.linli.timebank.store;

import io.github.linli.core.internal.LinliStyle;

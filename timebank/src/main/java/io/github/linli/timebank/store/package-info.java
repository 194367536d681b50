/**
 * The {@code LedgerStore} SPI and its in-memory and JDBC implementations.
 */
@LinliStyle
package io.github.linli.timebank.store;

import io.github.linli.core.internal.LinliStyle;

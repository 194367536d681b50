/**
 * Linli time bank: a double-entry time-credit ledger with idempotent, two-phase and linked transfers, service exchanges, points, and in-memory and JDBC stores.
 */
module io.github.linli.timebank {
  requires io.github.linli.core;
  requires com.google.common;
  requires org.slf4j;
  requires static org.immutables.value;
  requires java.sql;

  // exports io.github.linli.timebank;  (added with the first type of the package)
  // exports io.github.linli.timebank.store;  (added with the first type of the package)
}

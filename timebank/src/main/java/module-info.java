/**
 * Linli time bank: a double-entry time-credit ledger with idempotent, two-phase and linked transfers, service exchanges, points, and in-memory and JDBC stores.
 */
module io.github.linli.timebank {
  requires transitive io.github.linli.core;
  requires com.google.common;
  requires org.slf4j;
  requires static org.immutables.value;
  requires transitive java.sql;

  exports io.github.linli.timebank;
  exports io.github.linli.timebank.store;
}

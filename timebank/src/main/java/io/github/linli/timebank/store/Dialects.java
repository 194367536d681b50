package io.github.linli.timebank.store;

import io.github.linli.core.internal.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database the store talks to, read once when it opens. Not API. */
final class Dialects {
  private Dialects() {}

  /** What the store does differently per database. */
  enum Flavor {
    /** PostgreSQL before 12 (no {@code plan_cache_mode}). */
    POSTGRES,
    /** PostgreSQL 12 or newer. */
    POSTGRES_12,
    /** H2. */
    H2,
    /** Anything else: plain SQL, and verify holds the head lock instead of reading a snapshot. */
    OTHER;

    boolean postgres() {
      return this == POSTGRES || this == POSTGRES_12;
    }

    /** Whether verify can read one snapshot across tables without a lock. */
    boolean snapshots() {
      return this != OTHER;
    }
  }

  static Flavor of(Connection c) throws SQLException {
    if (Dialect.isPostgres(c)) {
      return c.getMetaData().getDatabaseMajorVersion() >= 12 ? Flavor.POSTGRES_12 : Flavor.POSTGRES;
    }
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.equals("h2") ? Flavor.H2 : Flavor.OTHER;
  }
}

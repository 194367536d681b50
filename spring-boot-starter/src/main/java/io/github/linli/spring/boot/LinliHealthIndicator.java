package io.github.linli.spring.boot;

import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.Migrations;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.VerifyReport;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Linli's part of {@code /actuator/health}: the event store answers (the tenant's feed head), no
 * Linli migration is pending, and the time bank's ledger verifies (balances equal the journal, the
 * hash chain holds). Down names what failed; never personal data. Thread-safe.
 *
 * @since 0.1.0
 */
public class LinliHealthIndicator extends AbstractHealthIndicator {
  private final EventStore store;
  private final DataSource dataSource;
  private final TimeBank bank;
  private final String tenant;

  /**
   * A health indicator over these parts; any may be null when the application has none.
   *
   * @param store the event store, or null
   * @param dataSource the database, or null
   * @param bank the time bank, or null
   * @param tenant the tenant
   */
  public LinliHealthIndicator(EventStore store, DataSource dataSource, TimeBank bank, String tenant) {
    super("Linli health check failed");
    this.store = store;
    this.dataSource = dataSource;
    this.bank = bank;
    this.tenant = tenant;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("tenant", tenant);
    if (store != null) {
      builder.withDetail("eventStoreHead", store.head(tenant));
    }
    if (dataSource != null) {
      List<String> pending = Migrations.pending(dataSource);
      builder.withDetail("pendingMigrations", pending);
      if (!pending.isEmpty()) {
        builder.down();
      }
    }
    if (bank != null) {
      VerifyReport r = bank.verify();
      builder.withDetail("ledgerConsistent", r.isConsistent()).withDetail("ledgerProblems", r.problems().size());
      if (!r.isConsistent()) {
        builder.down();
      }
    }
  }
}

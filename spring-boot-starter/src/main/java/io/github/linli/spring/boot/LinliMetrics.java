package io.github.linli.spring.boot;

import io.github.linli.core.store.EventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Linli's Micrometer meters, when Micrometer is on the class path: {@code linli.events.head} (the
 * tenant's feed position: how many events the platform has recorded; its rate is the write rate)
 * and {@code linli.ledger.consistent} (1 after a scheduled verification that found the ledger
 * consistent, 0 after one that did not, absent before the first). Read on each scrape with one
 * indexed query; no personal data in names or tags (the tag is the tenant). Thread-safe.
 *
 * @since 0.1.0
 */
public class LinliMetrics implements MeterBinder {
  private final EventStore store;
  private final LinliJobs jobs;
  private final String tenant;

  /**
   * Meters over these parts; either may be null.
   *
   * @param store the event store, or null
   * @param jobs the scheduled jobs, or null
   * @param tenant the tenant
   */
  public LinliMetrics(EventStore store, LinliJobs jobs, String tenant) {
    this.store = store;
    this.jobs = jobs;
    this.tenant = tenant;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (store != null) {
      Gauge.builder("linli.events.head", store, s -> s.head(tenant))
          .description("Position of the tenant's event feed (events recorded)").tag("tenant", tenant).register(registry);
    }
    if (jobs != null) {
      Gauge.builder("linli.ledger.consistent", jobs, j -> j.lastVerify() == null ? Double.NaN : j.lastVerify().isConsistent() ? 1 : 0)
          .description("1 when the last scheduled ledger verification found it consistent").tag("tenant", tenant).register(registry);
    }
  }
}

package io.github.linli.spring.boot;

import io.github.linli.core.store.EventStore;
import io.github.linli.timebank.TimeBank;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code linli}, when Actuator is on the class path
 * ({@code management.health.linli.enabled=false} turns it off), and {@link LinliMetrics} when
 * Micrometer is.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LinliAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class LinliActuatorAutoConfiguration {
  /** Creates the configuration (Spring does). */
  public LinliActuatorAutoConfiguration() {}

  /**
   * The indicator.
   *
   * @param store the event store, if any
   * @param dataSource the database, if any
   * @param bank the time bank, if any
   * @param tenant the tenant
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "linliHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("linli")
  public LinliHealthIndicator linliHealthIndicator(ObjectProvider<EventStore> store, ObjectProvider<DataSource> dataSource,
      ObjectProvider<TimeBank> bank, LinliTenantResolver tenant) {
    return new LinliHealthIndicator(store.getIfAvailable(), dataSource.getIfAvailable(), bank.getIfAvailable(), tenant.tenant());
  }

  /** The meters, when Micrometer is present. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    LinliMetrics linliMetrics(ObjectProvider<EventStore> store, ObjectProvider<LinliJobs> jobs, LinliTenantResolver tenant) {
      return new LinliMetrics(store.getIfAvailable(), jobs.getIfAvailable(), tenant.tenant());
    }
  }
}

package io.github.linli.spring.boot;

import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.demand.DemandClassifier;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.ResponseMapping;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Protector;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.Migrations;
import io.github.linli.jackson.LinliModule;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.store.LedgerStores;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Linli on the application's {@code DataSource}: a {@code Clock} in {@code linli.zone}, the event
 * store, the personal-data store (AES-GCM with {@code linli.personal-data.key}), the demand intake
 * and classifier, the time bank, and the Jackson module. Every bean backs off when the application
 * defines its own of the same type.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    beforeName = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration")
@EnableConfigurationProperties(LinliProperties.class)
public class LinliAutoConfiguration {
  /** Creates the configuration (Spring does). */
  public LinliAutoConfiguration() {}

  /**
   * The clock, in the community's zone.
   *
   * @param properties the settings
   * @return the system clock in {@code linli.zone}
   */
  @Bean
  @ConditionalOnMissingBean
  public Clock linliClock(LinliProperties properties) {
    return Clock.system(properties.getZone());
  }

  /**
   * The tenant: {@code linli.tenant}.
   *
   * @param properties the settings
   * @return a resolver answering {@code linli.tenant}
   */
  @Bean
  @ConditionalOnMissingBean
  public LinliTenantResolver linliTenantResolver(LinliProperties properties) {
    String tenant = properties.getTenant();
    return () -> tenant;
  }

  /**
   * The demand classifier: Linli's default (lexicon and n-gram model).
   *
   * @return the classifier
   */
  @Bean
  @ConditionalOnMissingBean
  public DemandClassifier linliDemandClassifier() {
    return DemandClassifier.defaultClassifier();
  }

  /**
   * The Jackson module: Boot registers every {@code Module} bean on its {@code ObjectMapper}.
   *
   * @param properties the settings
   * @return the module
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
  public LinliModule linliJacksonModule(LinliProperties properties) {
    LinliModule.Builder b = LinliModule.builder().enumLabels(properties.getJson().isEnumLabels());
    if (properties.getJson().getLabelLocale() != null) {
      b.labelLocale(properties.getJson().getLabelLocale());
    }
    return b.build();
  }

  /** The protector of personal data, from {@code linli.personal-data.key}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "linli.personal-data", name = "key")
  static class ProtectorConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Protector linliProtector(LinliProperties properties) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(properties.getPersonalData().getKey().strip());
      } catch (IllegalArgumentException e) {
        throw new ValidationException("linli.personal-data.key", "****", "must be Base64");
      }
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new ValidationException("linli.personal-data.key", "****", "must be an AES key of 16, 24 or 32 bytes, was " + key.length);
      }
      return Protector.aesGcm(new SecretKeySpec(key, "AES"));
    }
  }

  /** Linli's migrations by Flyway, when the application has Flyway. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnProperty(prefix = "linli.flyway", name = "enabled", matchIfMissing = true)
  static class FlywayConfiguration {
    @Bean
    @ConditionalOnMissingBean
    LinliFlywayMigrations linliFlywayMigrations(DataSource dataSource,
        ObjectProvider<org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer> applicationFlyway) {
      // the application's own Flyway first: it refuses a non-empty schema without its history table
      applicationFlyway.ifAvailable(initializer -> { });
      return new LinliFlywayMigrations(dataSource);
    }

    /**
     * Refuses to start when the application's Flyway would apply Linli's scripts as its own (a
     * location such as {@code classpath:linli} or the class path's root holds {@code
     * linli/migration}, and Flyway scans subfolders): Linli's tables would be recorded in the
     * application's history. The default {@code classpath:db/migration} does not hold them.
     */
    @Bean
    org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer linliFlywayLocationsCheck() {
      return configuration -> {
        for (org.flywaydb.core.api.Location l : configuration.getLocations()) {
          String linli = Migrations.LOCATION.substring("classpath:".length());
          if (l.isClassPath() && (linli + "/").startsWith(l.getRootPath().isEmpty() ? "" : l.getRootPath() + "/")) {
            throw new ValidationException("spring.flyway.locations", l.getDescriptor(),
                "holds Linli's migrations (" + Migrations.LOCATION + "), which Linli applies with its own history table:"
                    + " keep the application's scripts in a folder of their own, e.g. the default spring.flyway.locations=classpath:db/migration");
          }
        }
      };
    }
  }

  /** The opt-in scheduled jobs. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "linli.jobs", name = "enabled", havingValue = "true")
  @EnableScheduling
  static class JobsConfiguration {
    @Bean
    @ConditionalOnMissingBean
    LinliJobs linliJobs(TimeBank bank) {
      return new LinliJobs(bank);
    }
  }

  /** The stores on the application's {@code DataSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  static class JdbcConfiguration {
    @Bean
    @ConditionalOnMissingBean
    EventStore linliEventStore(DataSource dataSource, Clock clock, LinliProperties properties,
        ObjectProvider<LinliFlywayMigrations> flyway) {
      // when the application uses Flyway, Linli's own Flyway configuration has applied the scripts
      LinliFlywayMigrations migrations = flyway.getIfAvailable();
      boolean byFlyway = migrations != null && migrations.used();
      return EventStores.jdbc().dataSource(dataSource).clock(clock).migrate(properties.isMigrate() && !byFlyway).build();
    }

    @Bean
    @ConditionalOnMissingBean
    Alliance linliAlliance(EventStore store, LinliTenantResolver tenant, Clock clock, PersonalDataStore personalData) {
      return Alliance.open(store, tenant.tenant(), clock, personalData);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataStore linliPersonalDataStore(DataSource dataSource, LinliTenantResolver tenant, ObjectProvider<Protector> protector,
        Clock clock) {
      Protector p = protector.getIfAvailable();
      if (p == null) {
        throw new ValidationException("linli.personal-data.key", null,
            "is needed to keep residents' personal data encrypted in the database: set a Base64 AES-256 key "
                + "from the platform's secret store, or define a Protector or PersonalDataStore bean");
      }
      return PersonalDataStore.jdbc(dataSource, tenant.tenant(), p, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    DemandIntake linliDemandIntake(EventStore store, LinliTenantResolver tenant, Clock clock, PersonalDataStore personalData,
        DemandClassifier classifier) {
      return DemandIntake.open(store, tenant.tenant(), clock, personalData, classifier, ResponseMapping.defaults());
    }

    @Bean
    @ConditionalOnMissingBean
    TimeBank linliTimeBank(DataSource dataSource, LinliTenantResolver tenant, Clock clock) {
      return TimeBank.builder().store(LedgerStores.jdbc().dataSource(dataSource).tenant(tenant.tenant()).build())
          .clock(clock).build();
    }
  }
}

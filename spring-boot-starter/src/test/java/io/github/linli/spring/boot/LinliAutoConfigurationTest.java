package io.github.linli.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandClassifier;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.jackson.LinliModule;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.store.LedgerStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The auto-configuration on H2: what it builds, what it backs off from, and its settings. */
class LinliAutoConfigurationTest {
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JacksonAutoConfiguration.class,
            LinliAutoConfiguration.class, LinliActuatorAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:boot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "linli.tenant=lishan", "linli.personal-data.key=" + KEY);
  }

  @Test
  void dataSourceAndKey_giveAWorkingLinli() {
    runner().run(ctx -> {
      assertThat(ctx).hasSingleBean(EventStore.class).hasSingleBean(TimeBank.class).hasSingleBean(DemandIntake.class)
          .hasSingleBean(PersonalDataStore.class).hasSingleBean(DemandClassifier.class).hasSingleBean(LinliModule.class);
      assertThat(ctx.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
      DemandIntake intake = ctx.getBean(DemandIntake.class);
      Demand d = intake.submit(Actor.of("r-1", Role.RESIDENT), DemandRequest.builder().id("d-1")
          .requester(ResidentId.of("r-1")).text("腿脚不便，想请人每周帮忙买菜").gridCell("C3").build());
      d = intake.classify(Actor.system(), d);
      assertThat(d.tier()).isPresent();
      TimeBank bank = ctx.getBean(TimeBank.class);
      bank.openAccount(AccountSpec.builder().id(AccountId.of("a")).overdraftLimit(Credits.ofHours(2)).build());
      bank.openAccount(AccountSpec.builder().id(AccountId.of("b")).build());
      bank.transfer(TransferId.of("visit:1"), AccountId.of("a"), AccountId.of("b"), Credits.ofMinutes(60));
      // Boot's ObjectMapper carries the module: values serialise, personal data masked
      String json = ctx.getBean(ObjectMapper.class).writeValueAsString(d);
      assertThat(json).contains("\"text\":\"****\"").doesNotContain("买菜");
      assertThat(ctx.getBean(ObjectMapper.class).writeValueAsString(bank.balance(AccountId.of("b"))))
          .isEqualTo("{\"amount\":60,\"unit\":\"MINUTES\"}");
      LinliHealthIndicator health = ctx.getBean(LinliHealthIndicator.class);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(health.health().getDetails()).containsEntry("pendingMigrations", List.of());
      io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
      ctx.getBean(LinliMetrics.class).bindTo(meters);
      assertThat(meters.get("linli.events.head").tag("tenant", "lishan").gauge().value())
          .isEqualTo((double) ctx.getBean(EventStore.class).head("lishan")).isPositive();
    });
  }

  @Test
  void onH2_theStoreMigrates_andJobsAreOptIn() {
    runner().run(ctx -> {
      assertThat(ctx.getBean(LinliFlywayMigrations.class).used()).isFalse();   // H2: the store applied them
      assertThat(io.github.linli.core.store.Migrations.pending(ctx.getBean(javax.sql.DataSource.class))).isEmpty();
      assertThat(ctx).hasSingleBean(io.github.linli.core.alliance.Alliance.class).doesNotHaveBean(LinliJobs.class);
    });
    runner().withPropertyValues("linli.flyway.enabled=false", "linli.jobs.enabled=true").run(ctx -> {
      assertThat(ctx).doesNotHaveBean(LinliFlywayMigrations.class).hasSingleBean(LinliJobs.class);
      assertThat(ctx.getBean(LinliJobs.class).verify().isConsistent()).isTrue();
      assertThat(ctx.getBean(LinliJobs.class).lastVerify()).isNotNull();
      assertThat(ctx.getBean(LinliJobs.class).expireAndConfirm()).isZero();
    });
  }

  @Test
  void applicationFlywayOnTheDefaultLocation_startsBesideLinli_andALocationHoldingLinlisScriptsIsRefused() {
    ApplicationContextRunner withFlyway = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration.class, LinliAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:boot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "linli.personal-data.key=" + KEY);
    // Linli's scripts live outside classpath:db/migration, so the application's default location is its own
    withFlyway.run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(io.github.linli.core.store.EventStore.class));
    withFlyway.withPropertyValues("spring.flyway.locations=classpath:linli")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().isInstanceOf(ValidationException.class)
            .hasMessageContaining("spring.flyway.locations").hasMessageContaining("classpath:db/migration"));
  }

  @Test
  void properties_setZoneTenantAndJson() {
    runner().withPropertyValues("linli.zone=Europe/Berlin", "linli.json.enum-labels=true", "linli.json.label-locale=en")
        .run(ctx -> {
          assertThat(ctx.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
          assertThat(ctx.getBean(LinliTenantResolver.class).tenant()).isEqualTo("lishan");
          assertThat(ctx.getBean(ObjectMapper.class).writeValueAsString(Role.COORDINATOR)).contains("\"code\":\"COORDINATOR\"");
        });
  }

  @Test
  void everyBean_backsOffForTheApplicationsOwn() {
    Clock fixed = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    TimeBank own = TimeBank.builder().store(LedgerStores.inMemory()).clock(fixed).build();
    runner().withBean(Clock.class, () -> fixed).withBean(TimeBank.class, () -> own)
        .withBean(LinliTenantResolver.class, () -> () -> "heping").run(ctx -> {
          assertThat(ctx.getBean(Clock.class)).isSameAs(fixed);
          assertThat(ctx.getBean(TimeBank.class)).isSameAs(own);
          assertThat(ctx.getBean(LinliTenantResolver.class).tenant()).isEqualTo("heping");
        });
  }

  @Test
  void withoutAKey_startUpFailsNamingTheSetting() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, LinliAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:boot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .isInstanceOf(ValidationException.class).hasMessageContaining("linli.personal-data.key"));
    runner().withPropertyValues("linli.personal-data.key=bm90LWEta2V5").run(ctx ->
        assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("16, 24 or 32 bytes"));
  }

  @Test
  void problemDetails_andAuthorities() {
    LinliProblemDetails advice = new LinliProblemDetails("https://example.org/troubleshooting");
    ValidationException bad = new ValidationException("demand.text", "", "must not be blank");
    ProblemDetail p = advice.handle(bad).getBody();
    assertThat(p.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
    assertThat(p.getType().toString()).isEqualTo("https://example.org/troubleshooting#" + bad.troubleshootingAnchor());
    assertThat(AuthorityActors.actor("staff-9", List.of("ROLE_COORDINATOR", "ROLE_USER", "SCOPE_read")).roles())
        .containsExactly(Role.COORDINATOR);
  }
}

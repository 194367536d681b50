package io.github.linli.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.store.EventStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring Boot application with the starter, on PostgreSQL (a schema of its own). */
@SpringBootTest(classes = io.github.linli.spring.boot.app.PortalApp.class)
class LinliPostgresBootTest {
  static final String SCHEMA = "linli_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @org.junit.jupiter.api.BeforeAll
  static void postgresAnswers() {
    DriverManager.setLoginTimeout(3);
    try (Connection probe = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
      probe.isValid(3);
    } catch (java.sql.SQLException e) {
      org.junit.jupiter.api.Assumptions.abort("PostgreSQL does not answer on 127.0.0.1:5432 (.ci/run starts it)");
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void dropSchema() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    } catch (java.sql.SQLException e) {
      // PostgreSQL absent: the test was skipped and made nothing
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
      c.createStatement().execute("CREATE SCHEMA " + SCHEMA);
    }
    r.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA);
    r.add("spring.datasource.username", () -> "postgres");
    r.add("linli.tenant", () -> "lishan");
    r.add("spring.flyway.locations", () -> "classpath:db/migration/portal");   // the application's own scripts
    r.add("linli.personal-data.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
  }

  @Autowired DemandIntake intake;
  @Autowired EventStore store;
  @Autowired ObjectMapper json;
  @Autowired LinliFlywayMigrations flyway;

  @Test
  void needSubmittedThroughTheStarter_isInPostgres() throws Exception {
    intake.withCommandId("req-1").submit(Actor.of("r-1", Role.RESIDENT), DemandRequest.builder().id("d-1")
        .requester(ResidentId.of("r-1")).text("楼道灯坏了一周").gridCell("B2").build());
    assertThat(store.head("lishan")).isPositive();
    // the application has Flyway: Linli's scripts went through it, into Linli's own history table
    assertThat(flyway.used()).isTrue();
    // the event store's scripts and the time bank's (in its ledger/ subfolder)
    assertThat(flyway.applied()).isEqualTo(io.github.linli.core.store.Migrations.scripts().size() + 1);
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
      var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + SCHEMA + ".linli_event WHERE tenant = 'lishan'");
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
      rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + SCHEMA + ".linli_schema_history WHERE success AND type = 'SQL'");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(flyway.applied());
    }
  }
}

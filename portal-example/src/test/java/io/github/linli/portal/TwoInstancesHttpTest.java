package io.github.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the portal on one PostgreSQL schema, driven over HTTP as a load balancer would:
 * the same registrations, admissions and transfers sent to both at once, retries of the same
 * request on the other instance, one instance restarted in the middle; then every acknowledged
 * write is there, seen alike from both, and nothing is doubled.
 */
class TwoInstancesHttpTest {
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String SCHEMA = "linli_portal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  static final String TENANT = "street_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final int MEMBERS = 8;

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;

  static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + PG + "?currentSchema=" + SCHEMA, "--spring.datasource.username=postgres",
        "--linli.tenant=" + TENANT, "--linli.personal-data.key=" + KEY, "--spring.main.banner-mode=off");
  }

  static String url(ConfigurableApplicationContext ctx, String path) {
    return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + path;
  }

  record Answer(int status, JsonNode body) {}

  static Answer call(ConfigurableApplicationContext ctx, String method, String path, String key, String json) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(ctx, path)))
        .header("X-Actor", "staff-1").header("X-Roles", "ROLE_ALLIANCE_ADMIN,ROLE_COORDINATOR,ROLE_USER")
        .header("Content-Type", "application/json");
    if (key != null) {
      r.header("Idempotency-Key", key);
    }
    r.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> resp = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(resp.statusCode(), resp.body().isEmpty() ? null : JSON.readTree(resp.body()));
  }

  /** Sends the same kind of request to both instances at once. */
  static List<Answer> both(String method, String path, String keyA, String keyB, String json) {
    CompletableFuture<Answer> fa = CompletableFuture.supplyAsync(() -> unchecked(() -> call(a, method, path, keyA, json)));
    CompletableFuture<Answer> fb = CompletableFuture.supplyAsync(() -> unchecked(() -> call(b, method, path, keyB, json)));
    return List.of(fa.join(), fb.join());
  }

  interface Call {
    Answer run() throws Exception;
  }

  static Answer unchecked(Call c) {
    try {
      return c.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String member(int i) {
    return "{\"id\":\"m-" + i + "\",\"kind\":\"MERCHANT\",\"name\":{\"zh\":\"商户" + i + "\",\"en\":\"shop " + i + "\"},"
        + "\"community\":\"lishan\"}";
  }

  @BeforeAll
  static void startTwo() throws Exception {
    DriverManager.setLoginTimeout(3);
    try (Connection probe = DriverManager.getConnection(PG, "postgres", "")) {
      probe.isValid(3);
    } catch (java.sql.SQLException e) {
      org.junit.jupiter.api.Assumptions.abort("PostgreSQL does not answer on 127.0.0.1:5432 (.ci/run starts it)");
    }
    try (Connection c = DriverManager.getConnection(PG, "postgres", "")) {
      c.createStatement().execute("CREATE SCHEMA " + SCHEMA);
    }
    a = start();
    b = start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
      if (c != null) {
        c.close();
      }
    }
    if (a != null) {
      try (Connection c = DriverManager.getConnection(PG, "postgres", "")) {
        c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
  }

  @Test
  void twoInstances_conflictsAndARestart_keepEveryAcknowledgedWriteOnce() throws Exception {
    // 1. the same registration on both instances at once (different request keys): one wins, one is told why
    for (int i = 0; i < MEMBERS; i++) {
      List<Answer> r = both("POST", "/members", "reg-" + i + "-a", "reg-" + i + "-b", member(i));
      assertThat(r).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
      Answer lost = r.get(0).status() == 409 ? r.get(0) : r.get(1);
      assertThat(lost.body().get("type").asText()).contains("#");   // problem details with the anchor
    }

    // 2. accounts, and the same transfer id sent to both: posted once
    assertThat(call(a, "POST", "/accounts", null, "{\"id\":\"acc-pool\",\"kind\":\"COMMUNITY_POOL\","
        + "\"overdraftLimit\":{\"amount\":100000,\"unit\":\"MINUTES\"}}").status()).isEqualTo(201);
    assertThat(call(b, "POST", "/accounts", null, "{\"id\":\"acc-helper\",\"holder\":\"r-helper\"}").status()).isEqualTo(201);
    Map<String, Long> acknowledged = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      String t = "{\"id\":\"visit:" + i + "\",\"debit\":\"acc-pool\",\"credit\":\"acc-helper\",\"minutes\":" + (30 + i) + "}";
      List<Answer> r = both("POST", "/transfers", null, null, t);
      assertThat(r).extracting(x -> x.body().get("status").asText()).containsExactlyInAnyOrder("CREATED", "EXISTS");
      acknowledged.put("visit:" + i, 30L + i);
    }

    // 3. needs in Chinese, each retried on the other instance with the same key: one need, one answer
    List<String> needs = new ArrayList<>();
    String[] texts = {"腿脚不便，想请人每周帮忙买菜", "楼道灯坏了一周，晚上老人上下楼很危险", "孩子放学后没人照看"};
    for (int i = 0; i < texts.length; i++) {
      String form = "{\"id\":\"d-" + i + "\",\"text\":\"" + texts[i] + "\",\"gridCell\":\"C3\"}";
      Answer first = call(i % 2 == 0 ? a : b, "POST", "/needs", "need-" + i, form);
      Answer retry = call(i % 2 == 0 ? b : a, "POST", "/needs", "need-" + i, form);
      assertThat(first.status()).isEqualTo(201);
      assertThat(retry.status()).isEqualTo(201);
      assertThat(first.body().get("state").asText()).isEqualTo("CLASSIFIED");
      assertThat(first.body().get("text").asText()).isEqualTo("****");   // the text never leaves in clear
      assertThat(retry.body().get("id")).isEqualTo(first.body().get("id"));
      needs.add("d-" + i);
    }

    // 4. restart one instance in the middle; the other keeps taking writes meanwhile
    b.close();
    assertThat(call(a, "POST", "/members", "reg-late", member(MEMBERS)).status()).isEqualTo(201);
    assertThat(call(a, "POST", "/transfers", null,
        "{\"id\":\"visit:late\",\"debit\":\"acc-pool\",\"credit\":\"acc-helper\",\"minutes\":45}").body().get("status").asText())
        .isEqualTo("CREATED");
    acknowledged.put("visit:late", 45L);
    b = start();

    // 5. the same admission on both at once, after the restart: one admits, one conflicts
    for (int i = 0; i <= MEMBERS; i++) {
      List<Answer> r = both("POST", "/members/m-" + i + "/admit", "adm-" + i + "-a", "adm-" + i + "-b", null);
      assertThat(r).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
    }
    // a retried registration (same key) after the restart answers as before, on the restarted instance
    assertThat(call(b, "POST", "/members", "reg-late", member(MEMBERS)).status()).isEqualTo(201);

    // 6. every acknowledged write is there, alike on both instances, nothing doubled
    for (ConfigurableApplicationContext ctx : List.of(a, b)) {
      JsonNode members = call(ctx, "GET", "/members", null, null).body();
      assertThat(members).hasSize(MEMBERS + 1);
      for (String id : needs) {
        Answer n = call(ctx, "GET", "/needs/" + id, null, null);
        assertThat(n.status()).isEqualTo(200);
        assertThat(n.body().get("state").asText()).isEqualTo("CLASSIFIED");
      }
      long expected = acknowledged.values().stream().mapToLong(Long::longValue).sum();
      assertThat(call(ctx, "GET", "/accounts/acc-helper", null, null).body().get("balance").get("amount").asLong())
          .isEqualTo(expected);
      JsonNode health = call(ctx, "GET", "/actuator/health", null, null).body();
      assertThat(health.get("status").asText()).isEqualTo("UP");
    }
    try (Connection c = DriverManager.getConnection(PG, "postgres", "")) {
      assertThat(count(c, "SELECT COUNT(*) FROM " + SCHEMA + ".linli_ledger_transfer WHERE tenant = '" + TENANT + "'"))
          .isEqualTo(acknowledged.size());
      assertThat(count(c, "SELECT COUNT(DISTINCT stream_id) FROM " + SCHEMA + ".linli_event WHERE tenant = '" + TENANT
          + "' AND category = 'demand'")).isEqualTo(needs.size());
    }
  }

  static long count(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.linli.timebank.store.LedgerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three writer processes share one database: limits and idempotency hold across processes (the
 * checks of {@link ConcurrencyTest}). On H2 (a file database in AUTO_SERVER mode, served by this
 * JVM) and on PostgreSQL when one answers.
 */
class MultiProcessTest {
  static final int PROCESSES = 3;

  void run(String url, String user, DataSource ds) throws Exception {
    String tenant = Databases.uniqueTenant();
    // the store keeps no connection of its own: hold one, as the application's pool would, so the
    // H2 database stays open in this process and the children reach it through its AUTO_SERVER
    try (java.sql.Connection pool = ds.getConnection();
        LedgerStore first = Databases.store(ds, tenant)) {
      ConcurrencyTest.openAccounts(TimeBank.builder().store(first).build());
      List<Process> children = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        children.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    MultiProcessWriter.class.getName(),
                    url,
                    user,
                    tenant,
                    Integer.toString(p))
                .redirectErrorStream(true)
                .start());
      }
      Map<String, List<TransferStatus>> seen = new ConcurrentHashMap<>();
      for (Process child : children) {
        String out = read(child);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("done"), out);
        for (String line : out.split("\n")) {
          String[] f = line.trim().split(" ");
          if (f.length == 2) {
            seen.computeIfAbsent(f[0], k -> new CopyOnWriteArrayList<>())
                .add(TransferStatus.valueOf(f[1]));
          }
        }
      }
      ConcurrencyTest.check(first, seen);
    } finally {
      Databases.dropTenant(ds, tenant);
    }
  }

  private static String read(Process child) throws IOException {
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void h2AutoServer_threeProcesses_keepLimitsAndIdempotency(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    run(url, "sa", Databases.h2(url));
  }

  @Test
  void postgres_threeProcesses_keepLimitsAndIdempotency() throws Exception {
    assumeTrue(Databases.postgresAnswers(), "no PostgreSQL at " + Databases.pgUrl());
    run(Databases.pgUrl(Databases.pgSchema()), Databases.pgUser(), Databases.postgres());
  }
}

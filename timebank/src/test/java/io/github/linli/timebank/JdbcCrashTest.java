package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.timebank.store.LedgerStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process mid-batch ({@code destroyForcibly}), reopens the H2 file database and
 * checks that every batch is fully written or absent, every batch the child saw committed is
 * there, and the ledger verifies (hash chain, replay, zero sums). H2 delays writing commits by
 * 500 ms by default; a durable H2 file database needs {@code WRITE_DELAY=0}.
 */
class JdbcCrashTest {
  @Test
  void killedWriter_eachBatchFullyWrittenOrAbsent(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";FILE_LOCK=FS;WRITE_DELAY=0";
    String tenant = "crash";
    Random random = new Random(42);
    int nextBatch = 0;
    int lastSeen = -1;
    for (int round = 0; round < 3; round++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashWriter.class.getName(),
                  url,
                  tenant,
                  Integer.toString(nextBatch))
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      int target = 3 + random.nextInt(5);
      int seen = 0;
      String line;
      StringBuilder log = new StringBuilder();
      while ((line = out.readLine()) != null) {
        log.append(line).append('\n');
        if (line.startsWith("committed ")) {
          lastSeen = Integer.parseInt(line.substring("committed ".length()));
          if (++seen >= target) {
            break;
          }
        }
      }
      assertTrue(seen >= target, "child wrote batches:\n" + log);
      Thread.sleep(random.nextInt(15)); // land inside the next batch
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));

      try (LedgerStore store = Databases.store(new SimpleDataSource(url, "sa", ""), tenant)) {
        TimeBank bank = TimeBank.builder().store(store).build();
        VerifyReport report = bank.verify();
        Map<Integer, Integer> perBatch = new HashMap<>();
        for (Transfer t : bank.journal()) {
          String id = t.id().value();
          perBatch.merge(Integer.parseInt(id.substring(1, id.indexOf('-'))), 1, Integer::sum);
        }
        perBatch.forEach(
            (k, n) -> assertEquals(CrashWriter.BATCH, n, "batch " + k + " partly written"));
        for (int k = 0; k <= lastSeen; k++) {
          assertTrue(perBatch.containsKey(k), "committed batch " + k + " lost");
        }
        assertEquals(report.transfers(), (long) perBatch.size() * CrashWriter.BATCH);
        nextBatch = perBatch.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      }
    }
    assertTrue(Files.exists(dir.resolve("ledger.mv.db")));
  }
}

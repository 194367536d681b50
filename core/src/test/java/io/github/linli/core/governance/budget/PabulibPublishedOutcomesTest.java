package io.github.linli.core.governance.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real Pabulib elections, kept outside the project: every {@code .pb} file under the directory
 * named by the system property {@code linli.pabulib.dir} (or the environment variable {@code
 * LINLI_PABULIB_DIR}) whose META {@code rule} is one Linli counts is counted with that rule, and
 * the funded set must equal the file's published {@code selected} column. Skipped when no
 * directory is given. (Wieliczka's Green Million 2023, {@code equalshares/add1}, passes.)
 */
class PabulibPublishedOutcomesTest {
  static final Map<String, BudgetRule> RULES =
      Map.of(
          "greedy", BudgetRule.greedy(),
          "equalshares", BudgetRule.equalShares(Completion.NONE, false),
          "equalshares-comparison", BudgetRule.equalShares(Completion.NONE, true),
          "equalshares/add1", BudgetRule.equalShares(Completion.ADD1, false),
          "equalshares/add1-comparison", BudgetRule.equalShares(Completion.ADD1, true));

  @TestFactory
  Stream<DynamicTest> publishedOutcomes_areReproduced() throws IOException {
    String dir = System.getProperty("linli.pabulib.dir", System.getenv("LINLI_PABULIB_DIR"));
    Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "no linli.pabulib.dir");
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(dir))) {
      files = s.filter(f -> f.toString().endsWith(".pb")).sorted().collect(Collectors.toList());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      tests.add(
          DynamicTest.dynamicTest(
              f.getFileName().toString(),
              () -> {
                BudgetElection e = Pabulib.read(f);
                BudgetRule rule = RULES.get(e.meta().getOrDefault("rule", ""));
                Assumptions.assumeTrue(rule != null, "rule not counted: " + e.meta().get("rule"));
                TreeSet<String> published = new TreeSet<>();
                for (BudgetProject p : e.projects()) {
                  String s = p.attributes().getOrDefault("selected", "0");
                  Assumptions.assumeTrue(s.equals("0") || s.equals("1"), "ambiguous selected");
                  if (s.equals("1")) {
                    published.add(p.id());
                  }
                }
                assertEquals(published, new TreeSet<>(e.count(rule).selectedProjectIds()));
              }));
    }
    return tests.stream();
  }
}

package io.github.linli.benchmarks.core;

import io.github.linli.core.governance.budget.BudgetBallot;
import io.github.linli.core.governance.budget.BudgetElection;
import io.github.linli.core.governance.budget.BudgetOutcome;
import io.github.linli.core.governance.budget.BudgetRule;
import io.github.linli.core.governance.budget.Completion;
import io.github.linli.core.governance.budget.Pabulib;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Counting a participatory budget of 10,000 voters: a synthetic Pabulib-like election generated
 * with a fixed seed (50 projects costing 5,000–150,000, budget 1,000,000, approval ballots of 1–10
 * projects drawn with a skewed popularity, so that some projects are far more popular than
 * others, as in real elections). Also reads the same election from its {@code .pb} text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BudgetCountBenchmark {
  /** The rule counted. */
  @Param({"greedy", "mes", "add1", "add1u+comparison"})
  public String rule;

  private BudgetElection election;
  private BudgetRule budgetRule;
  private String pbText;

  /** Generates the election (seed 20261124). */
  @Setup(Level.Trial)
  public void setUp() {
    election = syntheticElection(10_000, 50, 20261124L);
    pbText = Pabulib.format(election);
    switch (rule) {
      case "greedy":
        budgetRule = BudgetRule.greedy();
        break;
      case "mes":
        budgetRule = BudgetRule.equalShares(Completion.NONE, false);
        break;
      case "add1":
        budgetRule = BudgetRule.equalShares(Completion.ADD1, false);
        break;
      default:
        budgetRule = BudgetRule.equalShares(Completion.ADD1_UTILITARIAN, true);
    }
  }

  /**
   * A seeded synthetic approval election.
   *
   * @param voters number of voters
   * @param projects number of projects
   * @param seed the seed
   * @return the election
   */
  public static BudgetElection syntheticElection(int voters, int projects, long seed) {
    Random random = new Random(seed);
    BudgetElection.Builder b = BudgetElection.builder().budget(1_000_000).meta("description", "synthetic");
    double[] weight = new double[projects];
    double total = 0;
    for (int c = 0; c < projects; c++) {
      b.addProject("p" + c, 5_000 + 100L * random.nextInt(1_451));
      weight[c] = Math.pow(random.nextDouble(), 3) + 0.02;
      total += weight[c];
    }
    for (int v = 0; v < voters; v++) {
      int k = 1 + random.nextInt(10);
      List<String> chosen = new ArrayList<>();
      boolean[] in = new boolean[projects];
      for (int tries = 0; chosen.size() < k && tries < 100; tries++) {
        double r = random.nextDouble() * total;
        int c = 0;
        while (c < projects - 1 && r > weight[c]) {
          r -= weight[c];
          c++;
        }
        if (!in[c]) {
          in[c] = true;
          chosen.add("p" + c);
        }
      }
      b.addBallot(BudgetBallot.approval("v" + v, chosen));
    }
    return b.build();
  }

  /**
   * Counts the election with the rule.
   *
   * @return the outcome
   */
  @Benchmark
  public BudgetOutcome count() {
    return election.count(budgetRule);
  }

  /**
   * Parses the election's {@code .pb} text (about 10,000 vote lines).
   *
   * @return the election
   */
  @Benchmark
  public BudgetElection parsePabulib() {
    return Pabulib.parse(pbText);
  }
}

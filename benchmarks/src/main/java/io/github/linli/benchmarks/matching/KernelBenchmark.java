package io.github.linli.benchmarks.matching;

import io.github.linli.matching.solver.MaxWeightBMatching;
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
 * The exact kernel against OR-Tools' MinCostFlow on the same instances of two shapes (each call
 * includes building the solver's model from the arrays). The set-up checks that both reach the same optimal
 * profit and refuses to run otherwise. JGraphT is in {@link KernelJGraphTBenchmark} (too slow for
 * the larger size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class KernelBenchmark {
  /** Demands x offers. */
  @Param({"10000x1000", "100000x10000"})
  public String size;

  /** The generator: {@code city} ({@link CityInstance}) or {@code shared} ({@link SharedOfferCity}). */
  @Param({"city", "shared"})
  public String shape;

  private CityInstance city;

  /** Builds the instance and checks the optimum against OR-Tools. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] p = size.split("x");
    city = CityInstance.generate(shape, Integer.parseInt(p[0]), Integer.parseInt(p[1]), 42);
    com.google.ortools.Loader.loadNativeLibraries();
    long ours = linli();
    long peer = Peers.orTools(city);
    if (ours != peer) {
      throw new IllegalStateException("optimum differs: linli " + ours + ", OR-Tools " + peer);
    }
    System.out.println("\noptimal profit " + ours + " (linli = OR-Tools)");
  }

  /**
   * Linli's kernel with its certificate of optimality, verified.
   *
   * @return the optimal profit
   */
  @Benchmark
  public long linliCertifiedAndVerified() {
    io.github.linli.matching.solver.CertifiedMatching c = MaxWeightBMatching.solveWithCertificate(
        city.demandCount, city.offerCapacity, city.edgeDemand, city.edgeOffer, city.edgeProfit);
    io.github.linli.matching.solver.Verification v = MaxWeightBMatching.verify(city.demandCount,
        city.offerCapacity, city.edgeDemand, city.edgeOffer, city.edgeProfit, c.chosen(), c.certificate());
    if (!v.isOptimal()) {
      throw new IllegalStateException(v.toString());
    }
    return v.profit();
  }

  /**
   * Linli's kernel.
   *
   * @return the optimal profit
   */
  @Benchmark
  public long linli() {
    int[] chosen =
        MaxWeightBMatching.solve(city.demandCount, city.offerCapacity, city.edgeDemand, city.edgeOffer, city.edgeProfit);
    return MaxWeightBMatching.totalProfit(chosen, city.edgeProfit);
  }

  /**
   * Linli's kernel on the calling thread only (OR-Tools' MinCostFlow is single-threaded too).
   *
   * @return the optimal profit
   */
  @Benchmark
  public long linliOneThread() {
    int[] chosen = MaxWeightBMatching.solve(
        city.demandCount, city.offerCapacity, city.edgeDemand, city.edgeOffer, city.edgeProfit, 1);
    return MaxWeightBMatching.totalProfit(chosen, city.edgeProfit);
  }

  /**
   * OR-Tools' MinCostFlow.
   *
   * @return the optimal profit
   */
  @Benchmark
  public long orTools() {
    return Peers.orTools(city);
  }
}

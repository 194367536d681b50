package io.github.linli.benchmarks.matching;

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

/** JGraphT's capacity-scaling min-cost flow on the small city instance of {@link KernelBenchmark}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class KernelJGraphTBenchmark {
  /** Demands x offers. */
  @Param({"10000x1000"})
  public String size;

  private CityInstance city;

  /** Builds the instance. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] p = size.split("x");
    city = CityInstance.generate(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 42);
  }

  /**
   * JGraphT's CapacityScalingMinimumCostFlow.
   *
   * @return the optimal profit
   */
  @Benchmark
  public long jgrapht() {
    return Peers.jgrapht(city);
  }
}

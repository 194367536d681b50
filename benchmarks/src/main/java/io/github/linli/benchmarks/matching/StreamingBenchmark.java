package io.github.linli.benchmarks.matching;

import io.github.linli.matching.MatchResult;
import io.github.linli.matching.Matcher;
import io.github.linli.matching.MatchingPolicy;
import io.github.linli.matching.Need;
import io.github.linli.matching.StreamingMatcher;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming arrivals per second on a 100k needs x 10k offers city (each invocation opens a session
 * and feeds all needs; JMH reports arrivals per second), and the exact and greedy domain matchers
 * on the same city. The set-up prints the served-priority score of each matcher against the exact
 * optimum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class StreamingBenchmark {
  static final int NEEDS = 100_000;

  /** Whether arrivals may displace lower-priority demands. */
  @Param({"false", "true"})
  public boolean reassignment;

  private DomainCity city;
  private StreamingMatcher streaming;

  /** Builds the city and prints the quality figures. */
  @Setup(Level.Trial)
  public void setUp() {
    city = new DomainCity(NEEDS, 10_000, 42);
    streaming = Matcher.streaming(MatchingPolicy.defaults(), reassignment, 0);
    long t0 = System.nanoTime();
    MatchResult exact = Matcher.exact().match(city.needs, city.offers);
    long t1 = System.nanoTime();
    MatchResult greedy = Matcher.greedy(MatchingPolicy.defaults()).match(city.needs, city.offers);
    MatchResult online = streaming.match(city.needs, city.offers);
    MatchResult reopt = Matcher.streaming(MatchingPolicy.defaults(), true, 10_000).match(city.needs, city.offers);
    long best = exact.metrics().servedPriorityScore();
    System.out.printf(
        Locale.ROOT,
        "%nexact %s (%.2f s incl. edges and explanations)%ngreedy %.4f of exact%nstreaming(reassignment=%s) %.4f of exact%nstreaming(reoptimise every 10k) %.4f of exact%n",
        exact.metrics(),
        (t1 - t0) / 1e9,
        greedy.metrics().servedPriorityScore() / (double) best,
        reassignment,
        online.metrics().servedPriorityScore() / (double) best,
        reopt.metrics().servedPriorityScore() / (double) best);
  }

  /**
   * Opens a session and feeds every need.
   *
   * @return the arrivals
   */
  @Benchmark
  @OperationsPerInvocation(NEEDS)
  public int arrivals() {
    StreamingMatcher.Session s = streaming.open(city.offers);
    int served = 0;
    for (Need n : city.needs) {
      if (s.arrive(n).offerId().isPresent()) {
        served++;
      }
    }
    return served;
  }
}

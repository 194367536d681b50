package io.github.linli.benchmarks;

import io.github.linli.core.Label;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Smoke benchmark that proves the JMH set-up works: choosing a label's text for a locale. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LabelBenchmark {
  private final Label label = Label.of("医疗健康", "healthcare");

  /**
   * Picks the Chinese text.
   *
   * @return the text
   */
  @Benchmark
  public String chineseText() {
    return label.in(Locale.SIMPLIFIED_CHINESE);
  }
}

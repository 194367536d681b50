package io.github.linli.benchmarks.scorecard;

import io.github.linli.scorecard.IndicatorSystems;
import io.github.linli.scorecard.methods.EntropyWeights;
import io.github.linli.scorecard.methods.FuzzyEvaluation;
import io.github.linli.scorecard.methods.FuzzyOperator;
import io.github.linli.scorecard.methods.FuzzyResult;
import io.github.linli.scorecard.methods.Reliability;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaire;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.Reader;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Survey-scale numerics: 1,000,000 respondents × 30 five-point Likert items held in memory
 * (Cronbach's alpha, entropy weights, fuzzy grades from the answer distribution), against a naive
 * textbook two-pass alpha as the baseline; and the streaming CSV path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScorecardBenchmark {
  @Param({"1000000"})
  int respondents;

  static final int ITEMS = 30;

  double[][] answers;
  double[] weights;

  @Setup
  public void setUp() {
    Random rnd = new Random(20261124L);
    answers = new double[respondents][ITEMS];
    for (double[] row : answers) {
      double latent = rnd.nextGaussian();
      for (int j = 0; j < ITEMS; j++) {
        long v = Math.round(3 + latent + rnd.nextGaussian() * 0.8);
        row[j] = Math.max(1, Math.min(5, v));
      }
    }
    weights = new double[ITEMS];
    java.util.Arrays.fill(weights, 1.0 / ITEMS);
  }

  /** Cronbach's alpha of 30 items over 1M respondents. */
  @Benchmark
  public double alpha() {
    return Reliability.cronbachAlpha(answers);
  }

  /** Entropy weights of the 30 columns. */
  @Benchmark
  public double[] entropyWeights() {
    return EntropyWeights.of(answers);
  }

  /** Fuzzy grades: answer distribution per item (membership matrix), composed with weights. */
  @Benchmark
  public FuzzyResult fuzzyGrades() {
    return FuzzyEvaluation.evaluate(
        weights, FuzzyEvaluation.likertMembership(answers, 5), FuzzyOperator.WEIGHTED_SUM);
  }

  /** All three, as a report would compute them. */
  @Benchmark
  public double allThree() {
    return alpha() + entropyWeights()[0] + fuzzyGrades().raw()[0];
  }

  /** Baseline: textbook two-pass alpha, column by column (item variances, then total variance). */
  @Benchmark
  public double naiveTwoPassAlpha() {
    int n = answers.length;
    double sumVar = 0;
    for (int j = 0; j < ITEMS; j++) {
      double m = 0;
      for (double[] row : answers) {
        m += row[j];
      }
      m /= n;
      double v = 0;
      for (double[] row : answers) {
        v += (row[j] - m) * (row[j] - m);
      }
      sumVar += v / (n - 1);
    }
    double[] total = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 0;
      for (double x : answers[i]) {
        t += x;
      }
      total[i] = t;
    }
    double mt = 0;
    for (double t : total) {
      mt += t;
    }
    mt /= n;
    double vt = 0;
    for (double t : total) {
      vt += (t - mt) * (t - mt);
    }
    vt /= n - 1;
    return ITEMS / (ITEMS - 1.0) * (1 - sumVar / vt);
  }

  /** Streaming: 200,000 CSV rows of the governance questionnaire generated on the fly. */
  @Benchmark
  public SurveyResult streamingSurvey200k() {
    Questionnaire q = io.github.linli.scorecard.survey.Questionnaires.governanceIndex(5);
    return SurveyReader.read(new GeneratedCsv(200_000, q.items().size(), 7), q, MissingDataPolicy.LISTWISE);
  }

  /** A reader producing survey rows on demand, so the benchmark itself holds no rows. */
  static final class GeneratedCsv extends Reader {
    private final int rows;
    private final int items;
    private final Random rnd;
    private int row = -1;
    private final StringBuilder buf = new StringBuilder();
    private int pos;

    GeneratedCsv(int rows, int items, long seed) {
      this.rows = rows;
      this.items = items;
      this.rnd = new Random(seed);
    }

    private boolean refill() {
      buf.setLength(0);
      pos = 0;
      if (row >= rows) {
        return false;
      }
      if (row < 0) {
        for (int j = 1; j <= items; j++) {
          buf.append(j > 1 ? "," : "").append(String.format(java.util.Locale.ROOT, "q%02d", j));
        }
      } else {
        for (int j = 0; j < items; j++) {
          buf.append(j > 0 ? "," : "").append(1 + rnd.nextInt(5));
        }
      }
      buf.append('\n');
      row++;
      return true;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= buf.length() && !refill()) {
        return -1;
      }
      int n = Math.min(len, buf.length() - pos);
      buf.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }

  static {
    // keep the built-in system class loaded outside the timed region
    IndicatorSystems.governanceIndex();
  }
}

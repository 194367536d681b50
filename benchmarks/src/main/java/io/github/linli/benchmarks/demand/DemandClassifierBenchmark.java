package io.github.linli.benchmarks.demand;

import io.github.linli.core.demand.Classification;
import io.github.linli.core.demand.DemandClassifier;
import io.github.linli.core.demand.LexiconTerm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput of the default demand classifier on one thread, for texts of a given
 * length made of realistic need texts (Chinese and English, half each) cut or joined to length.
 * The peer is the obvious alternative a portal would write: for every vocabulary term, {@code
 * String.contains} on the lower-cased text (no scoring at all), so the ratio shows what the
 * one-pass automaton buys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class DemandClassifierBenchmark {
  private static final String[] SEEDS = {
    "3号楼的独居老人王奶奶中午没饭吃，能不能安排送餐",
    "There is a strong smell of gas in my kitchen, I think there is a leak",
    "房东不退押金，还说要扣钱，想咨询律师",
    "I have been unemployed for three months and we have no income, I need a job urgently",
    "想参加社区的广场舞队，和大家一起跳舞",
    "My son keeps failing maths and needs a tutor, he has lost his confidence",
    "小区垃圾站好几天没人清运，臭气熏天，还有老鼠",
    "I would like to learn first aid and CPR so I can help in an emergency",
    "老伴走了以后我一个人在家，天天没人说话，很孤单",
    "Our choir wants to enter the district competition and hopes the community will support us",
  };

  /** Characters per text. */
  @Param({"50", "500", "5000"})
  public int length;

  private String[] texts;
  private int next;
  private DemandClassifier classifier;
  private String[] terms;

  /** Builds the texts, the classifier and the peer's term list. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    classifier = DemandClassifier.defaultClassifier();
    texts = new String[64];
    for (int i = 0; i < texts.length; i++) {
      StringBuilder b = new StringBuilder();
      int k = i;
      while (b.length() < length) {
        b.append(SEEDS[k++ % SEEDS.length]).append(' ');
      }
      texts[i] = b.substring(0, length);
    }
    List<String> t = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(DemandClassifier.class.getResourceAsStream("lexicon.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#") && line.indexOf('\t') > 0) {
          String text = LexiconTerm.parse(line).text();
          t.add((text.endsWith("*") ? text.substring(0, text.length() - 1) : text).toLowerCase(Locale.ROOT));
        }
      }
    }
    terms = t.toArray(new String[0]);
  }

  /**
   * One classification with the default classifier.
   *
   * @return the classification
   */
  @Benchmark
  public Classification classify() {
    String s = texts[next++ & 63];
    return classifier.classify(s);
  }

  /**
   * The peer: which vocabulary terms the text contains, by one {@code String.contains} per term.
   *
   * @return the number of terms found
   */
  @Benchmark
  public int naiveContainsPeer() {
    String s = texts[next++ & 63].toLowerCase(Locale.ROOT);
    int found = 0;
    for (String term : terms) {
      if (s.contains(term)) {
        found++;
      }
    }
    return found;
  }
}

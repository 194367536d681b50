package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scores the default classifier on the shipped data sets and renders {@code
 * docs/demand-classifier-evaluation.md}. Regenerate the page with {@code mvn -B -ntp -q -pl core
 * -am verify -Dtest=DemandClassifierEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlinli.writeDocs=true}.
 */
class DemandClassifierEvaluationTest {
  static final String COMMAND =
      "mvn -B -ntp -q -pl core -am verify -Dtest=DemandClassifierEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false -Dlinli.writeDocs=true";

  static final double OUTSIDE_A_TIER = 0.95;
  static final double OUTSIDE_A_DOMAIN = 0.95;
  static final double OUTSIDE_B_TIER = 0.82;
  static final double OUTSIDE_B_DOMAIN = 0.83;

  @Test
  void report_isRenderedAndMeetsTargets() throws Exception {
    List<ClassifierEvaluation.Item> eval = ClassifierEvaluation.load("evaluation.tsv");
    List<ClassifierEvaluation.Item> blind = ClassifierEvaluation.load("evaluation-blind-6.tsv");
    List<ClassifierEvaluation.Item> train = ClassifierEvaluation.load("/io/github/linli/core/demand/training.tsv");
    DemandClassifier c = DemandClassifier.defaultClassifier();
    ClassifierEvaluation e = new ClassifierEvaluation(c, eval);
    ClassifierEvaluation b = new ClassifierEvaluation(c, blind);
    ClassifierEvaluation s = new ClassifierEvaluation(c, ClassifierEvaluation.sampleTemplates());
    ClassifierEvaluation lexOnly = new ClassifierEvaluation(DemandClassifier.builder().modelWeight(0).build(), eval);
    ClassifierEvaluation lexOnlyBlind = new ClassifierEvaluation(DemandClassifier.builder().modelWeight(0).build(), blind);
    List<ClassifierEvaluation.Item> outA = ClassifierEvaluation.load("evaluation-outside-a.tsv");
    List<ClassifierEvaluation.Item> outB = ClassifierEvaluation.load("evaluation-outside-b.tsv");
    ClassifierEvaluation a = new ClassifierEvaluation(c, outA);
    ClassifierEvaluation ob = new ClassifierEvaluation(c, outB);
    String md = EvaluationReport.render(e, b, s, lexOnly, lexOnlyBlind, eval, blind, train, a, ob, outA, outB);
    assertTrue(e.tierAccuracy() >= 0.90 && e.domainAccuracy() >= 0.85, e.summary());
    // Outside sets (another engineer, guidelines only): a little below what revision 8 reaches.
    assertTrue(a.tierAccuracy() >= OUTSIDE_A_TIER && a.domainAccuracy() >= OUTSIDE_A_DOMAIN, a.summary());
    assertTrue(ob.tierAccuracy() >= OUTSIDE_B_TIER && ob.domainAccuracy() >= OUTSIDE_B_DOMAIN, ob.summary());
    assertTrue(outA.size() == 150 && outB.size() == 150 && outA.stream().allMatch(i -> i.urgency == null), "outside sets load without urgency");
    Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs");
    if (Boolean.getBoolean("linli.writeDocs") && Files.isDirectory(docs)) {
      Files.writeString(docs.resolve("demand-classifier-evaluation.md"), md);
    }
    assertTrue(md.contains("| tier accuracy"), md.substring(0, Math.min(200, md.length())).toUpperCase(Locale.ROOT));
  }
}

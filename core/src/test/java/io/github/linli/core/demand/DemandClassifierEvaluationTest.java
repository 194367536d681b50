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
  static final double OUTSIDE_B_TIER = 0.95;
  static final double OUTSIDE_B_DOMAIN = 0.95;
  static final double OUTSIDE_C_TIER = 0.95;
  static final double OUTSIDE_C_DOMAIN = 0.95;
  /** Outside D is a test set (scored once on revision 10: 86.5 % / 90.0 %): a floor well below that. */
  static final double OUTSIDE_D_TIER = 0.80;
  static final double OUTSIDE_D_DOMAIN = 0.85;
  /** Development sets F, G and H of issue 21 (revision 11 was developed on them): a little below what it reaches. */
  static final double DEV_TIER = 0.95;
  static final double DEV_DOMAIN = 0.93;
  /** Outside E (issue 21) is a test set, scored once on revision 11 (93.0 % / 89.9 %): a floor well below that. */
  static final double OUTSIDE_E_TIER = 0.88;
  static final double OUTSIDE_E_DOMAIN = 0.85;
  /** The review flag on the development sets at the default threshold: at most this share flagged ... */
  static final double REVIEW_FLAGGED_MAX = 0.16;
  /** ... and at least this share of the wrong answers caught. */
  static final double REVIEW_CAUGHT_MIN = 0.60;

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
    List<ClassifierEvaluation.Item> outC = ClassifierEvaluation.load("evaluation-outside-c.tsv");
    ClassifierEvaluation ob = new ClassifierEvaluation(c, outB);
    ClassifierEvaluation oc = new ClassifierEvaluation(c, outC);
    List<ClassifierEvaluation.Item> outD = ClassifierEvaluation.load("evaluation-outside-d.tsv");
    ClassifierEvaluation od = new ClassifierEvaluation(c, outD);
    EvaluationReport.Revision11 r11 =
        new EvaluationReport.Revision11(
            c,
            ClassifierEvaluation.load("evaluation-dev-f.tsv"),
            ClassifierEvaluation.load("evaluation-dev-g.tsv"),
            ClassifierEvaluation.load("evaluation-dev-h.tsv"),
            ClassifierEvaluation.load("evaluation-outside-e.tsv"));
    String md = EvaluationReport.render(e, b, s, lexOnly, lexOnlyBlind, eval, blind, train, a, ob, oc, od, outA, outB, outC, outD, r11);
    assertTrue(e.tierAccuracy() >= 0.90 && e.domainAccuracy() >= 0.85, e.summary());
    // Outside sets (other engineers, guidelines only): a little below what revision 10 reaches. All three
    // were used for development: A and B in revisions 8-9; C, scored once after revision 9 (86.0 % tier,
    // 88.0 % domain), in revision 10.
    assertTrue(a.tierAccuracy() >= OUTSIDE_A_TIER && a.domainAccuracy() >= OUTSIDE_A_DOMAIN, a.summary());
    assertTrue(ob.tierAccuracy() >= OUTSIDE_B_TIER && ob.domainAccuracy() >= OUTSIDE_B_DOMAIN, ob.summary());
    assertTrue(oc.tierAccuracy() >= OUTSIDE_C_TIER && oc.domainAccuracy() >= OUTSIDE_C_DOMAIN, oc.summary());
    // D was never tuned on: this floor only catches a revision that makes things clearly worse.
    assertTrue(od.tierAccuracy() >= OUTSIDE_D_TIER && od.domainAccuracy() >= OUTSIDE_D_DOMAIN, od.summary());
    // Issue 21: development sets F, G and H (used for revision 11), and outside set E (scored once on revision 11).
    for (ClassifierEvaluation dev : List.of(r11.devF, r11.devG, r11.devH)) {
      assertTrue(dev.tierAccuracy() >= DEV_TIER && dev.domainAccuracy() >= DEV_DOMAIN, dev.summary());
    }
    ClassifierEvaluation oe = r11.outsideE;
    assertTrue(oe.tierAccuracy() >= OUTSIDE_E_TIER && oe.domainAccuracy() >= OUTSIDE_E_DOMAIN, oe.summary());
    assertTrue(r11.outsideEItems.size() == 257 && r11.outsideEItems.stream().allMatch(i -> i.urgency == null), "outside E loads");
    // The review flag at the default threshold on the development sets (which chose it): share flagged, share of errors caught.
    int[] flag = new int[4];
    for (ClassifierEvaluation x : List.of(e, a, ob, oc, r11.devF, r11.devG, r11.devH)) {
      int[] k = x.curve(0.5, -1);
      for (int i = 0; i < 4; i++) {
        flag[i] += k[i];
      }
    }
    assertTrue(flag[1] <= REVIEW_FLAGGED_MAX * flag[0] && flag[3] >= REVIEW_CAUGHT_MIN * flag[2], java.util.Arrays.toString(flag));
    assertTrue(
        outA.size() == 150 && outB.size() == 150 && outC.size() == 200 && outD.size() == 200
            && java.util.stream.Stream.of(outA, outB, outC, outD).flatMap(List::stream).allMatch(i -> i.urgency == null),
        "outside sets load without urgency");
    Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs");
    if (Boolean.getBoolean("linli.writeDocs") && Files.isDirectory(docs)) {
      Files.writeString(docs.resolve("demand-classifier-evaluation.md"), md);
    }
    assertTrue(md.contains("| tier accuracy"), md.substring(0, Math.min(200, md.length())).toUpperCase(Locale.ROOT));
  }
}

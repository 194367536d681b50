package io.github.linli.core.demand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores a classifier on labelled examples: accuracies and confusion matrices per tier and domain. */
final class ClassifierEvaluation {
  /** One labelled line of a data set, with its urgency (null where the set did not label it). */
  static final class Item {
    final LabelledExample example;
    final Urgency urgency;

    Item(LabelledExample example, Urgency urgency) {
      this.example = example;
      this.urgency = urgency;
    }

    boolean chinese() {
      return example.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
  }

  static List<Item> load(String resource) {
    InputStream in = ClassifierEvaluation.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing " + resource);
    }
    List<Item> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 4);
        String u = f[2].strip();
        out.add(new Item(LabelledExample.parse(line, DomainTaxonomy.defaultTaxonomy()), u.equals("-") ? null : Urgency.valueOf(u)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  final int n;
  final int tierCorrect;
  final int domainCorrect;
  final int bothCorrect;
  final int urgencyCorrect;
  /** Items with an urgency label (the outside sets have none). */
  final int urgencyLabelled;
  final int reviewed;
  final int confidentCorrectTier;
  final int confidentCorrectDomain;
  final int[][] tierConfusion = new int[5][5];
  final int[][] domainConfusion = new int[8][8];
  final List<String> errors = new ArrayList<>();
  final int[] perLanguageN = new int[2];
  final int[] perLanguageTier = new int[2];
  final int[] perLanguageDomain = new int[2];
  final int[] perLanguageBoth = new int[2];
  final int[] perLanguageReviewed = new int[2];
  /** Per item: the review sureness (see HybridDemandClassifier.reviewScore), whether it was wrong, its language (0 Chinese). */
  final double[] reviewScore;
  final boolean[] wrong;
  final int[] language;

  ClassifierEvaluation(DemandClassifier c, List<Item> items) {
    int tc = 0;
    int dc = 0;
    int bc = 0;
    int uc = 0;
    int ul = 0;
    int rv = 0;
    int ct = 0;
    int cd = 0;
    List<ServiceDomain> domains = ServiceDomain.defaults();
    reviewScore = new double[items.size()];
    wrong = new boolean[items.size()];
    language = new int[items.size()];
    int index = 0;
    for (Item it : items) {
      Classification k = c.classify(it.example.text());
      if (c instanceof HybridDemandClassifier) {
        double[] g = ((HybridDemandClassifier) c).reviewSignals(it.example.text());
        reviewScore[index] = k.evidence().isEmpty() ? 0 : HybridDemandClassifier.reviewScore(Math.min(g[2], g[3]), (int) (4 - g[4] - g[5] - g[6] - g[7]));
      }
      boolean t = k.tier() == it.example.tier();
      boolean d = k.domain().equals(it.example.domain());
      tc += t ? 1 : 0;
      dc += d ? 1 : 0;
      bc += t && d ? 1 : 0;
      if (it.urgency != null) {
        ul++;
        uc += k.urgency() == it.urgency ? 1 : 0;
      }
      if (k.needsReview()) {
        rv++;
      } else {
        ct += t ? 1 : 0;
        cd += d ? 1 : 0;
      }
      int lang = it.chinese() ? 0 : 1;
      perLanguageN[lang]++;
      perLanguageTier[lang] += t ? 1 : 0;
      perLanguageDomain[lang] += d ? 1 : 0;
      perLanguageBoth[lang] += t && d ? 1 : 0;
      perLanguageReviewed[lang] += k.needsReview() ? 1 : 0;
      wrong[index] = !t || !d;
      language[index] = lang;
      index++;
      tierConfusion[it.example.tier().ordinal()][k.tier().ordinal()]++;
      domainConfusion[domains.indexOf(it.example.domain())][domains.indexOf(k.domain())]++;
      if (!t || !d) {
        errors.add(
            String.format(
                Locale.ROOT,
                "%s/%s -> %s/%s %.2f %s | %s",
                it.example.tier(),
                it.example.domain(),
                k.tier(),
                k.domain(),
                k.confidence(),
                k.evidence(),
                it.example.text()));
      }
    }
    n = items.size();
    tierCorrect = tc;
    domainCorrect = dc;
    bothCorrect = bc;
    urgencyCorrect = uc;
    urgencyLabelled = ul;
    reviewed = rv;
    confidentCorrectTier = ct;
    confidentCorrectDomain = cd;
  }

  /**
   * Texts flagged and wrong answers caught at a review threshold.
   *
   * @param threshold the review threshold
   * @param lang 0 Chinese, 1 English, -1 both
   * @return {texts, flagged, wrong, wrong and flagged}
   */
  int[] curve(double threshold, int lang) {
    int[] out = new int[4];
    for (int i = 0; i < wrong.length; i++) {
      if (lang >= 0 && language[i] != lang) {
        continue;
      }
      boolean flagged = reviewScore[i] <= threshold;
      out[0]++;
      out[1] += flagged ? 1 : 0;
      out[2] += wrong[i] ? 1 : 0;
      out[3] += wrong[i] && flagged ? 1 : 0;
    }
    return out;
  }

  double tierAccuracy() {
    return tierCorrect / (double) n;
  }

  double domainAccuracy() {
    return domainCorrect / (double) n;
  }

  String summary() {
    int confident = n - reviewed;
    return String.format(
        Locale.ROOT,
        "n=%d tier=%.3f domain=%.3f both=%.3f urgency=%.3f review=%.3f confidentTier=%.3f confidentDomain=%.3f",
        n,
        tierAccuracy(),
        domainAccuracy(),
        bothCorrect / (double) n,
        urgencyLabelled == 0 ? Double.NaN : urgencyCorrect / (double) urgencyLabelled,
        reviewed / (double) n,
        confident == 0 ? 0 : confidentCorrectTier / (double) confident,
        confident == 0 ? 0 : confidentCorrectDomain / (double) confident);
  }

  /** Mean tier and domain accuracy of k-fold cross-validation on a set (the model trained on the other folds only). */
  static String crossValidate(List<Item> items, double weight, int k) {
    double t = 0;
    double d = 0;
    for (int f = 0; f < k; f++) {
      List<Item> test = new ArrayList<>();
      DemandClassifier.Builder b = DemandClassifier.builder().withoutShippedExamples().modelWeight(weight);
      for (int i = 0; i < items.size(); i++) {
        if (i % k == f) {
          test.add(items.get(i));
        } else {
          b.addExample(items.get(i).example);
        }
      }
      ClassifierEvaluation e = new ClassifierEvaluation(b.build(), test);
      t += e.tierCorrect;
      d += e.domainCorrect;
    }
    return String.format(Locale.ROOT, "tier=%.3f domain=%.3f", t / items.size(), d / items.size());
  }

  /**
   * The distinct need texts of {@code core.sample} (templates written by another member of the
   * project, digits folded), as an outside check that was never used for tuning.
   */
  static List<Item> sampleTemplates() {
    java.util.Map<String, Item> byShape = new java.util.LinkedHashMap<>();
    for (io.github.linli.core.sample.SampleNeed n :
        io.github.linli.core.sample.SampleCommunity.generate(7).needs(java.time.YearMonth.of(2026, 10))) {
      byShape.putIfAbsent(
          n.text().replaceAll("[0-9]+", "#"),
          new Item(LabelledExample.of(n.text(), n.tier(), n.domain()), n.urgency()));
    }
    return new ArrayList<>(byShape.values());
  }

  public static void main(String[] args) {
    if (args.length > 1 && args[0].equals("set")) { // score one set: set <resource> [errors]
      ClassifierEvaluation one = new ClassifierEvaluation(DemandClassifier.defaultClassifier(), load(args[1]));
      System.out.println(args[1] + " " + one.summary() + String.format(Locale.ROOT, " both=%d/%d", one.bothCorrect, one.n));
      if (args.length > 2) {
        one.errors.forEach(System.out::println);
      }
      return;
    }
    List<Item> eval = load("evaluation.tsv");
    List<Item> train = load("/io/github/linli/core/demand/training.tsv");
    for (double w : new double[] {0, 0.1, 0.2, 0.25, 0.5, 1.0}) {
      DemandClassifier c = DemandClassifier.builder().modelWeight(w).build();
      ClassifierEvaluation e = new ClassifierEvaluation(c, eval);
      System.out.println("w=" + w + " eval " + e.summary());
    }
    for (double w : new double[] {0, 0.1, 0.25, 0.5, 1.0}) {
      System.out.printf(Locale.ROOT, "w=%s 5-fold CV on training: %s%n", w, crossValidate(train, w, 5));
    }
    ClassifierEvaluation blind = new ClassifierEvaluation(DemandClassifier.defaultClassifier(), load("evaluation-blind-6.tsv"));
    System.out.println("default on blind " + blind.summary());
    if (args.length > 0 && args[0].equals("blind")) {
      blind.errors.forEach(System.out::println);
    }
    ClassifierEvaluation ext = new ClassifierEvaluation(DemandClassifier.defaultClassifier(), sampleTemplates());
    System.out.println("default on core.sample templates " + ext.summary());
    ClassifierEvaluation e = new ClassifierEvaluation(DemandClassifier.builder().modelWeight(0).build(), train);
    System.out.println("lexicon only on train " + e.summary());
    if (args.length > 0 && args[0].equals("train")) {
      e.errors.forEach(System.out::println);
    }
    if (args.length > 0 && args[0].equals("eval")) {
      new ClassifierEvaluation(DemandClassifier.defaultClassifier(), eval).errors.forEach(System.out::println);
    }
  }
}

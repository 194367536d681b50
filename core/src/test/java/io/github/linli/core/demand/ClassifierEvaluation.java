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
  /** One labelled line of a data set, with its urgency. */
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
        out.add(new Item(LabelledExample.parse(line, DomainTaxonomy.defaultTaxonomy()), Urgency.valueOf(f[2])));
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
  final int reviewed;
  final int confidentCorrectTier;
  final int confidentCorrectDomain;
  final int[][] tierConfusion = new int[5][5];
  final int[][] domainConfusion = new int[8][8];
  final List<String> errors = new ArrayList<>();

  ClassifierEvaluation(DemandClassifier c, List<Item> items) {
    int tc = 0;
    int dc = 0;
    int bc = 0;
    int uc = 0;
    int rv = 0;
    int ct = 0;
    int cd = 0;
    List<ServiceDomain> domains = ServiceDomain.defaults();
    for (Item it : items) {
      Classification k = c.classify(it.example.text());
      boolean t = k.tier() == it.example.tier();
      boolean d = k.domain().equals(it.example.domain());
      tc += t ? 1 : 0;
      dc += d ? 1 : 0;
      bc += t && d ? 1 : 0;
      uc += k.urgency() == it.urgency ? 1 : 0;
      if (k.needsReview()) {
        rv++;
      } else {
        ct += t ? 1 : 0;
        cd += d ? 1 : 0;
      }
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
    reviewed = rv;
    confidentCorrectTier = ct;
    confidentCorrectDomain = cd;
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
        urgencyCorrect / (double) n,
        reviewed / (double) n,
        confident == 0 ? 0 : confidentCorrectTier / (double) confident,
        confident == 0 ? 0 : confidentCorrectDomain / (double) confident);
  }

  public static void main(String[] args) {
    List<Item> eval = load("evaluation.tsv");
    List<Item> train = load("/io/github/linli/core/demand/training.tsv");
    for (double w : new double[] {0, 0.25, 0.5, 1.0}) {
      DemandClassifier c = DemandClassifier.builder().modelWeight(w).build();
      ClassifierEvaluation e = new ClassifierEvaluation(c, eval);
      System.out.println("w=" + w + " eval " + e.summary());
    }
    ClassifierEvaluation e = new ClassifierEvaluation(DemandClassifier.builder().modelWeight(0).build(), train);
    System.out.println("lexicon only on train " + e.summary());
    if (args.length > 0) {
      e.errors.forEach(System.out::println);
    }
  }
}

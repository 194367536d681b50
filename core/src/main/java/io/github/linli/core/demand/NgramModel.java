package io.github.linli.core.demand;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes model over {@link Features} (McCallum and Nigam, "A comparison of
 * event models for naive Bayes text classification", AAAI-98 workshop), with Laplace smoothing.
 * Each feature keeps its centred log-likelihoods (log P(f|c) minus their mean over the classes),
 * so features that say nothing add nothing. Training is linear in the total text length; scoring
 * is linear in the text length, with one hash probe per feature. Immutable and thread-safe after
 * construction.
 */
final class NgramModel {
  private final int classes;
  private final long[] keys;
  private final int[] index;
  private final int mask;
  private final float[] weights; // feature * classes + c
  private final String[] names;
  private final String[] evidence;
  private final double[] logPrior;

  /**
   * Trains a model.
   *
   * @param texts normalised texts
   * @param labels per head, the class of each text, in [0, heads[h])
   * @param heads the number of classes of each head (for example 5 tiers, then the domains)
   * @param alpha the Laplace smoothing constant
   */
  NgramModel(List<String> texts, int[][] labels, int[] heads, double alpha) {
    int classes = 0;
    int[] offset = new int[heads.length];
    for (int h = 0; h < heads.length; h++) {
      offset[h] = classes;
      classes += heads[h];
    }
    this.classes = classes;
    final int total = classes;
    Map<Long, int[]> counts = new HashMap<>();
    Map<Long, String> featureNames = new HashMap<>();
    double[] totals = new double[classes];
    int[] docs = new int[classes];
    for (int t = 0; t < texts.size(); t++) {
      String s = texts.get(t);
      for (int h = 0; h < heads.length; h++) {
        docs[offset[h] + labels[h][t]]++;
      }
      Set<Long> seen = new LinkedHashSet<>();
      Features.extract(
          s,
          (h, start, end) -> {
            if (seen.add(h)) {
              featureNames.putIfAbsent(h, s.substring(start, end));
            }
          });
      for (long f : seen) {
        int[] c = counts.computeIfAbsent(f, k -> new int[total]);
        for (int h = 0; h < heads.length; h++) {
          c[offset[h] + labels[h][t]]++;
          totals[offset[h] + labels[h][t]]++;
        }
      }
    }
    int n = counts.size();
    int cap = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, -1L);
    index = new int[cap];
    mask = cap - 1;
    weights = new float[n * classes];
    names = new String[n];
    Long[] sorted = counts.keySet().toArray(new Long[0]);
    Arrays.sort(sorted); // deterministic layout
    double[] lp = new double[total];
    for (int f = 0; f < n; f++) {
      long h = sorted[f];
      int[] c = counts.get(h);
      for (int hd = 0; hd < heads.length; hd++) {
        double mean = 0;
        for (int k = offset[hd]; k < offset[hd] + heads[hd]; k++) {
          lp[k] = Math.log((c[k] + alpha) / (totals[k] + alpha * n));
          mean += lp[k];
        }
        mean /= heads[hd];
        for (int k = offset[hd]; k < offset[hd] + heads[hd]; k++) {
          weights[f * classes + k] = (float) (lp[k] - mean);
        }
      }
      names[f] = featureNames.get(h);
      int i = slot(h);
      while (keys[i] != -1L) {
        i = (i + 1) & mask;
      }
      keys[i] = h;
      index[i] = f;
    }
    evidence = new String[n];
    for (int f = 0; f < n; f++) {
      evidence[f] = "~" + names[f];
    }
    logPrior = new double[classes];
    for (int hd = 0; hd < heads.length; hd++) {
      double mean = 0;
      for (int k = offset[hd]; k < offset[hd] + heads[hd]; k++) {
        logPrior[k] = Math.log((docs[k] + 1.0) / (texts.size() + heads[hd]));
        mean += logPrior[k];
      }
      for (int k = offset[hd]; k < offset[hd] + heads[hd]; k++) {
        logPrior[k] -= mean / heads[hd];
      }
    }
  }

  private int slot(long h) {
    long x = h * 0x9E3779B97F4A7C15L;
    return (int) (x ^ (x >>> 31)) & mask;
  }

  /**
   * The feature index of a hash.
   *
   * @param h the hash
   * @return the index, or -1 if unknown
   */
  int find(long h) {
    int i = slot(h);
    while (true) {
      long k = keys[i];
      if (k == h) {
        return index[i];
      }
      if (k == -1L) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  int classes() {
    return classes;
  }

  float weight(int feature, int c) {
    return weights[feature * classes + c];
  }

  /** Offset of a feature's weights in {@link #weights()}. */
  int base(int feature) {
    return feature * classes;
  }

  float[] weights() {
    return weights;
  }

  String name(int feature) {
    return names[feature];
  }

  /** The feature's name as evidence: {@code ~} and the n-gram or word. */
  String evidenceName(int feature) {
    return evidence[feature];
  }

  double logPrior(int c) {
    return logPrior[c];
  }

  boolean isEmpty() {
    return names.length == 0;
  }
}

package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.matching.solver.MaxWeightBMatching;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demands of a run with their feasible offers (compressed by demand), priority classes and
 * kernel profits.
 *
 * <p>Profits: with {@code K} classes (doubled by the fairness layer), {@code n} demands with a
 * feasible offer and cost units {@code C}, the weight of class {@code c} is {@code (K - c) delta}
 * with {@code delta = n C + 1}, and an edge's profit is its demand's weight minus its cost in
 * {@code [0, C]}. Any matching's total cost is at most {@code n C < delta}, and the sets of
 * matchable demands form a (transversal) matroid, whose maximum-weight bases are exactly those
 * with lexicographically most demands per class (Gale 1968). So the kernel's optimum serves the
 * lexicographically best classes, then the most demands, then the least total cost. {@code C} is
 * chosen as large as keeps every weight within {@code 2^40} (capped at 10^6); costs are quantised
 * to it.
 */
final class Problem {
  final List<Need> needs;
  final OfferIndex index;
  final MatchingPolicy policy;
  final int n;
  final int[] needStart;
  final int[] edgeNeed;
  final int[] edgeOffer;
  final double[] edgeDist;
  final long[] edgePrice;
  final int[] cls;
  final boolean[] quota;
  final int classCount;
  final long delta;
  final long costUnits;
  final double maxCost;
  private final double maxDist;

  private Problem(List<Need> needs, OfferIndex index, MatchingPolicy policy, boolean fairness) {
    this.needs = needs;
    this.index = index;
    this.policy = policy;
    n = needs.size();
    needStart = new int[n + 1];
    OfferIndex.Candidates c = new OfferIndex.Candidates();
    int cap = Math.max(16, n * 4);
    int[] eo = new int[cap];
    double[] ed = new double[cap];
    int m = 0;
    for (int i = 0; i < n; i++) {
      index.feasible(needs.get(i), c);
      if (m + c.size > eo.length) {
        int grow = Math.max(eo.length * 2, m + c.size);
        eo = Arrays.copyOf(eo, grow);
        ed = Arrays.copyOf(ed, grow);
      }
      System.arraycopy(c.offer, 0, eo, m, c.size);
      System.arraycopy(c.dist, 0, ed, m, c.size);
      m += c.size;
      needStart[i + 1] = m;
    }
    edgeOffer = Arrays.copyOf(eo, m);
    edgeDist = Arrays.copyOf(ed, m);
    edgeNeed = new int[m];
    edgePrice = new long[m];
    double md = 0;
    for (int i = 0; i < n; i++) {
      boolean card = needs.get(i).requester().cardHolder();
      for (int e = needStart[i]; e < needStart[i + 1]; e++) {
        edgeNeed[e] = i;
        edgePrice[e] = index.offers.get(edgeOffer[e]).price().priceFen(card);
        md = Math.max(md, edgeDist[e]);
      }
    }
    maxDist = md;
    double mc = 0;
    for (int e = 0; e < m; e++) {
      mc = Math.max(mc, rawCost(e));
    }
    maxCost = mc;
    int k = policy.priorityClassCount();
    boolean fair = fairness && policy.minimumNeighbourhoodShare().isPresent();
    classCount = fair ? 2 * k : k;
    cls = new int[n];
    quota = new boolean[n];
    for (int i = 0; i < n; i++) {
      Need need = needs.get(i);
      cls[i] = policy.priorityClass(need.tier(), need.urgency());
    }
    if (fair) {
      markQuota(policy.minimumNeighbourhoodShare().getAsDouble());
      for (int i = 0; i < n; i++) {
        if (!quota[i]) {
          cls[i] += k;
        }
      }
    }
    int withEdges = 0;
    for (int i = 0; i < n; i++) {
      if (needStart[i + 1] > needStart[i]) {
        withEdges++;
      }
    }
    long nn = Math.max(1, withEdges);
    costUnits = Math.max(0, Math.min(1_000_000L, (MaxWeightBMatching.MAX_ABS_PROFIT / classCount - 1) / nn));
    delta = nn * costUnits + 1;
  }

  static Problem build(List<Need> needs, OfferIndex index, MatchingPolicy policy, boolean fairness) {
    checkNotNull(needs, "needs");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < needs.size(); i++) {
      Need need = checkNotNull(needs.get(i), "needs[%s]", i);
      if (!ids.add(need.id())) {
        throw new ValidationException("needs[" + i + "].id", need.id(), "is a duplicate");
      }
    }
    return new Problem(List.copyOf(needs), index, policy, fairness);
  }

  static List<Offer> checkOffers(List<Offer> offers) {
    checkNotNull(offers, "offers");
    for (int i = 0; i < offers.size(); i++) {
      checkNotNull(offers.get(i), "offers[%s]", i);
    }
    return offers;
  }

  /** Quota: per neighbourhood, the first ceil(share * count) demands with a feasible offer by priority. */
  private void markQuota(double share) {
    Map<String, List<Integer>> byHood = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String h = needs.get(i).neighbourhood();
      counts.merge(h, 1, Integer::sum);
      if (needStart[i + 1] > needStart[i]) {
        byHood.computeIfAbsent(h, x -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<String, List<Integer>> e : byHood.entrySet()) {
      List<Integer> list = e.getValue();
      list.sort((a, b) -> cls[a] != cls[b] ? Integer.compare(cls[a], cls[b]) : Long.compare(bestPenalty(a), bestPenalty(b)));
      int q = (int) Math.ceil(share * counts.get(e.getKey()) - 1e-9);
      for (int j = 0; j < Math.min(q, list.size()); j++) {
        quota[list.get(j)] = true;
      }
    }
  }

  /** The cost of an edge before scaling: distance, or price then distance. */
  double rawCost(int e) {
    return policy.tieBreak() == MatchingPolicy.TieBreak.DISTANCE
        ? edgeDist[e]
        : edgePrice[e] + edgeDist[e] / (maxDist + 1);
  }

  long weight(int need) {
    return (classCount - cls[need]) * delta;
  }

  long penalty(int e) {
    return maxCost <= 0 ? 0 : Math.round(rawCost(e) / maxCost * costUnits);
  }

  long bestPenalty(int need) {
    long best = Long.MAX_VALUE;
    for (int e = needStart[need]; e < needStart[need + 1]; e++) {
      best = Math.min(best, penalty(e));
    }
    return best;
  }

  long[] profits() {
    long[] p = new long[edgeNeed.length];
    for (int e = 0; e < p.length; e++) {
      p[e] = weight(edgeNeed[e]) - penalty(e);
    }
    return p;
  }

  /** The edge of a need to an offer, or -1. */
  int edgeTo(int need, int offer) {
    for (int e = needStart[need]; e < needStart[need + 1]; e++) {
      if (edgeOffer[e] == offer) {
        return e;
      }
    }
    return -1;
  }
}

package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.List;

/** The greedy baseline: demands in priority order, each to its cheapest offer with room. */
final class GreedyMatcher implements Matcher {
  private final MatchingPolicy policy;

  GreedyMatcher(MatchingPolicy policy) {
    this.policy = checkNotNull(policy, "policy");
  }

  @Override
  public MatchResult match(List<Need> needs, List<Offer> offers) {
    OfferIndex index = new OfferIndex(Problem.checkOffers(offers));
    Problem p = Problem.build(needs, index, policy, true);
    Integer[] order = new Integer[p.n];
    long[] best = new long[p.n];
    for (int i = 0; i < p.n; i++) {
      order[i] = i;
      best[i] = p.bestPenalty(i);
    }
    Arrays.sort(order, (a, b) -> p.cls[a] != p.cls[b] ? Integer.compare(p.cls[a], p.cls[b]) : Long.compare(best[a], best[b]));
    int[] used = new int[index.offers.size()];
    int[] chosen = new int[p.n];
    Arrays.fill(chosen, -1);
    for (int i : order) {
      int pick = -1;
      for (int e = p.needStart[i]; e < p.needStart[i + 1]; e++) {
        int o = p.edgeOffer[e];
        if (used[o] < index.capacity[o] && (pick < 0 || p.penalty(e) < p.penalty(pick))) {
          pick = e;
        }
      }
      if (pick >= 0) {
        chosen[i] = pick;
        used[p.edgeOffer[pick]]++;
      }
    }
    return Results.build(p, chosen, "greedy");
  }

  @Override
  public MatchingPolicy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "Matcher.greedy(" + policy + ")";
  }
}

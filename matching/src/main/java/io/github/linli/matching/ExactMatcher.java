package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.matching.solver.MaxWeightBMatching;
import java.util.List;

/** The exact matcher: one kernel call with lexicographic profits (see {@link Problem}). */
final class ExactMatcher implements Matcher {
  private final MatchingPolicy policy;
  private final int parallelism; // 0: the kernel's default

  ExactMatcher(MatchingPolicy policy, int parallelism) {
    this.policy = checkNotNull(policy, "policy");
    this.parallelism = parallelism;
  }

  @Override
  public MatchResult match(List<Need> needs, List<Offer> offers) {
    OfferIndex index = new OfferIndex(Problem.checkOffers(offers));
    Problem p = Problem.build(needs, index, policy, true);
    return Results.build(p, parallelism == 0 ? solve(p) : MaxWeightBMatching.solve(
        p.n, p.index.capacity, p.edgeNeed, p.edgeOffer, p.profits(), parallelism), "exact");
  }

  static int[] solve(Problem p) {
    return MaxWeightBMatching.solve(p.n, p.index.capacity, p.edgeNeed, p.edgeOffer, p.profits());
  }

  @Override
  public MatchingPolicy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "Matcher.exact(" + policy + (parallelism == 0 ? "" : ", parallelism " + parallelism) + ")";
  }
}

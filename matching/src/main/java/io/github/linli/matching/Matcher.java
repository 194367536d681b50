package io.github.linli.matching;

import java.util.List;

/**
 * Matches residents' demands to offers under a {@link MatchingPolicy}. Three implementations:
 *
 * <ul>
 *   <li>{@link #exact(MatchingPolicy)}, the default: the lexicographic optimum of the policy,
 *       computed with the exact kernel {@link io.github.linli.matching.solver.MaxWeightBMatching};
 *   <li>{@link #greedy(MatchingPolicy)}: a fast baseline, demands in priority order, each to its
 *       cheapest feasible offer with capacity left;
 *   <li>{@link #streaming(MatchingPolicy, boolean, int)}: demands arrive one at a time and are
 *       answered at once; with reassignment allowed, a demand of higher priority may displace one
 *       of lower priority, and periodic re-optimisation keeps the result near the optimum.
 * </ul>
 *
 * <p>Every implementation is stateless and thread-safe; streaming sessions are not.
 *
 * @since 0.1.0
 */
public interface Matcher {
  /**
   * Matches the demands to the offers.
   *
   * @param needs the demands, with distinct ids
   * @param offers the offers, with distinct ids
   * @return the result, with every demand either assigned or unmatched with a reason
   * @throws NullPointerException if a list or an element is null
   * @throws io.github.linli.core.ValidationException if ids repeat
   */
  MatchResult match(List<Need> needs, List<Offer> offers);

  /**
   * The policy.
   *
   * @return the policy
   */
  MatchingPolicy policy();

  /**
   * The exact matcher with the default policy.
   *
   * @return the matcher
   */
  static Matcher exact() {
    return exact(MatchingPolicy.defaults());
  }

  /**
   * The exact matcher: the lexicographic optimum of the policy. Complexity: building the
   * candidate edges with a grid index, {@code O(n + k + e)} for {@code n} demands, {@code k}
   * offers and {@code e} feasible pairs, then the kernel, which may solve independent
   * components of a large problem on the common fork-join pool (see {@link
   * io.github.linli.matching.solver.MaxWeightBMatching}).
   *
   * @param policy the policy
   * @return the matcher
   */
  static Matcher exact(MatchingPolicy policy) {
    return new ExactMatcher(policy, 0);
  }

  /**
   * The exact matcher on at most {@code parallelism} threads: {@code 1} keeps every call on the
   * calling thread (for a server that budgets its own threads); the answer is the same for any
   * number of threads (see {@link
   * io.github.linli.matching.solver.MaxWeightBMatching#solve(int, int[], int[], int[], long[], int)}).
   *
   * @param policy the policy
   * @param parallelism the most threads a call may use, {@code >= 1}
   * @return the matcher
   * @throws io.github.linli.core.ValidationException if {@code parallelism < 1}
   */
  static Matcher exact(MatchingPolicy policy, int parallelism) {
    if (parallelism < 1) {
      throw new io.github.linli.core.ValidationException("parallelism", parallelism, "must be at least 1");
    }
    return new ExactMatcher(policy, parallelism);
  }

  /**
   * The greedy baseline: demands in priority order (quota, tier, urgency, then nearest offer
   * first), each to its cheapest feasible offer with capacity left. {@code O(e + n log n)}. Never
   * better than {@link #exact}, and can serve fewer demands or give capacity to a lower tier that
   * a higher tier needed elsewhere.
   *
   * @param policy the policy
   * @return the matcher
   */
  static Matcher greedy(MatchingPolicy policy) {
    return new GreedyMatcher(policy);
  }

  /**
   * The streaming matcher. Its {@link #match} feeds the demands in list order to a new session.
   *
   * @param policy the policy (its fairness quota is not applied: it needs all demands up front)
   * @param allowReassignment whether an arrival of higher priority may displace an assigned
   *     demand of lower priority (which is then re-placed if it can be, else unserved), and
   *     whether re-optimisation may move demands
   * @param reoptimiseEvery with reassignment, re-optimise exactly after this many arrivals; 0
   *     never
   * @return the matcher
   * @throws IllegalArgumentException if {@code reoptimiseEvery} is negative, or positive without
   *     reassignment
   */
  static StreamingMatcher streaming(MatchingPolicy policy, boolean allowReassignment, int reoptimiseEvery) {
    return new StreamingMatcherImpl(policy, allowReassignment, reoptimiseEvery);
  }
}

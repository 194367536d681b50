package io.github.linli.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the domain-level matchers on random small instances, against oracles. */
class MatcherProperties {
  static final MatchingPolicy POLICY = MatchingPolicy.defaults();

  @Property(tries = 300)
  void everyMatcher_respectsHardConstraintsCapacityAndAccountsForEveryNeed(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int needs, @ForAll @IntRange(min = 1, max = 8) int offers) {
    DomainFixtures.Instance in = DomainFixtures.random(seed, needs, offers);
    for (Matcher m : List.of(Matcher.exact(), Matcher.greedy(POLICY), Matcher.streaming(POLICY, true, 7))) {
      MatchResult r = m.match(in.needs, in.offers);
      Map<String, Need> needById = new HashMap<>();
      in.needs.forEach(n -> needById.put(n.id(), n));
      Map<String, Offer> offerById = new HashMap<>();
      in.offers.forEach(o -> offerById.put(o.id(), o));
      Map<String, Integer> load = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (Assignment a : r.assignments()) {
        assertTrue(seen.add(a.needId()), "once: " + a.needId());
        assertTrue(DomainFixtures.feasible(needById.get(a.needId()), offerById.get(a.offerId())), m + " " + a);
        load.merge(a.offerId(), 1, Integer::sum);
      }
      load.forEach((o, l) -> assertTrue(l <= offerById.get(o).capacity(), m + ": offer " + o + " over capacity"));
      for (Unmatched u : r.unmatched()) {
        assertTrue(seen.add(u.needId()), "once: " + u.needId());
        checkReason(needById.get(u.needId()), u, in.offers);
      }
      assertEquals(in.needs.size(), seen.size());
    }
  }

  /** The reason code states the first hard constraint that fails, as the independent predicate sees it. */
  private static void checkReason(Need n, Unmatched u, List<Offer> offers) {
    boolean eligible = false;
    boolean inRange = false;
    boolean feasible = false;
    for (Offer o : offers) {
      if (o.domains().contains(n.domain()) && o.tiers().contains(n.tier()) && DomainFixtures.eligible(o.eligibility(), n.requester(), n.neighbourhood())) {
        eligible = true;
        if (o.place().distanceMetres(n.place()) <= o.radiusMetres()) {
          inRange = true;
          feasible |= o.availability().overlaps(n.wanted());
        }
      }
    }
    ReasonCode expected =
        !eligible ? ReasonCode.NO_ELIGIBLE_OFFER
            : !inRange ? ReasonCode.OUT_OF_RANGE
            : !feasible ? ReasonCode.OUTSIDE_TIME_WINDOW
            : null;
    if (expected != null) {
      assertEquals(expected, u.reason(), u.toString());
    } else {
      assertTrue(
          u.reason() == ReasonCode.CAPACITY_EXHAUSTED || u.reason() == ReasonCode.CAPACITY_TAKEN_BY_HIGHER_PRIORITY, u.toString());
    }
  }

  @Property(tries = 300)
  void exact_tinyInstances_equalBruteForceLexicographicOptimum(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int needs, @ForAll @IntRange(min = 1, max = 3) int offers) {
    DomainFixtures.Instance in = DomainFixtures.random(seed, needs, offers);
    MatchResult r = Matcher.exact().match(in.needs, in.offers);
    int k = POLICY.priorityClassCount();
    int[] counts = new int[k];
    double distance = 0;
    for (Assignment a : r.assignments()) {
      counts[a.explanation().priorityClass()]++;
      distance += a.explanation().distanceMetres();
    }
    Best best = new Best(k);
    brute(in, 0, new int[in.offers.size()], new int[k], 0, best);
    assertArrayEquals(best.counts, counts);
    assertEquals(best.distance, distance, 1.0, "least total distance (up to the quantisation)");
  }

  static final class Best {
    int[] counts;
    double distance = Double.POSITIVE_INFINITY;

    Best(int k) {
      counts = new int[k];
      Arrays.fill(counts, -1);
    }
  }

  private static void brute(DomainFixtures.Instance in, int i, int[] load, int[] counts, double dist, Best best) {
    if (i == in.needs.size()) {
      int c = Arrays.compare(counts, best.counts);
      if (c > 0 || (c == 0 && dist < best.distance)) {
        best.counts = counts.clone();
        best.distance = dist;
      }
      return;
    }
    brute(in, i + 1, load, counts, dist, best);
    Need n = in.needs.get(i);
    int cls = POLICY.priorityClass(n.tier(), n.urgency());
    for (int o = 0; o < in.offers.size(); o++) {
      Offer offer = in.offers.get(o);
      if (load[o] < offer.capacity() && DomainFixtures.feasible(n, offer)) {
        load[o]++;
        counts[cls]++;
        brute(in, i + 1, load, counts, dist + offer.place().distanceMetres(n.place()), best);
        counts[cls]--;
        load[o]--;
      }
    }
  }

  /**
   * No lower-priority demand takes capacity a higher-priority demand could have used: the served
   * counts per class equal those of the matroid greedy (classes in order, a demand is added when
   * the set stays matchable, checked by augmenting paths), which is lexicographically optimal.
   */
  @Property(tries = 150)
  void exact_servedCountsPerClass_equalMatroidGreedy(
      @ForAll long seed, @ForAll @IntRange(min = 10, max = 80) int needs, @ForAll @IntRange(min = 2, max = 12) int offers) {
    DomainFixtures.Instance in = DomainFixtures.random(seed, needs, offers);
    MatchResult r = Matcher.exact().match(in.needs, in.offers);
    int k = POLICY.priorityClassCount();
    int[] counts = new int[k];
    r.assignments().forEach(a -> counts[a.explanation().priorityClass()]++);
    assertArrayEquals(matroidGreedy(in, k), counts);
    // and locally: an unserved demand's feasible offers are held only by demands of its class or higher
    for (Unmatched u : r.unmatched()) {
      if (u.reason() == ReasonCode.CAPACITY_EXHAUSTED) {
        Need n = in.needs.stream().filter(x -> x.id().equals(u.needId())).findFirst().orElseThrow();
        for (String c : u.competingNeedIds()) {
          Need holder = in.needs.stream().filter(x -> x.id().equals(c)).findFirst().orElseThrow();
          assertEquals(POLICY.priorityClass(n.tier(), n.urgency()), POLICY.priorityClass(holder.tier(), holder.urgency()));
        }
      }
    }
  }

  @Property(tries = 150)
  void exact_priorityScore_atLeastGreedyAndStreaming(
      @ForAll long seed, @ForAll @IntRange(min = 10, max = 80) int needs, @ForAll @IntRange(min = 2, max = 12) int offers) {
    DomainFixtures.Instance in = DomainFixtures.random(seed, needs, offers);
    long exact = Matcher.exact().match(in.needs, in.offers).metrics().servedPriorityScore();
    assertTrue(exact >= Matcher.greedy(POLICY).match(in.needs, in.offers).metrics().servedPriorityScore());
    assertTrue(exact >= Matcher.streaming(POLICY, false, 0).match(in.needs, in.offers).metrics().servedPriorityScore());
    assertTrue(exact >= Matcher.streaming(POLICY, true, 0).match(in.needs, in.offers).metrics().servedPriorityScore());
    // re-optimising after the last arrival reaches the optimum
    assertEquals(exact, Matcher.streaming(POLICY, true, needs).match(in.needs, in.offers).metrics().servedPriorityScore());
  }

  static int[] matroidGreedy(DomainFixtures.Instance in, int k) {
    int n = in.needs.size();
    int m = in.offers.size();
    List<List<Integer>> adj = new ArrayList<>();
    for (Need need : in.needs) {
      List<Integer> a = new ArrayList<>();
      for (int o = 0; o < m; o++) {
        if (in.offers.get(o).capacity() > 0 && DomainFixtures.feasible(need, in.offers.get(o))) {
          a.add(o);
        }
      }
      adj.add(a);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(cls(in.needs.get(a)), cls(in.needs.get(b))));
    List<List<Integer>> holders = new ArrayList<>();
    for (int o = 0; o < m; o++) {
      holders.add(new ArrayList<>());
    }
    int[] at = new int[n];
    Arrays.fill(at, -1);
    int[] counts = new int[k];
    for (int i : order) {
      if (augment(i, adj, holders, at, in, new boolean[m])) {
        counts[cls(in.needs.get(i))]++;
      }
    }
    return counts;
  }

  private static int cls(Need n) {
    return POLICY.priorityClass(n.tier(), n.urgency());
  }

  private static boolean augment(int i, List<List<Integer>> adj, List<List<Integer>> holders, int[] at, DomainFixtures.Instance in, boolean[] seen) {
    for (int o : adj.get(i)) {
      if (seen[o]) {
        continue;
      }
      seen[o] = true;
      if (holders.get(o).size() < in.offers.get(o).capacity()) {
        holders.get(o).add(i);
        at[i] = o;
        return true;
      }
      for (int j : new ArrayList<>(holders.get(o))) {
        if (augment(j, adj, holders, at, in, seen)) {
          holders.get(o).remove(Integer.valueOf(j));
          holders.get(o).add(i);
          at[i] = o;
          return true;
        }
      }
    }
    return false;
  }
}

package io.github.linli.benchmarks.matching;

import io.github.linli.matching.solver.MaxWeightBMatching;
import java.util.Arrays;
import java.util.Locale;

/**
 * A measurement for issue 16's first direction ("tiers as strict priority classes"): how many
 * demands of each tier the lexicographically largest served set holds (a maximum-cardinality
 * b-matching grown tier by tier with Hopcroft and Karp's phases, which never unserve a demand, so
 * earlier tiers keep priority: the greedy basis of a transversal matroid), how long that takes,
 * and whether the exact optimum serves the same number in each tier. If it does on an instance
 * shape, "who is served" can be decided without costs there, and only a min-cost refinement among
 * the served remains. Not a solver: it prints figures. Usage: {@code java -Xmx2g -cp
 * benchmarks.jar io.github.linli.benchmarks.matching.TierCardinality demands offers [city|shared]}.
 */
public final class TierCardinality {
  private TierCardinality() {}

  /**
   * Runs the measurement.
   *
   * @param args demands, offers, shape
   */
  public static void main(String[] args) throws InterruptedException {
    // the augmenting depth-first search recurses once per layer: a large stack
    Thread t = new Thread(null, () -> run(args), "tiers", 1L << 30);
    t.start();
    t.join();
  }

  private static void run(String[] args) {
    int demands = Integer.parseInt(args[0]);
    int offers = Integer.parseInt(args[1]);
    String shape = args.length > 2 ? args[2] : "city";
    CityInstance in = CityInstance.generate(shape, demands, offers, 42);
    int tiers = Arrays.stream(in.demandTier).max().orElse(0) + 1;
    int[] lexi = null;
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      phases = 0;
      lexi = lexicographicServed(in, tiers);
      System.out.printf(Locale.ROOT, "tier-by-tier Hopcroft-Karp %.3f s (CPU %.3f s), %d phases%n",
          (System.nanoTime() - t0) / 1e9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9, phases);
    }
    int[] chosen = null;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      chosen = MaxWeightBMatching.solve(
          in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
      System.out.printf(Locale.ROOT, "exact kernel, one thread %.3f s (CPU %.3f s)%n",
          (System.nanoTime() - t0) / 1e9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
    }
    int[] exact = new int[tiers];
    for (int d = 0; d < in.demandCount; d++) {
      if (chosen[d] >= 0) {
        exact[in.demandTier[d]]++;
      }
    }
    System.out.println("served per tier, lexicographic max: " + Arrays.toString(lexi));
    System.out.println("served per tier, exact optimum:     " + Arrays.toString(exact));
    System.out.println(Arrays.equals(lexi, exact) ? "same counts" : "counts differ");
  }

  private static int phases;

  /** Served demands per tier of the lexicographically largest served set (positive edges only). */
  static int[] lexicographicServed(CityInstance in, int tiers) {
    int n = in.demandCount;
    int k = in.offerCapacity.length;
    int m = in.edgeDemand.length;
    int[] start = new int[n + 1];
    for (int e = 0; e < m; e++) {
      if (in.edgeProfit[e] > 0) {
        start[in.edgeDemand[e] + 1]++;
      }
    }
    for (int d = 0; d < n; d++) {
      start[d + 1] += start[d];
    }
    int[] adj = new int[start[n]];
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < m; e++) {
      if (in.edgeProfit[e] > 0) {
        adj[fill[in.edgeDemand[e]]++] = in.edgeOffer[e];
      }
    }
    int[] slotStart = new int[k + 1];
    for (int o = 0; o < k; o++) {
      slotStart[o + 1] = slotStart[o] + in.offerCapacity[o];
    }
    int[] slots = new int[slotStart[k]];
    int[] used = new int[k];
    int[] matchOffer = new int[n];
    Arrays.fill(matchOffer, -1);
    int[] level = new int[n];
    int[] queue = new int[n];
    int[] free = new int[n];
    int[] edgePos = new int[n];
    int[] served = new int[tiers];
    for (int t = 0; t < tiers; t++) {
      int freeCount = 0;
      for (int d = 0; d < n; d++) {
        if (in.demandTier[d] == t && start[d + 1] > start[d]) {
          free[freeCount++] = d;
        }
      }
      while (true) {
        // BFS layers from the free demands of this tier over alternating paths
        Arrays.fill(level, -1);
        int head = 0;
        int tail = 0;
        for (int i = 0; i < freeCount; i++) {
          level[free[i]] = 0;
          queue[tail++] = free[i];
        }
        int found = Integer.MAX_VALUE;
        while (head < tail) {
          int d = queue[head++];
          if (level[d] >= found) {
            break;
          }
          for (int j = start[d]; j < start[d + 1]; j++) {
            int o = adj[j];
            if (used[o] < in.offerCapacity[o]) {
              found = Math.min(found, level[d] + 1);
            } else {
              for (int s = slotStart[o]; s < slotStart[o] + used[o]; s++) {
                int y = slots[s];
                if (level[y] < 0) {
                  level[y] = level[d] + 1;
                  queue[tail++] = y;
                }
              }
            }
          }
        }
        if (found == Integer.MAX_VALUE) {
          break;
        }
        phases++;
        for (int i = 0; i < tail; i++) {
          edgePos[queue[i]] = start[queue[i]];
        }
        int still = 0;
        int augmented = 0;
        for (int i = 0; i < freeCount; i++) {
          int d = free[i];
          if (augment(d, found, start, adj, in.offerCapacity, slotStart, slots, used, matchOffer, level, edgePos)) {
            augmented++;
          } else {
            free[still++] = d;
          }
        }
        freeCount = still;
        if (augmented == 0) {
          break;
        }
      }
    }
    for (int d = 0; d < n; d++) {
      if (matchOffer[d] >= 0) {
        served[in.demandTier[d]]++;
      }
    }
    return served;
  }

  /** Depth-first search along the BFS layers (recursion depth at most the layer count). */
  private static boolean augment(int d, int found, int[] start, int[] adj, int[] cap, int[] slotStart,
      int[] slots, int[] used, int[] matchOffer, int[] level, int[] edgePos) {
    for (; edgePos[d] < start[d + 1]; edgePos[d]++) {
      int o = adj[edgePos[d]];
      if (level[d] + 1 == found && used[o] < cap[o]) {
        move(d, o, slotStart, slots, used, matchOffer);
        level[d] = -1;
        return true;
      }
      if (level[d] + 1 < found) {
        for (int s = slotStart[o]; s < slotStart[o] + used[o]; s++) {
          int y = slots[s];
          if (level[y] == level[d] + 1) {
            if (augment(y, found, start, adj, cap, slotStart, slots, used, matchOffer, level, edgePos)) {
              // y moved elsewhere and freed its slot at o
              move(d, o, slotStart, slots, used, matchOffer);
              level[d] = -1;
              return true;
            }
          }
        }
      }
    }
    level[d] = -1; // dead end for this phase
    return false;
  }

  /** Serves d at o (d leaves its current offer first, if any). */
  private static void move(int d, int o, int[] slotStart, int[] slots, int[] used, int[] matchOffer) {
    int from = matchOffer[d];
    if (from >= 0) {
      for (int s = slotStart[from]; s < slotStart[from] + used[from]; s++) {
        if (slots[s] == d) {
          slots[s] = slots[slotStart[from] + used[from] - 1];
          used[from]--;
          break;
        }
      }
    }
    slots[slotStart[o] + used[o]++] = d;
    matchOffer[d] = o;
  }
}

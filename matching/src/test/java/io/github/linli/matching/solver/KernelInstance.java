package io.github.linli.matching.solver;

import java.util.Arrays;
import java.util.Random;

/** A random kernel instance for tests (a small generator of its own, no copy of the benchmarks'). */
final class KernelInstance {
  final int demandCount;
  final int[] capacity;
  final int[] edgeDemand;
  final int[] edgeOffer;
  final long[] edgeProfit;

  KernelInstance(int demandCount, int[] capacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit) {
    this.demandCount = demandCount;
    this.capacity = capacity;
    this.edgeDemand = edgeDemand;
    this.edgeOffer = edgeOffer;
    this.edgeProfit = edgeProfit;
  }

  /**
   * Random instance: profits small, huge (near ±2^40) or mixed; zero capacities; parallel edges.
   */
  static KernelInstance random(long seed, int demands, int offers, int edges, int profitKind) {
    Random r = new Random(seed);
    int[] cap = new int[offers];
    for (int o = 0; o < offers; o++) {
      cap[o] = r.nextInt(4); // 0..3, zero capacities included
    }
    int[] ed = new int[edges];
    int[] eo = new int[edges];
    long[] ep = new long[edges];
    for (int e = 0; e < edges; e++) {
      if (e > 0 && r.nextInt(8) == 0) { // a parallel edge
        ed[e] = ed[e - 1];
        eo[e] = eo[e - 1];
      } else {
        ed[e] = r.nextInt(demands);
        eo[e] = r.nextInt(offers);
      }
      ep[e] = profit(r, profitKind);
    }
    return new KernelInstance(demands, cap, ed, eo, ep);
  }

  /**
   * Independent random blocks side by side (offers of block b only meet demands of block b), with
   * demands and edges interleaved across blocks so that components are not contiguous in the input.
   */
  static KernelInstance blocks(long seed, int blocks, int demandsPerBlock, int offersPerBlock, int profitKind) {
    Random r = new Random(seed);
    int demands = blocks * demandsPerBlock;
    int offers = blocks * offersPerBlock;
    int[] cap = new int[offers];
    for (int o = 0; o < offers; o++) {
      cap[o] = r.nextInt(4);
    }
    int edges = demands * 3;
    int[] ed = new int[edges];
    int[] eo = new int[edges];
    long[] ep = new long[edges];
    for (int e = 0; e < edges; e++) {
      int d = r.nextInt(demands);
      int block = d % blocks;
      ed[e] = d;
      eo[e] = block * offersPerBlock + r.nextInt(offersPerBlock);
      ep[e] = profit(r, profitKind);
    }
    return new KernelInstance(demands, cap, ed, eo, ep);
  }

  static long profit(Random r, int kind) {
    long max = MaxWeightBMatching.MAX_ABS_PROFIT;
    switch (kind) {
      case 0:
        return r.nextInt(21) - 10;
      case 1:
        return max - r.nextInt(5) - (r.nextBoolean() ? 0 : 2 * max - 8);
      case 3:
        return (long) ((r.nextDouble() * 2 - 1) * 4e8);
      case 4:
        return r.nextInt(8) == 0 ? -max + r.nextInt(3) : max - r.nextInt(11);
      default:
        int c = r.nextInt(4);
        return c == 0 ? max : c == 1 ? -max : c == 2 ? r.nextInt(7) - 3 : (long) (r.nextDouble() * max);
    }
  }

  KernelInstance copy() {
    return new KernelInstance(
        demandCount, capacity.clone(), edgeDemand.clone(), edgeOffer.clone(), edgeProfit.clone());
  }

  boolean sameArrays(KernelInstance o) {
    return demandCount == o.demandCount
        && Arrays.equals(capacity, o.capacity)
        && Arrays.equals(edgeDemand, o.edgeDemand)
        && Arrays.equals(edgeOffer, o.edgeOffer)
        && Arrays.equals(edgeProfit, o.edgeProfit);
  }

  int[] solve() {
    return MaxWeightBMatching.solve(demandCount, capacity, edgeDemand, edgeOffer, edgeProfit);
  }

  /**
   * Checks that {@code solveWithCertificate} gives the same edges as {@code solve}, that {@code
   * verify} accepts them with the proven profit {@code optimum}, and, independently of {@code
   * verify}, that the certificate's dual objective equals the optimum (LP duality).
   */
  void assertCertified(int[] chosen, long optimum) {
    CertifiedMatching certified =
        MaxWeightBMatching.solveWithCertificate(demandCount, capacity, edgeDemand, edgeOffer, edgeProfit);
    org.junit.jupiter.api.Assertions.assertArrayEquals(chosen, certified.chosen(), "same edges as solve");
    Verification v = verify(chosen, certified.certificate());
    org.junit.jupiter.api.Assertions.assertEquals(Verification.Verdict.OPTIMAL, v.verdict(), v::toString);
    org.junit.jupiter.api.Assertions.assertEquals(optimum, v.profit());
    org.junit.jupiter.api.Assertions.assertEquals(optimum, dualObjective(certified.certificate()));
    long maxProfit = 0;
    for (long p : edgeProfit) {
      maxProfit = Math.max(maxProfit, p);
    }
    for (long u : certified.certificate().demandUtilities()) {
      org.junit.jupiter.api.Assertions.assertTrue(u <= maxProfit, "utility bounded by the largest profit");
    }
    for (long p : certified.certificate().offerPrices()) {
      org.junit.jupiter.api.Assertions.assertTrue(p <= maxProfit, "price bounded by the largest profit");
    }
  }

  Verification verify(int[] chosen, OptimalityCertificate certificate) {
    return MaxWeightBMatching.verify(demandCount, capacity, edgeDemand, edgeOffer, edgeProfit, chosen, certificate);
  }

  /** {@code sum u + sum capacity * price}: an upper bound on every matching if the prices are feasible. */
  long dualObjective(OptimalityCertificate c) {
    long sum = 0;
    for (long u : c.demandUtilities()) {
      sum += u;
    }
    long[] price = c.offerPrices();
    for (int o = 0; o < capacity.length; o++) {
      sum += capacity[o] * price[o];
    }
    return sum;
  }

  /** Checks feasibility alone (any profit); returns null if fine, else what is wrong. */
  String violationAllowingAnyProfit(int[] chosen) {
    int[] load = new int[capacity.length];
    for (int d = 0; d < demandCount; d++) {
      int e = chosen[d];
      if (e == -1) {
        continue;
      }
      if (e < 0 || e >= edgeDemand.length || edgeDemand[e] != d) {
        return "demand " + d + " edge " + e;
      }
      if (++load[edgeOffer[e]] > capacity[edgeOffer[e]]) {
        return "offer " + edgeOffer[e] + " over capacity";
      }
    }
    return null;
  }

  /** Checks feasibility; returns null if fine, else what is wrong. */
  String violation(int[] chosen) {
    if (chosen.length != demandCount) {
      return "length " + chosen.length;
    }
    int[] load = new int[capacity.length];
    for (int d = 0; d < demandCount; d++) {
      int e = chosen[d];
      if (e == -1) {
        continue;
      }
      if (e < 0 || e >= edgeDemand.length) {
        return "demand " + d + " edge " + e + " out of range";
      }
      if (edgeDemand[e] != d) {
        return "demand " + d + " chose edge " + e + " of demand " + edgeDemand[e];
      }
      if (edgeProfit[e] <= 0) {
        return "demand " + d + " chose non-positive edge " + e;
      }
      load[edgeOffer[e]]++;
    }
    for (int o = 0; o < capacity.length; o++) {
      if (load[o] > capacity[o]) {
        return "offer " + o + " load " + load[o] + " > capacity " + capacity[o];
      }
    }
    return null;
  }

  /** Exhaustive optimum: every demand tries "none" and each of its edges. */
  long bruteForce() {
    int[][] byDemand = new int[demandCount][];
    int[] count = new int[demandCount];
    for (int d : edgeDemand) {
      count[d]++;
    }
    for (int d = 0; d < demandCount; d++) {
      byDemand[d] = new int[count[d]];
      count[d] = 0;
    }
    for (int e = 0; e < edgeDemand.length; e++) {
      byDemand[edgeDemand[e]][count[edgeDemand[e]]++] = e;
    }
    return search(0, byDemand, new int[capacity.length]);
  }

  private long search(int d, int[][] byDemand, int[] load) {
    if (d == demandCount) {
      return 0;
    }
    long best = search(d + 1, byDemand, load);
    for (int e : byDemand[d]) {
      int o = edgeOffer[e];
      if (load[o] < capacity[o]) {
        load[o]++;
        best = Math.max(best, edgeProfit[e] + search(d + 1, byDemand, load));
        load[o]--;
      }
    }
    return best;
  }
}

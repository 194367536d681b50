package io.github.linli.matching.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The kernel against exhaustive search and JGraphT's min-cost flow, on random instances. */
class MaxWeightBMatchingProperties {

  @Property(tries = 3000)
  void solve_tinyInstances_equalBruteForce(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 6) int demands,
      @ForAll @IntRange(min = 1, max = 4) int offers,
      @ForAll @IntRange(min = 0, max = 12) int edges,
      @ForAll @IntRange(min = 0, max = 4) int profitKind) {
    if (demands == 0) {
      edges = 0;
    }
    KernelInstance in = KernelInstance.random(seed, Math.max(demands, 1), offers, edges, profitKind);
    KernelInstance before = in.copy();
    int[] chosen = in.solve();
    assertNull(in.violation(chosen));
    long optimum = in.bruteForce();
    assertEquals(optimum, MaxWeightBMatching.totalProfit(chosen, in.edgeProfit));
    in.assertCertified(chosen, optimum);
    assertTrue(in.sameArrays(before), "caller's arrays unchanged");
  }

  @Property(tries = 400)
  void solve_mediumInstances_equalJGraphTMinCostFlow(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int demands,
      @ForAll @IntRange(min = 1, max = 25) int offers,
      @ForAll @IntRange(min = 0, max = 200) int edges,
      @ForAll @IntRange(min = 0, max = 2) int kind) {
    // small, large (up to 4e8) and near-2^40 profits, all with negatives
    KernelInstance in = KernelInstance.random(seed, demands, offers, edges, kind == 0 ? 0 : kind + 2);
    int[] chosen = in.solve();
    assertNull(in.violation(chosen));
    long optimum = JGraphTOracle.optimum(in);
    assertEquals(optimum, MaxWeightBMatching.totalProfit(chosen, in.edgeProfit));
    in.assertCertified(chosen, optimum);
  }

  @Property(tries = 200)
  void solve_denseContestedInstances_equalJGraphTMinCostFlow(
      @ForAll long seed,
      @ForAll @IntRange(min = 20, max = 120) int demands,
      @ForAll @IntRange(min = 2, max = 10) int offers) {
    // many demands per offer: long eviction chains
    KernelInstance in = KernelInstance.random(seed, demands, offers, demands * 4, 0);
    int[] chosen = in.solve();
    assertNull(in.violation(chosen));
    long optimum = JGraphTOracle.optimum(in);
    assertEquals(optimum, MaxWeightBMatching.totalProfit(chosen, in.edgeProfit));
    in.assertCertified(chosen, optimum);
  }

  @Property(tries = 200)
  void solve_severalComponents_sameAnswerOnAnyNumberOfThreads(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int blocks,
      @ForAll @IntRange(min = 1, max = 40) int demandsPerBlock,
      @ForAll @IntRange(min = 1, max = 12) int offersPerBlock,
      @ForAll @IntRange(min = 2, max = 4) int threads,
      @ForAll @IntRange(min = 0, max = 2) int kind) {
    // small, large and near-2^40 profits (the oracle's range), all with negatives
    KernelInstance in = KernelInstance.blocks(seed, blocks, demandsPerBlock, offersPerBlock, kind == 0 ? 0 : kind + 2);
    KernelInstance before = in.copy();
    int[] oneThread = MaxWeightBMatching.solve(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
    int[] parallel = MaxWeightBMatching.solve(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, threads, 0);
    assertNull(in.violation(parallel));
    assertArrayEquals(oneThread, parallel, "the same edges, whatever the number of threads");
    long optimum = JGraphTOracle.optimum(in);
    assertEquals(optimum, MaxWeightBMatching.totalProfit(parallel, in.edgeProfit));
    CertifiedMatching certifiedOne = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
    CertifiedMatching certifiedParallel = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, threads, 0);
    assertArrayEquals(oneThread, certifiedParallel.chosen());
    assertEquals(certifiedOne.certificate(), certifiedParallel.certificate(), "the same prices on any number of threads");
    in.assertCertified(parallel, optimum);
    assertTrue(in.sameArrays(before), "caller's arrays unchanged");
  }
}

package io.github.linli.matching.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.linli.matching.solver.Verification.Verdict;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code verify} against facts it does not compute itself: exhaustive search (a matching it
 * accepts is feasible and as good as the brute-force optimum) and LP duality (prices it accepts
 * have a dual objective equal to the optimum). Matchings and prices are perturbed at random from
 * the kernel's own, so that both acceptances and each kind of rejection occur.
 */
class CertificateProperties {

  @Property(tries = 2000)
  void verify_perturbedMatching_acceptedOnlyIfFeasibleAndOptimal(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int demands,
      @ForAll @IntRange(min = 1, max = 4) int offers,
      @ForAll @IntRange(min = 1, max = 12) int edges,
      @ForAll @IntRange(min = 0, max = 4) int profitKind,
      @ForAll @IntRange(min = 1, max = 3) int changes) {
    KernelInstance in = KernelInstance.random(seed, demands, offers, edges, profitKind);
    CertifiedMatching solved = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
    long optimum = in.bruteForce();
    int[] chosen = solved.chosen();
    Random r = new Random(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < changes; i++) {
      int d = r.nextInt(demands);
      int kind = r.nextInt(10);
      chosen[d] = kind == 0 ? -1 : kind == 1 ? edges + r.nextInt(3) : kind == 2 ? -2 : r.nextInt(edges);
    }
    Verification v = in.verify(chosen, solved.certificate());
    Statistics.label("verdict").collect(v.verdict());
    Statistics.label("verdict").coverage(c -> {
      c.check(Verdict.OPTIMAL).count(n -> n > 0);
      c.check(Verdict.EDGE_OUT_OF_RANGE).count(n -> n > 0);
      c.check(Verdict.EDGE_OF_ANOTHER_DEMAND).count(n -> n > 0);
      c.check(Verdict.OVER_CAPACITY).count(n -> n > 0);
      c.check(Verdict.UNSERVED_WITH_UTILITY).count(n -> n > 0);
      c.check(Verdict.CHOSEN_EDGE_NOT_TIGHT).count(n -> n > 0);
    });
    boolean feasible = in.violationAllowingAnyProfit(chosen) == null;
    boolean reportedInfeasible = v.verdict().ordinal() <= Verdict.OVER_CAPACITY.ordinal() && !v.isOptimal();
    assertEquals(!feasible, reportedInfeasible, () -> "feasibility misjudged: " + v);
    if (v.isOptimal()) {
      assertEquals(optimum, MaxWeightBMatching.totalProfit(chosen, in.edgeProfit), "accepted, so optimal");
      assertEquals(optimum, v.profit());
    }
  }

  @Property(tries = 2000)
  void verify_perturbedPrices_acceptedOnlyIfTheyStillProveTheOptimum(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int demands,
      @ForAll @IntRange(min = 1, max = 4) int offers,
      @ForAll @IntRange(min = 1, max = 12) int edges,
      @ForAll @IntRange(min = 0, max = 4) int profitKind) {
    KernelInstance in = KernelInstance.random(seed, demands, offers, edges, profitKind);
    CertifiedMatching solved = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
    long optimum = in.bruteForce();
    long[] u = solved.certificate().demandUtilities();
    long[] p = solved.certificate().offerPrices();
    Random r = new Random(seed * 31 + 7);
    long delta = r.nextBoolean() ? (r.nextBoolean() ? 1 : -1) : r.nextInt(2001) - 1000;
    if (delta == 0) {
      delta = 1;
    }
    if (r.nextBoolean()) {
      u[r.nextInt(demands)] += delta;
    } else {
      p[r.nextInt(offers)] += delta;
    }
    OptimalityCertificate perturbed = OptimalityCertificate.of(u, p);
    Verification v = in.verify(solved.chosen(), perturbed);
    Statistics.label("verdict").collect(v.verdict());
    Statistics.label("verdict").coverage(c -> {
      c.check(Verdict.NEGATIVE_UTILITY).count(n -> n > 0);
      c.check(Verdict.NEGATIVE_PRICE).count(n -> n > 0);
      c.check(Verdict.EDGE_NOT_COVERED).count(n -> n > 0);
      c.check(Verdict.CHOSEN_EDGE_NOT_TIGHT).count(n -> n > 0);
      c.check(Verdict.UNSERVED_WITH_UTILITY).count(n -> n > 0);
      c.check(Verdict.PRICED_OFFER_NOT_FULL).count(n -> n > 0);
    });
    if (v.isOptimal()) {
      // only a change that keeps the dual objective (a price of a zero-capacity offer) can pass
      assertEquals(optimum, in.dualObjective(perturbed), "accepted prices prove the optimum");
      assertEquals(optimum, v.profit());
    }
    if (in.dualObjective(perturbed) != optimum) {
      assertNotEquals(Verdict.OPTIMAL, v.verdict(), "prices that bound nothing or are slack: rejected");
    }
  }

  @Property(tries = 300)
  void verify_kernelAnswerWithAnotherInstancesPrices_neverAcceptsASuboptimalMatching(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int demands,
      @ForAll @IntRange(min = 1, max = 4) int offers,
      @ForAll @IntRange(min = 1, max = 12) int edges) {
    // the same shape, other profits: the first instance's matching and prices against the second
    KernelInstance a = KernelInstance.random(seed, demands, offers, edges, 0);
    KernelInstance b = new KernelInstance(a.demandCount, a.capacity, a.edgeDemand, a.edgeOffer,
        KernelInstance.random(seed + 1, demands, offers, edges, 0).edgeProfit);
    CertifiedMatching solvedA = MaxWeightBMatching.solveWithCertificate(
        a.demandCount, a.capacity, a.edgeDemand, a.edgeOffer, a.edgeProfit);
    Verification v = b.verify(solvedA.chosen(), solvedA.certificate());
    Statistics.label("verdict").collect(v.verdict());
    if (v.isOptimal()) {
      assertEquals(b.bruteForce(), MaxWeightBMatching.totalProfit(solvedA.chosen(), b.edgeProfit));
    }
  }
}

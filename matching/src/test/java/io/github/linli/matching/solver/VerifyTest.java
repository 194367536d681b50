package io.github.linli.matching.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.matching.solver.Verification.Verdict;
import org.junit.jupiter.api.Test;

/** Each verdict of {@code verify} on a hand-made instance, and its bad input. */
class VerifyTest {
  // two demands, one offer of capacity 1: edge 0 = (demand 0, offer 0, profit 3), edge 1 =
  // (demand 1, offer 0, profit 5); the optimum serves demand 1 (profit 5), proven for example by
  // utilities (0, 2) and price 3
  static final int[] CAP = {1};
  static final int[] ED = {0, 1};
  static final int[] EO = {0, 0};
  static final long[] EP = {3, 5};

  static Verification check(int[] chosen, long[] u, long[] p) {
    return MaxWeightBMatching.verify(2, CAP, ED, EO, EP, chosen, OptimalityCertificate.of(u, p));
  }

  static void assertVerdict(Verdict verdict, int index, Verification v) {
    assertEquals(verdict, v.verdict(), v::toString);
    assertEquals(index, v.index(), v::toString);
  }

  @Test
  void verify_optimalMatchingAndProof_optimalWithProfit() {
    Verification v = check(new int[] {-1, 1}, new long[] {0, 2}, new long[] {3});
    assertTrue(v.isOptimal());
    assertEquals(5, v.profit());
    assertEquals(-1, v.index());
    assertEquals("OPTIMAL: optimal, total profit 5", v.toString());
  }

  @Test
  void verify_kernelAnswer_optimal() {
    CertifiedMatching c = MaxWeightBMatching.solveWithCertificate(2, CAP, ED, EO, EP);
    assertArrayEquals(new int[] {-1, 1}, c.chosen());
    Verification v = MaxWeightBMatching.verify(2, CAP, ED, EO, EP, c.chosen(), c.certificate());
    assertTrue(v.isOptimal(), v::toString);
    assertEquals(5, v.profit());
  }

  @Test
  void verify_weakerDemandServed_unservedWithUtility() {
    // a feasible but suboptimal matching (profit 3): the stronger demand keeps a positive utility
    Verification v = check(new int[] {0, -1}, new long[] {0, 2}, new long[] {3});
    assertVerdict(Verdict.UNSERVED_WITH_UTILITY, 1, v);
    assertEquals("demand 1 is unserved but demandUtility[1] = 2", v.message());
  }

  @Test
  void verify_bothServed_overCapacity() {
    assertVerdict(Verdict.OVER_CAPACITY, 0, check(new int[] {0, 1}, new long[] {0, 2}, new long[] {3}));
  }

  @Test
  void verify_edgeOfAnotherDemand_named() {
    Verification v = check(new int[] {1, -1}, new long[] {0, 2}, new long[] {3});
    assertVerdict(Verdict.EDGE_OF_ANOTHER_DEMAND, 0, v);
    assertEquals("chosen[0] = 1: edge 1 belongs to demand 1", v.message());
  }

  @Test
  void verify_edgeOutOfRange_named() {
    assertVerdict(Verdict.EDGE_OUT_OF_RANGE, 0, check(new int[] {2, -1}, new long[] {0, 2}, new long[] {3}));
    assertVerdict(Verdict.EDGE_OUT_OF_RANGE, 1, check(new int[] {-1, -5}, new long[] {0, 2}, new long[] {3}));
  }

  @Test
  void verify_negativePrices_named() {
    assertVerdict(Verdict.NEGATIVE_UTILITY, 0, check(new int[] {-1, 1}, new long[] {-1, 2}, new long[] {3}));
    assertVerdict(Verdict.NEGATIVE_PRICE, 0, check(new int[] {-1, 1}, new long[] {0, 5}, new long[] {-1}));
  }

  @Test
  void verify_pricesTooLow_edgeNotCovered() {
    // 1 + 3 < 5: these prices would "prove" a bound of 4, below the matching's own profit
    Verification v = check(new int[] {-1, 1}, new long[] {0, 1}, new long[] {3});
    assertVerdict(Verdict.EDGE_NOT_COVERED, 1, v);
    assertEquals("edge 1 not covered: demandUtility[1] + offerPrice[0] = 1 + 3 < edgeProfit[1] = 5", v.message());
  }

  @Test
  void verify_pricesTooHigh_chosenEdgeNotTight() {
    assertVerdict(Verdict.CHOSEN_EDGE_NOT_TIGHT, 1, check(new int[] {-1, 1}, new long[] {0, 3}, new long[] {3}));
  }

  @Test
  void verify_hugePrices_noOverflow() {
    long max = Long.MAX_VALUE;
    assertVerdict(Verdict.CHOSEN_EDGE_NOT_TIGHT, 1, check(new int[] {-1, 1}, new long[] {0, max}, new long[] {max}));
  }

  @Test
  void verify_pricedOfferWithRoom_pricedOfferNotFull() {
    // one demand, two offers: it takes offer 0 (profit 5); offer 1 stays empty but is priced
    Verification v = MaxWeightBMatching.verify(1, new int[] {1, 1}, new int[] {0, 0}, new int[] {0, 1},
        new long[] {5, 2}, new int[] {0}, OptimalityCertificate.of(new long[] {5}, new long[] {0, 1}));
    assertVerdict(Verdict.PRICED_OFFER_NOT_FULL, 1, v);
  }

  @Test
  void solveWithCertificate_capacityAboveDegree_priceMovedToDemands() {
    // offer 0 has room for 10 but only two demands: whatever the kernel's internal price, the
    // certificate must price it 0
    int[] cap = {10};
    int[] ed = {0, 1};
    int[] eo = {0, 0};
    long[] ep = {4, 6};
    CertifiedMatching c = MaxWeightBMatching.solveWithCertificate(2, cap, ed, eo, ep);
    assertEquals(0, c.certificate().offerPrice(0));
    assertArrayEquals(new long[] {4, 6}, c.certificate().demandUtilities());
    assertTrue(MaxWeightBMatching.verify(2, cap, ed, eo, ep, c.chosen(), c.certificate()).isOptimal());
  }

  @Test
  void verify_badShapes_namedInMessages() {
    OptimalityCertificate ok = OptimalityCertificate.of(new long[] {0, 2}, new long[] {3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MaxWeightBMatching.verify(2, CAP, ED, EO, EP, new int[] {-1}, ok));
    assertEquals("chosen.length = 1: must equal demandCount = 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MaxWeightBMatching.verify(
        2, CAP, ED, EO, EP, new int[] {-1, 1}, OptimalityCertificate.of(new long[] {0}, new long[] {3})));
    assertEquals("certificate.demandCount() = 1: must equal demandCount = 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MaxWeightBMatching.verify(
        2, CAP, ED, EO, EP, new int[] {-1, 1}, OptimalityCertificate.of(new long[] {0, 2}, new long[0])));
    assertEquals("certificate.offerCount() = 0: must equal offerCapacity.length = 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MaxWeightBMatching.verify(2, CAP, ED, EO, new long[] {3, 1L << 41}, new int[] {-1, 1}, ok));
    assertTrue(e.getMessage().startsWith("edgeProfit[1] = "), e.getMessage());
    NullPointerException n = assertThrows(NullPointerException.class,
        () -> MaxWeightBMatching.verify(2, CAP, ED, EO, EP, new int[] {-1, 1}, null));
    assertEquals("certificate", n.getMessage());
    n = assertThrows(NullPointerException.class, () -> MaxWeightBMatching.verify(2, CAP, ED, EO, EP, null, ok));
    assertEquals("chosen", n.getMessage());
    n = assertThrows(NullPointerException.class, () -> OptimalityCertificate.of(null, new long[0]));
    assertEquals("demandUtility", n.getMessage());
  }

  @Test
  void certificate_isACopy() {
    long[] u = {0, 2};
    OptimalityCertificate c = OptimalityCertificate.of(u, new long[] {3});
    u[1] = 99;
    c.demandUtilities()[0] = 99;
    assertArrayEquals(new long[] {0, 2}, c.demandUtilities());
    assertEquals("OptimalityCertificate{demandUtility=[0, 2], offerPrice=[3]}", c.toString());
  }

  @Test
  void solveWithCertificate_largeInstance_defaultEqualsOneThreadAndVerifies() {
    KernelInstance in = KernelInstance.blocks(7, 40, 4_000, 400, 0);
    CertifiedMatching byDefault = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
    CertifiedMatching oneThread = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
    assertArrayEquals(oneThread.chosen(), byDefault.chosen());
    assertEquals(oneThread.certificate(), byDefault.certificate());
    assertArrayEquals(in.solve(), byDefault.chosen());
    Verification v = in.verify(byDefault.chosen(), byDefault.certificate());
    assertTrue(v.isOptimal(), v::toString);
    assertEquals(in.dualObjective(byDefault.certificate()), v.profit());
  }
}

package io.github.linli.matching.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaxWeightBMatchingTest {
  static final long MAX = MaxWeightBMatching.MAX_ABS_PROFIT;

  @Test
  void solve_classicExample_pushesOutTheWeakerDemand() {
    // two demands, one offer of capacity 1: the more profitable demand wins
    int[] chosen = MaxWeightBMatching.solve(2, new int[] {1}, new int[] {0, 1}, new int[] {0, 0}, new long[] {3, 5});
    assertArrayEquals(new int[] {-1, 1}, chosen);
  }

  @Test
  void solve_alternatingPath_reassignsEarlierDemand() {
    // demand 0 likes offers 0 (10) and 1 (9); demand 1 only offer 0 (8): optimum 9 + 8
    int[] chosen =
        MaxWeightBMatching.solve(
            2, new int[] {1, 1}, new int[] {0, 0, 1}, new int[] {0, 1, 0}, new long[] {10, 9, 8});
    assertArrayEquals(new int[] {1, 2}, chosen);
  }

  @Test
  void solve_negativeAndZeroProfit_neverChosen() {
    int[] chosen = MaxWeightBMatching.solve(2, new int[] {5}, new int[] {0, 1}, new int[] {0, 0}, new long[] {-1, 0});
    assertArrayEquals(new int[] {-1, -1}, chosen);
  }

  @Test
  void solve_parallelEdges_takesTheBetter() {
    int[] chosen = MaxWeightBMatching.solve(1, new int[] {1}, new int[] {0, 0, 0}, new int[] {0, 0, 0}, new long[] {2, 7, 7});
    assertArrayEquals(new int[] {1}, chosen);
  }

  @Test
  void solve_extremeProfits_exact() {
    int[] chosen =
        MaxWeightBMatching.solve(
            3, new int[] {1, 1}, new int[] {0, 1, 2, 2}, new int[] {0, 0, 0, 1}, new long[] {MAX, MAX - 1, MAX, MAX - 2});
    assertEquals(2 * MAX - 2, MaxWeightBMatching.totalProfit(chosen, new long[] {MAX, MAX - 1, MAX, MAX - 2}));
  }

  @Test
  void solve_emptyAndZeroCapacity_valid() {
    assertArrayEquals(new int[0], MaxWeightBMatching.solve(0, new int[0], new int[0], new int[0], new long[0]));
    assertArrayEquals(new int[] {-1, -1}, MaxWeightBMatching.solve(2, new int[] {0}, new int[] {0}, new int[] {0}, new long[] {4}));
  }

  @Test
  void solve_nullArray_namesIt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> MaxWeightBMatching.solve(1, new int[1], null, new int[0], new long[0]));
    assertEquals("edgeDemand", e.getMessage());
  }

  @Test
  void solve_lengthsDiffer_namesBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaxWeightBMatching.solve(1, new int[1], new int[] {0}, new int[] {0, 0}, new long[] {1}));
    assertEquals("edgeOffer.length = 2: must equal edgeDemand.length = 1", e.getMessage());
  }

  @Test
  void solve_badIndexOrValue_namesArgumentPositionAndValue() {
    assertMessage("demandCount = -1", () -> MaxWeightBMatching.solve(-1, new int[0], new int[0], new int[0], new long[0]));
    assertMessage("edgeDemand[0] = 3", () -> MaxWeightBMatching.solve(2, new int[1], new int[] {3}, new int[] {0}, new long[] {1}));
    assertMessage("edgeOffer[0] = -1", () -> MaxWeightBMatching.solve(2, new int[1], new int[] {0}, new int[] {-1}, new long[] {1}));
    assertMessage("offerCapacity[1] = -2", () -> MaxWeightBMatching.solve(1, new int[] {1, -2}, new int[0], new int[0], new long[0]));
    assertMessage(
        "edgeProfit[0] = " + (MAX + 1),
        () -> MaxWeightBMatching.solve(1, new int[1], new int[] {0}, new int[] {0}, new long[] {MAX + 1}));
    assertMessage(
        "edgeProfit[0] = " + (-MAX - 1),
        () -> MaxWeightBMatching.solve(1, new int[1], new int[] {0}, new int[] {0}, new long[] {-MAX - 1}));
  }

  @Test
  void solve_parallelismBelowOne_namesIt() {
    assertMessage("parallelism = 0", () -> MaxWeightBMatching.solve(1, new int[] {1}, new int[] {0}, new int[] {0}, new long[] {1}, 0));
  }

  @Test
  void solve_largeInstanceOfManyComponents_defaultEqualsOneThread() {
    // 40 blocks of 4,000 demands x 3 edges, about half of them profitable: above the parallel
    // threshold, so the default call may use the common pool
    KernelInstance in = KernelInstance.blocks(7, 40, 4_000, 400, 0);
    int[] byDefault = MaxWeightBMatching.solve(in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
    int[] oneThread = MaxWeightBMatching.solve(in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
    org.junit.jupiter.api.Assertions.assertArrayEquals(oneThread, byDefault);
    org.junit.jupiter.api.Assertions.assertNull(in.violation(byDefault));
  }

  @Test
  void solve_calledFromCommonPoolTasks_sameAnswerAndNoDeadlock() {
    // a portal may call the matcher from a parallel stream: the kernel's own tasks then run on the
    // same pool as their caller
    KernelInstance in = KernelInstance.blocks(11, 40, 4_000, 400, 0);
    int[] oneThread = MaxWeightBMatching.solve(in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
    java.util.List<int[]> answers = java.util.stream.IntStream.range(0, 4).parallel()
        .mapToObj(i -> MaxWeightBMatching.solve(in.demandCount, in.capacity, in.edgeDemand, in.edgeOffer, in.edgeProfit))
        .collect(java.util.stream.Collectors.toList());
    for (int[] a : answers) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(oneThread, a);
    }
  }

  private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }
}

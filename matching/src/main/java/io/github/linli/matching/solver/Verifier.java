package io.github.linli.matching.solver;

import io.github.linli.matching.solver.Verification.Verdict;
import java.util.Locale;

/** The checks of {@link MaxWeightBMatching#verify} on validated arrays: one pass over each array. */
final class Verifier {
  private Verifier() {}

  static Verification verify(
      int demandCount,
      int[] capacity,
      int[] edgeDemand,
      int[] edgeOffer,
      long[] edgeProfit,
      int[] chosen,
      long[] u,
      long[] price) {
    int m = edgeDemand.length;
    int[] load = new int[capacity.length];
    long profit = 0;
    // 1. the matching is feasible
    for (int d = 0; d < demandCount; d++) {
      int e = chosen[d];
      if (e == -1) {
        continue;
      }
      if (e < 0 || e >= m) {
        return fail(Verdict.EDGE_OUT_OF_RANGE, d, "chosen[%d] = %d: neither -1 nor an edge in [0, %d)", d, e, m);
      }
      if (edgeDemand[e] != d) {
        return fail(Verdict.EDGE_OF_ANOTHER_DEMAND, d,
            "chosen[%d] = %d: edge %d belongs to demand %d", d, e, e, edgeDemand[e]);
      }
      load[edgeOffer[e]]++;
      profit += edgeProfit[e];
    }
    for (int o = 0; o < capacity.length; o++) {
      if (load[o] > capacity[o]) {
        return fail(Verdict.OVER_CAPACITY, o, "offer %d serves %d demands: capacity %d", o, load[o], capacity[o]);
      }
    }
    // 2. the prices are feasible for the dual
    for (int d = 0; d < demandCount; d++) {
      if (u[d] < 0) {
        return fail(Verdict.NEGATIVE_UTILITY, d, "demandUtility[%d] = %d: negative", d, u[d]);
      }
    }
    for (int o = 0; o < price.length; o++) {
      if (price[o] < 0) {
        return fail(Verdict.NEGATIVE_PRICE, o, "offerPrice[%d] = %d: negative", o, price[o]);
      }
    }
    for (int e = 0; e < m; e++) {
      int d = edgeDemand[e];
      int o = edgeOffer[e];
      if (!covers(u[d], price[o], edgeProfit[e])) {
        return fail(Verdict.EDGE_NOT_COVERED, e,
            "edge %d not covered: demandUtility[%d] + offerPrice[%d] = %d + %d < edgeProfit[%d] = %d",
            e, d, o, u[d], price[o], e, edgeProfit[e]);
      }
    }
    // 3. complementary slackness
    for (int d = 0; d < demandCount; d++) {
      int e = chosen[d];
      if (e == -1) {
        if (u[d] != 0) {
          return fail(Verdict.UNSERVED_WITH_UTILITY, d, "demand %d is unserved but demandUtility[%d] = %d", d, d, u[d]);
        }
      } else {
        int o = edgeOffer[e];
        if (covers(u[d], price[o], edgeProfit[e] + 1)) { // u + p > profit (covered, so >= holds)
          return fail(Verdict.CHOSEN_EDGE_NOT_TIGHT, d,
              "demand %d chose edge %d: demandUtility[%d] + offerPrice[%d] = %d + %d > edgeProfit[%d] = %d",
              d, e, d, o, u[d], price[o], e, edgeProfit[e]);
        }
      }
    }
    for (int o = 0; o < capacity.length; o++) {
      if (price[o] != 0 && load[o] < capacity[o]) {
        return fail(Verdict.PRICED_OFFER_NOT_FULL, o,
            "offer %d serves %d of capacity %d but offerPrice[%d] = %d", o, load[o], capacity[o], o, price[o]);
      }
    }
    return Verification.optimal(profit);
  }

  /** Whether {@code u + p >= target} for {@code u, p >= 0}, without overflow. */
  private static boolean covers(long u, long p, long target) {
    long sum = u + p;
    return sum < 0 || sum >= target; // both non-negative: a negative sum overflowed past any target
  }

  private static Verification fail(Verdict verdict, int index, String format, Object... args) {
    return Verification.failed(verdict, index, String.format(Locale.ROOT, format, args));
  }
}

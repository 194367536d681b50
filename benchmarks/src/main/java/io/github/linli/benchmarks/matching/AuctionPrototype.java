package io.github.linli.benchmarks.matching;

import io.github.linli.matching.solver.MaxWeightBMatching;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A measurement for issue 16's second direction, not a solver: a Gauss–Seidel forward auction
 * with ε-scaling (Bertsekas 1988) for the b-matching, each unit of an offer's capacity an object
 * with its own price, "unserved" a private object of value 0 for each demand, profits scaled by
 * {@code n + 1} so that ε = 1 at the end would mean optimal. It prints the bids, the CPU time and
 * the gap to the exact kernel's optimum. The forward auction alone is not exact for this
 * asymmetric problem: ε-scaling restarts the assignment at each phase and keeps the prices, so a
 * unit of capacity may end unassigned with a positive price, which complementary slackness
 * forbids (the reverse auction of Bertsekas and Castañon 1993 repairs that); the figures show how
 * far that leaves it. Usage: {@code java -Xmx2g -cp benchmarks.jar
 * io.github.linli.benchmarks.matching.AuctionPrototype demands offers [city|shared] [alpha]}.
 */
public final class AuctionPrototype {
  private AuctionPrototype() {}

  /**
   * Runs the measurement.
   *
   * @param args demands, offers, shape, scaling factor
   */
  public static void main(String[] args) {
    int demands = Integer.parseInt(args[0]);
    int offers = Integer.parseInt(args[1]);
    String shape = args.length > 2 ? args[2] : "city";
    int alpha = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    CityInstance in = CityInstance.generate(shape, demands, offers, 42);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long exact = 0;
    for (int rep = 0; rep < 2; rep++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      exact = MaxWeightBMatching.totalProfit(MaxWeightBMatching.solve(
          in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1), in.edgeProfit);
      System.out.printf(Locale.ROOT, "exact kernel, one thread: CPU %.3f s, profit %d%n",
          (cpu.getCurrentThreadCpuTime() - c0) / 1e9, exact);
    }
    for (int rep = 0; rep < 4; rep++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      boolean keep = rep >= 2;
      Auction a = new Auction(in, alpha, keep);
      long profit = a.run();
      System.out.printf(Locale.ROOT,
          (keep ? "keeping ε-happy assignments across phases, " : "restarting each phase, ")
          + "auction (alpha %d): CPU %.3f s, %d phases, %d bids (last phase %d), profit %d, gap %d,"
              + " priced empty units %d%n",
          alpha, (cpu.getCurrentThreadCpuTime() - c0) / 1e9, a.phases, a.bids, a.lastPhaseBids, profit,
          exact - profit, a.pricedEmpty());
    }
  }

  private static final class Auction {
    final int n;
    final int[] start;
    final int[] adjOffer;
    final int[] adjEdge;
    final long[] adjValue;
    final int[] slotStart;
    final long[] slotPrice;
    final int[] slotHolder;
    final int[] minSlot;
    final int[] holds;
    final int[] slotOf;
    final boolean keep;
    final long[] profit;
    final int alpha;
    int phases;
    long bids;
    long lastPhaseBids;

    Auction(CityInstance in, int alpha, boolean keep) {
      this.alpha = alpha;
      this.keep = keep;
      n = in.demandCount;
      int k = in.offerCapacity.length;
      profit = in.edgeProfit;
      start = new int[n + 1];
      for (int e = 0; e < in.edgeDemand.length; e++) {
        if (in.edgeProfit[e] > 0) {
          start[in.edgeDemand[e] + 1]++;
        }
      }
      for (int d = 0; d < n; d++) {
        start[d + 1] += start[d];
      }
      adjOffer = new int[start[n]];
      adjEdge = new int[start[n]];
      adjValue = new long[start[n]];
      int[] fill = Arrays.copyOf(start, n);
      for (int e = 0; e < in.edgeDemand.length; e++) {
        if (in.edgeProfit[e] > 0) {
          int at = fill[in.edgeDemand[e]]++;
          adjOffer[at] = in.edgeOffer[e];
          adjEdge[at] = e;
          adjValue[at] = in.edgeProfit[e] * (n + 1L);
        }
      }
      slotStart = new int[k + 1];
      for (int o = 0; o < k; o++) {
        slotStart[o + 1] = slotStart[o] + in.offerCapacity[o];
      }
      slotPrice = new long[slotStart[k]];
      slotHolder = new int[slotStart[k]];
      minSlot = new int[k];
      for (int o = 0; o < k; o++) {
        minSlot[o] = in.offerCapacity[o] == 0 ? -1 : slotStart[o];
      }
      holds = new int[n];
      Arrays.fill(holds, -1);
      slotOf = new int[n];
      Arrays.fill(slotHolder, -1);
    }

    long run() {
      long maxValue = 0;
      for (long v : adjValue) {
        maxValue = Math.max(maxValue, v);
      }
      int[] queue = new int[n];
      long eps = Math.max(1, maxValue / alpha);
      while (true) {
        phases++;
        // a ring buffer of unassigned demands
        int head = 0;
        int size = 0;
        for (int d = 0; d < n; d++) {
          if (start[d + 1] == start[d]) {
            continue;
          }
          if (holds[d] < 0) {
            if (phases == 1 || bestValue(d) > eps) { // unserved is worth 0: ε-happy if best <= eps
              queue[size++] = d;
            }
            continue;
          }
          if (keep && happy(d, eps)) {
            continue;
          }
          if (!keep) {
            // a new phase starts from scratch, with the prices kept (textbook ε-scaling)
            holds[d] = -1;
          } else {
            release(d);
          }
          queue[size++] = d;
        }
        if (!keep) {
          Arrays.fill(slotHolder, -1);
          size = 0;
          for (int d = 0; d < n; d++) {
            if (start[d + 1] > start[d]) {
              queue[size++] = d;
            }
          }
        }
        long phaseBids = 0;
        while (size > 0) {
          int d = queue[head];
          head = head + 1 == n ? 0 : head + 1;
          size--;
          long best1 = 0; // "unserved": value 0
          long best2 = 0;
          int bestAt = -1;
          for (int j = start[d]; j < start[d + 1]; j++) {
            int o = adjOffer[j];
            int s = minSlot[o];
            if (s < 0) {
              continue;
            }
            long v = adjValue[j] - slotPrice[s];
            if (v > best1) {
              best2 = best1;
              best1 = v;
              bestAt = j;
            } else if (v > best2) {
              best2 = v;
            }
          }
          if (bestAt < 0) {
            continue; // stays unserved
          }
          phaseBids++;
          int o = adjOffer[bestAt];
          int s = minSlot[o];
          int y = slotHolder[s];
          if (y >= 0) {
            holds[y] = -1;
            int tail = head + size;
            queue[tail >= n ? tail - n : tail] = y;
            size++;
          }
          slotHolder[s] = d;
          slotPrice[s] += best1 - best2 + eps;
          holds[d] = bestAt;
          slotOf[d] = s;
          int m = slotStart[o];
          for (int t = slotStart[o] + 1; t < slotStart[o + 1]; t++) {
            if (slotPrice[t] < slotPrice[m]) {
              m = t;
            }
          }
          minSlot[o] = m;
        }
        bids += phaseBids;
        lastPhaseBids = phaseBids;
        if (eps == 1) {
          break;
        }
        eps = Math.max(1, eps / alpha);
      }
      long total = 0;
      for (int d = 0; d < n; d++) {
        if (holds[d] >= 0) {
          total += profit[adjEdge[holds[d]]];
        }
      }
      return total;
    }

    /** The best value of d at the current prices (0: unserved). */
    long bestValue(int d) {
      long best = 0;
      for (int j = start[d]; j < start[d + 1]; j++) {
        int s = minSlot[adjOffer[j]];
        if (s >= 0) {
          best = Math.max(best, adjValue[j] - slotPrice[s]);
        }
      }
      return best;
    }

    /** Whether d's assignment is within eps of its best value. */
    boolean happy(int d, long eps) {
      long best = 0;
      long mine = 0;
      for (int j = start[d]; j < start[d + 1]; j++) {
        int s = minSlot[adjOffer[j]];
        if (s >= 0) {
          best = Math.max(best, adjValue[j] - slotPrice[s]);
        }
      }
      mine = adjValue[holds[d]] - slotPrice[slotOf[d]];
      return mine >= best - eps;
    }

    /** d leaves its unit; the unit keeps its price (the asymmetry this prototype measures). */
    void release(int d) {
      slotHolder[slotOf[d]] = -1;
      holds[d] = -1;
    }

    int pricedEmpty() {
      int count = 0;
      for (int s = 0; s < slotPrice.length; s++) {
        if (slotHolder[s] < 0 && slotPrice[s] > 0) {
          count++;
        }
      }
      return count;
    }
  }
}

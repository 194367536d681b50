package io.github.linli.benchmarks.matching;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A second instance shape for the matching kernel, unlike {@link CityInstance} on every axis the
 * issue names:
 *
 * <ul>
 *   <li><b>offers shared across domains</b>: each offer serves 1–3 of 8 service domains (a
 *       community centre that does meals and visits), so the graph is one connected component
 *       instead of one per domain, and the kernel cannot split it across threads;
 *   <li><b>density varies</b>: a demand is eligible for every offer of its domain within a radius
 *       (at most 16, the nearest), not for a fixed 8 nearest; demands crowd around 24 centres (70
 *       %) while offers are spread evenly, so centres see 10–16 edges a demand, the outskirts 0–3;
 *   <li><b>more contested</b>: about 3 demands per unit of capacity (the city has 1.8);
 *   <li><b>skewed capacities</b>: 70 % of offers serve one demand, 25 % 2–5, 5 % 10–50;
 *   <li><b>tiers that do not dominate</b>: 3 tiers worth 2,000 / 1,000 / 0 points, an urgency of
 *       0–999 points and a distance penalty of 0–1,000 points (the radius), so the bands overlap
 *       and a far tier-0 demand can lose to a near, urgent tier-1 one (the city's tiers are 1,000,000
 *       apart and dominate the distances).
 * </ul>
 *
 * <p>Deterministic for a seed. Not thread-safe while being built; the arrays are then read-only.
 */
public final class SharedOfferCity {
  /** Service domains. */
  public static final int DOMAINS = 8;
  /** Tiers. */
  public static final int TIERS = 3;
  /** Most eligible offers per demand. */
  public static final int MAX_EDGES = 16;
  /** Side of the city in metres. */
  public static final double SIDE = 10_000;

  private SharedOfferCity() {}

  /**
   * Generates an instance.
   *
   * @param demands number of demands
   * @param offers number of offers
   * @param seed the random seed
   * @return the instance
   */
  public static CityInstance generate(int demands, int offers, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int centres = 24;
    double[] cx = new double[centres];
    double[] cy = new double[centres];
    for (int c = 0; c < centres; c++) {
      cx[c] = r.nextDouble(SIDE);
      cy[c] = r.nextDouble(SIDE);
    }
    double[] ox = new double[offers];
    double[] oy = new double[offers];
    int[] domainMask = new int[offers];
    int[] cap = new int[offers];
    for (int o = 0; o < offers; o++) {
      ox[o] = r.nextDouble(SIDE);
      oy[o] = r.nextDouble(SIDE);
      int served = 1 + r.nextInt(3);
      for (int i = 0; i < served; i++) {
        domainMask[o] |= 1 << r.nextInt(DOMAINS);
      }
      int c = r.nextInt(100);
      cap[o] = c < 70 ? 1 : c < 95 ? 2 + r.nextInt(4) : 10 + r.nextInt(41);
    }
    // an offer serves about 1.9 domains: the radius that gives about 8 eligible offers at the
    // average density
    double perDomainDensity = offers * 1.9 / DOMAINS / (SIDE * SIDE);
    double radius = Math.sqrt(8 / (Math.PI * perDomainDensity));
    int cells = Math.max(1, (int) (SIDE / radius));
    double cell = SIDE / cells;
    int[] cellStart = new int[cells * cells + 1];
    for (int o = 0; o < offers; o++) {
      cellStart[cellOf(ox[o], oy[o], cell, cells) + 1]++;
    }
    for (int c = 0; c < cells * cells; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    int[] cellItems = new int[offers];
    int[] fill = Arrays.copyOf(cellStart, cells * cells);
    for (int o = 0; o < offers; o++) {
      cellItems[fill[cellOf(ox[o], oy[o], cell, cells)]++] = o;
    }
    int[] ed = new int[demands * 9];
    int[] eo = new int[demands * 9];
    long[] ep = new long[demands * 9];
    int[] tiers = new int[demands];
    int[] best = new int[MAX_EDGES];
    double[] bestDist = new double[MAX_EDGES];
    int m = 0;
    for (int i = 0; i < demands; i++) {
      double x;
      double y;
      if (r.nextInt(10) < 7) {
        int c = r.nextInt(centres);
        x = clamp(cx[c] + r.nextGaussian() * 500);
        y = clamp(cy[c] + r.nextGaussian() * 500);
      } else {
        x = r.nextDouble(SIDE);
        y = r.nextDouble(SIDE);
      }
      int domain = r.nextInt(DOMAINS);
      int tier = r.nextInt(TIERS);
      long urgency = r.nextInt(1000);
      tiers[i] = tier;
      int found = 0;
      int gx = Math.min(cells - 1, (int) (x / cell));
      int gy = Math.min(cells - 1, (int) (y / cell));
      for (int yy = Math.max(0, gy - 1); yy <= Math.min(cells - 1, gy + 1); yy++) {
        for (int xx = Math.max(0, gx - 1); xx <= Math.min(cells - 1, gx + 1); xx++) {
          int c = yy * cells + xx;
          for (int j = cellStart[c]; j < cellStart[c + 1]; j++) {
            int o = cellItems[j];
            if ((domainMask[o] & (1 << domain)) == 0) {
              continue;
            }
            double d = Math.hypot(ox[o] - x, oy[o] - y);
            if (d > radius) {
              continue;
            }
            if (found < MAX_EDGES) {
              insert(best, bestDist, found++, o, d);
            } else if (d < bestDist[MAX_EDGES - 1]) {
              insert(best, bestDist, MAX_EDGES - 1, o, d);
            }
          }
        }
      }
      if (m + found > ed.length) {
        int grown = Math.max(m + found, ed.length + ed.length / 2);
        ed = Arrays.copyOf(ed, grown);
        eo = Arrays.copyOf(eo, grown);
        ep = Arrays.copyOf(ep, grown);
      }
      for (int k = 0; k < found; k++) {
        ed[m] = i;
        eo[m] = best[k];
        ep[m] = (TIERS - 1 - tier) * 1000L + urgency + 1000 - Math.round(1000 * bestDist[k] / radius);
        m++;
      }
    }
    return CityInstance.of(demands, cap, Arrays.copyOf(ed, m), Arrays.copyOf(eo, m), Arrays.copyOf(ep, m), tiers);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(SIDE - 1e-6, v));
  }

  private static int cellOf(double x, double y, double cell, int cells) {
    int cx = Math.min(cells - 1, (int) (x / cell));
    int cy = Math.min(cells - 1, (int) (y / cell));
    return cy * cells + cx;
  }

  private static void insert(int[] best, double[] bestDist, int at, int o, double d) {
    int i = at;
    while (i > 0 && bestDist[i - 1] > d) {
      best[i] = best[i - 1];
      bestDist[i] = bestDist[i - 1];
      i--;
    }
    best[i] = o;
    bestDist[i] = d;
  }
}

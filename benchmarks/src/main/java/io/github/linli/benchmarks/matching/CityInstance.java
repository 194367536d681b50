package io.github.linli.benchmarks.matching;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A synthetic city for the matching kernel: demands and offers scattered over a 10 km square (half
 * of them around a few dense neighbourhood centres), 5 service domains, 5 Maslow tiers, offer
 * capacities 1–10; each demand is eligible for its 8 nearest offers of its domain. The profit of
 * an edge is the tier weight {@code (5 - tier) * 1,000,000} minus the distance in metres, so a more
 * basic tier always dominates and distance breaks ties.
 *
 * <p>Deterministic for a seed. Not thread-safe while being built; the arrays are then read-only.
 */
public final class CityInstance {
  /** Service domains. */
  public static final int DOMAINS = 5;
  /** Maslow tiers. */
  public static final int TIERS = 5;
  /** Eligible offers per demand. */
  public static final int NEAREST = 8;
  /** Side of the city in metres. */
  public static final double SIDE = 10_000;

  /** Number of demands. */
  public final int demandCount;
  /** Capacity per offer. */
  public final int[] offerCapacity;
  /** Demand of each edge. */
  public final int[] edgeDemand;
  /** Offer of each edge. */
  public final int[] edgeOffer;
  /** Profit of each edge. */
  public final long[] edgeProfit;
  /** Tier of each demand (0 = physiological). */
  public final int[] demandTier;

  private CityInstance(
      int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit, int[] demandTier) {
    this.demandCount = demandCount;
    this.offerCapacity = offerCapacity;
    this.edgeDemand = edgeDemand;
    this.edgeOffer = edgeOffer;
    this.edgeProfit = edgeProfit;
    this.demandTier = demandTier;
  }

  /** An instance built by another generator (see {@link SharedOfferCity}). */
  static CityInstance of(
      int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit, int[] demandTier) {
    return new CityInstance(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit, demandTier);
  }

  /**
   * The instance of a shape: {@code "city"} ({@link #generate}) or {@code "shared"} ({@link
   * SharedOfferCity#generate}).
   *
   * @param shape the generator's name
   * @param demands number of demands
   * @param offers number of offers
   * @param seed the random seed
   * @return the instance
   */
  public static CityInstance generate(String shape, int demands, int offers, long seed) {
    switch (shape) {
      case "city":
        return generate(demands, offers, seed);
      case "shared":
        return SharedOfferCity.generate(demands, offers, seed);
      default:
        throw new IllegalArgumentException("shape " + shape + ": city or shared");
    }
  }

  /**
   * Generates a city.
   *
   * @param demands number of demands
   * @param offers number of offers
   * @param seed the random seed
   * @return the instance
   */
  public static CityInstance generate(int demands, int offers, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int centres = 16;
    double[] cx = new double[centres];
    double[] cy = new double[centres];
    for (int c = 0; c < centres; c++) {
      cx[c] = r.nextDouble(SIDE);
      cy[c] = r.nextDouble(SIDE);
    }
    double[] ox = new double[offers];
    double[] oy = new double[offers];
    int[] od = new int[offers];
    int[] cap = new int[offers];
    for (int o = 0; o < offers; o++) {
      place(r, cx, cy, ox, oy, o);
      od[o] = r.nextInt(DOMAINS);
      cap[o] = 1 + r.nextInt(10);
    }
    // grid per domain over the offers
    int cells = Math.max(1, (int) Math.sqrt(offers / (double) DOMAINS / 2));
    double cell = SIDE / cells;
    int[][] cellStart = new int[DOMAINS][cells * cells + 1];
    int[][] cellItems = new int[DOMAINS][];
    int[] perDomain = new int[DOMAINS];
    for (int o = 0; o < offers; o++) {
      cellStart[od[o]][cellOf(ox[o], oy[o], cell, cells) + 1]++;
      perDomain[od[o]]++;
    }
    for (int d = 0; d < DOMAINS; d++) {
      for (int c = 0; c < cells * cells; c++) {
        cellStart[d][c + 1] += cellStart[d][c];
      }
      cellItems[d] = new int[perDomain[d]];
    }
    int[][] fill = new int[DOMAINS][cells * cells];
    for (int o = 0; o < offers; o++) {
      int c = cellOf(ox[o], oy[o], cell, cells);
      cellItems[od[o]][cellStart[od[o]][c] + fill[od[o]][c]++] = o;
    }
    int[] ed = new int[demands * NEAREST];
    int[] eo = new int[demands * NEAREST];
    long[] ep = new long[demands * NEAREST];
    int[] tiers = new int[demands];
    double[] dx = new double[1];
    double[] dy = new double[1];
    int[] best = new int[NEAREST];
    double[] bestDist = new double[NEAREST];
    int m = 0;
    for (int i = 0; i < demands; i++) {
      place(r, cx, cy, dx, dy, 0);
      int domain = r.nextInt(DOMAINS);
      int tier = r.nextInt(TIERS);
      tiers[i] = tier;
      int found = nearest(dx[0], dy[0], cellStart[domain], cellItems[domain], ox, oy, cell, cells, best, bestDist);
      for (int k = 0; k < found; k++) {
        ed[m] = i;
        eo[m] = best[k];
        ep[m] = (TIERS - tier) * 1_000_000L - Math.round(bestDist[k]);
        m++;
      }
    }
    return new CityInstance(
        demands, cap, Arrays.copyOf(ed, m), Arrays.copyOf(eo, m), Arrays.copyOf(ep, m), tiers);
  }

  private static void place(SplittableRandom r, double[] cx, double[] cy, double[] x, double[] y, int i) {
    if (r.nextBoolean()) {
      x[i] = r.nextDouble(SIDE);
      y[i] = r.nextDouble(SIDE);
    } else {
      int c = r.nextInt(cx.length);
      x[i] = clamp(cx[c] + r.nextDouble(-800, 800));
      y[i] = clamp(cy[c] + r.nextDouble(-800, 800));
    }
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(SIDE - 1e-6, v));
  }

  private static int cellOf(double x, double y, double cell, int cells) {
    int cx = Math.min(cells - 1, (int) (x / cell));
    int cy = Math.min(cells - 1, (int) (y / cell));
    return cy * cells + cx;
  }

  /** The k nearest offers by ring search over the grid; returns how many were found. */
  private static int nearest(
      double x, double y, int[] start, int[] items, double[] ox, double[] oy, double cell, int cells,
      int[] best, double[] bestDist) {
    int k = best.length;
    int found = 0;
    int gx = Math.min(cells - 1, (int) (x / cell));
    int gy = Math.min(cells - 1, (int) (y / cell));
    for (int ring = 0; ring < cells; ring++) {
      for (int cy = gy - ring; cy <= gy + ring; cy++) {
        for (int cx = gx - ring; cx <= gx + ring; cx++) {
          if (cx < 0 || cy < 0 || cx >= cells || cy >= cells) {
            continue;
          }
          if (Math.max(Math.abs(cx - gx), Math.abs(cy - gy)) != ring) {
            continue;
          }
          int c = cy * cells + cx;
          for (int j = start[c]; j < start[c + 1]; j++) {
            int o = items[j];
            double d = Math.hypot(ox[o] - x, oy[o] - y);
            if (found < k) {
              insert(best, bestDist, found++, o, d);
            } else if (d < bestDist[k - 1]) {
              insert(best, bestDist, k - 1, o, d);
            }
          }
        }
      }
      // every offer outside the rings searched is at least ring * cell away
      if (found == k && bestDist[k - 1] <= ring * cell) {
        break;
      }
    }
    return found;
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

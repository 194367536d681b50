package io.github.linli.matching.solver;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact maximum-weight bipartite b-matching with unit demands: each demand takes at most one of
 * its edges, each offer {@code o} serves at most {@code offerCapacity[o]} demands, and the total
 * profit of the chosen edges is as large as possible. This is the kernel on which Linli's
 * domain-level matcher is built; it works on plain arrays so that other tools can call it.
 *
 * <h2>Algorithm</h2>
 *
 * <p>The problem is a transportation problem (a min-cost flow in which every demand supplies one
 * unit, an offer {@code o} absorbs at most {@code offerCapacity[o]} units, and a zero-cost arc lets
 * a demand stay unserved). It is solved by successive shortest augmenting paths (Edmonds and Karp
 * 1972; Tomizawa 1971), one demand at a time, in the form of the Hungarian method for sparse
 * rectangular assignment (Jonker and Volgenant 1987): Dijkstra's algorithm with node potentials
 * (which are the LP dual prices of the offers) finds the best alternating path from the new
 * demand, which ends at an offer with spare capacity, at a demand that is pushed out, or at "stay
 * unserved". Structure is exploited as follows:
 *
 * <ul>
 *   <li>edges of profit {@code <= 0} are dropped (they never raise the total), and of parallel
 *       edges only the most profitable (the first of equals) is kept;
 *   <li>an offer's capacity is cut to its number of distinct demands;
 *   <li>demands are inserted in order of their best profit, most profitable first, so that a
 *       demand whose every offer is already priced above its value is settled in {@code O(degree)}
 *       without a search;
 *   <li>each search is bounded by the demand's own value and stops at the first target, so it
 *       only explores the part of its connected component where prices are contested;
 *   <li>the graph is split into its connected components (a city usually has one per service
 *       domain), which are solved one group at a time, so that a search stays in a small part of
 *       memory; on a large instance the groups are solved side by side on the common fork-join
 *       pool, largest first, and since they share nothing the answer is the same as on one thread.
 * </ul>
 *
 * <p>All data live in primitive arrays (compressed adjacency per demand, capacity slots per
 * offer, an indexed 4-ary heap keyed in place, potentials and distances interleaved); nothing is
 * boxed. Demands and offers are renumbered in breadth-first order of the graph (Cuthill and McKee
 * 1969) so that a search, which is local in the graph, is local in memory too, and every component
 * is a contiguous range. Worst case {@code O(n (m + n + k) log(n + k))}
 * for {@code n} demands, {@code k} offers and {@code m} edges. On city-like instances most searches
 * settle a single node; where capacity is contested a search settles hundreds to a few thousand
 * (at a million demands, about 111 million settled nodes in 600,000 insertions). Integer
 * arithmetic throughout: the answer is exactly optimal.
 *
 * <h2>Certificate</h2>
 *
 * <p>{@link #solveWithCertificate solveWithCertificate} returns, beside the same answer, the
 * node potentials at the end of the run read as LP dual prices (a utility per demand, a price per
 * offer: {@link OptimalityCertificate}); {@link #verify verify} checks a matching against such
 * prices in linear time (feasibility, dual feasibility, complementary slackness), so that an
 * answer can be trusted without running another solver.
 *
 * <p>Stateless and thread-safe: every call works on its own copies and never modifies the
 * caller's arrays. {@link #solve(int, int[], int[], int[], long[])} may use the common fork-join
 * pool for instances of at least 2<sup>17</sup> (131,072) profitable edges with several components;
 * {@link #solve(int, int[], int[], int[], long[], int) solve(..., 1)} keeps a run on the calling
 * thread.
 *
 * @since 0.1.0
 */
public final class MaxWeightBMatching {
  /** The largest absolute profit accepted: {@code 2^40}. */
  public static final long MAX_ABS_PROFIT = 1L << 40;

  private MaxWeightBMatching() {}

  /**
   * Solves the matching. On a large instance with several connected components this may use the
   * common fork-join pool besides the calling thread; {@link #solve(int, int[], int[], int[],
   * long[], int)} with {@code 1} does not. The answer is the same either way.
   *
   * @param demandCount the number of demands, {@code >= 0}; demands are numbered {@code 0 ..
   *     demandCount - 1}
   * @param offerCapacity for each offer, how many demands it may serve, {@code >= 0}
   * @param edgeDemand for each edge, its demand
   * @param edgeOffer for each edge, its offer (an index into {@code offerCapacity})
   * @param edgeProfit for each edge, its profit, in {@code [-2^40, 2^40]}; parallel edges allowed
   * @return an array of length {@code demandCount} with, for each demand, the index of its chosen
   *     edge, or {@code -1} if it is not served; the chosen edges have the largest total profit
   *     among all feasible choices, and only edges of positive profit are chosen
   * @throws NullPointerException if an array is null (the message names it)
   * @throws IllegalArgumentException if the edge arrays differ in length, an index is out of
   *     range, a capacity or {@code demandCount} is negative, or a profit is out of range (the
   *     message names the argument, the position and the value)
   */
  public static int[] solve(
      int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit) {
    return solve(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit, defaultParallelism());
  }

  /**
   * Solves the matching on at most {@code parallelism} threads: the calling thread and, for large
   * instances whose graph falls into several connected components (for example one per service
   * domain), workers of the {@linkplain ForkJoinPool#commonPool() common fork-join pool}, as
   * {@link java.util.Arrays#parallelSort(int[])} does. Components share no demand and no offer,
   * so the answer is exactly the one of a run on one thread, whatever the number of threads.
   *
   * @param demandCount as for {@link #solve(int, int[], int[], int[], long[])}
   * @param offerCapacity as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeDemand as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeOffer as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeProfit as for {@link #solve(int, int[], int[], int[], long[])}
   * @param parallelism the most threads to use, {@code >= 1}; {@code 1} keeps the whole run on
   *     the calling thread (what a server that budgets its own threads may want)
   * @return as for {@link #solve(int, int[], int[], int[], long[])}
   * @throws NullPointerException if an array is null (the message names it)
   * @throws IllegalArgumentException as for {@link #solve(int, int[], int[], int[], long[])}, or
   *     if {@code parallelism < 1}
   * @since 0.1.0
   */
  public static int[] solve(
      int demandCount,
      int[] offerCapacity,
      int[] edgeDemand,
      int[] edgeOffer,
      long[] edgeProfit,
      int parallelism) {
    return solve(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit, parallelism, PARALLEL_MIN_EDGES);
  }

  /**
   * The number of threads {@link #solve(int, int[], int[], int[], long[])} uses at most: the
   * available processors, but no more than the common pool's parallelism plus the calling thread.
   */
  private static int defaultParallelism() {
    return Math.max(1, Math.min(
        Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1));
  }

  /** Fewer kept edges than this, and the run stays on the calling thread. */
  static final int PARALLEL_MIN_EDGES = 1 << 17;

  /** The full entry point; tests lower {@code minParallelEdges} to reach the parallel path. */
  static int[] solve(
      int demandCount,
      int[] offerCapacity,
      int[] edgeDemand,
      int[] edgeOffer,
      long[] edgeProfit,
      int parallelism,
      int minParallelEdges) {
    validate(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit);
    if (parallelism < 1) {
      throw bad("parallelism = %d: must be at least 1", parallelism);
    }
    Solver solver = new Solver(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit);
    return solver.run(parallelism, minParallelEdges);
  }

  /**
   * Solves the matching as {@link #solve(int, int[], int[], int[], long[])} does (the same chosen
   * edges) and returns, beside it, dual prices that prove it optimal: a utility per demand and a
   * price per offer (see {@link OptimalityCertificate}). They are the kernel's own node
   * potentials, read off at the end, so the proof costs one linear pass more than the answer.
   *
   * @param demandCount as for {@link #solve(int, int[], int[], int[], long[])}
   * @param offerCapacity as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeDemand as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeOffer as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeProfit as for {@link #solve(int, int[], int[], int[], long[])}
   * @return the chosen edges and their certificate; {@link #verify} accepts them
   * @throws NullPointerException as for {@link #solve(int, int[], int[], int[], long[])}
   * @throws IllegalArgumentException as for {@link #solve(int, int[], int[], int[], long[])}
   * @since 0.1.0
   */
  public static CertifiedMatching solveWithCertificate(
      int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit) {
    return solveWithCertificate(
        demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit, defaultParallelism(), PARALLEL_MIN_EDGES);
  }

  /**
   * As {@link #solveWithCertificate(int, int[], int[], int[], long[])} on at most {@code
   * parallelism} threads (see {@link #solve(int, int[], int[], int[], long[], int)}); the chosen
   * edges and the prices are the same whatever the number of threads.
   *
   * @param demandCount as for {@link #solve(int, int[], int[], int[], long[])}
   * @param offerCapacity as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeDemand as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeOffer as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeProfit as for {@link #solve(int, int[], int[], int[], long[])}
   * @param parallelism the most threads to use, {@code >= 1}
   * @return the chosen edges and their certificate
   * @throws NullPointerException as for {@link #solve(int, int[], int[], int[], long[])}
   * @throws IllegalArgumentException as for {@link #solve(int, int[], int[], int[], long[], int)}
   * @since 0.1.0
   */
  public static CertifiedMatching solveWithCertificate(
      int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit, int parallelism) {
    return solveWithCertificate(
        demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit, parallelism, PARALLEL_MIN_EDGES);
  }

  static CertifiedMatching solveWithCertificate(
      int demandCount,
      int[] offerCapacity,
      int[] edgeDemand,
      int[] edgeOffer,
      long[] edgeProfit,
      int parallelism,
      int minParallelEdges) {
    validate(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit);
    if (parallelism < 1) {
      throw bad("parallelism = %d: must be at least 1", parallelism);
    }
    Solver solver = new Solver(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit);
    int[] chosen = solver.run(parallelism, minParallelEdges);
    return new CertifiedMatching(chosen, solver.certificate());
  }

  /**
   * Checks that a matching is feasible and that a certificate proves it optimal, in time {@code
   * O(demandCount + offerCount + edges)}, without solving anything. The conditions, checked in
   * this order (the first one violated is reported, see {@link Verification.Verdict}):
   *
   * <ol>
   *   <li>the matching is feasible: each demand chose -1 or one of its own edges, and no offer
   *       serves more demands than its capacity;
   *   <li>the prices are feasible for the dual: every utility and price is {@code >= 0}, and for
   *       every edge {@code e = (d, o)}, of any profit, {@code u[d] + p[o] >= edgeProfit[e]};
   *   <li>complementary slackness: every chosen edge is tight ({@code u[d] + p[o] =
   *       edgeProfit[e]}), an unserved demand has utility 0, and an offer with a positive price
   *       is full.
   * </ol>
   *
   * <p>If all hold, the matching's profit equals the dual bound {@code sum u + sum capacity * p},
   * which no feasible matching exceeds: the matching is optimal (LP duality; the bipartite
   * matching polytope is integral). Conversely, {@code verify} rejects every matching that is
   * infeasible or not optimal, whatever the certificate; an optimal matching may still be
   * rejected with prices that prove nothing.
   *
   * @param demandCount as for {@link #solve(int, int[], int[], int[], long[])}
   * @param offerCapacity as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeDemand as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeOffer as for {@link #solve(int, int[], int[], int[], long[])}
   * @param edgeProfit as for {@link #solve(int, int[], int[], int[], long[])}
   * @param chosen the matching to check: for each demand an edge index or -1, as {@code solve}
   *     returns it
   * @param certificate the prices: one utility per demand, one price per offer
   * @return {@link Verification.Verdict#OPTIMAL} with the profit, or the first violated condition
   * @throws NullPointerException if an argument is null (the message names it)
   * @throws IllegalArgumentException if the instance is not valid input for {@code solve}, or if
   *     {@code chosen} or the certificate does not have one entry per demand and per offer (the
   *     message names the argument and the lengths)
   * @since 0.1.0
   */
  public static Verification verify(
      int demandCount,
      int[] offerCapacity,
      int[] edgeDemand,
      int[] edgeOffer,
      long[] edgeProfit,
      int[] chosen,
      OptimalityCertificate certificate) {
    validate(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit);
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(certificate, "certificate");
    if (chosen.length != demandCount) {
      throw bad("chosen.length = %d: must equal demandCount = %d", chosen.length, demandCount);
    }
    long[] u = certificate.utilityArray();
    long[] price = certificate.priceArray();
    if (u.length != demandCount) {
      throw bad("certificate.demandCount() = %d: must equal demandCount = %d", u.length, demandCount);
    }
    if (price.length != offerCapacity.length) {
      throw bad("certificate.offerCount() = %d: must equal offerCapacity.length = %d",
          price.length, offerCapacity.length);
    }
    return Verifier.verify(demandCount, offerCapacity, edgeDemand, edgeOffer, edgeProfit, chosen, u, price);
  }

  private static void validate(
      int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit) {
    Objects.requireNonNull(offerCapacity, "offerCapacity");
    Objects.requireNonNull(edgeDemand, "edgeDemand");
    Objects.requireNonNull(edgeOffer, "edgeOffer");
    Objects.requireNonNull(edgeProfit, "edgeProfit");
    if (demandCount < 0) {
      throw bad("demandCount = %d: must not be negative", demandCount);
    }
    int m = edgeDemand.length;
    if (edgeOffer.length != m) {
      throw bad("edgeOffer.length = %d: must equal edgeDemand.length = %d", edgeOffer.length, m);
    }
    if (edgeProfit.length != m) {
      throw bad("edgeProfit.length = %d: must equal edgeDemand.length = %d", edgeProfit.length, m);
    }
    int offerCount = offerCapacity.length;
    for (int o = 0; o < offerCount; o++) {
      if (offerCapacity[o] < 0) {
        throw bad("offerCapacity[%d] = %d: must not be negative", o, offerCapacity[o]);
      }
    }
    for (int e = 0; e < m; e++) {
      if (edgeDemand[e] < 0 || edgeDemand[e] >= demandCount) {
        throw bad("edgeDemand[%d] = %d: must be in [0, demandCount = %d)", e, edgeDemand[e], demandCount);
      }
      if (edgeOffer[e] < 0 || edgeOffer[e] >= offerCount) {
        throw bad("edgeOffer[%d] = %d: must be in [0, offerCapacity.length = %d)", e, edgeOffer[e], offerCount);
      }
      long p = edgeProfit[e];
      if (p > MAX_ABS_PROFIT || p < -MAX_ABS_PROFIT) {
        throw bad("edgeProfit[%d] = %d: must be in [-2^40, 2^40]", e, p);
      }
    }
  }

  /**
   * The total profit of an answer of {@link #solve}: a convenience for tests and tools.
   *
   * @param chosen an answer of {@code solve}
   * @param edgeProfit the profits passed to {@code solve}
   * @return the sum of the profits of the chosen edges
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if an entry of {@code chosen} is neither {@code -1} nor an
   *     edge index
   */
  public static long totalProfit(int[] chosen, long[] edgeProfit) {
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(edgeProfit, "edgeProfit");
    long total = 0;
    for (int d = 0; d < chosen.length; d++) {
      int e = chosen[d];
      if (e == -1) {
        continue;
      }
      if (e < 0 || e >= edgeProfit.length) {
        throw bad("chosen[%d] = %d: must be -1 or in [0, edgeProfit.length = %d)", d, e, edgeProfit.length);
      }
      total += edgeProfit[e];
    }
    return total;
  }

  private static IllegalArgumentException bad(String format, Object... args) {
    return new IllegalArgumentException(String.format(Locale.ROOT, format, args));
  }

  /** One run of the algorithm: all state in primitive arrays. */
  private static final class Solver {
    private static final long INF = Long.MAX_VALUE / 4;
    /** Kept edges per chunk of components (see {@link #solveInChunks}). */
    private static final long CHUNK_EDGES = 1 << 12;

    private final int nD;
    private final int nO;
    // kept edges, compressed by demand
    private int[] dStart;
    private int[] newDemand; // original demand id -> internal id
    private final int[] newOffer; // original offer id -> internal id
    private int[] eOffer;
    private int[] eOrig;
    private long[] eProfit;
    // connected components, contiguous in the internal numbering: component c holds demands
    // [compDemand[c], compDemand[c + 1]) and offers [compOffer[c], compOffer[c + 1])
    private int[] compDemand;
    private int[] compOffer;
    private int compCount;
    // offers: capacity slots
    private final int[] cap;
    private final int[] givenCap; // the caller's capacity, before the cut to the degree
    private final int[] slotStart;
    private final int[] used;
    private final int[] slots;
    private final long[] slotProfit;
    // demands
    private final int[] match; // kept-edge index or -1
    private final int[] slotOf;
    // potentials and search labels: nodes are demands [0, nD) then offers [nD, nD + nO); a search
    // only writes the nodes of its own component, so components can be solved concurrently
    private final long[] hd; // interleaved: potential of v at 2v, search distance at 2v + 1
    private final int[] pred;
    private final int[] predEdge;
    private final int[] pos;

    Solver(int demandCount, int[] offerCapacity, int[] edgeDemand, int[] edgeOffer, long[] edgeProfit) {
      nD = demandCount;
      nO = offerCapacity.length;
      int m = edgeDemand.length;
      // 1. compress the positive edges by demand (stable: original order within a demand)
      int[] start = new int[nD + 1];
      for (int e = 0; e < m; e++) {
        if (edgeProfit[e] > 0) {
          start[edgeDemand[e] + 1]++;
        }
      }
      for (int d = 0; d < nD; d++) {
        start[d + 1] += start[d];
      }
      int kept = start[nD];
      eOffer = new int[kept];
      eOrig = new int[kept];
      eProfit = new long[kept];
      int[] fill = new int[nD];
      for (int e = 0; e < m; e++) {
        if (edgeProfit[e] > 0) {
          int d = edgeDemand[e];
          int k = start[d] + fill[d]++;
          eOffer[k] = edgeOffer[e];
          eOrig[k] = e;
          eProfit[k] = edgeProfit[e];
        }
      }
      fill = null;
      // 2. keep the best of parallel edges; count distinct demands per offer
      int[] mark = new int[nO];
      java.util.Arrays.fill(mark, -1);
      int[] markPos = new int[nO];
      int[] degree = new int[nO];
      dStart = new int[nD + 1];
      int w = 0;
      for (int d = 0; d < nD; d++) {
        dStart[d] = w;
        for (int k = start[d]; k < start[d + 1]; k++) {
          int o = eOffer[k];
          if (mark[o] == d) {
            int at = markPos[o];
            if (eProfit[k] > eProfit[at]) {
              eProfit[at] = eProfit[k];
              eOrig[at] = eOrig[k];
            }
          } else {
            mark[o] = d;
            markPos[o] = w;
            eOffer[w] = o;
            eOrig[w] = eOrig[k];
            eProfit[w] = eProfit[k];
            degree[o]++;
            w++;
          }
        }
      }
      dStart[nD] = w;
      mark = null;
      markPos = null;
      newOffer = renumber();
      // 3. capacity slots, capacity cut to the number of distinct demands
      cap = new int[nO];
      slotStart = new int[nO + 1];
      int[] oldOffer = new int[nO];
      for (int o = 0; o < nO; o++) {
        oldOffer[newOffer[o]] = o;
      }
      givenCap = new int[nO];
      for (int o = 0; o < nO; o++) {
        int old = oldOffer[o];
        givenCap[o] = offerCapacity[old];
        cap[o] = Math.min(offerCapacity[old], degree[old]);
        slotStart[o + 1] = slotStart[o] + cap[o];
      }
      used = new int[nO];
      slots = new int[slotStart[nO]];
      slotProfit = new long[slotStart[nO]];
      match = new int[nD];
      java.util.Arrays.fill(match, -1);
      slotOf = new int[nD];
      java.util.Arrays.fill(slotOf, -1);
      int n = nD + nO;
      hd = new long[2 * n];
      for (int v = 0; v < n; v++) {
        hd[2 * v + 1] = INF;
      }
      pred = new int[n];
      predEdge = new int[n];
      pos = new int[n];
      java.util.Arrays.fill(pos, -1);
    }

    /**
     * Renumbers demands and offers in breadth-first order of the bipartite graph (as Cuthill and
     * McKee do for sparse matrices), so that a search touches nearby memory and every connected
     * component occupies one contiguous range of demands and one of offers (recorded in {@code
     * compDemand}, {@code compOffer}); rewrites the compressed edges in the new numbering. Demands
     * without edges join the component being numbered (they are never searched). Returns the new
     * id of each original offer.
     */
    private int[] renumber() {
      int kept = dStart[nD];
      int[] oStart = new int[nO + 1];
      for (int k = 0; k < kept; k++) {
        oStart[eOffer[k] + 1]++;
      }
      for (int o = 0; o < nO; o++) {
        oStart[o + 1] += oStart[o];
      }
      int[] oAdj = new int[kept];
      int[] fill = java.util.Arrays.copyOf(oStart, nO);
      for (int d = 0; d < nD; d++) {
        for (int k = dStart[d]; k < dStart[d + 1]; k++) {
          oAdj[fill[eOffer[k]]++] = d;
        }
      }
      fill = null;
      newDemand = new int[nD];
      java.util.Arrays.fill(newDemand, -1);
      int[] offerId = new int[nO];
      java.util.Arrays.fill(offerId, -1);
      int[] queue = new int[nD + nO];
      int[] cD = new int[16];
      int[] cO = new int[16];
      int comps = 0;
      int nextD = 0;
      int nextO = 0;
      for (int root = 0; root < nD; root++) {
        if (newDemand[root] >= 0) {
          continue;
        }
        if (dStart[root + 1] == dStart[root]) {
          newDemand[root] = nextD++;
          continue;
        }
        if (comps == cD.length) {
          cD = java.util.Arrays.copyOf(cD, 2 * comps);
          cO = java.util.Arrays.copyOf(cO, 2 * comps);
        }
        cD[comps] = nextD;
        cO[comps] = nextO;
        comps++;
        int head = 0;
        int tail = 0;
        newDemand[root] = nextD++;
        queue[tail++] = root;
        while (head < tail) {
          int v = queue[head++];
          if (v < nD) {
            for (int k = dStart[v]; k < dStart[v + 1]; k++) {
              int o = eOffer[k];
              if (offerId[o] < 0) {
                offerId[o] = nextO++;
                queue[tail++] = nD + o;
              }
            }
          } else {
            int o = v - nD;
            for (int j = oStart[o]; j < oStart[o + 1]; j++) {
              int d = oAdj[j];
              if (newDemand[d] < 0) {
                newDemand[d] = nextD++;
                queue[tail++] = d;
              }
            }
          }
        }
      }
      compCount = comps;
      compDemand = java.util.Arrays.copyOf(cD, comps + 1);
      compOffer = java.util.Arrays.copyOf(cO, comps + 1);
      if (comps > 0) {
        compDemand[0] = 0; // leading demands without edges belong to the first component
      }
      compDemand[comps] = nD;
      compOffer[comps] = nextO;
      for (int o = 0; o < nO; o++) {
        if (offerId[o] < 0) {
          offerId[o] = nextO++;
        }
      }
      oAdj = null;
      queue = null;
      // rewrite the compressed edges in the new numbering
      int[] oldDemand = new int[nD];
      for (int d = 0; d < nD; d++) {
        oldDemand[newDemand[d]] = d;
      }
      int[] start2 = new int[nD + 1];
      int[] eOffer2 = new int[kept];
      int[] eOrig2 = new int[kept];
      long[] eProfit2 = new long[kept];
      int w = 0;
      for (int nd = 0; nd < nD; nd++) {
        int d = oldDemand[nd];
        start2[nd] = w;
        for (int k = dStart[d]; k < dStart[d + 1]; k++) {
          eOffer2[w] = offerId[eOffer[k]];
          eOrig2[w] = eOrig[k];
          eProfit2[w] = eProfit[k];
          w++;
        }
      }
      start2[nD] = w;
      dStart = start2;
      eOffer = eOffer2;
      eOrig = eOrig2;
      eProfit = eProfit2;
      return offerId;
    }

    int[] run(int workers, int minParallelEdges) {
      if (compCount > 0) {
        boolean parallel = workers >= 2 && compCount >= 2 && dStart[nD] >= minParallelEdges;
        solveInChunks(parallel ? workers : 1);
      }
      int[] result = new int[nD];
      for (int d = 0; d < nD; d++) {
        int k = match[newDemand[d]];
        result[d] = k < 0 ? -1 : eOrig[k];
      }
      return result;
    }

    /**
     * The dual prices of the solved matching, in the caller's numbering: a demand's utility is its
     * potential, an offer's price minus its potential (the potentials keep every residual arc's
     * reduced cost non-negative, which is dual feasibility, and are 0 at the sink, which gives
     * complementary slackness). One correction: an offer whose capacity was cut to its number of
     * distinct demands may be full in the cut sense but not in the caller's; it then serves every
     * demand it has an edge with, and its price is passed on to those demands' utilities.
     */
    OptimalityCertificate certificate() {
      long[] u = new long[nD];
      long[] price = new long[nO];
      for (int o = 0; o < nO; o++) {
        int in = newOffer[o];
        long p = -hd[2 * (nD + in)];
        if (p > 0 && used[in] < givenCap[in]) {
          for (int sl = slotStart[in], end = sl + used[in]; sl < end; sl++) {
            hd[2 * slots[sl]] += p;
          }
          p = 0;
        }
        price[o] = p;
      }
      for (int d = 0; d < nD; d++) {
        u[d] = hd[2 * newDemand[d]];
      }
      return OptimalityCertificate.wrap(u, price);
    }

    /**
     * Solves the components chunk by chunk: consecutive components grouped until a chunk holds
     * {@link #CHUNK_EDGES} kept edges (or an eighth of a worker's share, if smaller), so that a
     * search works in a small part of memory and a sort is not paid per tiny component. With
     * several workers the chunks go to the common fork-join pool (and the calling thread), largest
     * first. Components share no node, so the answer does not depend on the number of workers.
     */
    private void solveInChunks(int workers) {
      long minEdges = Math.max(1L, Math.min(CHUNK_EDGES, dStart[nD] / (8L * workers)));
      int[] chunkFrom = new int[compCount + 1];
      int chunks = 0;
      int from = 0;
      for (int c = 0; c < compCount; c++) {
        if (dStart[compDemand[c + 1]] - dStart[compDemand[from]] >= minEdges || c == compCount - 1) {
          chunkFrom[chunks++] = from;
          from = c + 1;
        }
      }
      chunkFrom[chunks] = compCount;
      int maxNodes = 0;
      for (int i = 0; i < chunks; i++) {
        maxNodes = Math.max(maxNodes, maxComponentNodes(chunkFrom[i], chunkFrom[i + 1]));
      }
      if (workers == 1 || chunks == 1) {
        Worker worker = new Worker(maxNodes);
        for (int i = 0; i < chunks; i++) {
          worker.solve(chunkFrom[i], chunkFrom[i + 1]);
        }
        return;
      }
      // largest first (longest processing time first)
      Integer[] order = new Integer[chunks];
      long[] size = new long[chunks];
      for (int i = 0; i < chunks; i++) {
        order[i] = i;
        size[i] = dStart[compDemand[chunkFrom[i + 1]]] - dStart[compDemand[chunkFrom[i]]];
      }
      java.util.Arrays.sort(order, (x, y) -> Long.compare(size[y], size[x]));
      int nodes = maxNodes;
      int chunkCount = chunks;
      AtomicInteger next = new AtomicInteger();
      java.util.List<RecursiveAction> tasks = new java.util.ArrayList<>();
      for (int t = 0; t < Math.min(workers, chunks); t++) {
        tasks.add(new RecursiveAction() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void compute() {
            Worker worker = new Worker(nodes);
            for (int i = next.getAndIncrement(); i < chunkCount; i = next.getAndIncrement()) {
              int chunk = order[i];
              worker.solve(chunkFrom[chunk], chunkFrom[chunk + 1]);
            }
          }
        });
      }
      ForkJoinTask.invokeAll(tasks);
    }

    /** The most nodes (demands and offers) of one component among components [from, to). */
    private int maxComponentNodes(int from, int to) {
      int max = 0;
      for (int c = from; c < to; c++) {
        max = Math.max(max, compDemand[c + 1] - compDemand[c] + compOffer[c + 1] - compOffer[c]);
      }
      return max;
    }

    /**
     * The search state of one thread: a heap and the lists of settled and touched nodes, sized
     * for the largest component it may meet.
     */
    private final class Worker {
      private final int[] heap;
      private final long[] heapKey;
      private int heapSize;
      private final int[] settled;
      private int settledCount;
      private final int[] touched;
      private int touchedCount;

      Worker(int maxNodes) {
        heap = new int[maxNodes];
        heapKey = new long[maxNodes];
        settled = new int[maxNodes];
        touched = new int[maxNodes];
      }

      /** Inserts the demands of components [fromComp, toComp) by best profit, descending. */
      void solve(int fromComp, int toComp) {
        for (int s : orderByBestProfit(compDemand[fromComp], compDemand[toComp])) {
          insert(s);
        }
      }

      /**
       * Demands in [from, to) with at least one edge, by best profit descending (stable LSD radix
       * sort).
       */
      private int[] orderByBestProfit(int from, int to) {
        int count = 0;
        for (int d = from; d < to; d++) {
          if (dStart[d + 1] > dStart[d]) {
            count++;
          }
        }
        int[] idx = new int[count];
        long[] key = new long[count];
        int c = 0;
        for (int d = from; d < to; d++) {
          if (dStart[d + 1] > dStart[d]) {
            long best = 0;
            for (int k = dStart[d]; k < dStart[d + 1]; k++) {
              best = Math.max(best, eProfit[k]);
            }
            idx[c] = d;
            key[c] = MAX_ABS_PROFIT - best; // ascending key = descending profit, in [0, 2^40)
            c++;
          }
        }
        int[] idx2 = new int[count];
        long[] key2 = new long[count];
        int[] bucket = new int[1 << 11];
        for (int shift = 0; shift < 41; shift += 11) {
          java.util.Arrays.fill(bucket, 0);
          for (int i = 0; i < count; i++) {
            bucket[(int) ((key[i] >>> shift) & 2047)]++;
          }
          int sum = 0;
          for (int b = 0; b < bucket.length; b++) {
            int t = bucket[b];
            bucket[b] = sum;
            sum += t;
          }
          for (int i = 0; i < count; i++) {
            int b = (int) ((key[i] >>> shift) & 2047);
            int to2 = bucket[b]++;
            idx2[to2] = idx[i];
            key2[to2] = key[i];
          }
          int[] ti = idx;
          idx = idx2;
          idx2 = ti;
          long[] tk = key;
          key = key2;
          key2 = tk;
        }
        return idx;
      }
      /** Adds demand {@code s} and restores optimality by one shortest augmenting path. */
      private void insert(int s) {
        // the demand's value under current prices: h(s) = max(0, max (h(o) + p))
        long hs = 0;
        for (int k = dStart[s]; k < dStart[s + 1]; k++) {
          hs = Math.max(hs, hd[2 * (nD + eOffer[k])] + eProfit[k]);
        }
        hd[2 * s] = hs;
        if (hs <= 0) {
          return; // every offer is priced at or above its value: it stays unserved
        }
        long best = hs; // stay unserved: the zero arc to the sink, reduced cost h(s)
        int bestPred = s;
        touch(s, 0, -1, -1);
        push(s);
        settledCount = 0;
        // the shared arrays in locals: the loop below is the hot spot of the whole solver
        final long[] hd = Solver.this.hd;
        final int[] dStart = Solver.this.dStart;
        final int[] eOffer = Solver.this.eOffer;
        final long[] eProfit = Solver.this.eProfit;
        final int[] match = Solver.this.match;
        final int[] used = Solver.this.used;
        final int[] cap = Solver.this.cap;
        final int[] slotStart = Solver.this.slotStart;
        final int[] slots = Solver.this.slots;
        final long[] slotProfit = Solver.this.slotProfit;
        final int nD = Solver.this.nD;
        final int[] heap = this.heap;
        final long[] heapKey = this.heapKey;
        final int[] settled = this.settled;
        while (heapSize > 0) {
          int v = heap[0];
          long dv = heapKey[0];
          if (dv >= best) {
            break;
          }
          pop();
          settled[settledCount++] = v;
          long hv = hd[2 * v];
          // Paths to the sink are priced when their last node is reached (not when it is settled),
          // so that the bound "best" tightens early and prunes the search.
          if (v < nD) {
            int own = match[v];
            for (int k = dStart[v], end = dStart[v + 1]; k < end; k++) {
              if (k == own) {
                continue;
              }
              int o = eOffer[k];
              int node = nD + o;
              long ho = hd[2 * node];
              long nd = dv + hv - eProfit[k] - ho;
              if (nd < best && nd < hd[2 * node + 1]) {
                relax(node, nd, v, k);
                if (used[o] < cap[o] && nd + ho < best) { // o has room: end here
                  best = nd + ho;
                  bestPred = node;
                }
              }
            }
          } else {
            int o = v - nD;
            for (int sl = slotStart[o], end = sl + used[o]; sl < end; sl++) {
              int y = slots[sl];
              long hy = hd[2 * y];
              long nd = dv + slotProfit[sl] + hv - hy;
              if (nd < best && nd < hd[2 * y + 1]) {
                relax(y, nd, v, -1);
                if (nd + hy < best) { // push y out: it becomes unserved
                  best = nd + hy;
                  bestPred = y;
                }
              }
            }
          }
        }
        // new potentials: settled nodes move by dist - best (a constant shift of all is immaterial)
        for (int i = 0; i < settledCount; i++) {
          int v = settled[i];
          hd[2 * v] += hd[2 * v + 1] - best;
        }
        augment(s, bestPred);
        // reset the search state
        for (int i = 0; i < heapSize; i++) {
          pos[heap[i]] = -1;
        }
        heapSize = 0;
        for (int i = 0; i < touchedCount; i++) {
          hd[2 * touched[i] + 1] = INF;
        }
        touchedCount = 0;
      }

      private void augment(int s, int last) {
        int pendingSlot;
        int o;
        if (last >= nD) {
          o = last - nD;
          pendingSlot = slotStart[o] + used[o];
          used[o]++;
        } else {
          if (last == s) {
            return;
          }
          pendingSlot = slotOf[last];
          match[last] = -1;
          slotOf[last] = -1;
          o = pred[last] - nD;
        }
        while (true) {
          int node = nD + o;
          int y = pred[node];
          int k = predEdge[node];
          int oldSlot = slotOf[y];
          int oldOffer = y == s ? -1 : pred[y] - nD;
          slots[pendingSlot] = y;
          slotProfit[pendingSlot] = eProfit[k];
          slotOf[y] = pendingSlot;
          match[y] = k;
          if (y == s) {
            return;
          }
          pendingSlot = oldSlot;
          o = oldOffer;
        }
      }

      private void touch(int v, long d, int p, int k) {
        if (hd[2 * v + 1] == INF) {
          touched[touchedCount++] = v;
        }
        hd[2 * v + 1] = d;
        pred[v] = p;
        predEdge[v] = k;
      }

      private void relax(int v, long d, int p, int k) {
        touch(v, d, p, k);
        int at = pos[v];
        if (at < 0) {
          at = heapSize++;
        }
        siftUp(at, v, d);
      }

      private void push(int v) {
        siftUp(heapSize++, v, hd[2 * v + 1]);
      }

      private void pop() {
        pos[heap[0]] = -1;
        int n = --heapSize;
        if (n > 0) {
          siftDown(heap[n], heapKey[n]);
        }
      }

      /** Moves node {@code v} with key {@code d} from slot {@code i} towards the root. */
      private void siftUp(int i, int v, long d) {
        while (i > 0) {
          int parent = (i - 1) >>> 2;
          long pk = heapKey[parent];
          if (pk <= d) {
            break;
          }
          int pv = heap[parent];
          heap[i] = pv;
          heapKey[i] = pk;
          pos[pv] = i;
          i = parent;
        }
        heap[i] = v;
        heapKey[i] = d;
        pos[v] = i;
      }

      /** Places node {@code v} with key {@code d} at the root and moves it down (a 4-ary heap). */
      private void siftDown(int v, long d) {
        int i = 0;
        int n = heapSize;
        while (true) {
          int first = 4 * i + 1;
          if (first >= n) {
            break;
          }
          int child = first;
          long ck = heapKey[first];
          int last = Math.min(first + 4, n);
          for (int c = first + 1; c < last; c++) {
            long k = heapKey[c];
            if (k < ck) {
              ck = k;
              child = c;
            }
          }
          if (d <= ck) {
            break;
          }
          int cv = heap[child];
          heap[i] = cv;
          heapKey[i] = ck;
          pos[cv] = i;
          i = child;
        }
        heap[i] = v;
        heapKey[i] = d;
        pos[v] = i;
      }
    }
  }
}

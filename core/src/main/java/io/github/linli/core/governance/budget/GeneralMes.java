package io.github.linli.core.governance.budget;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Method of Equal Shares with additive utilities, voter by voter in exact rationals, as in
 * pabutools' {@code mes_inner_algo}: used for point ballots (utility = points × cost) and as the
 * reference the fast {@link ApprovalMes} is tested against. Not API.
 *
 * <p>One run: O(r · e · s log s) rational operations for r funded projects, e examined candidates
 * per round and s supporters per project.
 */
final class GeneralMes {
  private final Profile p;
  /** Per project: supporters and their utilities (aligned). */
  private final int[][] voters;
  private final BigInteger[][] utility;
  private final BigInteger[] totalUtility;

  GeneralMes(Profile p) {
    this.p = p;
    voters = new int[p.m][];
    utility = new BigInteger[p.m][];
    totalUtility = new BigInteger[p.m];
    int[] fill = new int[p.m];
    for (int c = 0; c < p.m; c++) {
      voters[c] = new int[p.votes[c]];
      utility[c] = new BigInteger[p.votes[c]];
      totalUtility[c] = BigInteger.ZERO;
    }
    for (int i = 0; i < p.n; i++) {
      for (int k = 0; k < p.ballots[i].length; k++) {
        int c = p.ballots[i][k];
        BigInteger pts = p.points == null ? BigInteger.ONE : p.points[i][k];
        BigInteger u = pts.multiply(p.cost[c]);
        voters[c][fill[c]] = i;
        utility[c][fill[c]++] = u;
        totalUtility[c] = totalUtility[c].add(u);
      }
    }
  }

  /**
   * One run with every voter's share = {@code shareTimesN} / n money units.
   *
   * @param shareTimesN the per-voter share times n, in money units
   * @return the funded projects with positive cost, in order of funding
   */
  List<Integer> run(BigInteger shareTimesN) {
    List<Integer> selected = new ArrayList<>();
    if (p.n == 0) {
      return selected;
    }
    Rational share = Rational.of(shareTimesN, BigInteger.valueOf(p.n));
    Rational[] budget = new Rational[p.n];
    Arrays.fill(budget, share);
    List<Integer> remaining = new ArrayList<>();
    Rational[] prevRho = new Rational[p.m];
    for (int c = 0; c < p.m; c++) {
      if (p.cost[c].signum() > 0 && totalUtility[c].signum() > 0) {
        remaining.add(c);
        prevRho[c] = Rational.of(p.cost[c], totalUtility[c]);
      }
    }
    while (!remaining.isEmpty()) {
      remaining.sort((a, b) -> prevRho[a].compareTo(prevRho[b]));
      Rational best = null;
      List<Integer> tied = new ArrayList<>();
      List<Integer> drop = new ArrayList<>();
      for (int c : remaining) {
        Rational money = Rational.ZERO;
        for (int v : voters[c]) {
          money = money.add(budget[v]);
        }
        Rational cost = Rational.of(p.cost[c]);
        if (money.compareTo(cost) < 0) {
          drop.add(c);
          continue;
        }
        if (best != null && prevRho[c].compareTo(best) > 0) {
          break;
        }
        Integer[] idx = new Integer[voters[c].length];
        for (int k = 0; k < idx.length; k++) {
          idx[k] = k;
        }
        final int cc = c;
        Arrays.sort(
            idx,
            (a, b) ->
                budget[voters[cc][a]]
                    .divide(utility[cc][a])
                    .compareTo(budget[voters[cc][b]].divide(utility[cc][b])));
        Rational paid = Rational.ZERO;
        BigInteger denom = totalUtility[c];
        Rational rho = null;
        for (int k : idx) {
          Rational r = cost.subtract(paid).divide(denom);
          if (r.multiply(utility[c][k]).compareTo(budget[voters[c][k]]) <= 0) {
            rho = r;
            break;
          }
          paid = paid.add(budget[voters[c][k]]);
          denom = denom.subtract(utility[c][k]);
        }
        if (rho == null) {
          drop.add(c);
          continue;
        }
        prevRho[c] = rho;
        int cmp = best == null ? -1 : rho.compareTo(best);
        if (cmp < 0) {
          best = rho;
          tied.clear();
          tied.add(c);
        } else if (cmp == 0) {
          tied.add(c);
        }
      }
      remaining.removeAll(drop);
      if (best == null) {
        break;
      }
      int chosen = tied.get(0);
      for (int c : tied) {
        if (p.tieCompare(c, chosen) < 0) {
          chosen = c;
        }
      }
      selected.add(chosen);
      remaining.remove(Integer.valueOf(chosen));
      for (int k = 0; k < voters[chosen].length; k++) {
        int v = voters[chosen][k];
        Rational pay = best.multiply(utility[chosen][k]);
        budget[v] = pay.compareTo(budget[v]) >= 0 ? Rational.ZERO : budget[v].subtract(pay);
      }
    }
    return selected;
  }
}

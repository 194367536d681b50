package io.github.linli.core.governance.budget;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Method of Equal Shares for approval ballots with cost utilities, exact and incremental. Not
 * API.
 *
 * <p>Voters are kept in groups of equal remaining budget (voters who paid for the same projects
 * hold the same amount), each group with the number of its members supporting each project, so a
 * project's payment level is found by walking the poorer groups only, and funding a project
 * touches only its supporters (groups are merged with union-find, never relabelled). All money
 * shares one denominator: integers scaled up by each payment's denominator when a project is
 * funded, so comparisons need no gcd. Candidates are examined in order of their previous ρ, which
 * can only grow (equalshares.net's speed-up); this changes no result.
 *
 * <p>One run: O(r · (e · g + g log g + m log m) + Σ supporters of funded projects · ballot length)
 * big-integer operations, for r funded projects, e examined candidates per round, g budget groups
 * and m projects.
 */
final class ApprovalMes {
  private final Profile p;

  ApprovalMes(Profile p) {
    this.p = p;
  }

  private static final class Group {
    final int id;
    BigInteger budget;
    /** The budget in the run's first money unit, approximately (for fast comparisons). */
    double real;
    int size;
    final int[] count;
    int moved;
    int index;
    Group split;

    Group(int id, BigInteger budget, int size, int[] count) {
      this.id = id;
      this.budget = budget;
      this.size = size;
      this.count = count;
    }
  }

  /** Group ids with union-find, so merging groups never relabels their voters. */
  private static final class Ids {
    int[] parent = new int[64];
    Group[] group = new Group[64];
    int n;

    Group add(BigInteger budget, int size, int[] count) {
      if (n == parent.length) {
        parent = Arrays.copyOf(parent, n * 2);
        group = Arrays.copyOf(group, n * 2);
      }
      parent[n] = n;
      Group g = new Group(n, budget, size, count);
      group[n] = g;
      n++;
      return g;
    }

    int find(int id) {
      while (parent[id] != id) {
        parent[id] = parent[parent[id]];
        id = parent[id];
      }
      return id;
    }
  }

  /** num / den as a double, for ordering only (exact comparisons decide). */
  static double approx(BigInteger num, BigInteger den) {
    int sn = Math.max(0, num.bitLength() - 62);
    int sd = Math.max(0, den.bitLength() - 62);
    double v = num.shiftRight(sn).doubleValue() / den.shiftRight(sd).doubleValue();
    return Math.scalb(v, sn - sd);
  }

  /**
   * One run of MES with every voter's share = {@code shareTimesN} / n money units.
   *
   * @param shareTimesN the per-voter share times n, in money units (for budget/n: the budget)
   * @return the funded projects with positive cost, in order of funding
   */
  List<Integer> run(BigInteger shareTimesN) {
    final int m = p.m;
    final int n = p.n;
    List<Integer> selected = new ArrayList<>();
    if (n == 0 || shareTimesN.signum() <= 0) {
      return selected;
    }
    // exact money in units of 1/(n * unit * scale[0]) currency: scale[0] grows as payments are made
    BigInteger bigN = BigInteger.valueOf(n);
    BigInteger[] cost = new BigInteger[m];
    double[] costReal = new double[m];
    for (int c = 0; c < m; c++) {
      cost[c] = p.cost[c].multiply(bigN);
      costReal[c] = cost[c].doubleValue();
    }
    BigInteger[] scale = {BigInteger.ONE};
    Ids ids = new Ids();
    int[] groupOf = new int[n]; // every voter starts in group 0
    List<Group> groups = new ArrayList<>();
    Group first = ids.add(shareTimesN, n, p.votes.clone());
    first.real = shareTimesN.doubleValue();
    groups.add(first);
    int[] broke = new int[m]; // supporters per project with nothing left
    int[] remaining = new int[m];
    int rem = 0;
    double[] rhoApprox = new double[m]; // previous rho, which can only grow
    for (int c = 0; c < m; c++) {
      if (p.votes[c] > 0 && p.cost[c].signum() > 0) {
        remaining[rem++] = c;
        rhoApprox[c] = 1.0 / p.votes[c];
      }
    }
    Integer[] order = new Integer[m];
    double[] rhoNow = new double[m];
    boolean[] drop = new boolean[m];
    BigInteger[] exact = new BigInteger[3];
    while (rem > 0) {
      for (int k = 0; k < rem; k++) {
        order[k] = remaining[k];
      }
      Arrays.sort(order, 0, rem, (a, b) -> Double.compare(rhoApprox[a], rhoApprox[b]));
      double bestReal = Double.POSITIVE_INFINITY;
      int evaluated = 0;
      boolean dropped = false;
      for (int k = 0; k < rem; k++) {
        int c = order[k];
        if (rhoApprox[c] > bestReal * (1 + 4 * EPS)) {
          break; // this and all later candidates had a larger rho already
        }
        double rho = walkReal(c, groups, broke, costReal);
        if (Double.isNaN(rho)) {
          // too close to call in floating point: decide exactly
          rho = walkExact(c, groups, broke, cost, exact) ? exactRho(exact, cost[c]) : -1;
        }
        if (rho < 0) {
          drop[c] = true;
          dropped = true;
          continue;
        }
        rhoApprox[c] = rho;
        rhoNow[c] = rho;
        order[evaluated++] = c; // evaluated candidates, compacted at the front
        bestReal = Math.min(bestReal, rho);
      }
      if (dropped) {
        int w = 0;
        for (int k = 0; k < rem; k++) {
          if (!drop[remaining[k]]) {
            remaining[w++] = remaining[k];
          }
        }
        rem = w;
      }
      if (evaluated == 0) {
        break;
      }
      // the candidates within rounding of the best are compared exactly
      int chosen = -1;
      BigInteger chosenX = null;
      long chosenD = 0;
      for (int k = 0; k < evaluated; k++) {
        int c = order[k];
        if (rhoNow[c] > bestReal * (1 + 4 * EPS)) {
          continue;
        }
        if (!walkExact(c, groups, broke, cost, exact)) {
          throw new IllegalStateException("affordability changed between exact and floating point");
        }
        int cmp;
        if (chosen < 0) {
          cmp = -1;
        } else {
          // rho(c) = X / (d * cost[c]) against rho(chosen)
          cmp =
              exact[0]
                  .multiply(BigInteger.valueOf(chosenD))
                  .multiply(cost[chosen])
                  .compareTo(chosenX.multiply(exact[1]).multiply(cost[c]));
          if (cmp == 0) {
            cmp = p.tieCompare(c, chosen);
          }
        }
        if (cmp < 0) {
          chosen = c;
          chosenX = exact[0];
          chosenD = exact[1].longValueExact();
        }
      }
      selected.add(chosen);
      int w = 0;
      for (int k = 0; k < rem; k++) {
        if (remaining[k] != chosen) {
          remaining[w++] = remaining[k];
        }
      }
      rem = w;
      groups = pay(chosen, chosenX, chosenD, cost, scale, groups, ids, groupOf, broke);
    }
    return selected;
  }

  /** Relative margin within which floating point defers to exact arithmetic. */
  private static final double EPS = 1e-9;

  /**
   * The candidate's rho = (largest payment) / cost in floating point, -1 if its supporters
   * cannot pay for it, or NaN if some comparison is too close to call.
   */
  private double walkReal(int c, List<Group> groups, int[] broke, double[] costReal) {
    double paid = 0;
    long denom = (long) p.votes[c] - broke[c];
    double cost = costReal[c];
    for (int gi = 0; gi < groups.size() && denom > 0; gi++) {
      Group g = groups.get(gi);
      int cnt = g.count[c];
      if (cnt == 0) {
        continue;
      }
      double rest = cost - paid;
      double rhs = g.real * denom;
      if (rest <= rhs * (1 - EPS)) {
        return rest / denom / cost;
      }
      if (rest <= rhs * (1 + EPS)) {
        return Double.NaN;
      }
      paid += g.real * cnt;
      denom -= cnt;
    }
    return cost - paid > cost * EPS ? -1 : Double.NaN;
  }

  /**
   * The exact water level: on success {@code out[0]} = X and {@code out[1]} = d, the largest
   * payment being X / d money units.
   */
  private boolean walkExact(
      int c, List<Group> groups, int[] broke, BigInteger[] cost, BigInteger[] out) {
    BigInteger paid = BigInteger.ZERO;
    long denom = (long) p.votes[c] - broke[c];
    for (int gi = 0; gi < groups.size() && denom > 0; gi++) {
      Group g = groups.get(gi);
      int cnt = g.count[c];
      if (cnt == 0) {
        continue;
      }
      BigInteger rest = cost[c].subtract(paid);
      if (rest.compareTo(g.budget.multiply(BigInteger.valueOf(denom))) <= 0) {
        out[0] = rest;
        out[1] = BigInteger.valueOf(denom);
        return true;
      }
      paid = paid.add(g.budget.multiply(BigInteger.valueOf(cnt)));
      denom -= cnt;
    }
    return false;
  }

  private static double exactRho(BigInteger[] found, BigInteger cost) {
    return approx(found[0], found[1].multiply(cost));
  }

  /** Charges the supporters of {@code chosen} at most X / d each and regroups them. */
  private List<Group> pay(
      int chosen,
      BigInteger x,
      long denom,
      BigInteger[] cost,
      BigInteger[] scale,
      List<Group> groups,
      Ids ids,
      int[] groupOf,
      int[] broke) {
    final int m = p.m;
    // rescale all money by d / gcd so that the payment is an integer
    BigInteger d = BigInteger.valueOf(denom);
    BigInteger gcd = x.gcd(d);
    x = x.divide(gcd);
    d = d.divide(gcd);
    if (!d.equals(BigInteger.ONE)) {
      scale[0] = scale[0].multiply(d);
      for (int c = 0; c < m; c++) {
        cost[c] = cost[c].multiply(d);
      }
      for (Group g : groups) {
        g.budget = g.budget.multiply(d);
      }
    }
    int[] supporters = p.supporters[chosen];
    int[] rootOf = new int[supporters.length];
    List<Group> touched = new ArrayList<>();
    for (int k = 0; k < supporters.length; k++) {
      int v = supporters[k];
      int root = ids.find(groupOf[v]);
      groupOf[v] = root;
      rootOf[k] = root;
      Group g = ids.group[root];
      if (g.budget.signum() == 0) {
        continue; // has nothing left and pays nothing
      }
      if (g.moved++ == 0) {
        g.index = touched.size();
        touched.add(g);
      }
    }
    List<Group> fresh = new ArrayList<>();
    int splits = 0;
    for (Group g : touched) {
      BigInteger nb = g.budget.subtract(x);
      if (nb.signum() < 0) {
        nb = BigInteger.ZERO;
      }
      double real = approx(nb, scale[0]);
      if (g.moved == g.size) {
        g.budget = nb;
        g.real = real;
        if (nb.signum() == 0) {
          for (int c = 0; c < m; c++) {
            broke[c] += g.count[c];
          }
        }
      } else {
        g.split = ids.add(nb, g.moved, new int[m]);
        g.split.real = real;
        fresh.add(g.split);
        splits++;
      }
    }
    if (splits > 0) {
      // visit the moving voters group by group (counting sort), so each group's counts stay in
      // cache while its voters' ballots are added up
      int[] start = new int[touched.size() + 1];
      for (Group g : touched) {
        start[g.index + 1] = g.split == null ? 0 : g.moved;
      }
      for (int i = 0; i < touched.size(); i++) {
        start[i + 1] += start[i];
      }
      int[] fill = Arrays.copyOf(start, touched.size());
      int[] byGroup = new int[start[touched.size()]];
      for (int k = 0; k < supporters.length; k++) {
        Group g = ids.group[rootOf[k]];
        if (g.split != null) {
          byGroup[fill[g.index]++] = supporters[k];
        }
      }
      for (Group g : touched) {
        Group ng = g.split;
        if (ng == null) {
          continue;
        }
        int[] count = ng.count;
        for (int k = start[g.index]; k < start[g.index + 1]; k++) {
          int v = byGroup[k];
          groupOf[v] = ng.id;
          for (int c : p.ballots[v]) {
            count[c]++;
          }
        }
        for (int c = 0; c < m; c++) {
          g.count[c] -= count[c];
        }
        g.size -= g.moved;
      }
    }
    for (Group g : touched) {
      g.moved = 0;
      g.split = null;
    }
    List<Group> next = new ArrayList<>(groups.size() + fresh.size());
    for (Group g : groups) {
      if (g.budget.signum() > 0) {
        next.add(g);
      }
    }
    for (Group ng : fresh) {
      if (ng.budget.signum() > 0) {
        next.add(ng);
      } else {
        for (int c = 0; c < m; c++) {
          broke[c] += ng.count[c];
        }
      }
    }
    next.sort(ApprovalMes::compareBudgets);
    List<Group> out = new ArrayList<>(next.size());
    Group last = null;
    for (Group g : next) {
      if (last != null && compareBudgets(last, g) == 0) {
        last.size += g.size;
        for (int c = 0; c < m; c++) {
          last.count[c] += g.count[c];
        }
        ids.parent[g.id] = last.id;
      } else {
        out.add(g);
        last = g;
      }
    }
    return out;
  }

  /** Exact order of budgets, by floating point where that is decisive. */
  static int compareBudgets(Group a, Group b) {
    double x = a.real;
    double y = b.real;
    if (Math.abs(x - y) > EPS * Math.max(Math.abs(x), Math.abs(y))) {
      return Double.compare(x, y);
    }
    return a.budget.compareTo(b.budget);
  }
}

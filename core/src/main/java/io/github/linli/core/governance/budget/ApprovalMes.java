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
 * project's payment level is found by walking the poorer groups only. All money is one common
 * denominator: integers scaled up by each payment's denominator when a project is funded, so
 * comparisons never need a gcd. Candidates are examined in order of their previous ρ, which can
 * only grow (equalshares.net's speed-up); this changes no result.
 *
 * <p>One run: O(r · (e · g + m log m) + Σ supporters of funded projects · ballot length) for r
 * funded projects, e examined candidates per round and g budget groups.
 */
final class ApprovalMes {
  private final Profile p;

  ApprovalMes(Profile p) {
    this.p = p;
  }

  private static final class Group {
    BigInteger budget;
    int[] members;
    int size;
    int[] count;

    Group(BigInteger budget, int[] members, int size, int[] count) {
      this.budget = budget;
      this.members = members;
      this.size = size;
      this.count = count;
    }
  }

  /**
   * One run of MES with every voter's share = {@code shareNum} money units / n.
   *
   * @param shareTimesN the per-voter share times n, in money units (for budget/n: the budget)
   * @return the funded projects with positive cost, in order of funding
   */
  List<Integer> run(BigInteger shareTimesN) {
    final int m = p.m;
    final int n = p.n;
    List<Integer> selected = new ArrayList<>();
    if (n == 0) {
      return selected;
    }
    // money in units of 1/(n * unit) currency, then scaled further as payments are made
    BigInteger bigN = BigInteger.valueOf(n);
    BigInteger[] cost = new BigInteger[m];
    for (int c = 0; c < m; c++) {
      cost[c] = p.cost[c].multiply(bigN);
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    List<Group> groups = new ArrayList<>();
    groups.add(new Group(shareTimesN, all, n, p.votes.clone()));
    int[] broke = new int[m]; // supporters per project with nothing left
    // remaining candidates and their previous rho = rhoNum / rhoDen (unit-free)
    int[] remaining = new int[m];
    int rem = 0;
    BigInteger[] rhoNum = new BigInteger[m];
    BigInteger[] rhoDen = new BigInteger[m];
    for (int c = 0; c < m; c++) {
      if (p.votes[c] > 0 && p.cost[c].signum() > 0) {
        remaining[rem++] = c;
        rhoNum[c] = BigInteger.ONE;
        rhoDen[c] = BigInteger.valueOf(p.votes[c]);
      }
    }
    boolean[] mark = new boolean[n];
    Integer[] order = new Integer[m];
    BigInteger[] foundX = new BigInteger[m];
    long[] foundD = new long[m];
    int[] tied = new int[m];
    while (rem > 0) {
      for (int k = 0; k < rem; k++) {
        order[k] = remaining[k];
      }
      Arrays.sort(
          order, 0, rem, (a, b) -> rhoNum[a].multiply(rhoDen[b]).compareTo(rhoNum[b].multiply(rhoDen[a])));
      int best = -1;
      int nTied = 0;
      boolean[] drop = null;
      for (int k = 0; k < rem; k++) {
        int c = order[k];
        if (best >= 0
            && rhoNum[c].multiply(rhoDen[best]).compareTo(rhoNum[best].multiply(rhoDen[c])) > 0) {
          break;
        }
        // walk the groups from the poorest
        BigInteger paid = BigInteger.ZERO;
        long denom = (long) p.votes[c] - broke[c];
        BigInteger x = null;
        for (int gi = 0; gi < groups.size() && denom > 0; gi++) {
          Group g = groups.get(gi);
          int cnt = g.count[c];
          if (cnt == 0) {
            continue;
          }
          BigInteger rest = cost[c].subtract(paid);
          if (rest.compareTo(g.budget.multiply(BigInteger.valueOf(denom))) <= 0) {
            x = rest;
            break;
          }
          paid = paid.add(g.budget.multiply(BigInteger.valueOf(cnt)));
          denom -= cnt;
        }
        if (x == null) {
          if (drop == null) {
            drop = new boolean[m];
          }
          drop[c] = true;
          continue;
        }
        foundX[c] = x;
        foundD[c] = denom;
        rhoNum[c] = x;
        rhoDen[c] = BigInteger.valueOf(denom).multiply(cost[c]);
        int cmp =
            best < 0 ? -1 : rhoNum[c].multiply(rhoDen[best]).compareTo(rhoNum[best].multiply(rhoDen[c]));
        if (cmp < 0) {
          best = c;
          nTied = 0;
          tied[nTied++] = c;
        } else if (cmp == 0) {
          tied[nTied++] = c;
        }
      }
      if (drop != null) {
        int w = 0;
        for (int k = 0; k < rem; k++) {
          if (!drop[remaining[k]]) {
            remaining[w++] = remaining[k];
          }
        }
        rem = w;
      }
      if (best < 0) {
        break;
      }
      int chosen = tied[0];
      for (int k = 1; k < nTied; k++) {
        if (p.tieCompare(tied[k], chosen) < 0) {
          chosen = tied[k];
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
      // pay: the largest payment is X / d; rescale all money by d / gcd so it is an integer
      BigInteger x = foundX[chosen];
      BigInteger d = BigInteger.valueOf(foundD[chosen]);
      BigInteger gcd = x.gcd(d);
      x = x.divide(gcd);
      d = d.divide(gcd);
      if (!d.equals(BigInteger.ONE)) {
        for (int c = 0; c < m; c++) {
          cost[c] = cost[c].multiply(d);
        }
        for (Group g : groups) {
          g.budget = g.budget.multiply(d);
        }
      }
      for (int v : p.supporters[chosen]) {
        mark[v] = true;
      }
      List<Group> next = new ArrayList<>(groups.size() + 8);
      for (Group g : groups) {
        int cnt = g.count[chosen];
        if (cnt == 0) {
          next.add(g);
          continue;
        }
        BigInteger nb = g.budget.subtract(x);
        boolean nothingLeft = nb.signum() <= 0;
        if (cnt == g.size) {
          if (nothingLeft) {
            for (int c = 0; c < m; c++) {
              broke[c] += g.count[c];
            }
          } else {
            g.budget = nb;
            next.add(g);
          }
          continue;
        }
        int[] moved = new int[cnt];
        int[] stay = new int[g.size - cnt];
        int a = 0;
        int b = 0;
        int[] movedCount = new int[m];
        for (int k = 0; k < g.size; k++) {
          int v = g.members[k];
          if (mark[v]) {
            moved[a++] = v;
            for (int c : p.ballots[v]) {
              movedCount[c]++;
            }
          } else {
            stay[b++] = v;
          }
        }
        for (int c = 0; c < m; c++) {
          g.count[c] -= movedCount[c];
        }
        g.members = stay;
        g.size = b;
        next.add(g);
        if (nothingLeft) {
          for (int c = 0; c < m; c++) {
            broke[c] += movedCount[c];
          }
        } else {
          next.add(new Group(nb, moved, a, movedCount));
        }
      }
      for (int v : p.supporters[chosen]) {
        mark[v] = false;
      }
      next.sort((g1, g2) -> g1.budget.compareTo(g2.budget));
      groups = mergeEqual(next, m);
    }
    return selected;
  }

  private static List<Group> mergeEqual(List<Group> sorted, int m) {
    List<Group> out = new ArrayList<>(sorted.size());
    Group last = null;
    for (Group g : sorted) {
      if (last != null && last.budget.equals(g.budget)) {
        int[] members = Arrays.copyOf(last.members, last.size + g.size);
        System.arraycopy(g.members, 0, members, last.size, g.size);
        last.members = members;
        last.size += g.size;
        for (int c = 0; c < m; c++) {
          last.count[c] += g.count[c];
        }
      } else {
        out.add(g);
        last = g;
      }
    }
    return out;
  }
}

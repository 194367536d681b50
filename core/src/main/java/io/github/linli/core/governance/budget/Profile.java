package io.github.linli.core.governance.budget;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counting view of an election: projects by index, money as integers in units of
 * 10<sup>-scale</sup>, ballots as index arrays. Built once per election. Immutable. Not API.
 */
final class Profile {
  final int n;
  final int m;
  /** One currency unit, in money units (10^scale). */
  final BigInteger unit;
  final BigInteger budget;
  final BigInteger[] cost;
  /** Per voter: the indices of the projects given positive support. */
  final int[][] ballots;
  /** Per voter, aligned with {@link #ballots}: points as integers (same scale for all); null for 0/1. */
  final BigInteger[][] points;
  /** Per project: the voters giving it positive support, ascending. */
  final int[][] supporters;
  /** Per project: number of supporters. */
  final int[] votes;
  /**
   * Per project: support for greedy and ties (votes; sum of points; for ordinal ballots Borda
   * points, L for the first choice down to 1, L = max_length or the ballot's length).
   */
  final BigDecimal[] support;
  final BigDecimal[] costDecimal;

  Profile(
      BigDecimal budgetDecimal,
      List<BudgetProject> projects,
      Map<String, Integer> index,
      List<BudgetBallot> ballotList,
      boolean pointBallots,
      int ordinalLength) {
    this.n = ballotList.size();
    this.m = projects.size();
    int scale = Math.max(0, budgetDecimal.stripTrailingZeros().scale());
    for (BudgetProject p : projects) {
      scale = Math.max(scale, p.cost().stripTrailingZeros().scale());
    }
    this.unit = BigInteger.TEN.pow(scale);
    this.budget = budgetDecimal.movePointRight(scale).toBigIntegerExact();
    this.cost = new BigInteger[m];
    this.costDecimal = new BigDecimal[m];
    for (int c = 0; c < m; c++) {
      costDecimal[c] = projects.get(c).cost();
      cost[c] = costDecimal[c].movePointRight(scale).toBigIntegerExact();
    }
    int pointScale = 0;
    if (pointBallots) {
      for (BudgetBallot b : ballotList) {
        for (BigDecimal x : b.points()) {
          pointScale = Math.max(pointScale, x.stripTrailingZeros().scale());
        }
      }
    }
    this.ballots = new int[n][];
    this.points = pointBallots ? new BigInteger[n][] : null;
    this.support = new BigDecimal[m];
    java.util.Arrays.fill(support, BigDecimal.ZERO);
    int[] voteCount = new int[m];
    for (int i = 0; i < n; i++) {
      BudgetBallot b = ballotList.get(i);
      List<Integer> idx = new ArrayList<>();
      List<BigInteger> pts = new ArrayList<>();
      int length = ordinalLength > 0 ? ordinalLength : b.projectIds().size();
      for (int k = 0; k < b.projectIds().size(); k++) {
        int c = index.get(b.projectIds().get(k));
        BigDecimal x = b.points().isEmpty() || !pointBallots ? BigDecimal.ONE : b.points().get(k);
        if (x.signum() > 0) {
          idx.add(c);
          pts.add(x.movePointRight(pointScale).toBigIntegerExact());
          voteCount[c]++;
          // ordinal ballots: positional (Borda) points for greedy, as Pabulib's score column
          support[c] =
              support[c].add(ordinalLength >= 0 ? BigDecimal.valueOf(Math.max(1, length - k)) : x);
        }
      }
      ballots[i] = idx.stream().mapToInt(Integer::intValue).toArray();
      if (pointBallots) {
        points[i] = pts.toArray(new BigInteger[0]);
      }
    }
    this.votes = voteCount;
    this.supporters = new int[m][];
    int[] fill = new int[m];
    for (int c = 0; c < m; c++) {
      supporters[c] = new int[voteCount[c]];
    }
    for (int i = 0; i < n; i++) {
      for (int c : ballots[i]) {
        supporters[c][fill[c]++] = i;
      }
    }
  }

  /** Tie order: lower cost first, then more support, then earlier listing. */
  int tieCompare(int a, int b) {
    int x = cost[a].compareTo(cost[b]);
    if (x != 0) {
      return x;
    }
    x = support[b].compareTo(support[a]);
    return x != 0 ? x : Integer.compare(a, b);
  }

  BigInteger totalCost(List<Integer> selected) {
    BigInteger t = BigInteger.ZERO;
    for (int c : selected) {
      t = t.add(cost[c]);
    }
    return t;
  }
}

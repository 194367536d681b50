package io.github.linli.core.governance.budget;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The counting rules behind {@link BudgetElection#count(BudgetRule)}. Not API. */
final class Counting {
  private Counting() {}

  static BudgetOutcome count(BudgetElection election, BudgetRule rule, boolean forceGeneral) {
    Profile p = election.profile();
    if (!rule.isEqualShares()) {
      List<Integer> g = greedy(p, new ArrayList<>());
      return BudgetOutcome.create(election, rule, g, null, 0, false, 0, 0);
    }
    Function<BigInteger, List<Integer>> mes;
    if (p.points != null || forceGeneral) {
      GeneralMes general = new GeneralMes(p);
      mes = general::run;
    } else {
      ApprovalMes approval = new ApprovalMes(p);
      mes = approval::run;
    }
    List<Integer> free = new ArrayList<>();
    for (int c = 0; c < p.m; c++) {
      if (p.votes[c] > 0 && p.cost[c].signum() == 0) {
        free.add(c);
      }
    }
    BigInteger step = BigInteger.valueOf(p.n).multiply(p.unit);
    List<Integer> current = concat(free, mes.apply(p.budget));
    long increments = 0;
    Completion completion = rule.completion().orElseThrow();
    if (completion != Completion.NONE) {
      // Add1 as in Pabulib's published outcomes: raise every share by one unit while the outcome
      // of the next raise still fits the budget. Raising never overspends when all supported
      // projects fit together: then it ends once they are all funded.
      BigInteger supportedTotal = BigInteger.ZERO;
      int supported = 0;
      for (int c = 0; c < p.m; c++) {
        if (p.votes[c] > 0) {
          supportedTotal = supportedTotal.add(p.cost[c]);
          supported++;
        }
      }
      if (supportedTotal.compareTo(p.budget) <= 0) {
        if (current.size() < supported) {
          // a share of supportedTotal lets every voter pay for everything
          BigInteger need = supportedTotal.multiply(BigInteger.valueOf(p.n)).subtract(p.budget);
          BigInteger t = need.add(step).subtract(BigInteger.ONE).divide(step).max(BigInteger.ZERO);
          increments = t.longValueExact();
          current = concat(free, mes.apply(p.budget.add(step.multiply(t))));
        }
      } else {
        BigInteger shareTimesN = p.budget;
        while (true) {
          shareTimesN = shareTimesN.add(step);
          List<Integer> next = concat(free, mes.apply(shareTimesN));
          if (p.totalCost(next).compareTo(p.budget) > 0) {
            break;
          }
          current = next;
          increments++;
        }
      }
    }
    if (completion == Completion.ADD1_UTILITARIAN) {
      current = greedy(p, current);
    }
    int preferGreedy = 0;
    int preferMes = 0;
    boolean tookGreedy = false;
    if (rule.comparisonStep()) {
      List<Integer> g = greedy(p, new ArrayList<>());
      boolean[] inMes = new boolean[p.m];
      boolean[] inGreedy = new boolean[p.m];
      current.forEach(c -> inMes[c] = true);
      g.forEach(c -> inGreedy[c] = true);
      for (int[] ballot : p.ballots) {
        int a = 0;
        int b = 0;
        for (int c : ballot) {
          a += inMes[c] ? 1 : 0;
          b += inGreedy[c] ? 1 : 0;
        }
        if (a > b) {
          preferMes++;
        } else if (b > a) {
          preferGreedy++;
        }
      }
      if (preferGreedy > preferMes) {
        current = g;
        tookGreedy = true;
      }
    }
    // the per-voter share the final MES run used: budget / n + increments
    BigInteger shareTimesN = p.budget.add(step.multiply(BigInteger.valueOf(increments)));
    return BudgetOutcome.create(
        election, rule, current, shareTimesN, increments, tookGreedy, preferGreedy, preferMes);
  }

  /** Greedy by support from a start: adds each project, best first, that still fits. */
  static List<Integer> greedy(Profile p, List<Integer> start) {
    List<Integer> out = new ArrayList<>(start);
    boolean[] in = new boolean[p.m];
    start.forEach(c -> in[c] = true);
    Integer[] order = new Integer[p.m];
    for (int c = 0; c < p.m; c++) {
      order[c] = c;
    }
    Comparator<Integer> bySupport = (a, b) -> p.support[b].compareTo(p.support[a]);
    Arrays.sort(order, bySupport.thenComparing(p::tieCompare));
    BigInteger left = p.budget.subtract(p.totalCost(start));
    for (int c : order) {
      if (!in[c] && p.cost[c].compareTo(left) <= 0) {
        out.add(c);
        in[c] = true;
        left = left.subtract(p.cost[c]);
      }
    }
    return out;
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}

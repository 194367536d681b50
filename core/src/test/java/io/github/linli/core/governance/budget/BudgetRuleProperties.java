package io.github.linli.core.governance.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BudgetRuleProperties {
  static final List<BudgetRule> RULES = new ArrayList<>();

  static {
    RULES.add(BudgetRule.greedy());
    for (Completion c : Completion.values()) {
      RULES.add(BudgetRule.equalShares(c, false));
      RULES.add(BudgetRule.equalShares(c, true));
    }
  }

  @Provide
  Arbitrary<BudgetElection> approvalElections() {
    return elections(false);
  }

  @Provide
  Arbitrary<BudgetElection> pointElections() {
    return elections(true);
  }

  static Arbitrary<BudgetElection> elections(boolean points) {
    Arbitrary<List<Integer>> costs =
        Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(1, 60)))
            .list()
            .ofMinSize(1)
            .ofMaxSize(7);
    Arbitrary<Integer> budget = Arbitraries.integers().between(0, 200);
    Arbitrary<List<List<Integer>>> ballots =
        Arbitraries.integers().between(0, 3).list().ofMaxSize(7).list().ofMaxSize(25);
    return Combinators.combine(costs, budget, ballots)
        .as(
            (cs, b, bs) -> {
              BudgetElection.Builder e =
                  BudgetElection.builder()
                      .budget(b)
                      .voteType(points ? VoteType.CUMULATIVE : VoteType.APPROVAL);
              for (int c = 0; c < cs.size(); c++) {
                e.addProject("p" + c, cs.get(c));
              }
              int voter = 0;
              for (List<Integer> marks : bs) {
                List<String> ids = new ArrayList<>();
                List<Integer> pts = new ArrayList<>();
                for (int c = 0; c < Math.min(marks.size(), cs.size()); c++) {
                  if (marks.get(c) > 0) {
                    ids.add("p" + c);
                    pts.add(marks.get(c));
                  }
                }
                e.addBallot(
                    points
                        ? BudgetBallot.points("v" + voter++, ids, pts)
                        : BudgetBallot.approval("v" + voter++, ids));
              }
              return e.build();
            });
  }

  @Property(tries = 300)
  void everyRule_neverOverspendsAndFundsEachProjectOnce(
      @ForAll("approvalElections") BudgetElection e) {
    for (BudgetRule r : RULES) {
      BudgetOutcome o = e.count(r);
      assertTrue(o.totalCost().compareTo(e.budget()) <= 0, r + " " + o);
      assertEquals(o.selectedProjectIds().size(), new HashSet<>(o.selectedProjectIds()).size());
    }
  }

  @Property(tries = 300)
  void greedyAndUtilitarianCompletion_leaveNoUnfundedProjectThatFits(
      @ForAll("approvalElections") BudgetElection e) {
    for (BudgetRule r :
        List.of(BudgetRule.greedy(), BudgetRule.equalShares(Completion.ADD1_UTILITARIAN, false))) {
      BudgetOutcome o = e.count(r);
      for (BudgetProject p : e.projects()) {
        if (!o.isSelected(p.id())) {
          assertTrue(p.cost().compareTo(o.leftover()) > 0, r + ": " + p.id() + " fits in " + o);
        }
      }
    }
  }

  /** The fast grouped implementation agrees with the voter-by-voter reference on every rule. */
  @Property(tries = 300)
  void equalShares_fastMatchesReference(@ForAll("approvalElections") BudgetElection e) {
    for (BudgetRule r : RULES) {
      assertEquals(Counting.count(e, r, true), Counting.count(e, r, false), r.toString());
    }
  }

  /**
   * Replaying an equal-shares outcome, each funded project's supporters can pay for it from what
   * they have left, splitting as equally as possible (water-filling).
   */
  @Property(tries = 300)
  void equalShares_fundsNothingItsSupportersCannotPay(
      @ForAll("approvalElections") BudgetElection e) {
    for (Completion c : List.of(Completion.NONE, Completion.ADD1)) {
      BudgetOutcome o = e.count(BudgetRule.equalShares(c, false));
      replay(e, o, false);
    }
  }

  @Property(tries = 150)
  void pointBallots_neverOverspendAndSupportersPay(@ForAll("pointElections") BudgetElection e) {
    for (BudgetRule r : RULES) {
      BudgetOutcome o = e.count(r);
      assertTrue(o.totalCost().compareTo(e.budget()) <= 0, r + " " + o);
    }
    replay(e, e.count(BudgetRule.equalShares(Completion.NONE, false)), true);
  }

  /** Water-filling replay in exact rationals, independent of the rule's own code. */
  static void replay(BudgetElection e, BudgetOutcome o, boolean points) {
    Profile p = e.profile();
    if (p.n == 0) {
      assertEquals(List.of(), o.selectedProjectIds());
      return;
    }
    BigInteger shareTimesN =
        p.budget.add(
            BigInteger.valueOf(p.n).multiply(p.unit).multiply(BigInteger.valueOf(o.add1Increments())));
    Rational[] budget = new Rational[p.n];
    Arrays.fill(budget, Rational.of(shareTimesN, BigInteger.valueOf(p.n)));
    for (String id : o.selectedProjectIds()) {
      int c = e.projects().indexOf(e.project(id).orElseThrow());
      Rational cost = Rational.of(p.cost[c]);
      Rational money = Rational.ZERO;
      List<Integer> sup = new ArrayList<>();
      for (int i = 0; i < p.n; i++) {
        for (int k = 0; k < p.ballots[i].length; k++) {
          if (p.ballots[i][k] == c) {
            sup.add(i);
            money = money.add(budget[i]);
          }
        }
      }
      assertTrue(!sup.isEmpty(), id + " funded without supporters");
      assertTrue(money.compareTo(cost) >= 0, id + ": supporters hold " + money + " < " + cost);
      if (points) {
        continue; // payments differ by utility; affordability is the invariant checked
      }
      // water level L with sum min(b, L) = cost
      sup.sort((a, b) -> budget[a].compareTo(budget[b]));
      Rational paid = Rational.ZERO;
      int left = sup.size();
      Rational level = null;
      for (int i : sup) {
        Rational l = cost.subtract(paid).divide(BigInteger.valueOf(left));
        if (l.compareTo(budget[i]) <= 0) {
          level = l;
          break;
        }
        paid = paid.add(budget[i]);
        left--;
      }
      for (int i : sup) {
        budget[i] = level.compareTo(budget[i]) >= 0 ? Rational.ZERO : budget[i].subtract(level);
      }
    }
    assertTrue(o.totalCost().compareTo(BigDecimal.ZERO) >= 0);
  }
}

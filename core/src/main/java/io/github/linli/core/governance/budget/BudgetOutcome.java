package io.github.linli.core.governance.budget;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of counting a participatory budget (计票结果): the funded projects in order of
 * selection, what they cost, and how the rule got there.
 *
 * <p>Example: {@code election.count(BudgetRule.greedy()).selectedProjectIds()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class BudgetOutcome {
  private final BudgetRule rule;
  private final List<String> selected;
  private final BigDecimal totalCost;
  private final BigDecimal budget;
  private final BigDecimal voterShare;
  private final long increments;
  private final boolean greedyByComparison;
  private final int preferGreedy;
  private final int preferEqualShares;

  private BudgetOutcome(
      BudgetRule rule,
      List<String> selected,
      BigDecimal totalCost,
      BigDecimal budget,
      BigDecimal voterShare,
      long increments,
      boolean greedyByComparison,
      int preferGreedy,
      int preferEqualShares) {
    this.rule = rule;
    this.selected = selected;
    this.totalCost = totalCost;
    this.budget = budget;
    this.voterShare = voterShare;
    this.increments = increments;
    this.greedyByComparison = greedyByComparison;
    this.preferGreedy = preferGreedy;
    this.preferEqualShares = preferEqualShares;
  }

  static BudgetOutcome create(
      BudgetElection election,
      BudgetRule rule,
      List<Integer> selectedIndices,
      BigInteger shareTimesN,
      long increments,
      boolean greedyByComparison,
      int preferGreedy,
      int preferEqualShares) {
    Profile p = election.profile();
    List<String> ids = new ArrayList<>(selectedIndices.size());
    BigDecimal total = BigDecimal.ZERO;
    for (int c : selectedIndices) {
      BudgetProject project = election.projects().get(c);
      ids.add(project.id());
      total = total.add(project.cost());
    }
    BigDecimal share = null;
    if (shareTimesN != null && p.n > 0) {
      share =
          new BigDecimal(shareTimesN)
              .divide(new BigDecimal(p.unit), MathContext.UNLIMITED)
              .divide(BigDecimal.valueOf(p.n), 6, RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
      if (share.scale() < 0) {
        share = share.setScale(0);
      }
    }
    return new BudgetOutcome(
        rule,
        Collections.unmodifiableList(ids),
        total,
        election.budget(),
        share,
        increments,
        greedyByComparison,
        preferGreedy,
        preferEqualShares);
  }

  /** An outcome as a closed {@link BudgetRound} recorded it: rebuilt from its figures, never recounted. */
  static BudgetOutcome stored(
      BudgetRule rule,
      List<String> selected,
      BigDecimal totalCost,
      BigDecimal budget,
      BigDecimal voterShare,
      long increments,
      boolean greedyByComparison,
      int preferGreedy,
      int preferEqualShares) {
    return new BudgetOutcome(rule, List.copyOf(selected), totalCost, budget, voterShare, increments, greedyByComparison,
        preferGreedy, preferEqualShares);
  }

  /**
   * The rule that was counted.
   *
   * @return the rule
   */
  public BudgetRule rule() {
    return rule;
  }

  /**
   * The funded projects' ids, in order of selection (for completions: the rule's selections
   * first, then those added by the completion).
   *
   * @return the ids
   */
  public List<String> selectedProjectIds() {
    return selected;
  }

  /**
   * Whether a project is funded.
   *
   * @param projectId the project id
   * @return true if funded
   */
  public boolean isSelected(String projectId) {
    return selected.contains(projectId);
  }

  /**
   * The total cost of the funded projects; never more than the budget.
   *
   * @return the total cost
   */
  public BigDecimal totalCost() {
    return totalCost;
  }

  /**
   * The money left unspent: budget minus total cost.
   *
   * @return the money left
   */
  public BigDecimal leftover() {
    return budget.subtract(totalCost);
  }

  /**
   * For equal shares: each voter's share in the run that gave the outcome (budget/n plus the
   * Add1 increments), rounded to 6 decimals. Empty for greedy or when nobody voted.
   *
   * @return the share
   */
  public Optional<BigDecimal> voterShare() {
    return Optional.ofNullable(voterShare);
  }

  /**
   * For equal shares with Add1: how many one-unit raises of every voter's share were kept (0 for
   * other rules).
   *
   * @return the number of raises
   */
  public long add1Increments() {
    return increments;
  }

  /**
   * Whether the comparison step replaced the equal-shares outcome by the greedy one.
   *
   * @return true if the greedy outcome was taken
   */
  public boolean greedyByComparison() {
    return greedyByComparison;
  }

  /**
   * For the comparison step: voters with more supported projects funded under greedy than under
   * equal shares (0 without the step).
   *
   * @return the number of voters
   */
  public int votersPreferringGreedy() {
    return preferGreedy;
  }

  /**
   * For the comparison step: voters with more supported projects funded under equal shares than
   * under greedy (0 without the step).
   *
   * @return the number of voters
   */
  public int votersPreferringEqualShares() {
    return preferEqualShares;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BudgetOutcome)) {
      return false;
    }
    BudgetOutcome x = (BudgetOutcome) o;
    return x.rule.equals(rule)
        && x.selected.equals(selected)
        && x.totalCost.compareTo(totalCost) == 0
        && x.budget.compareTo(budget) == 0
        && Objects.equals(x.voterShare, voterShare)
        && x.increments == increments
        && x.greedyByComparison == greedyByComparison
        && x.preferGreedy == preferGreedy
        && x.preferEqualShares == preferEqualShares;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, selected, increments);
  }

  /** Returns the rule, the funded projects, the total cost, the budget and the share. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append("BudgetOutcome{").append(rule).append(": ").append(selected);
    b.append(", cost ").append(totalCost.toPlainString()).append(" of ").append(budget.toPlainString());
    if (voterShare != null) {
      b.append(", share ").append(voterShare.toPlainString());
      if (increments > 0) {
        b.append(" (+").append(increments).append(')');
      }
    }
    if (rule.comparisonStep()) {
      b.append(", comparison ").append(preferGreedy).append(" vs ").append(preferEqualShares);
      if (greedyByComparison) {
        b.append(" → greedy");
      }
    }
    return b.append('}').toString();
  }
}

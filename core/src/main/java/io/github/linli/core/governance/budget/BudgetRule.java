package io.github.linli.core.governance.budget;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;
import java.util.Optional;

/**
 * A counting rule for a participatory budget (计票规则): {@link #greedy()} or {@link
 * #equalShares(Completion, boolean)}. Pass it to {@link BudgetElection#count(BudgetRule)}.
 *
 * <h2>Greedy by votes</h2>
 *
 * Projects are taken in order of support (approval ballots: number of voters; point ballots: sum
 * of points), ties by lower cost, then order of listing; each is funded if it still fits in the
 * money left, otherwise skipped. This is Pabulib's {@code greedy} rule and pabutools'
 * {@code greedy_utilitarian_welfare}.
 *
 * <h2>Method of Equal Shares (MES)</h2>
 *
 * Peters, Pierczyński and Skowron, "Proportional Participatory Budgeting with Additive Utilities",
 * NeurIPS 2021; as computed by <a href="https://equalshares.net/implementation/computation">
 * equalshares.net</a> and pabutools' {@code method_of_equal_shares}. Each voter holds an equal
 * share of the budget. A project's cost is split among its supporters as equally as possible (each
 * pays at most what is left to them); the rule repeatedly funds the project whose largest payment
 * per unit of utility, ρ, is smallest, until no remaining project can be paid for by its
 * supporters. Arithmetic is exact (rationals).
 *
 * <p><b>Utilities.</b> Approval, choose-1 and ordinal ballots use <em>cost utilities</em>: a voter
 * values an approved project at its cost, so ρ is the largest payment per unit of cost, and
 * 1/ρ is the project's "effective vote count" shown by equalshares.net. This is what the published
 * Method-of-Equal-Shares outcomes (Wieliczka 2023, Świecie 2024, pabutools' {@code Cost_Sat} as
 * used by equalshares.net) use. Cumulative and scoring ballots use points × cost, which reduces to
 * the cost utility for 0/1 points.
 *
 * <p><b>Ties</b> (equal ρ): lower cost, then more support, then order of listing (equalshares.net
 * recommends cost then votes, then lot; the order of listing stands in for the lot).
 *
 * <p><b>Completion</b>: see {@link Completion}. {@link Completion#ADD1} raises every voter's share
 * from exactly budget/n by one currency unit at a time and keeps the last outcome before the first
 * raise whose outcome overspends the real budget. It does <em>not</em> stop early at an exhaustive
 * outcome: that is what reproduces Pabulib's published {@code equalshares/add1} outcomes (checked
 * on Wieliczka 2023, where stopping at the first exhaustive outcome gives a different set) and the
 * Pabulib checker. (equalshares.net's tool and pabutools' {@code voter_budget_increment} stop at
 * an exhaustive outcome; so the three can differ.) When all supported projects fit in the budget
 * together, raising never overspends and ends once they are all funded.
 *
 * <p><b>Comparison step</b> (equalshares.net's "popularity with respect to voter satisfaction"):
 * if more voters have more funded projects they supported under the greedy outcome than under the
 * MES outcome than the other way round, the greedy outcome is taken.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class BudgetRule {
  private static final BudgetRule GREEDY = new BudgetRule(false, null, false);

  private final boolean equalShares;
  private final Completion completion;
  private final boolean comparisonStep;

  private BudgetRule(boolean equalShares, Completion completion, boolean comparisonStep) {
    this.equalShares = equalShares;
    this.completion = completion;
    this.comparisonStep = comparisonStep;
  }

  /**
   * Greedy by votes.
   *
   * @return the rule
   */
  public static BudgetRule greedy() {
    return GREEDY;
  }

  /**
   * The Method of Equal Shares with cost utilities.
   *
   * @param completion how unspent money is used
   * @param comparisonStep whether to take the greedy outcome when more voters prefer it
   * @return the rule
   * @throws NullPointerException if {@code completion} is null
   */
  public static BudgetRule equalShares(Completion completion, boolean comparisonStep) {
    return new BudgetRule(true, checkNotNull(completion, "completion"), comparisonStep);
  }

  /**
   * Whether this is the Method of Equal Shares (otherwise greedy).
   *
   * @return true for equal shares
   */
  public boolean isEqualShares() {
    return equalShares;
  }

  /**
   * The completion of an equal-shares rule.
   *
   * @return the completion; empty for greedy
   */
  public Optional<Completion> completion() {
    return Optional.ofNullable(completion);
  }

  /**
   * Whether an equal-shares rule ends with the comparison step.
   *
   * @return true if it does
   */
  public boolean comparisonStep() {
    return comparisonStep;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BudgetRule)) {
      return false;
    }
    BudgetRule r = (BudgetRule) o;
    return r.equalShares == equalShares
        && r.completion == completion
        && r.comparisonStep == comparisonStep;
  }

  @Override
  public int hashCode() {
    return Objects.hash(equalShares, completion, comparisonStep);
  }

  /** Returns {@code greedy} or for example {@code equalShares(ADD1, comparison)}. */
  @Override
  public String toString() {
    if (!equalShares) {
      return "greedy";
    }
    return "equalShares(" + completion + (comparisonStep ? ", comparison)" : ")");
  }
}

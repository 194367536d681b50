package io.github.linli.core.governance.budget;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Paper and online ballots merged into one ballot per person (合并纸质与网上选票). The first ballot
 * of each voter id counts; every later ballot from the same voter id, in the same source or the
 * next, is set aside in {@link #rejected()} for the record. The order of the sources is the
 * organiser's policy: pass the channel that takes precedence first.
 *
 * <pre>{@code
 * MergedBallots merged = MergedBallots.of(onlineBallots, paperBallots);
 * BudgetElection.builder().budget(1100)...addBallots(merged.accepted()).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. O(total ballots).
 *
 * @since 0.1.0
 */
public final class MergedBallots {
  private final List<BudgetBallot> accepted;
  private final List<BudgetBallot> rejected;

  private MergedBallots(List<BudgetBallot> accepted, List<BudgetBallot> rejected) {
    this.accepted = Collections.unmodifiableList(accepted);
    this.rejected = Collections.unmodifiableList(rejected);
  }

  /**
   * Merges two sources of ballots, the first taking precedence.
   *
   * @param first the ballots that count first (for example online ballots)
   * @param then the ballots that count only for voters not in {@code first} (for example paper)
   * @return the merge
   * @throws NullPointerException if a source or a ballot is null
   */
  public static MergedBallots of(Iterable<BudgetBallot> first, Iterable<BudgetBallot> then) {
    io.github.linli.core.internal.Checks.noNulls("first", first);
    io.github.linli.core.internal.Checks.noNulls("then", then);
    List<BudgetBallot> accepted = new ArrayList<>();
    List<BudgetBallot> rejected = new ArrayList<>();
    Set<String> voters = new HashSet<>();
    for (Iterable<BudgetBallot> source : List.of(first, then)) {
      for (BudgetBallot b : source) {
        checkNotNull(b, "ballot");
        if (voters.add(b.voterId())) {
          accepted.add(b);
        } else {
          rejected.add(b);
        }
      }
    }
    return new MergedBallots(accepted, rejected);
  }

  /**
   * One ballot per voter, in source order.
   *
   * @return the ballots that count
   */
  public List<BudgetBallot> accepted() {
    return accepted;
  }

  /**
   * The later ballots of voters who had already voted, in source order.
   *
   * @return the ballots set aside
   */
  public List<BudgetBallot> rejected() {
    return rejected;
  }

  /** Returns the numbers of accepted and rejected ballots (no voter ids). */
  @Override
  public String toString() {
    return "MergedBallots{accepted " + accepted.size() + ", rejected " + rejected.size() + "}";
  }
}

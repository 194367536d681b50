package io.github.linli.core.governance.budget;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import java.util.Locale;

/**
 * How voters express their preferences in a participatory budget (投票方式), with the names the
 * Pabulib {@code .pb} format uses in its {@code vote_type} field.
 *
 * <p>Counting: approval, choose-1 and ordinal ballots count as approval of the listed projects;
 * cumulative and scoring ballots count with their points (see {@link BudgetRule}).
 *
 * @since 0.1.0
 */
public enum VoteType implements Labelled {
  /** Each voter approves a set of projects (赞成投票), Pabulib {@code approval}. */
  APPROVAL("approval", "赞成投票", "approval"),
  /** Each voter approves exactly one project (单选投票), Pabulib {@code choose-1}. */
  CHOOSE_ONE("choose-1", "单选投票", "choose one"),
  /** Each voter ranks some projects (排序投票), Pabulib {@code ordinal}. */
  ORDINAL("ordinal", "排序投票", "ordinal"),
  /** Each voter distributes a fixed number of points (积分分配投票), Pabulib {@code cumulative}. */
  CUMULATIVE("cumulative", "积分分配投票", "cumulative points"),
  /** Each voter scores projects on a scale (评分投票), Pabulib {@code scoring}. */
  SCORING("scoring", "评分投票", "scoring");

  private final String pabulibName;
  private final Label label;

  VoteType(String pabulibName, String zh, String en) {
    this.pabulibName = pabulibName;
    this.label = Label.of(zh, en);
  }

  /**
   * The name in Pabulib's {@code vote_type} field, for example {@code approval}.
   *
   * @return the Pabulib name
   */
  public String pabulibName() {
    return pabulibName;
  }

  /**
   * Whether ballots of this type carry points ({@code cumulative} and {@code scoring}).
   *
   * @return true for point ballots
   */
  public boolean hasPoints() {
    return this == CUMULATIVE || this == SCORING;
  }

  /**
   * The vote type with a Pabulib name, ignoring case and surrounding white space.
   *
   * @param name the Pabulib name, for example {@code approval}
   * @return the vote type
   * @throws ValidationException if the name is unknown
   */
  public static VoteType fromPabulib(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (VoteType t : values()) {
      if (t.pabulibName.equals(n)) {
        return t;
      }
    }
    throw new ValidationException(
        "vote_type", name, "must be one of approval, choose-1, ordinal, cumulative, scoring");
  }

  @Override
  public Label label() {
    return label;
  }
}

package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * When a motion is adopted, given a quorum. Abstentions are votes cast for the quorum but not for
 * these rules.
 *
 * @since 0.1.0
 */
public enum DecisionRule implements Labelled {
  /** More yes than no votes (过半数：赞成多于反对); abstentions do not count. */
  MAJORITY_OF_VOTES_CAST("赞成票多于反对票", "majority of votes cast"),
  /** Yes votes from more than half of all seats (全体席位过半数). */
  ABSOLUTE_MAJORITY_OF_SEATS("全体席位过半数", "absolute majority of seats"),
  /** At least two thirds of the yes and no votes are yes (三分之二多数). */
  TWO_THIRDS("赞成票达三分之二", "two-thirds majority of votes cast");

  private final Label label;

  DecisionRule(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether the counts adopt a motion under this rule (the quorum is checked separately). Exact
   * integer arithmetic. At least one yes vote is always needed.
   *
   * @param yes yes votes
   * @param no no votes
   * @param seats all seats of the meeting
   * @return true if adopted
   */
  public boolean adopts(int yes, int no, int seats) {
    if (yes <= 0) {
      return false;
    }
    switch (this) {
      case MAJORITY_OF_VOTES_CAST:
        return yes > no;
      case ABSOLUTE_MAJORITY_OF_SEATS:
        return 2L * yes > seats;
      default:
        return 3L * yes >= 2L * (yes + (long) no);
    }
  }
}

package io.github.linli.core.governance.budget;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a ballot was cast (投票渠道). Paper and online ballots are merged before counting, one person
 * one ballot (see {@link MergedBallots}).
 *
 * @since 0.1.0
 */
public enum BallotChannel implements Labelled {
  /** Cast online (网上投票); Pabulib {@code voting_method} {@code internet}. */
  ONLINE("网上投票", "online", "internet"),
  /** Cast on paper at a polling station (纸质投票); Pabulib {@code voting_method} {@code paper}. */
  PAPER("纸质投票", "paper", "paper");

  private final Label label;
  private final String pabulibName;

  BallotChannel(String zh, String en, String pabulibName) {
    this.label = Label.of(zh, en);
    this.pabulibName = pabulibName;
  }

  /**
   * The value written to Pabulib's {@code voting_method} column.
   *
   * @return {@code internet} or {@code paper}
   */
  public String pabulibName() {
    return pabulibName;
  }

  /**
   * Reads Pabulib's {@code voting_method} value: {@code internet}, {@code online} or {@code web} is
   * online, {@code paper} is paper (ignoring case); anything else is unknown.
   *
   * @param votingMethod the column value, may be null
   * @return the channel, if recognised
   */
  public static Optional<BallotChannel> fromPabulib(String votingMethod) {
    if (votingMethod == null) {
      return Optional.empty();
    }
    switch (votingMethod.strip().toLowerCase(Locale.ROOT)) {
      case "internet":
      case "online":
      case "web":
        return Optional.of(ONLINE);
      case "paper":
        return Optional.of(PAPER);
      default:
        return Optional.empty();
    }
  }

  @Override
  public Label label() {
    return label;
  }
}

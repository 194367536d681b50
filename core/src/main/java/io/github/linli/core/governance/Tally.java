package io.github.linli.core.governance;

import java.util.Locale;
import java.util.Optional;

/**
 * The count of a closed motion: yes, no and abstain, the seats present and in all, whether the
 * quorum was met, the outcome, and the {@link Resolution} when adopted. {@code yes + no + abstain}
 * is the number of ballots, at most the seats present.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Tally {
  private final String motionId;
  private final int yes;
  private final int no;
  private final int abstain;
  private final int present;
  private final int seats;
  private final boolean quorumMet;
  private final Outcome outcome;
  private final Resolution resolution;

  Tally(String motionId, int yes, int no, int abstain, int present, int seats, boolean quorumMet, Outcome outcome, Resolution resolution) {
    this.motionId = motionId;
    this.yes = yes;
    this.no = no;
    this.abstain = abstain;
    this.present = present;
    this.seats = seats;
    this.quorumMet = quorumMet;
    this.outcome = outcome;
    this.resolution = resolution;
  }

  /**
   * The motion.
   *
   * @return the motion id
   */
  public String motionId() {
    return motionId;
  }

  /**
   * Yes votes.
   *
   * @return the count
   */
  public int yes() {
    return yes;
  }

  /**
   * No votes.
   *
   * @return the count
   */
  public int no() {
    return no;
  }

  /**
   * Abstentions.
   *
   * @return the count
   */
  public int abstain() {
    return abstain;
  }

  /**
   * Ballots cast: {@code yes + no + abstain}.
   *
   * @return the count
   */
  public int ballots() {
    return yes + no + abstain;
  }

  /**
   * Seats present at the close.
   *
   * @return the count
   */
  public int present() {
    return present;
  }

  /**
   * All seats.
   *
   * @return the count
   */
  public int seats() {
    return seats;
  }

  /**
   * Whether the quorum was met at the close.
   *
   * @return true if met
   */
  public boolean quorumMet() {
    return quorumMet;
  }

  /**
   * The outcome.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The resolution, when adopted.
   *
   * @return the resolution, or empty
   */
  public Optional<Resolution> resolution() {
    return Optional.ofNullable(resolution);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Tally{%s %s: %d yes, %d no, %d abstain; %d of %d seats present%s}",
        motionId, outcome, yes, no, abstain, present, seats, quorumMet ? "" : ", no quorum");
  }
}

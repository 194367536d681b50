package io.github.linli.core.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * One ballot on one motion: the seated participant whose vote it is, who cast it (the same
 * participant, or the holder of that participant's proxy), the choice, and when.
 *
 * <p>Immutable and thread-safe. Created by the {@link JointMeeting} only.
 *
 * @since 0.1.0
 */
public final class Ballot {
  private final String motionId;
  private final String voterId;
  private final String castBy;
  private final Choice choice;
  private final Instant at;

  Ballot(String motionId, String voterId, String castBy, Choice choice, Instant at) {
    this.motionId = motionId;
    this.voterId = voterId;
    this.castBy = castBy;
    this.choice = choice;
    this.at = at;
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
   * The seated participant whose vote this is.
   *
   * @return the participant id
   */
  public String voterId() {
    return voterId;
  }

  /**
   * Who cast it: the voter, or the holder of the voter's proxy.
   *
   * @return the participant id
   */
  public String castBy() {
    return castBy;
  }

  /**
   * Whether it was cast by proxy.
   *
   * @return true if {@link #castBy()} differs from {@link #voterId()}
   */
  public boolean byProxy() {
    return !castBy.equals(voterId);
  }

  /**
   * The choice.
   *
   * @return the choice
   */
  public Choice choice() {
    return choice;
  }

  /**
   * When it was cast.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Ballot)) {
      return false;
    }
    Ballot b = (Ballot) o;
    return b.motionId.equals(motionId) && b.voterId.equals(voterId) && b.castBy.equals(castBy) && b.choice == choice && b.at.equals(at);
  }

  @Override
  public int hashCode() {
    return Objects.hash(motionId, voterId, castBy, choice, at);
  }

  @Override
  public String toString() {
    return "Ballot{" + motionId + " " + voterId + (byProxy() ? " by " + castBy : "") + " " + choice + "}";
  }
}

package io.github.linli.matching.dispatch;

import io.github.linli.core.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A place promised to one need in one offer's period (the period of the offer's cadence that
 * starts on {@code periodStart}), and what became of it. Holds ids, states and times only, no
 * personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the commitment's id: the need's id, {@code #} and the need's commitment number (1, 2 …)
 * @param needId the need
 * @param offerId the offer
 * @param periodStart the first day of the offer's period (in the dispatcher's zone) the place is in
 * @param state where it is
 * @param releaseReason why it was released, if it was
 * @param releasedFor the need that took the place, if it was preempted
 * @param moves how many times re-optimisation or preemption moved this need before this commitment
 * @param promisedAt when it was promised
 * @param changedAt when its state last changed
 * @since 0.3.0
 */
public record Commitment(String id, String needId, String offerId, LocalDate periodStart, CommitmentState state,
    Optional<ReleaseReason> releaseReason, Optional<String> releasedFor, int moves, Instant promisedAt, Instant changedAt) {

  /**
   * Checks and copies the components.
   *
   * @param id the commitment's id: the need's id, {@code #} and the need's commitment number (1, 2 …)
   * @param needId the need
   * @param offerId the offer
   * @param periodStart the first day of the offer's period (in the dispatcher's zone) the place is in
   * @param state where it is
   * @param releaseReason why it was released, if it was
   * @param releasedFor the need that took the place, if it was preempted
   * @param moves how many times re-optimisation or preemption moved this need before this commitment
   * @param promisedAt when it was promised
   * @param changedAt when its state last changed
   */
  public Commitment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(needId, "needId");
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(releaseReason, "releaseReason");
    Objects.requireNonNull(releasedFor, "releasedFor");
    Objects.requireNonNull(promisedAt, "promisedAt");
    Objects.requireNonNull(changedAt, "changedAt");
    if (moves < 0) {
      throw new ValidationException("commitment.moves", moves, "must not be negative");
    }
  }

  /**
   * The key of the capacity it holds: {@code offerId@periodStart}.
   *
   * @return the slot key
   */
  public String slot() {
    return offerId + "@" + periodStart;
  }

  Commitment moved(CommitmentState next, Optional<ReleaseReason> reason, Optional<String> forNeed, Instant at) {
    return new Commitment(id, needId, offerId, periodStart, next, reason, forNeed, moves, promisedAt, at);
  }
}

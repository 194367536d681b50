package io.github.linli.core.governance;

import io.github.linli.core.internal.Checks;
import java.util.Objects;

/**
 * A person on a committee roster or in a candidate pool: an opaque participant id and the
 * category the quotas count (resident, expert, third-party assessor …).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Candidate {
  private final String participantId;
  private final String category;

  private Candidate(String participantId, String category) {
    this.participantId = participantId;
    this.category = category;
  }

  /**
   * A candidate.
   *
   * @param participantId the opaque id
   * @param category the category id
   * @return the candidate
   * @throws io.github.linli.core.ValidationException if either id is invalid
   */
  public static Candidate of(String participantId, String category) {
    return new Candidate(Checks.id("candidate.participantId", participantId), Checks.id("candidate.category", category));
  }

  /**
   * The participant id.
   *
   * @return the id
   */
  public String participantId() {
    return participantId;
  }

  /**
   * The category id.
   *
   * @return the category
   */
  public String category() {
    return category;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate && ((Candidate) o).participantId.equals(participantId) && ((Candidate) o).category.equals(category);
  }

  @Override
  public int hashCode() {
    return Objects.hash(participantId, category);
  }

  @Override
  public String toString() {
    return participantId + ":" + category;
  }
}

package io.github.linli.core.governance.budget;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One person's ballot in a participatory budget (选票): the projects chosen, in the order given
 * (an ordinal ballot's ranking), with points for cumulative or scoring ballots. An empty ballot is
 * a valid, cast ballot that supports nothing.
 *
 * <p>Examples: {@code BudgetBallot.approval("v1", "park", "library")}; {@code
 * BudgetBallot.points("v2", List.of("park", "gym"), List.of(7, 3))}.
 *
 * <p>Further Pabulib columns (age, sex, district …) are personal data: kept for round-trips, never
 * shown by {@code toString()}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class BudgetBallot {
  BudgetBallot() {}

  /**
   * The voter's opaque id, unique within an election (one person, one ballot).
   *
   * @return the voter id
   */
  public abstract String voterId();

  /**
   * The chosen projects, in ballot order, without repeats.
   *
   * @return the project ids
   */
  public abstract List<String> projectIds();

  /**
   * The points given to {@link #projectIds()}, position by position; empty for approval and
   * ordinal ballots.
   *
   * @return the points
   */
  public abstract List<BigDecimal> points();

  /**
   * Where the ballot was cast, if known.
   *
   * @return the channel
   */
  public abstract Optional<BallotChannel> channel();

  /**
   * Further Pabulib columns by name (for example {@code age}, {@code sex}, {@code voting_method}).
   * Personal data: redacted from {@code toString()}.
   *
   * @return the other columns
   */
  @Value.Redacted
  public abstract Map<String, String> attributes();

  /**
   * An approval (or ordinal) ballot.
   *
   * @param voterId the voter id
   * @param projectIds the approved projects, in ballot order
   * @return the ballot
   * @throws ValidationException if the voter id is invalid or a project repeats
   * @throws NullPointerException naming {@code projectIds} (or the index of a null id)
   */
  public static BudgetBallot approval(String voterId, String... projectIds) {
    java.util.Objects.requireNonNull(projectIds, "projectIds");
    return builder().voterId(voterId).addProjectIds(projectIds).build();
  }

  /**
   * An approval (or ordinal) ballot.
   *
   * @param voterId the voter id
   * @param projectIds the approved projects, in ballot order
   * @return the ballot
   * @throws ValidationException if the voter id is invalid or a project repeats
   * @throws NullPointerException naming {@code projectIds} (or the index of a null id)
   */
  public static BudgetBallot approval(String voterId, List<String> projectIds) {
    Checks.noNulls("projectIds", projectIds);
    return builder().voterId(voterId).addAllProjectIds(projectIds).build();
  }

  /**
   * A cumulative or scoring ballot.
   *
   * @param voterId the voter id
   * @param projectIds the projects given points
   * @param points the points, position by position
   * @return the ballot
   * @throws ValidationException if the lists differ in length, a project repeats, a point value
   *     is not a finite number or the voter id is invalid
   */
  public static BudgetBallot points(
      String voterId, List<String> projectIds, List<? extends Number> points) {
    Checks.noNulls("projectIds", projectIds);
    java.util.Objects.requireNonNull(points, "points");
    Builder b = builder().voterId(voterId).addAllProjectIds(projectIds);
    for (Number n : points) {
      if (n == null) {
        throw new ValidationException("ballot.points(" + voterId + ")", null, "must not be null");
      }
      try {
        b.addPoints(n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString()));
      } catch (NumberFormatException e) {
        throw new ValidationException("ballot.points(" + voterId + ")", n, "must be a finite number");
      }
    }
    return b.build();
  }

  /**
   * A builder, for ballots with a channel or further columns.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The points given to a project: its points on a point ballot, 1 if listed on any other ballot,
   * 0 if not listed.
   *
   * @param projectId the project id
   * @return the points
   */
  public BigDecimal pointsFor(String projectId) {
    int i = projectIds().indexOf(projectId);
    if (i < 0) {
      return BigDecimal.ZERO;
    }
    return points().isEmpty() ? BigDecimal.ONE : points().get(i);
  }

  @Value.Check
  void check() {
    Checks.id("ballot.voterId", voterId());
    Set<String> seen = new HashSet<>();
    for (String p : projectIds()) {
      if (p == null || p.isBlank()) {
        throw new ValidationException("ballot.projectIds(" + voterId() + ")", p, "must not be blank");
      }
      if (!seen.add(p)) {
        throw new ValidationException(
            "ballot.projectIds(" + voterId() + ")", p, "project listed twice on one ballot");
      }
    }
    if (!points().isEmpty() && points().size() != projectIds().size()) {
      throw new ValidationException(
          "ballot.points(" + voterId() + ")",
          points().size(),
          "must give one value per project (" + projectIds().size() + " projects)");
    }
    for (String key : attributes().keySet()) {
      if (Pabulib.VOTE_OWN_COLUMNS.contains(key)) {
        throw new ValidationException(
            "ballot.attributes(" + voterId() + ")", key, "is not an attribute but a ballot field");
      }
    }
  }


  /** Builds a {@link BudgetBallot}. Not thread-safe. */
  public static final class Builder extends ImmutableBudgetBallot.Builder {
    Builder() {}
  }
}

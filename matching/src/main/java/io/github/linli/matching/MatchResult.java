package io.github.linli.matching;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of a matching: the assignments with their explanations, every unmatched demand
 * with its reason, and the metrics.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class MatchResult {
  MatchResult() {}

  /**
   * The matcher that produced it: {@code exact}, {@code greedy} or {@code streaming}.
   *
   * @return the method
   */
  public abstract String method();

  /**
   * The assignments, in the order of the demands given.
   *
   * @return the assignments
   */
  public abstract List<Assignment> assignments();

  /**
   * The unmatched demands, in the order of the demands given.
   *
   * @return the unmatched demands
   */
  public abstract List<Unmatched> unmatched();

  /**
   * The figures.
   *
   * @return the metrics
   */
  public abstract MatchMetrics metrics();

  @Value.Auxiliary
  @Value.Lazy
  Map<String, Assignment> byNeed() {
    Map<String, Assignment> m = new java.util.HashMap<>();
    for (Assignment a : assignments()) {
      m.put(a.needId(), a);
    }
    return m;
  }

  @Value.Auxiliary
  @Value.Lazy
  Map<String, Unmatched> unmatchedByNeed() {
    Map<String, Unmatched> m = new java.util.HashMap<>();
    for (Unmatched u : unmatched()) {
      m.put(u.needId(), u);
    }
    return m;
  }

  /**
   * The assignment of a need, if it was served.
   *
   * @param needId the need's id
   * @return the assignment
   */
  public Optional<Assignment> assignmentOf(String needId) {
    return Optional.ofNullable(byNeed().get(needId));
  }

  /**
   * Why a need was not served, if it was not.
   *
   * @param needId the need's id
   * @return the reason
   */
  public Optional<Unmatched> unmatchedOf(String needId) {
    return Optional.ofNullable(unmatchedByNeed().get(needId));
  }

  /**
   * The metrics as observations; see {@link MatchMetrics#observations}.
   *
   * @param period the period matched
   * @param scope the community or area id
   * @return the observations
   */
  public List<Observation> observations(Period period, String scope) {
    return metrics().observations(period, scope);
  }

  /** Returns a summary: method, counts and headline figures. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "MatchResult{%s: %d assigned, %d unmatched, %s}", method(), assignments().size(), unmatched().size(), metrics());
  }

  static ImmutableMatchResult.Builder builder() {
    return ImmutableMatchResult.builder();
  }
}

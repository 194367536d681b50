package io.github.linli.scorecard;

import io.github.linli.scorecard.methods.AhpResult;
import java.util.Map;

/**
 * The outcome of {@link Weighting#byAhp}: the reweighted system and the AHP result of every
 * judgment matrix, so the consistency of each can be reported.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AhpWeighting {
  /** The key of the dimension-level result in {@link #results()}. */
  public static final String DIMENSIONS = "dimensions";

  private final IndicatorSystem system;
  private final Map<String, AhpResult> results;

  AhpWeighting(IndicatorSystem system, Map<String, AhpResult> results) {
    this.system = system;
    this.results = Map.copyOf(results);
  }

  /**
   * The system with AHP weights.
   *
   * @return the system
   */
  public IndicatorSystem system() {
    return system;
  }

  /**
   * AHP results by level: {@value #DIMENSIONS} for the dimensions, a dimension id for its
   * indicators.
   *
   * @return the results
   */
  public Map<String, AhpResult> results() {
    return results;
  }

  /**
   * Whether every matrix is acceptably consistent (CR ≤ 0.10).
   *
   * @return true if all are consistent
   */
  public boolean allConsistent() {
    return results.values().stream().allMatch(AhpResult::isConsistent);
  }

  /** Returns the consistency ratio of each matrix. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("AhpWeighting{");
    results.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                b.append(e.getKey())
                    .append(String.format(java.util.Locale.ROOT, " CR=%.4f; ", e.getValue().consistencyRatio())));
    return b.append("}").toString();
  }
}

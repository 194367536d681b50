package io.github.linli.scorecard;

import io.github.linli.core.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The change of a community's scores from one period to another (later minus earlier, in points
 * on the 0–100 scale). Dimensions and indicators scored in only one of the two periods are left
 * out.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ScorecardChange {
  private final String community;
  private final Period from;
  private final Period to;
  private final double total;
  private final Map<String, Double> dimensions;
  private final Map<String, Double> indicators;

  ScorecardChange(Scorecard earlier, Scorecard later) {
    this.community = later.community();
    this.from = earlier.period();
    this.to = later.period();
    this.total = later.total() - earlier.total();
    this.dimensions = delta(earlier.dimensionScores(), later.dimensionScores());
    this.indicators = delta(earlier.indicatorScores(), later.indicatorScores());
  }

  private static Map<String, Double> delta(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> d = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : b.entrySet()) {
      Double old = a.get(e.getKey());
      if (old != null) {
        d.put(e.getKey(), e.getValue() - old);
      }
    }
    return Collections.unmodifiableMap(d);
  }

  /**
   * The community.
   *
   * @return the community id
   */
  public String community() {
    return community;
  }

  /**
   * The earlier period.
   *
   * @return the period
   */
  public Period from() {
    return from;
  }

  /**
   * The later period.
   *
   * @return the period
   */
  public Period to() {
    return to;
  }

  /**
   * The change of the total score.
   *
   * @return points, positive for an improvement
   */
  public double total() {
    return total;
  }

  /**
   * The change of each dimension score.
   *
   * @return points by dimension id
   */
  public Map<String, Double> dimensions() {
    return dimensions;
  }

  /**
   * The change of each indicator score.
   *
   * @return points by indicator id
   */
  public Map<String, Double> indicators() {
    return indicators;
  }

  /** Returns the total and dimension changes with signs. */
  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder(
            String.format(Locale.ROOT, "%s %s -> %s: total %+.1f", community, from, to, total));
    for (Map.Entry<String, Double> e : dimensions.entrySet()) {
      b.append(String.format(Locale.ROOT, ", %s %+.1f", e.getKey(), e.getValue()));
    }
    return b.toString();
  }
}

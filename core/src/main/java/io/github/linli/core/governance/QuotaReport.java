package io.github.linli.core.governance;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of checking a roster against {@link QuotaRules}: the roster size, the count per
 * category, and every violation explained.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class QuotaReport {
  private final int rosterSize;
  private final Map<String, Integer> counts;
  private final List<QuotaViolation> violations;

  QuotaReport(int rosterSize, Map<String, Integer> counts, List<QuotaViolation> violations) {
    this.rosterSize = rosterSize;
    this.counts = Collections.unmodifiableMap(counts);
    this.violations = List.copyOf(violations);
  }

  /**
   * Whether every quota is met.
   *
   * @return true if there is no violation
   */
  public boolean satisfied() {
    return violations.isEmpty();
  }

  /**
   * The roster size.
   *
   * @return the count
   */
  public int rosterSize() {
    return rosterSize;
  }

  /**
   * Members per category (every category on the roster, and every quota's category).
   *
   * @return an unmodifiable sorted map
   */
  public Map<String, Integer> counts() {
    return counts;
  }

  /**
   * The violations, in the order of the rules' quotas.
   *
   * @return an unmodifiable list
   */
  public List<QuotaViolation> violations() {
    return violations;
  }

  @Override
  public String toString() {
    return satisfied() ? "QuotaReport{satisfied, " + counts + "}" : "QuotaReport{" + violations + "}";
  }
}

package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A community's time limits for mediation. The defaults:
 *
 * <table>
 *   <caption>Default time limits</caption>
 *   <tr><th>step</th><th>limit</th><th>why</th></tr>
 *   <tr><td>grid (网格)</td><td>7 days</td><td>a grid worker settles a simple dispute within a week</td></tr>
 *   <tr><td>community (社区)</td><td>15 days</td><td>the community mediation committee's usual limit</td></tr>
 *   <tr><td>street (街道)</td><td>30 days</td><td>people's mediation is normally finished within 30 days</td></tr>
 *   <tr><td>judicial confirmation (司法确认)</td><td>30 days</td><td>the parties apply within 30 days of the agreement
 *       coming into force (People's Mediation Law, art. 33)</td></tr>
 *   <tr><td>high risk (高风险)</td><td>24 hours</td><td>a case flagged for violence or a group incident is acted on at once</td></tr>
 *   <tr><td>reopen window</td><td>180 days</td><td>a party may reopen a closed case within it</td></tr>
 * </table>
 *
 * <p>A step's clock starts when the case reaches its level (filing for the grid), or, for a
 * high-risk case, when the flag was raised (the shorter limit wins). Judicial confirmation, court
 * and arbitration have no limit here: the case is with a court or has left mediation (the parties
 * apply for judicial confirmation within 30 days of the agreement, People's Mediation Law art. 33).
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return a changed copy.
 *
 * @since 0.3.0
 */
public final class MediationRules {
  private static final MediationRules DEFAULTS;

  static {
    Map<EscalationLevel, Duration> d = new EnumMap<>(EscalationLevel.class);
    d.put(EscalationLevel.GRID, Duration.ofDays(7));
    d.put(EscalationLevel.COMMUNITY, Duration.ofDays(15));
    d.put(EscalationLevel.STREET, Duration.ofDays(30));
    DEFAULTS = new MediationRules(d, Duration.ofHours(24), Duration.ofDays(180));
  }

  private final Map<EscalationLevel, Duration> deadlines;
  private final Duration highRiskResponse;
  private final Duration reopenWindow;

  private MediationRules(Map<EscalationLevel, Duration> deadlines, Duration highRiskResponse, Duration reopenWindow) {
    this.deadlines = new EnumMap<>(deadlines);
    this.highRiskResponse = highRiskResponse;
    this.reopenWindow = reopenWindow;
  }

  /**
   * The documented defaults.
   *
   * @return the defaults
   */
  public static MediationRules defaults() {
    return DEFAULTS;
  }

  private static Duration positive(String field, Duration d) {
    checkNotNull(d, field);
    if (d.isZero() || d.isNegative() || d.compareTo(Duration.ofDays(3650)) > 0) {
      throw new ValidationException(field, d, "must be positive and at most 3650 days");
    }
    return d;
  }

  /**
   * These rules with another limit for a step.
   *
   * @param level grid, community or street
   * @param limit positive, at most 3650 days
   * @return the changed copy
   * @throws ValidationException if the level has no limit (judicial confirmation, court,
   *     arbitration) or the limit is not
   *     positive or too long
   */
  public MediationRules withDeadline(EscalationLevel level, Duration limit) {
    checkNotNull(level, "level");
    if (level.compareTo(EscalationLevel.STREET) > 0) {
      throw new ValidationException("deadline.level", level, "has no limit here: only grid, community and street steps have one");
    }
    Map<EscalationLevel, Duration> d = new EnumMap<>(deadlines);
    d.put(level, positive("deadline(" + level + ")", limit));
    return new MediationRules(d, highRiskResponse, reopenWindow);
  }

  /**
   * These rules with another limit for high-risk cases.
   *
   * @param limit positive, at most 3650 days
   * @return the changed copy
   * @throws ValidationException if the limit is not positive or too long
   */
  public MediationRules withHighRiskResponse(Duration limit) {
    return new MediationRules(deadlines, positive("highRiskResponse", limit), reopenWindow);
  }

  /**
   * These rules with another reopen window.
   *
   * @param window positive, at most 3650 days
   * @return the changed copy
   * @throws ValidationException if the window is not positive or too long
   */
  public MediationRules withReopenWindow(Duration window) {
    return new MediationRules(deadlines, highRiskResponse, positive("reopenWindow", window));
  }

  /**
   * The limit of a step.
   *
   * @param level the level
   * @return the limit; empty for judicial confirmation, court and arbitration
   */
  public java.util.Optional<Duration> deadline(EscalationLevel level) {
    return java.util.Optional.ofNullable(deadlines.get(checkNotNull(level, "level")));
  }

  /**
   * The limit for a high-risk case.
   *
   * @return the limit
   */
  public Duration highRiskResponse() {
    return highRiskResponse;
  }

  /**
   * How long after closing a party may reopen a case.
   *
   * @return the window
   */
  public Duration reopenWindow() {
    return reopenWindow;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediationRules && ((MediationRules) o).deadlines.equals(deadlines)
        && ((MediationRules) o).highRiskResponse.equals(highRiskResponse) && ((MediationRules) o).reopenWindow.equals(reopenWindow);
  }

  @Override
  public int hashCode() {
    return deadlines.hashCode() * 31 + highRiskResponse.hashCode() + reopenWindow.hashCode();
  }

  @Override
  public String toString() {
    return "MediationRules{deadlines=" + deadlines + ", highRisk=" + highRiskResponse + ", reopenWindow=" + reopenWindow + "}";
  }
}

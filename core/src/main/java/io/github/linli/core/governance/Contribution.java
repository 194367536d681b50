package io.github.linli.core.governance;

import io.github.linli.core.MemberId;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import java.util.List;
import java.util.Locale;

/**
 * One member's contribution value (社区贡献值) over a period, with its parts.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Contribution {
  /** Indicator id of the value. */
  public static final String INDICATOR = "governance.contribution_value";

  private final MemberId member;
  private final Period period;
  private final long unitsDelivered;
  private final int meetingsAttended;
  private final double volunteerHours;
  private final double value;

  Contribution(MemberId member, Period period, long unitsDelivered, int meetingsAttended, double volunteerHours, double value) {
    this.member = member;
    this.period = period;
    this.unitsDelivered = unitsDelivered;
    this.meetingsAttended = meetingsAttended;
    this.volunteerHours = volunteerHours;
    this.value = value;
  }

  /**
   * The member.
   *
   * @return the member id
   */
  public MemberId member() {
    return member;
  }

  /**
   * The period.
   *
   * @return the period
   */
  public Period period() {
    return period;
  }

  /**
   * Units delivered under the member's pledges in the period.
   *
   * @return the units
   */
  public long unitsDelivered() {
    return unitsDelivered;
  }

  /**
   * Joint meetings convened in the period at which a seat of the member attended.
   *
   * @return the count
   */
  public int meetingsAttended() {
    return meetingsAttended;
  }

  /**
   * Volunteer hours from the {@link VolunteerHoursSource}.
   *
   * @return the hours
   */
  public double volunteerHours() {
    return volunteerHours;
  }

  /**
   * The weighted value.
   *
   * @return the points
   */
  public double value() {
    return value;
  }

  /**
   * The value and its parts as core observations, scope the member id, source {@code governance}:
   * {@value #INDICATOR} (unit {@code points}), {@code governance.contribution.units_delivered},
   * {@code governance.contribution.meetings_attended} and {@code
   * governance.contribution.volunteer_hours}.
   *
   * @return four observations
   */
  public List<Observation> observations() {
    return List.of(
        obs(INDICATOR, value, "points"),
        obs("governance.contribution.units_delivered", unitsDelivered, "count"),
        obs("governance.contribution.meetings_attended", meetingsAttended, "count"),
        obs("governance.contribution.volunteer_hours", volunteerHours, "hours"));
  }

  private Observation obs(String id, double v, String unit) {
    return Observation.builder().indicatorId(id).value(v).period(period).scope(member.value()).unit(unit).source("governance").build();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Contribution{%s %s: %.2f = %d units, %d meetings, %.2f hours}",
        member, period, value, unitsDelivered, meetingsAttended, volunteerHours);
  }
}

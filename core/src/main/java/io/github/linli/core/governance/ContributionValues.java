package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.MemberId;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Computes members' contribution values (社区贡献值, source 002's CCV): {@code value =
 * w_unit × units delivered under the member's pledges + w_meeting × joint meetings attended + w_hour
 * × volunteer hours}, over a period, with {@link ContributionWeights}. Volunteer hours come through
 * {@link VolunteerHoursSource}, which other modules implement.
 *
 * <p>A meeting counts when it was convened in the period (its date in the alliance clock's zone)
 * and a seat representing the member attended in person.
 *
 * <p>Immutable and thread-safe (as far as the alliance, meetings and source passed in are).
 * O(members × (pledges + deliveries + meetings × seats)).
 *
 * @since 0.1.0
 */
public final class ContributionValues {
  private final ContributionWeights weights;

  private ContributionValues(ContributionWeights weights) {
    this.weights = weights;
  }

  /**
   * A calculator with weights.
   *
   * @param weights the weights
   * @return the calculator
   */
  public static ContributionValues of(ContributionWeights weights) {
    return new ContributionValues(checkNotNull(weights, "weights"));
  }

  /**
   * The weights.
   *
   * @return the weights
   */
  public ContributionWeights weights() {
    return weights;
  }

  /**
   * Every member's contribution over a period, in order of registration.
   *
   * @param alliance the alliance (members, pledges, deliveries)
   * @param meetings the joint meetings to count attendance at
   * @param hours volunteer hours
   * @param period the period
   * @return one contribution per member
   * @throws ValidationException if the hours source returns a negative or non-finite value
   */
  public List<Contribution> compute(Alliance alliance, Collection<JointMeeting> meetings, VolunteerHoursSource hours, Period period) {
    checkNotNull(alliance, "alliance");
    checkNotNull(meetings, "meetings");
    checkNotNull(hours, "hours");
    checkNotNull(period, "period");
    ZoneId zone = alliance.clock().getZone();
    List<JointMeeting> inPeriod = new ArrayList<>();
    for (JointMeeting m : meetings) {
      if (period.contains(LocalDate.ofInstant(checkNotNull(m, "meetings element").convenedAt(), zone))) {
        inPeriod.add(m);
      }
    }
    List<Contribution> out = new ArrayList<>();
    for (Member member : alliance.members()) {
      MemberId id = member.id();
      long units = alliance.delivered(id, period);
      int attended = 0;
      for (JointMeeting m : inPeriod) {
        if (m.attendedBy(id)) {
          attended++;
        }
      }
      double h = hours.hours(id, period);
      if (!(h >= 0) || Double.isInfinite(h)) {
        throw new ValidationException("volunteerHours(" + id + ")", h, "must be finite and not negative");
      }
      double value = weights.perUnitDelivered() * units + weights.perMeetingAttended() * attended + weights.perVolunteerHour() * h;
      out.add(new Contribution(id, period, units, attended, h, value));
    }
    return List.copyOf(out);
  }

  /**
   * Every member's contribution as core observations (four per member, see {@link
   * Contribution#observations()}).
   *
   * @param alliance the alliance
   * @param meetings the joint meetings
   * @param hours volunteer hours
   * @param period the period
   * @return the observations
   * @throws ValidationException if the hours source returns a negative or non-finite value
   */
  public List<Observation> observations(Alliance alliance, Collection<JointMeeting> meetings, VolunteerHoursSource hours, Period period) {
    List<Observation> out = new ArrayList<>();
    for (Contribution c : compute(alliance, meetings, hours, period)) {
      out.addAll(c.observations());
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "ContributionValues{" + weights + "}";
  }
}

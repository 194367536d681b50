package io.github.linli.core.governance;

import io.github.linli.core.ValidationException;
import java.util.Locale;

/**
 * The weights of the contribution value (社区贡献值): points per unit of pledged service delivered,
 * per joint meeting attended, and per volunteer hour. Source 002 names the score but publishes no
 * weights; the defaults ({@code 1}, {@code 5}, {@code 1}) are a starting point for the joint meeting
 * to set.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ContributionWeights {
  private final double perUnitDelivered;
  private final double perMeetingAttended;
  private final double perVolunteerHour;

  private ContributionWeights(double perUnitDelivered, double perMeetingAttended, double perVolunteerHour) {
    this.perUnitDelivered = perUnitDelivered;
    this.perMeetingAttended = perMeetingAttended;
    this.perVolunteerHour = perVolunteerHour;
  }

  /**
   * Weights.
   *
   * @param perUnitDelivered points per unit delivered under a pledge, finite and {@code >= 0}
   * @param perMeetingAttended points per joint meeting attended, finite and {@code >= 0}
   * @param perVolunteerHour points per volunteer hour, finite and {@code >= 0}
   * @return the weights
   * @throws ValidationException if a weight is negative or not finite
   */
  public static ContributionWeights of(double perUnitDelivered, double perMeetingAttended, double perVolunteerHour) {
    return new ContributionWeights(
        check("weights.perUnitDelivered", perUnitDelivered),
        check("weights.perMeetingAttended", perMeetingAttended),
        check("weights.perVolunteerHour", perVolunteerHour));
  }

  /**
   * The defaults: 1 point per unit delivered, 5 per meeting attended, 1 per volunteer hour.
   *
   * @return the weights
   */
  public static ContributionWeights defaults() {
    return new ContributionWeights(1, 5, 1);
  }

  private static double check(String field, double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new ValidationException(field, w, "must be finite and not negative");
    }
    return w;
  }

  /**
   * Points per unit delivered.
   *
   * @return the weight
   */
  public double perUnitDelivered() {
    return perUnitDelivered;
  }

  /**
   * Points per meeting attended.
   *
   * @return the weight
   */
  public double perMeetingAttended() {
    return perMeetingAttended;
  }

  /**
   * Points per volunteer hour.
   *
   * @return the weight
   */
  public double perVolunteerHour() {
    return perVolunteerHour;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContributionWeights)) {
      return false;
    }
    ContributionWeights w = (ContributionWeights) o;
    return Double.compare(w.perUnitDelivered, perUnitDelivered) == 0 && Double.compare(w.perMeetingAttended, perMeetingAttended) == 0
        && Double.compare(w.perVolunteerHour, perVolunteerHour) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(perUnitDelivered) * 961 + Double.hashCode(perMeetingAttended) * 31 + Double.hashCode(perVolunteerHour);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ContributionWeights{unit %s, meeting %s, hour %s}", perUnitDelivered, perMeetingAttended, perVolunteerHour);
  }
}

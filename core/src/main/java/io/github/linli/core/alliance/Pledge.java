package io.github.linli.core.alliance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A service project a member pledges to residents (服务承诺 / 服务项目): what (title, domain, the
 * Maslow tiers it serves), on what terms (free, discount, market price), how much (capacity per
 * {@link Cadence}), for whom ({@link PledgeEligibility}), where ({@link Place}), when (schedule and
 * sessions) and for how long ({@link #validity()}).
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; register with {@link
 * Alliance#pledge(io.github.linli.core.Actor, Pledge)}.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Pledge {
  Pledge() {}

  /**
   * The pledge's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The pledging member.
   *
   * @return the member id
   */
  public abstract MemberId member();

  /**
   * The title in Chinese and English.
   *
   * @return the title
   */
  public abstract Label title();

  /**
   * The service domain.
   *
   * @return the domain
   */
  public abstract ServiceDomain domain();

  /**
   * The Maslow tiers the service answers; at least one.
   *
   * @return the tiers
   */
  public abstract Set<MaslowTier> tiers();

  /**
   * The price terms.
   *
   * @return the terms
   */
  public abstract PledgePrice price();

  /**
   * How many uses the member pledges per {@link #cadence()}; positive.
   *
   * @return the capacity
   */
  public abstract int capacity();

  /**
   * The calendar period the capacity refers to; monthly by default.
   *
   * @return the cadence
   */
  @Value.Default
  public Cadence cadence() {
    return Cadence.MONTH;
  }

  /**
   * Who may use it; card holders only by default.
   *
   * @return the eligibility
   */
  @Value.Default
  public PledgeEligibility eligibility() {
    return PledgeEligibility.builder().build();
  }

  /**
   * Where it is given.
   *
   * @return the place, if fixed
   */
  public abstract Optional<Place> place();

  /**
   * The schedule in words, for example {@code 每周六上午 / Saturday mornings}.
   *
   * @return the schedule, if stated
   */
  public abstract Optional<Label> schedule();

  /**
   * Fixed sessions, if the service is given at set times.
   *
   * @return the sessions, possibly empty
   */
  public abstract List<TimeWindow> sessions();

  /**
   * How matching uses it: radius, grid cells served and market price ({@link OfferTerms}); set it
   * so that {@code Offer.fromPledge(pledge, period, zone)} and the dispatcher need nothing else.
   * Pledges registered before 0.3.0 have none.
   *
   * @return the terms, if set
   * @since 0.3.0
   */
  public abstract Optional<OfferTerms> offerTerms();

  /**
   * The days the pledge is valid, {@code [start, end)}.
   *
   * @return the validity
   */
  public abstract Period validity();

  /**
   * Whether the pledge is valid on a day.
   *
   * @param day the day
   * @return true if {@link #validity()} contains it
   */
  public boolean validOn(LocalDate day) {
    checkNotNull(day, "day");
    return validity().contains(day);
  }

  /**
   * Whether the service is free.
   *
   * @return true for free price terms
   */
  public boolean isFree() {
    return price().isFree();
  }

  /**
   * The uses pledged over a period: the capacity of each calendar period of the cadence, prorated
   * by the days it shares with both {@code period} and the validity. Exact for whole calendar
   * periods.
   *
   * @param period the period
   * @return the pledged uses, {@code >= 0}
   */
  public double pledgedIn(Period period) {
    checkNotNull(period, "period");
    LocalDate from = max(period.start(), validity().start());
    LocalDate to = min(period.end(), validity().end());
    double total = 0;
    LocalDate d = from;
    while (d.isBefore(to)) {
      LocalDate bucketStart = cadence().start(d);
      LocalDate bucketEnd = cadence().next(d);
      LocalDate upTo = min(bucketEnd, to);
      long share = upTo.toEpochDay() - d.toEpochDay();
      long length = bucketEnd.toEpochDay() - bucketStart.toEpochDay();
      total += capacity() * (double) share / length;
      d = upTo;
    }
    return total;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("pledge.id", id());
    if (tiers().isEmpty()) {
      throw new ValidationException("pledge.tiers", "[]", "must name at least one Maslow tier");
    }
    if (capacity() <= 0) {
      throw new ValidationException("pledge.capacity", capacity(), "must be positive");
    }
  }

  /** Builds a {@link Pledge}. Not thread-safe. */
  public static final class Builder extends ImmutablePledge.Builder {
    Builder() {}
  }
}

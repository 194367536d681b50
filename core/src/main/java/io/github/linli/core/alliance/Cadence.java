package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar period a pledge's capacity refers to: so many uses per day, ISO week (Monday to
 * Sunday), calendar month or calendar year.
 *
 * @since 0.1.0
 */
public enum Cadence implements Labelled {
  /** Per day (每天). */
  DAY("每天", "per day"),
  /** Per ISO week, Monday to Sunday (每周). */
  WEEK("每周", "per week"),
  /** Per calendar month (每月). */
  MONTH("每月", "per month"),
  /** Per calendar year (每年). */
  YEAR("每年", "per year");

  private final Label label;

  Cadence(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The first day of the calendar period that contains a day.
   *
   * @param day the day
   * @return the first day of its period
   * @throws NullPointerException if {@code day} is null
   * @throws io.github.linli.core.ValidationException if the period would start before {@link
   *     LocalDate#MIN}
   */
  public LocalDate start(LocalDate day) {
    java.util.Objects.requireNonNull(day, "day");
    return io.github.linli.core.internal.Checks.time("day", day, () -> startOf(day));
  }

  private LocalDate startOf(LocalDate day) {
    switch (this) {
      case DAY:
        return day;
      case WEEK:
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return day.withDayOfMonth(1);
      default:
        return day.withDayOfYear(1);
    }
  }

  /**
   * The first day of the next calendar period after the one that contains a day.
   *
   * @param day the day
   * @return the first day of the next period
   * @throws NullPointerException if {@code day} is null
   * @throws io.github.linli.core.ValidationException if the next period would start beyond
   *     {@link LocalDate#MAX}
   */
  public LocalDate next(LocalDate day) {
    java.util.Objects.requireNonNull(day, "day");
    return io.github.linli.core.internal.Checks.time("day", day, () -> {
      LocalDate s = startOf(day);
      switch (this) {
        case DAY:
          return s.plusDays(1);
        case WEEK:
          return s.plusWeeks(1);
        case MONTH:
          return s.plusMonths(1);
        default:
          return s.plusYears(1);
      }
    });
  }
}

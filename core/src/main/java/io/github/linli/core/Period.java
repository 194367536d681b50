package io.github.linli.core;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.internal.Checks;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A half-open range of days {@code [start, end)}: the period an {@link Observation} or a statement
 * covers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Period implements Comparable<Period> {
  private final LocalDate start;
  private final LocalDate end;

  private Period(LocalDate start, LocalDate end) {
    this.start = start;
    this.end = end;
  }

  /**
   * Creates a period.
   *
   * @param start the first day, inclusive
   * @param end the day after the last, exclusive; after {@code start}
   * @return the period
   * @throws ValidationException if {@code end} is not after {@code start}
   */
  public static Period of(LocalDate start, LocalDate end) {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    if (!end.isAfter(start)) {
      throw new ValidationException("period.end", end, "must be after start " + start);
    }
    return new Period(start, end);
  }

  /**
   * A calendar month.
   *
   * @param month the month, before {@code +999999999-12}
   * @return the period of that month
   * @throws ValidationException if the month is the last one the JDK can represent (its period
   *     would end beyond the supported dates)
   */
  public static Period month(YearMonth month) {
    checkNotNull(month, "month");
    return Checks.time("period.month", month, () -> new Period(month.atDay(1), month.plusMonths(1).atDay(1)));
  }

  /**
   * A calendar year.
   *
   * @param year the year, from {@link Year#MIN_VALUE} to {@code Year.MAX_VALUE - 1}
   * @return the period of that year
   * @throws ValidationException if the year is out of that range
   */
  public static Period year(int year) {
    if (year < Year.MIN_VALUE || year >= Year.MAX_VALUE) {
      throw new ValidationException(
          "period.year", year, "must be from " + Year.MIN_VALUE + " to " + (Year.MAX_VALUE - 1));
    }
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  /**
   * The first day, inclusive.
   *
   * @return the start
   */
  public LocalDate start() {
    return start;
  }

  /**
   * The day after the last, exclusive.
   *
   * @return the end
   */
  public LocalDate end() {
    return end;
  }

  /**
   * Whether a day lies in the period.
   *
   * @param day the day
   * @return true if {@code start <= day < end}
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  /**
   * The period that follows this one: as many calendar months when this one is whole calendar
   * months (it starts and ends on the first of a month, as {@link #month} and {@link #year} give),
   * so that October is followed by November and 2026 by 2027; otherwise as many days.
   *
   * @return the next period
   * @throws ValidationException if it would end beyond the supported range of dates
   */
  public Period next() {
    return Checks.time("period.end", end, () -> {
      if (start.getDayOfMonth() == 1 && end.getDayOfMonth() == 1) {
        long months = ChronoUnit.MONTHS.between(start, end);
        return new Period(end, end.plusMonths(months));
      }
      return new Period(end, end.plusDays(end.toEpochDay() - start.toEpochDay()));
    });
  }

  @Override
  public int compareTo(Period o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Period && ((Period) o).start.equals(start) && ((Period) o).end.equals(end);
  }

  @Override
  public int hashCode() {
    return start.hashCode() * 31 + end.hashCode();
  }

  /** Returns {@code [start, end)} in ISO form. */
  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}

package io.github.linli.core;

import io.github.linli.core.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One measured figure: the way modules report to the scorecard without depending on it. Matching
 * reports served shares, the time bank participation, governance contribution values; the scorecard
 * consumes observations by indicator id.
 *
 * <p>Example: {@code Observation.of("matching.served_share", 0.87, Period.month(YearMonth.of(2026,
 * 10)), "lishan")}.
 *
 * <p>Immutable and thread-safe. Never carries personal data: the scope is a community, area or
 * opaque id.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Observation {
  Observation() {}

  /**
   * The indicator id, dotted lower case, for example {@code timebank.active_volunteers}.
   *
   * @return the indicator id
   */
  public abstract String indicatorId();

  /**
   * The value: finite.
   *
   * @return the value
   */
  public abstract double value();

  /**
   * The period the value covers.
   *
   * @return the period
   */
  public abstract Period period();

  /**
   * The scope: a community, neighbourhood or member id.
   *
   * @return the scope
   */
  public abstract String scope();

  /**
   * The unit, for example {@code share}, {@code hours} or {@code count}.
   *
   * @return the unit, if stated
   */
  public abstract Optional<String> unit();

  /**
   * The module or system that produced it, for example {@code matching}.
   *
   * @return the source, if stated
   */
  public abstract Optional<String> source();

  /**
   * Creates an observation without unit or source.
   *
   * @param indicatorId the indicator id
   * @param value a finite value
   * @param period the period
   * @param scope the scope
   * @return the observation
   * @throws ValidationException if an id is invalid or the value not finite
   */
  public static Observation of(String indicatorId, double value, Period period, String scope) {
    return builder().indicatorId(indicatorId).value(value).period(period).scope(scope).build();
  }

  /**
   * A builder, for observations with unit or source.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("observation.indicatorId", indicatorId());
    Checks.id("observation.scope", scope());
    Checks.finite("observation.value(" + indicatorId() + ")", value());
  }

  /** Builds an {@link Observation}. Not thread-safe. */
  public static final class Builder extends ImmutableObservation.Builder {
    Builder() {}
  }
}

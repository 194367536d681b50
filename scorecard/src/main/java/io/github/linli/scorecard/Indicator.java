package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.scorecard.methods.Direction;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A leaf of an indicator system: what is measured, its direction, unit, normalisation and local
 * weight within its dimension, and, for diagnosis, the problem it reveals and the improvement path
 * the sources name.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Indicator implements Labelled {
  Indicator() {}

  /**
   * The id, dotted lower case; for an observed indicator the id of the core {@code Observation}s
   * that feed it, for example {@code matching.served_share}.
   *
   * @return the id
   */
  public abstract String id();

  @Override
  public abstract Label label();

  /**
   * Whether a higher value is better.
   *
   * @return the direction, {@code BENEFIT} unless set
   */
  @Value.Default
  public Direction direction() {
    return Direction.BENEFIT;
  }

  /**
   * The unit of the raw value, for example {@code share}, {@code days}.
   *
   * @return the unit, {@code share} unless set
   */
  @Value.Default
  public String unit() {
    return "share";
  }

  /**
   * How the raw value becomes a score.
   *
   * @return the normalisation, {@link Normalisation#share()} unless set
   */
  @Value.Default
  public Normalisation normalisation() {
    return Normalisation.share();
  }

  /**
   * The weight within the dimension (normalised over the dimension's indicators when used).
   *
   * @return a non-negative weight, 1 unless set
   */
  @Value.Default
  public double weight() {
    return 1.0;
  }

  /**
   * Where the value comes from.
   *
   * @return the source, {@code SURVEY} unless set
   */
  @Value.Default
  public IndicatorSource source() {
    return IndicatorSource.SURVEY;
  }

  /**
   * The problem a low score points to, as the sources name it.
   *
   * @return the problem, if stated
   */
  public abstract Optional<Label> problem();

  /**
   * The improvement paths for a low score, as the sources name them.
   *
   * @return the paths, possibly empty
   */
  public abstract List<Label> improvements();

  /**
   * The source documents the indicator is drawn from, for example {@code 001}.
   *
   * @return the document ids
   */
  public abstract List<String> references();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy with another weight.
   *
   * @param weight the new non-negative weight
   * @return the copy
   */
  public Indicator withWeight(double weight) {
    return builder().from(this).weight(weight).build();
  }

  @Value.Check
  void check() {
    Checks.id("indicator.id", id());
    Checks.finite("indicator.weight(" + id() + ")", weight());
    if (weight() < 0) {
      throw new ValidationException(
          "indicator.weight(" + id() + ")", weight(), "must not be negative");
    }
    if (unit().isBlank()) {
      throw new ValidationException("indicator.unit(" + id() + ")", unit(), "must not be blank");
    }
  }

  /** Builds an {@link Indicator}. Not thread-safe. */
  public static final class Builder extends ImmutableIndicator.Builder {
    Builder() {}
  }
}

package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A dimension (first level) of an indicator system: its indicators, its weight among dimensions,
 * and the problems and improvement paths the sources name for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Dimension implements Labelled {
  Dimension() {}

  /**
   * The id, dotted lower case.
   *
   * @return the id
   */
  public abstract String id();

  @Override
  public abstract Label label();

  /**
   * The weight among dimensions (normalised over the system when used).
   *
   * @return a non-negative weight, 1 unless set
   */
  @Value.Default
  public double weight() {
    return 1.0;
  }

  /**
   * The indicators, at least one, ids unique.
   *
   * @return the indicators in order
   */
  public abstract List<Indicator> indicators();

  /**
   * Problems of this dimension named by the sources.
   *
   * @return the problems
   */
  public abstract List<Label> problems();

  /**
   * Improvement paths for this dimension named by the sources.
   *
   * @return the paths
   */
  public abstract List<Label> improvements();

  /**
   * The local weights of the indicators, normalised to sum 1 (equal if all are zero).
   *
   * @return one weight per indicator
   */
  public double[] localWeights() {
    List<Indicator> ind = indicators();
    double[] w = new double[ind.size()];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = ind.get(i).weight();
      s += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = s > 0 ? w[i] / s : 1.0 / w.length;
    }
    return w;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("dimension.id", id());
    Checks.finite("dimension.weight(" + id() + ")", weight());
    if (weight() < 0) {
      throw new ValidationException("dimension.weight(" + id() + ")", weight(), "must not be negative");
    }
    if (indicators().isEmpty()) {
      throw new ValidationException("dimension.indicators(" + id() + ")", 0, "needs an indicator");
    }
    Set<String> ids = new HashSet<>();
    for (Indicator i : indicators()) {
      if (!ids.add(i.id())) {
        throw new ValidationException("dimension.indicators(" + id() + ")", i.id(), "duplicate id");
      }
    }
  }

  /** Builds a {@link Dimension}. Not thread-safe. */
  public static final class Builder extends ImmutableDimension.Builder {
    Builder() {}
  }
}

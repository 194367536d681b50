package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.scorecard.internal.Arrays2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A two-level indicator system (指标体系): dimensions, each with indicators. The global weight of
 * an indicator is its dimension's normalised weight times its normalised local weight, so global
 * weights always sum to 1.
 *
 * <p>Built in: {@link IndicatorSystems#publicValueScorecard()} and {@link
 * IndicatorSystems#governanceIndex()}. Reweight with the {@code with…} methods or {@link
 * Weighting}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class IndicatorSystem implements Labelled {
  IndicatorSystem() {}

  /**
   * The id, for example {@code governance.index}.
   *
   * @return the id
   */
  public abstract String id();

  @Override
  public abstract Label label();

  /**
   * The dimensions, at least one; dimension and indicator ids unique across the system.
   *
   * @return the dimensions in order
   */
  public abstract List<Dimension> dimensions();

  /**
   * Every indicator, dimension by dimension: the column order of data matrices in {@link
   * Weighting}.
   *
   * @return the indicators
   */
  @Value.Derived
  public List<Indicator> indicators() {
    List<Indicator> all = new ArrayList<>();
    for (Dimension d : dimensions()) {
      all.addAll(d.indicators());
    }
    return Collections.unmodifiableList(all);
  }

  /**
   * An indicator by id.
   *
   * @param id the indicator id
   * @return the indicator
   * @throws NotFoundException if there is none
   */
  public Indicator indicator(String id) {
    for (Indicator i : indicators()) {
      if (i.id().equals(id)) {
        return i;
      }
    }
    throw new NotFoundException("indicator", id);
  }

  /**
   * A dimension by id.
   *
   * @param id the dimension id
   * @return the dimension
   * @throws NotFoundException if there is none
   */
  public Dimension dimension(String id) {
    for (Dimension d : dimensions()) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new NotFoundException("dimension", id);
  }

  /**
   * The dimension an indicator belongs to.
   *
   * @param indicatorId the indicator id
   * @return its dimension
   * @throws NotFoundException if no dimension holds it
   */
  public Dimension dimensionOf(String indicatorId) {
    for (Dimension d : dimensions()) {
      for (Indicator i : d.indicators()) {
        if (i.id().equals(indicatorId)) {
          return d;
        }
      }
    }
    throw new NotFoundException("indicator", indicatorId);
  }

  /**
   * The dimension weights normalised to sum 1.
   *
   * @return one weight per dimension
   */
  public double[] dimensionWeights() {
    double[] w = new double[dimensions().size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = dimensions().get(i).weight();
    }
    return Arrays2.normalised(w);
  }

  /**
   * Global indicator weights (dimension weight × local weight), in {@link #indicators()} order.
   *
   * @return weights summing to 1
   */
  public double[] globalWeights() {
    double[] dw = dimensionWeights();
    double[] g = new double[indicators().size()];
    int k = 0;
    for (int d = 0; d < dw.length; d++) {
      for (double lw : dimensions().get(d).localWeights()) {
        g[k++] = dw[d] * lw;
      }
    }
    return g;
  }

  /**
   * Global indicator weights by indicator id.
   *
   * @return an ordered map of weights summing to 1
   */
  public Map<String, Double> globalWeightsById() {
    Map<String, Double> m = new LinkedHashMap<>();
    double[] g = globalWeights();
    for (int i = 0; i < g.length; i++) {
      m.put(indicators().get(i).id(), g[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * A copy with new dimension weights.
   *
   * @param weights one non-negative weight per dimension, positive sum
   * @return the reweighted system
   * @throws ValidationException if the weights are bad
   */
  public IndicatorSystem withDimensionWeights(double... weights) {
    Arrays2.weights("weights", weights, dimensions().size());
    List<Dimension> ds = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      ds.add(Dimension.builder().from(dimensions().get(i)).weight(weights[i]).build());
    }
    return builder().from(this).dimensions(ds).build();
  }

  /**
   * A copy with new local indicator weights in one dimension.
   *
   * @param dimensionId the dimension
   * @param weights one non-negative weight per indicator of it, positive sum
   * @return the reweighted system
   * @throws NotFoundException if there is no such dimension
   * @throws ValidationException if the weights are bad
   */
  public IndicatorSystem withIndicatorWeights(String dimensionId, double... weights) {
    Dimension d = dimension(dimensionId);
    Arrays2.weights("weights", weights, d.indicators().size());
    List<Indicator> is = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      is.add(d.indicators().get(i).withWeight(weights[i]));
    }
    Dimension nd = Dimension.builder().from(d).indicators(is).build();
    List<Dimension> ds = new ArrayList<>();
    for (Dimension x : dimensions()) {
      ds.add(x.id().equals(dimensionId) ? nd : x);
    }
    return builder().from(this).dimensions(ds).build();
  }

  /**
   * A copy whose global weights are the given ones: each dimension weighs the sum of its
   * indicators' weights, and local weights are the indicators' shares of it (equal in a dimension
   * whose indicators all weigh 0).
   *
   * @param global one non-negative weight per indicator in {@link #indicators()} order, positive
   *     sum
   * @return the reweighted system
   * @throws ValidationException if the weights are bad
   */
  public IndicatorSystem withGlobalWeights(double... global) {
    Arrays2.weights("global", global, indicators().size());
    List<Dimension> ds = new ArrayList<>();
    int k = 0;
    for (Dimension d : dimensions()) {
      double sum = 0;
      List<Indicator> is = new ArrayList<>();
      for (Indicator i : d.indicators()) {
        sum += global[k];
        is.add(i.withWeight(global[k]));
        k++;
      }
      ds.add(Dimension.builder().from(d).weight(sum).indicators(is).build());
    }
    return builder().from(this).dimensions(ds).build();
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
    Checks.id("system.id", id());
    if (dimensions().isEmpty()) {
      throw new ValidationException("system.dimensions(" + id() + ")", 0, "needs a dimension");
    }
    Set<String> ids = new HashSet<>();
    double sum = 0;
    for (Dimension d : dimensions()) {
      sum += d.weight();
      if (!ids.add(d.id())) {
        throw new ValidationException("system.dimensions(" + id() + ")", d.id(), "duplicate id");
      }
      for (Indicator i : d.indicators()) {
        if (!ids.add(i.id())) {
          throw new ValidationException("system.indicators(" + id() + ")", i.id(), "duplicate id");
        }
      }
    }
    if (!(sum > 0)) {
      throw new ValidationException(
          "system.dimensions(" + id() + ").weight", 0, "dimension weights must have a positive sum");
    }
  }

  /**
   * Returns the tree with global weights, for example {@code governance.index: ms 0.2000 [ ... ]}.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(id()).append(" (").append(label()).append(")");
    double[] dw = dimensionWeights();
    for (int d = 0; d < dw.length; d++) {
      Dimension dim = dimensions().get(d);
      b.append(String.format(Locale.ROOT, "%n  %s %.4f %s", dim.id(), dw[d], dim.label()));
      double[] lw = dim.localWeights();
      for (int i = 0; i < lw.length; i++) {
        Indicator ind = dim.indicators().get(i);
        b.append(
            String.format(
                Locale.ROOT,
                "%n    %s %.4f (global %.4f) %s",
                ind.id(),
                lw[i],
                dw[d] * lw[i],
                ind.label()));
      }
    }
    return b.toString();
  }

  /** Builds an {@link IndicatorSystem}. Not thread-safe. */
  public static final class Builder extends ImmutableIndicatorSystem.Builder {
    Builder() {}
  }
}

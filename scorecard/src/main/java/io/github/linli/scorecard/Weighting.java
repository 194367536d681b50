package io.github.linli.scorecard;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.internal.Arrays2;
import io.github.linli.scorecard.methods.Ahp;
import io.github.linli.scorecard.methods.AhpResult;
import io.github.linli.scorecard.methods.CombinedWeights;
import io.github.linli.scorecard.methods.CriticWeights;
import io.github.linli.scorecard.methods.Direction;
import io.github.linli.scorecard.methods.EntropyWeights;
import io.github.linli.scorecard.methods.PriorityMethod;
import io.github.linli.scorecard.methods.RandomIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights for an {@link IndicatorSystem}: by hand, by AHP (expert matrices per level), from data
 * by entropy or CRITIC, or a combination of subjective and objective weights. Each returns a new
 * system; the input is unchanged.
 *
 * <p>Data matrices have one row per community (or respondent, or period) and one column per
 * indicator in {@link IndicatorSystem#indicators()} order, raw values; each indicator's direction
 * is used.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Weighting {
  private Weighting() {}

  /**
   * Sets weights by hand. Weights are relative within a level (the dimensions; the indicators of
   * one dimension), and each level is normalised to sum 1 when used. An id not mentioned keeps its
   * stored weight ({@link Dimension#weight()}, {@link Indicator#weight()}: 1 in the built-in
   * systems), not the normalised share that {@link IndicatorSystem#toString()} prints: in a system
   * of three dimensions weighing 1 each, {@code byHand(system, Map.of(first, 0.5))} gives the
   * dimensions 0.2, 0.4 and 0.4. Give every weight of a level to set shares of the whole.
   *
   * @param system the system
   * @param weights by dimension id (weight among dimensions) or indicator id (local weight); ids
   *     not mentioned keep their stored weight
   * @return the reweighted system
   * @throws ValidationException if an id is unknown or a weight negative or not finite
   */
  public static IndicatorSystem byHand(IndicatorSystem system, Map<String, Double> weights) {
    IndicatorSystem s = system;
    for (Dimension d : system.dimensions()) {
      double[] lw = new double[d.indicators().size()];
      boolean changed = false;
      for (int i = 0; i < lw.length; i++) {
        Indicator ind = d.indicators().get(i);
        Double w = weights.get(ind.id());
        lw[i] = w == null ? ind.weight() : w;
        changed |= w != null;
      }
      if (changed) {
        s = s.withIndicatorWeights(d.id(), lw);
      }
    }
    double[] dw = new double[system.dimensions().size()];
    for (int i = 0; i < dw.length; i++) {
      Dimension d = system.dimensions().get(i);
      Double w = weights.get(d.id());
      dw[i] = w == null ? d.weight() : w;
    }
    s = s.withDimensionWeights(dw);
    for (String id : weights.keySet()) {
      boolean known = false;
      for (Dimension d : system.dimensions()) {
        known |= d.id().equals(id);
      }
      for (Indicator i : system.indicators()) {
        known |= i.id().equals(id);
      }
      if (!known) {
        throw new ValidationException("weights", id, "is not a dimension or indicator of " + system.id());
      }
    }
    return s;
  }

  /**
   * Weights by AHP: one judgment matrix for the dimensions and one per dimension with at least two
   * indicators (a dimension with one indicator needs none). Group several experts first with
   * {@link Ahp#group(double[][]...)}.
   *
   * @param system the system
   * @param dimensionJudgments the reciprocal matrix over the dimensions, in system order
   * @param indicatorJudgments by dimension id, the matrix over its indicators in order
   * @param method the priority method
   * @param table the random index table
   * @return the reweighted system and every matrix's consistency
   * @throws ValidationException if a matrix is missing, of the wrong order, or not reciprocal
   */
  public static AhpWeighting byAhp(
      IndicatorSystem system,
      double[][] dimensionJudgments,
      Map<String, double[][]> indicatorJudgments,
      PriorityMethod method,
      RandomIndex table) {
    Map<String, AhpResult> results = new LinkedHashMap<>();
    IndicatorSystem s = system;
    int nd = system.dimensions().size();
    if (nd >= 2) {
      checkOrder("dimensionJudgments", dimensionJudgments, nd);
      AhpResult top = Ahp.analyse(dimensionJudgments, method, table);
      results.put(AhpWeighting.DIMENSIONS, top);
      s = s.withDimensionWeights(top.weights());
    }
    for (Dimension d : system.dimensions()) {
      int ni = d.indicators().size();
      if (ni < 2) {
        continue;
      }
      double[][] m = indicatorJudgments.get(d.id());
      if (m == null) {
        throw new ValidationException("indicatorJudgments", d.id(), "needs a " + ni + "×" + ni + " matrix");
      }
      checkOrder("indicatorJudgments(" + d.id() + ")", m, ni);
      AhpResult r = Ahp.analyse(m, method, table);
      results.put(d.id(), r);
      s = s.withIndicatorWeights(d.id(), r.weights());
    }
    return new AhpWeighting(s, results);
  }

  private static void checkOrder(String name, double[][] m, int n) {
    if (m == null) {
      throw new ValidationException(name, null, "is required");
    }
    if (m.length != n) {
      throw new ValidationException(name + ".length", m.length, "must be " + n);
    }
  }

  /**
   * Objective weights by entropy, after min–max normalisation by each indicator's direction
   * ({@link EntropyWeights#of(double[][], Direction[])}).
   *
   * @param system the system
   * @param data rows × indicators, raw values
   * @return the reweighted system (global weights from the data)
   * @throws ValidationException if the data are bad or no indicator varies
   */
  public static IndicatorSystem byEntropy(IndicatorSystem system, double[][] data) {
    return system.withGlobalWeights(EntropyWeights.of(check(system, data), directions(system)));
  }

  /**
   * Objective weights by CRITIC ({@link CriticWeights#of(double[][], Direction[])}).
   *
   * @param system the system
   * @param data rows × indicators, raw values
   * @return the reweighted system
   * @throws ValidationException if the data are bad or no indicator varies
   */
  public static IndicatorSystem byCritic(IndicatorSystem system, double[][] data) {
    return system.withGlobalWeights(CriticWeights.of(check(system, data), directions(system)));
  }

  /**
   * Combines the global weights of two weightings of the same system linearly ({@link
   * CombinedWeights#linear}).
   *
   * @param subjective the system weighted subjectively (by hand or AHP)
   * @param objective the same system weighted objectively
   * @param alpha the share of the subjective weights, in [0, 1]
   * @return the system with combined weights
   * @throws ValidationException if the systems differ or alpha is out of range
   */
  public static IndicatorSystem combined(
      IndicatorSystem subjective, IndicatorSystem objective, double alpha) {
    same(subjective, objective);
    return subjective.withGlobalWeights(
        CombinedWeights.linear(subjective.globalWeights(), objective.globalWeights(), alpha));
  }

  /**
   * Combines the global weights multiplicatively ({@link CombinedWeights#multiplicative}).
   *
   * @param subjective the subjectively weighted system
   * @param objective the objectively weighted system
   * @return the system with combined weights
   * @throws ValidationException if the systems differ or no indicator has both weights positive
   */
  public static IndicatorSystem combinedMultiplicative(
      IndicatorSystem subjective, IndicatorSystem objective) {
    same(subjective, objective);
    return subjective.withGlobalWeights(
        CombinedWeights.multiplicative(subjective.globalWeights(), objective.globalWeights()));
  }

  /**
   * The raw values of several scorecards as a data matrix for {@link #byEntropy} or {@link
   * #byCritic}: one row per scorecard, one column per indicator.
   *
   * @param scorecards scorecards of one system with no missing indicator
   * @return rows × indicators
   * @throws ValidationException if the list is empty, systems differ or a value is missing
   * @throws NullPointerException naming the index of a null scorecard
   */
  public static double[][] data(List<Scorecard> scorecards) {
    if (scorecards == null || scorecards.isEmpty()) {
      throw new ValidationException("scorecards", 0, "needs at least one scorecard");
    }
    io.github.linli.core.internal.Checks.noNulls("scorecards", scorecards);
    IndicatorSystem sys = scorecards.get(0).system();
    List<Indicator> inds = sys.indicators();
    double[][] m = new double[scorecards.size()][inds.size()];
    for (int r = 0; r < m.length; r++) {
      Scorecard s = scorecards.get(r);
      if (!s.system().id().equals(sys.id())) {
        throw new ValidationException("scorecards[" + r + "]", s.system().id(), "must use " + sys.id());
      }
      for (int j = 0; j < inds.size(); j++) {
        Double v = s.rawValues().get(inds.get(j).id());
        if (v == null) {
          throw new ValidationException(
              "scorecards[" + r + "]", inds.get(j).id(), "has no value for this indicator");
        }
        m[r][j] = v;
      }
    }
    return m;
  }

  private static void same(IndicatorSystem a, IndicatorSystem b) {
    if (!a.id().equals(b.id()) || a.indicators().size() != b.indicators().size()) {
      throw new ValidationException("objective", b.id(), "must be the same system as " + a.id());
    }
  }

  private static double[][] check(IndicatorSystem system, double[][] data) {
    int n = Arrays2.matrix("data", data, 2, 1);
    if (n != system.indicators().size()) {
      throw new ValidationException(
          "data.columns", n, "must be " + system.indicators().size() + " (one per indicator)");
    }
    return data;
  }

  private static Direction[] directions(IndicatorSystem system) {
    List<Indicator> inds = system.indicators();
    Direction[] d = new Direction[inds.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = inds.get(i).direction();
    }
    return d;
  }
}

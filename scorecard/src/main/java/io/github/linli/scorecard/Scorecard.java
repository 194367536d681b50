package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.scorecard.methods.Direction;
import io.github.linli.scorecard.methods.FuzzyEvaluation;
import io.github.linli.scorecard.methods.FuzzyOperator;
import io.github.linli.scorecard.methods.FuzzyResult;
import io.github.linli.scorecard.methods.Topsis;
import io.github.linli.scorecard.survey.SurveyResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A community's evaluation in one period under an {@link IndicatorSystem}: indicator, dimension and
 * total scores (0–100), a grade, a {@link Diagnosis}, change from an earlier period, and
 * TOPSIS rankings of several communities.
 *
 * <p>Scoring: each indicator's raw value becomes a score s ∈ [0, 1] by its {@link Normalisation}
 * and direction, reported ×100. A survey indicator's raw value is its {@link
 * SurveyResult#indicatorScores() survey score}, made from the answers by the questionnaire's
 * {@link io.github.linli.scorecard.survey.AnswerScoring} (per step by default, 20 points per answer
 * step of a five-point scale: a neutral 3 of 5 scores 60; linear: 50). A dimension scores the weighted mean of its indicators' scores, the
 * total the weighted mean of the dimensions. An indicator without a value is listed in {@link
 * #missing()} and the weights of the others in its dimension are renormalised; a dimension without
 * any value is left out the same way. The {@linkplain #grade() grade} is the band of the total
 * (优秀 ≥ 90, 良好 80–89, 中等 70–79, 及格 60–69, 不及格 &lt; 60). The fuzzy evaluation composes
 * the dimensions' memberships in the {@link Grade}s (triangular around the grade centres) with the
 * dimension weights by {@link FuzzyOperator#WEIGHTED_SUM} ({@link #gradeMemberships()}, {@link
 * #fuzzyGrade()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Scorecard {
  private final IndicatorSystem system;
  private final String community;
  private final Period period;
  private final Map<String, Double> raw;
  private final Map<String, Double> indicatorScores;
  private final Map<String, Double> dimensionScores;
  private final Map<String, Double> indicatorWeights;
  private final Map<String, Double> dimensionWeights;
  private final List<String> missing;
  private final double coverage;
  private final double total;
  private final FuzzyResult fuzzy;

  private Scorecard(
      IndicatorSystem system, String community, Period period, Map<String, Double> values) {
    this.system = system;
    this.community = community;
    this.period = period;
    Map<String, Double> rawOut = new LinkedHashMap<>();
    Map<String, Double> is = new LinkedHashMap<>();
    Map<String, Double> ds = new LinkedHashMap<>();
    Map<String, Double> iw = new LinkedHashMap<>();
    Map<String, Double> dwOut = new LinkedHashMap<>();
    List<String> miss = new ArrayList<>();
    double[] dw = system.dimensionWeights();
    List<double[]> memberships = new ArrayList<>();
    List<Double> presentDimWeights = new ArrayList<>();
    double dimWeightSum = 0;
    for (int d = 0; d < dw.length; d++) {
      Dimension dim = system.dimensions().get(d);
      double[] lw = dim.localWeights();
      double wsum = 0;
      double acc = 0;
      for (int i = 0; i < lw.length; i++) {
        Indicator ind = dim.indicators().get(i);
        Double v = values.get(ind.id());
        if (v == null) {
          miss.add(ind.id());
          continue;
        }
        double s = 100 * ind.normalisation().score(v, ind.direction());
        rawOut.put(ind.id(), v);
        is.put(ind.id(), s);
        wsum += lw[i];
        acc += lw[i] * s;
      }
      boolean present = false;
      for (Indicator ind : dim.indicators()) {
        present |= is.containsKey(ind.id());
      }
      if (!present) {
        continue;
      }
      // an all-zero-weight dimension among present indicators: equal weights
      double score;
      if (wsum > 0) {
        score = acc / wsum;
      } else {
        double s = 0;
        int c = 0;
        for (Indicator ind : dim.indicators()) {
          if (is.containsKey(ind.id())) {
            s += is.get(ind.id());
            c++;
          }
        }
        score = s / c;
      }
      ds.put(dim.id(), score);
      dwOut.put(dim.id(), dw[d]);
      presentDimWeights.add(dw[d]);
      memberships.add(Grade.memberships(score));
      dimWeightSum += dw[d];
      int presentCount = 0;
      for (Indicator ind : dim.indicators()) {
        presentCount += is.containsKey(ind.id()) ? 1 : 0;
      }
      for (int i = 0; i < lw.length; i++) {
        Indicator ind = dim.indicators().get(i);
        if (is.containsKey(ind.id())) {
          // local weight renormalised over the dimension's scored indicators, as in its score
          iw.put(ind.id(), wsum > 0 ? lw[i] / wsum : 1.0 / presentCount);
        }
      }
    }
    if (ds.isEmpty()) {
      throw new ValidationException(
          "values(" + community + ")", values.size(), "no indicator of " + system.id() + " has a value");
    }
    double tot = 0;
    double wUsed = 0;
    for (Map.Entry<String, Double> e : ds.entrySet()) {
      tot += dwOut.get(e.getKey()) * e.getValue();
      wUsed += dwOut.get(e.getKey());
    }
    if (dimWeightSum > 0) {
      tot /= wUsed;
    } else {
      tot = ds.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
    // global indicator weights over present indicators, normalised
    Map<String, Double> global = new LinkedHashMap<>();
    double gsum = 0;
    for (Map.Entry<String, Double> e : iw.entrySet()) {
      double g = dwOut.get(system.dimensionOf(e.getKey()).id()) * e.getValue();
      global.put(e.getKey(), g);
      gsum += g;
    }
    for (Map.Entry<String, Double> e : global.entrySet()) {
      e.setValue(gsum > 0 ? e.getValue() / gsum : 1.0 / global.size());
    }
    double[] weights = new double[presentDimWeights.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = dimWeightSum > 0 ? presentDimWeights.get(i) : 1;
    }
    this.fuzzy =
        FuzzyEvaluation.evaluate(
            weights, memberships.toArray(new double[0][]), FuzzyOperator.WEIGHTED_SUM);
    this.total = tot;
    this.raw = Collections.unmodifiableMap(rawOut);
    this.indicatorScores = Collections.unmodifiableMap(is);
    this.dimensionScores = Collections.unmodifiableMap(ds);
    this.indicatorWeights = Collections.unmodifiableMap(global);
    this.dimensionWeights = Collections.unmodifiableMap(dwOut);
    this.missing = List.copyOf(miss);
    double cov = 0;
    for (Map.Entry<String, Double> e : system.globalWeightsById().entrySet()) {
      if (is.containsKey(e.getKey())) {
        cov += e.getValue();
      }
    }
    this.coverage = miss.isEmpty() ? 1 : Math.min(1, Math.max(0, cov));
  }

  /**
   * Evaluates raw indicator values.
   *
   * @param system the indicator system
   * @param community the community id (an opaque id, not personal data)
   * @param period the period evaluated
   * @param values raw values by indicator id: survey scores in [0, 1] (as {@link
   *     SurveyResult#indicatorScores()} gives them), observed values in their units; indicators
   *     without a value are {@link #missing()}
   * @return the scorecard
   * @throws ValidationException if the community id is bad, a key is not an indicator of the
   *     system, a value is not finite, a survey indicator's value is outside [0, 1], or no
   *     indicator has a value
   * @throws NullPointerException if {@code system}, {@code period} or {@code values} is null
   */
  public static Scorecard evaluate(
      IndicatorSystem system, String community, Period period, Map<String, Double> values) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(values, "values");
    Checks.id("community", community);
    Map<String, Double> checked = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      Indicator indicator = null;
      for (Indicator i : system.indicators()) {
        if (i.id().equals(e.getKey())) {
          indicator = i;
        }
      }
      if (indicator == null) {
        throw new ValidationException(
            "values", e.getKey(), "is not an indicator of " + system.id());
      }
      Checks.present("values(" + e.getKey() + ")", e.getValue());
      Checks.finite("values(" + e.getKey() + ")", e.getValue());
      if (indicator.source() == IndicatorSource.SURVEY && (e.getValue() < 0 || e.getValue() > 1)) {
        throw new ValidationException("values(" + e.getKey() + ")", e.getValue(),
            "is a survey indicator: its value is a survey score in [0, 1] (as SurveyResult.indicatorScores() gives it),"
                + " not a mean answer or a percentage");
      }
      checked.put(e.getKey(), e.getValue());
    }
    return new Scorecard(system, community, period, checked);
  }

  /**
   * Evaluates a survey together with observations from other modules. Survey indicators take the
   * survey's scores, under the answer scoring of its questionnaire; observed indicators take the
   * observation with the indicator's id, this community as scope and this period. Observations of
   * other scopes, periods or indicators are ignored.
   *
   * @param system the indicator system
   * @param community the community id
   * @param period the period
   * @param survey the survey result, or null if there is none
   * @param observations observations, possibly empty
   * @return the scorecard
   * @throws ValidationException if the survey is of another system, two observations give the
   *     same indicator for this community and period, or no indicator has a value
   */
  public static Scorecard evaluate(
      IndicatorSystem system,
      String community,
      Period period,
      SurveyResult survey,
      Collection<Observation> observations) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(observations, "observations");
    if (survey != null && !survey.questionnaire().system().id().equals(system.id())) {
      throw new ValidationException(
          "survey", survey.questionnaire().system().id(), "is a survey of another system than " + system.id());
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (Indicator ind : system.indicators()) {
      if (ind.source() == IndicatorSource.SURVEY && survey != null) {
        Double s = survey.indicatorScores().get(ind.id());
        if (s != null) {
          values.put(ind.id(), s);
        }
      }
    }
    for (Observation o : observations) {
      if (!o.scope().equals(community) || !o.period().equals(period)) {
        continue;
      }
      for (Indicator ind : system.indicators()) {
        if (ind.source() == IndicatorSource.OBSERVED && ind.id().equals(o.indicatorId())) {
          if (values.containsKey(ind.id())) {
            throw new ValidationException(
                "observations",
                o.indicatorId(),
                "more than one value for " + community + " in " + period);
          }
          values.put(ind.id(), o.value());
        }
      }
    }
    return evaluate(system, community, period, values);
  }

  /**
   * Ranks communities by TOPSIS on their indicator scores (all benefit, since scores are already
   * oriented), weighted by the system's global weights over the indicators every scorecard has.
   *
   * @param scorecards at least one, all of the same indicator system
   * @return the ranking, best first
   * @throws ValidationException if the list is empty, systems differ, or no indicator is common to
   *     all
   * @throws NullPointerException naming the index of a null scorecard
   */
  public static List<RankedCommunity> rank(List<Scorecard> scorecards) {
    if (scorecards == null || scorecards.isEmpty()) {
      throw new ValidationException("scorecards", 0, "needs at least one scorecard");
    }
    io.github.linli.core.internal.Checks.noNulls("scorecards", scorecards);
    IndicatorSystem sys = scorecards.get(0).system;
    List<String> common = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    Map<String, Double> global = sys.globalWeightsById();
    for (Indicator ind : sys.indicators()) {
      boolean all = true;
      for (Scorecard s : scorecards) {
        if (!s.system.id().equals(sys.id())) {
          throw new ValidationException(
              "scorecards", s.system.id(), "all must use the system " + sys.id());
        }
        all &= s.indicatorScores.containsKey(ind.id());
      }
      if (all) {
        common.add(ind.id());
        w.add(global.get(ind.id()));
      }
    }
    if (common.isEmpty()) {
      throw new ValidationException("scorecards", "indicators", "no indicator is scored in all");
    }
    double[][] m = new double[scorecards.size()][common.size()];
    double[] weights = new double[common.size()];
    Direction[] dirs = new Direction[common.size()];
    double wsum = 0;
    for (int j = 0; j < common.size(); j++) {
      weights[j] = w.get(j);
      wsum += weights[j];
      dirs[j] = Direction.BENEFIT;
      for (int i = 0; i < m.length; i++) {
        m[i][j] = scorecards.get(i).indicatorScores.get(common.get(j));
      }
    }
    if (!(wsum > 0)) {
      java.util.Arrays.fill(weights, 1);
    }
    double[] c = Topsis.closeness(m, weights, dirs);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -c[i]).thenComparing(i -> scorecards.get(i).community));
    List<RankedCommunity> out = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      int rank = k + 1;
      if (k > 0 && c[order.get(k - 1)] == c[i]) {
        rank = out.get(k - 1).rank();
      }
      out.add(new RankedCommunity(rank, scorecards.get(i).community, c[i], scorecards.get(i).total));
    }
    return List.copyOf(out);
  }

  /**
   * The change from an earlier scorecard of the same community and system.
   *
   * @param earlier the earlier scorecard (of the same or an earlier period: the same period
   *     compares two weightings, say)
   * @return later minus earlier
   * @throws ValidationException if the community or system differs, or {@code earlier}'s period
   *     starts after this one's (call {@code later.changeFrom(earlier)})
   */
  public ScorecardChange changeFrom(Scorecard earlier) {
    Objects.requireNonNull(earlier, "earlier");
    if (earlier.period.start().isAfter(period.start())) {
      throw new ValidationException(
          "earlier.period",
          earlier.period,
          "starts after this scorecard's period " + period
              + ": call changeFrom on the later scorecard, passing the earlier one");
    }
    if (!earlier.community.equals(community)) {
      throw new ValidationException("earlier.community", earlier.community, "must be " + community);
    }
    if (!earlier.system.id().equals(system.id())) {
      throw new ValidationException("earlier.system", earlier.system.id(), "must be " + system.id());
    }
    return new ScorecardChange(earlier, this);
  }

  /**
   * The weakest two dimensions and three indicators.
   *
   * @return the diagnosis
   */
  public Diagnosis diagnose() {
    return diagnose(2, 3);
  }

  /**
   * The weakest dimensions and indicators, by priority (100 − score) × weight, and as many
   * indicators of lowest score ({@link Diagnosis#lowestIndicators()}).
   *
   * @param dimensions how many dimensions, at least 0
   * @param indicators how many indicators, at least 0
   * @return the diagnosis
   * @throws IllegalArgumentException if a count is negative
   */
  public Diagnosis diagnose(int dimensions, int indicators) {
    com.google.common.base.Preconditions.checkArgument(
        dimensions >= 0 && indicators >= 0, "counts must not be negative: %s, %s", dimensions, indicators);
    double dwSum = 0;
    for (double v : dimensionWeights.values()) {
      dwSum += v;
    }
    List<Finding> ds = new ArrayList<>();
    for (Map.Entry<String, Double> e : dimensionScores.entrySet()) {
      Dimension d = system.dimension(e.getKey());
      List<String> refs = new ArrayList<>();
      for (Indicator i : d.indicators()) {
        for (String r : i.references()) {
          if (!refs.contains(r)) {
            refs.add(r);
          }
        }
      }
      Collections.sort(refs);
      double w = dwSum > 0 ? dimensionWeights.get(e.getKey()) / dwSum : 1.0 / dimensionScores.size();
      ds.add(new Finding(true, d.id(), d.label(), e.getValue(), w, d.problems(), d.improvements(), refs));
    }
    List<Finding> is = new ArrayList<>();
    for (Map.Entry<String, Double> e : indicatorScores.entrySet()) {
      Indicator i = system.indicator(e.getKey());
      List<Label> problems = i.problem().map(List::of).orElse(List.of());
      is.add(
          new Finding(
              false,
              i.id(),
              i.label(),
              e.getValue(),
              indicatorWeights.get(i.id()),
              problems,
              i.improvements(),
              i.references()));
    }
    Comparator<Finding> byPriority =
        Comparator.comparingDouble(Finding::priority).reversed().thenComparingDouble(Finding::score);
    List<Finding> low = new ArrayList<>(is);
    low.sort(Comparator.comparingDouble(Finding::score).thenComparing(Comparator.comparingDouble(Finding::priority).reversed()));
    ds.sort(byPriority);
    is.sort(byPriority);
    int ni = Math.min(indicators, is.size());
    return new Diagnosis(ds.subList(0, Math.min(dimensions, ds.size())), is.subList(0, ni), low.subList(0, ni));
  }

  /**
   * The indicator system.
   *
   * @return the system
   */
  public IndicatorSystem system() {
    return system;
  }

  /**
   * The community.
   *
   * @return the community id
   */
  public String community() {
    return community;
  }

  /**
   * The period.
   *
   * @return the period
   */
  public Period period() {
    return period;
  }

  /**
   * The raw values used, by indicator id, in system order.
   *
   * @return the values
   */
  public Map<String, Double> rawValues() {
    return raw;
  }

  /**
   * Indicator scores 0–100 by id, in system order (missing indicators absent).
   *
   * @return the scores
   */
  public Map<String, Double> indicatorScores() {
    return indicatorScores;
  }

  /**
   * Dimension scores 0–100 by id, in system order.
   *
   * @return the scores
   */
  public Map<String, Double> dimensionScores() {
    return dimensionScores;
  }

  /**
   * The effective global weights of the scored indicators: the dimension weight (renormalised over
   * scored dimensions) times the local weight (renormalised over the dimension's scored
   * indicators), so that the total is Σ weight × indicator score / 100 × 100.
   *
   * @return weights by indicator id, summing to 1
   */
  public Map<String, Double> indicatorWeights() {
    return indicatorWeights;
  }

  /**
   * The total score 0–100.
   *
   * @return the total
   */
  public double total() {
    return total;
  }

  /**
   * The grade: the {@linkplain Grade#of(double) band} of the total as reports show it, rounded to
   * one decimal (so a total shown as 90.0 is 优秀 excellent).
   *
   * @return the grade
   */
  public Grade grade() {
    return Grade.of(Math.round(total * 10) / 10.0);
  }

  /**
   * The grade of largest membership in the fuzzy evaluation over the dimensions ({@link
   * #gradeMemberships()}). It may differ from {@link #grade()} when the dimensions are spread
   * over several bands.
   *
   * @return the fuzzy grade
   */
  public Grade fuzzyGrade() {
    return Grade.values()[fuzzy.grade()];
  }

  /**
   * The membership of the community in each grade, best first.
   *
   * @return five values summing to 1
   */
  public double[] gradeMemberships() {
    return fuzzy.normalised();
  }

  /**
   * Indicators of the system without a value.
   *
   * @return their ids
   */
  public List<String> missing() {
    return missing;
  }

  /**
   * The share of the system's weight that the total and the grade rest on: the sum of the
   * {@linkplain IndicatorSystem#globalWeightsById() global weights} of the indicators with a
   * value. 1 when nothing is {@link #missing()}; a scorecard with one indicator of seventeen
   * scored may still total 100, and this says how little that rests on. Reports and {@code
   * toString()} show it whenever it is below 1.
   *
   * @return the coverage, in {@code [0, 1]}
   */
  public double coverage() {
    return coverage;
  }

  /** Returns the community, period, total, grade, dimension scores and, if below 1, the coverage. */
  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Scorecard{%s %s %s: total %.1f, grade %s",
                system.id(),
                community,
                period,
                total,
                grade().label()));
    for (Map.Entry<String, Double> e : dimensionScores.entrySet()) {
      b.append(String.format(Locale.ROOT, ", %s %.1f", e.getKey(), e.getValue()));
    }
    if (!missing.isEmpty()) {
      b.append(String.format(Locale.ROOT, ", coverage %.0f %%", 100 * coverage)).append(", missing ").append(missing);
    }
    return b.append('}').toString();
  }
}

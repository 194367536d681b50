package io.github.linli.scorecard.survey;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.scorecard.Indicator;
import io.github.linli.scorecard.IndicatorSource;
import io.github.linli.scorecard.IndicatorSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A questionnaire: Likert items on one scale (1…points, typically 5 or 7), each mapped to a survey
 * indicator of an {@link IndicatorSystem}, some reverse-coded, and the {@link AnswerScoring} that
 * turns mean answers into indicator scores ({@link AnswerScoring#PER_STEP}, 20 points per step of a
 * five-point scale, unless set). Built-in
 * questionnaires for the built-in systems are in {@link Questionnaires}; {@link
 * #withScoring(AnswerScoring)} gives one of them with another scoring.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Questionnaire {
  private final IndicatorSystem system;
  private final int points;
  private final List<Item> items;
  private final AnswerScoring scoring;

  private Questionnaire(IndicatorSystem system, int points, List<Item> items, AnswerScoring scoring) {
    this.system = system;
    this.points = points;
    this.items = List.copyOf(items);
    this.scoring = scoring;
  }

  /**
   * Starts a questionnaire for a system.
   *
   * @param system the indicator system its items measure
   * @param points the number of scale points, 3 to 11 (5 and 7 are usual)
   * @return a builder
   * @throws ValidationException if {@code points} is out of range
   * @throws NullPointerException if {@code system} is null
   */
  public static Builder builder(IndicatorSystem system, int points) {
    java.util.Objects.requireNonNull(system, "system");
    if (points < 3 || points > 11) {
      throw new ValidationException("points", points, "must be from 3 to 11");
    }
    return new Builder(system, points);
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
   * The number of scale points.
   *
   * @return for example 5
   */
  public int points() {
    return points;
  }

  /**
   * How mean answers become indicator scores.
   *
   * @return the scoring, {@link AnswerScoring#PER_STEP} unless set
   */
  public AnswerScoring scoring() {
    return scoring;
  }

  /**
   * This questionnaire with another answer scoring, for example {@code
   * Questionnaires.governanceIndex(5).withScoring(AnswerScoring.LINEAR)}.
   *
   * @param scoring the scoring
   * @return a questionnaire with the same system, scale and items; this one if the scoring is the
   *     same
   * @throws NullPointerException if {@code scoring} is null
   */
  public Questionnaire withScoring(AnswerScoring scoring) {
    java.util.Objects.requireNonNull(scoring, "scoring");
    return scoring == this.scoring ? this : new Questionnaire(system, points, items, scoring);
  }

  /**
   * The items in column order of declaration.
   *
   * @return the items
   */
  public List<Item> items() {
    return items;
  }

  /**
   * The dimensions the items cover, in system order.
   *
   * @return dimension ids
   */
  public List<String> dimensions() {
    Set<String> covered = new HashSet<>();
    for (Item i : items) {
      covered.add(i.dimensionId());
    }
    List<String> out = new ArrayList<>();
    for (io.github.linli.scorecard.Dimension d : system.dimensions()) {
      if (covered.contains(d.id())) {
        out.add(d.id());
      }
    }
    return out;
  }

  /**
   * The indicators the items cover, in system order.
   *
   * @return indicator ids
   */
  public List<String> indicators() {
    Set<String> covered = new LinkedHashSet<>();
    for (Item i : items) {
      covered.add(i.indicatorId());
    }
    List<String> out = new ArrayList<>();
    for (Indicator i : system.indicators()) {
      if (covered.contains(i.id())) {
        out.add(i.id());
      }
    }
    return out;
  }

  /** Returns the system, scale, scoring and items. */
  @Override
  public String toString() {
    return "Questionnaire{" + system.id() + ", 1-" + points + " " + scoring + ", " + items + "}";
  }

  /** Builds a {@link Questionnaire}. Not thread-safe. */
  public static final class Builder {
    private final IndicatorSystem system;
    private final int points;
    private final List<Item> items = new ArrayList<>();
    private final Set<String> columns = new HashSet<>();
    private AnswerScoring scoring = AnswerScoring.PER_STEP;

    Builder(IndicatorSystem system, int points) {
      this.system = system;
      this.points = points;
    }

    /**
     * Sets how mean answers become indicator scores.
     *
     * @param scoring the scoring; {@link AnswerScoring#PER_STEP} if not set
     * @return this builder
     * @throws NullPointerException if {@code scoring} is null
     */
    public Builder scoring(AnswerScoring scoring) {
      this.scoring = java.util.Objects.requireNonNull(scoring, "scoring");
      return this;
    }

    /**
     * Adds an item.
     *
     * @param column the CSV header
     * @param indicatorId a survey indicator of the system
     * @return this builder
     * @throws ValidationException if the column is blank or repeated, or the indicator is unknown
     *     or not a survey indicator
     */
    public Builder item(String column, String indicatorId) {
      return add(column, indicatorId, false);
    }

    /**
     * Adds a reverse-coded item (agreement means a worse state).
     *
     * @param column the CSV header
     * @param indicatorId a survey indicator of the system
     * @return this builder
     * @throws ValidationException as {@link #item(String, String)}
     */
    public Builder reverseItem(String column, String indicatorId) {
      return add(column, indicatorId, true);
    }

    private Builder add(String column, String indicatorId, boolean reverse) {
      Checks.id("item.column", column);
      if (columns.contains(column)) {
        throw new ValidationException("item.column", column, "duplicate column");
      }
      Indicator ind;
      try {
        ind = system.indicator(indicatorId);
      } catch (io.github.linli.core.NotFoundException e) {
        throw new ValidationException(
            "item.indicatorId(" + column + ")", indicatorId, "is not an indicator of " + system.id());
      }
      if (ind.source() != IndicatorSource.SURVEY) {
        throw new ValidationException(
            "item.indicatorId(" + column + ")", indicatorId, "is an observed, not a survey, indicator");
      }
      items.add(new Item(column, indicatorId, system.dimensionOf(indicatorId).id(), reverse));
      columns.add(column);
      return this;
    }

    /**
     * Builds the questionnaire.
     *
     * @return the questionnaire
     * @throws ValidationException if there is no item
     */
    public Questionnaire build() {
      if (items.isEmpty()) {
        throw new ValidationException("questionnaire.items", 0, "needs an item");
      }
      return new Questionnaire(system, points, items, scoring);
    }
  }
}

package io.github.linli.scorecard.survey;

import java.util.Objects;

/**
 * One Likert item of a {@link Questionnaire}: its CSV column, the indicator and dimension it
 * measures, and whether it is reverse-coded (agreement means a worse state; the answer x counts as
 * points + 1 − x).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Item {
  private final String column;
  private final String indicatorId;
  private final String dimensionId;
  private final boolean reverse;

  Item(String column, String indicatorId, String dimensionId, boolean reverse) {
    this.column = column;
    this.indicatorId = indicatorId;
    this.dimensionId = dimensionId;
    this.reverse = reverse;
  }

  /**
   * The CSV header of the item.
   *
   * @return the column name
   */
  public String column() {
    return column;
  }

  /**
   * The indicator the item measures.
   *
   * @return the indicator id
   */
  public String indicatorId() {
    return indicatorId;
  }

  /**
   * The dimension of that indicator: items of one dimension form one scale for reliability.
   *
   * @return the dimension id
   */
  public String dimensionId() {
    return dimensionId;
  }

  /**
   * Whether the item is reverse-coded.
   *
   * @return true if reverse-coded
   */
  public boolean reverse() {
    return reverse;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Item
        && ((Item) o).column.equals(column)
        && ((Item) o).indicatorId.equals(indicatorId)
        && ((Item) o).dimensionId.equals(dimensionId)
        && ((Item) o).reverse == reverse;
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, indicatorId, dimensionId, reverse);
  }

  /** Returns for example {@code q03 -> gov.resident_participation (reverse)}. */
  @Override
  public String toString() {
    return column + " -> " + indicatorId + (reverse ? " (reverse)" : "");
  }
}

package io.github.linli.scorecard.survey;

import io.github.linli.scorecard.internal.Arrays2;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reliability of one dimension's items taken as a scale: Cronbach's alpha, alpha if an item is
 * deleted, and corrected item–total correlations. Alpha is empty, with a {@link #note()}, when it
 * is undefined (every respondent had the same total).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ScaleReliability {
  private final String dimensionId;
  private final List<String> items;
  private final long respondents;
  private final OptionalDouble alpha;
  private final double[] alphaIfDeleted;
  private final double[] itemTotal;
  private final String note;

  ScaleReliability(
      String dimensionId,
      List<String> items,
      long respondents,
      OptionalDouble alpha,
      double[] alphaIfDeleted,
      double[] itemTotal,
      String note) {
    this.dimensionId = dimensionId;
    this.items = List.copyOf(items);
    this.respondents = respondents;
    this.alpha = alpha;
    this.alphaIfDeleted = alphaIfDeleted;
    this.itemTotal = itemTotal;
    this.note = note;
  }

  /**
   * The dimension.
   *
   * @return the dimension id
   */
  public String dimensionId() {
    return dimensionId;
  }

  /**
   * The item columns of the scale.
   *
   * @return the columns
   */
  public List<String> items() {
    return items;
  }

  /**
   * The respondents counted.
   *
   * @return the count
   */
  public long respondents() {
    return respondents;
  }

  /**
   * Cronbach's alpha, if defined.
   *
   * @return alpha or empty
   */
  public OptionalDouble alpha() {
    return alpha;
  }

  /**
   * Alpha without each item; empty for fewer than 3 items or when undefined.
   *
   * @return a copy, one value per item, or an empty array
   */
  public double[] alphaIfItemDeleted() {
    return alphaIfDeleted.clone();
  }

  /**
   * Corrected item–total correlations (0 for a constant item).
   *
   * @return a copy, one value per item
   */
  public double[] correctedItemTotalCorrelations() {
    return itemTotal.clone();
  }

  /**
   * Why a figure is missing, or an empty string.
   *
   * @return the note
   */
  public String note() {
    return note;
  }

  /** Returns the dimension, alpha and item–total correlations. */
  @Override
  public String toString() {
    return dimensionId
        + " alpha="
        + (alpha.isPresent() ? Arrays2.format(alpha.getAsDouble()) : "undefined (" + note + ")")
        + " items="
        + items
        + " itemTotal="
        + Arrays2.format(itemTotal);
  }
}

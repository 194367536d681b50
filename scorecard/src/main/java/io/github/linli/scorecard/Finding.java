package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import java.util.List;
import java.util.Locale;

/**
 * One weak spot of a {@link Scorecard}: a dimension or indicator, its score, and the problems and
 * improvement paths the sources name for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Finding implements Labelled {
  private final boolean dimension;
  private final String id;
  private final Label label;
  private final double score;
  private final double weight;
  private final List<Label> problems;
  private final List<Label> improvements;
  private final List<String> references;

  Finding(
      boolean dimension,
      String id,
      Label label,
      double score,
      double weight,
      List<Label> problems,
      List<Label> improvements,
      List<String> references) {
    this.dimension = dimension;
    this.id = id;
    this.label = label;
    this.score = score;
    this.weight = weight;
    this.problems = List.copyOf(problems);
    this.improvements = List.copyOf(improvements);
    this.references = List.copyOf(references);
  }

  /**
   * Whether this is a dimension (else an indicator).
   *
   * @return true for a dimension
   */
  public boolean isDimension() {
    return dimension;
  }

  /**
   * The dimension or indicator id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The score, 0–100.
   *
   * @return the score
   */
  public double score() {
    return score;
  }

  /**
   * The (global) weight of the dimension or indicator.
   *
   * @return the weight
   */
  public double weight() {
    return weight;
  }

  /**
   * The priority: the weighted gap to full marks, (100 − score) × weight. Larger first.
   *
   * @return the priority
   */
  public double priority() {
    return (100 - score) * weight;
  }

  /**
   * The problems the sources name.
   *
   * @return the problems
   */
  public List<Label> problems() {
    return problems;
  }

  /**
   * The improvement paths the sources name.
   *
   * @return the paths
   */
  public List<Label> improvements() {
    return improvements;
  }

  /**
   * The source documents, for example {@code 001}.
   *
   * @return the document ids
   */
  public List<String> references() {
    return references;
  }

  /** Returns the id, score, label, problems and paths. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s %.1f weight=%.4f (%s) problems=%s improve=%s sources=%s",
        dimension ? "dimension" : "indicator",
        id,
        score,
        weight,
        label,
        problems,
        improvements,
        references);
  }
}

package io.github.linli.matching;

import org.immutables.value.Value;

/**
 * One demand served by one offer, with its explanation.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Assignment {
  Assignment() {}

  /**
   * The need's id.
   *
   * @return the id
   */
  public abstract String needId();

  /**
   * The offer's id.
   *
   * @return the id
   */
  public abstract String offerId();

  /**
   * Why this offer.
   *
   * @return the explanation
   */
  public abstract Explanation explanation();

  static Assignment of(String needId, String offerId, Explanation explanation) {
    return ImmutableAssignment.builder().needId(needId).offerId(offerId).explanation(explanation).build();
  }
}

package io.github.linli.core.demand;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link DemandClassifier} decided about a need text: the Maslow tier, the service domain,
 * the urgency, a confidence in [0, 1], the evidence that decided, and whether a person should
 * review it.
 *
 * <p>The evidence lists vocabulary terms and model features (n-grams known from training) found in
 * the text. They are pieces of the text and can state health and household facts ({@code 阿尔茨海默},
 * {@code 独居}, {@code low income}), so they are personal data: {@link #evidence()} gives them to
 * the caller, and {@code toString()} shows only how many there are (issue 17). Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Classification {
  private final MaslowTier tier;
  private final ServiceDomain domain;
  private final Urgency urgency;
  private final double tierConfidence;
  private final double domainConfidence;
  private final List<String> evidence;
  private final boolean needsReview;

  Classification(
      MaslowTier tier,
      ServiceDomain domain,
      Urgency urgency,
      double tierConfidence,
      double domainConfidence,
      List<String> evidence,
      boolean needsReview) {
    this.tier = tier;
    this.domain = domain;
    this.urgency = urgency;
    this.tierConfidence = tierConfidence;
    this.domainConfidence = domainConfidence;
    this.evidence = List.copyOf(evidence);
    this.needsReview = needsReview;
  }

  /**
   * The Maslow tier.
   *
   * @return the tier
   */
  public MaslowTier tier() {
    return tier;
  }

  /**
   * The service domain, one of the classifier's taxonomy.
   *
   * @return the domain
   */
  public ServiceDomain domain() {
    return domain;
  }

  /**
   * How soon the need must be answered.
   *
   * @return the urgency
   */
  public Urgency urgency() {
    return urgency;
  }

  /**
   * The confidence of the whole decision: the smaller of {@link #tierConfidence()} and {@link
   * #domainConfidence()}.
   *
   * @return a value in [0, 1]
   */
  public double confidence() {
    return Math.min(tierConfidence, domainConfidence);
  }

  /**
   * The probability the classifier gives its tier.
   *
   * @return a value in [0, 1]
   */
  public double tierConfidence() {
    return tierConfidence;
  }

  /**
   * The probability the classifier gives its domain.
   *
   * @return a value in [0, 1]
   */
  public double domainConfidence() {
    return domainConfidence;
  }

  /**
   * The evidence that decided, strongest first: vocabulary terms as matched (normalised), and
   * {@code ~}-prefixed model features (character bigrams or words) where the trained model
   * contributed. Personal data (pieces of the need text): never log or show them beyond the
   * people who may read the need.
   *
   * @return an unmodifiable list, empty when nothing was recognised
   */
  public List<String> evidence() {
    return evidence;
  }

  /**
   * Whether a person should check this classification: nothing was recognised (no evidence), or the tier or
   * domain is uncertain (a narrow margin over the runner-up, or the vocabulary and the trained
   * model pointing elsewhere; see {@link DemandClassifier.Builder#reviewThreshold(double)}).
   *
   * @return true if unsure
   */
  public boolean needsReview() {
    return needsReview;
  }

  /**
   * The response level of the tier under a community's mapping.
   *
   * @param mapping the mapping
   * @return the level
   * @throws NullPointerException if {@code mapping} is null
   */
  public ResponseLevel responseLevel(ResponseMapping mapping) {
    return mapping.levelFor(tier);
  }

  /** Returns the decision and the number of evidence terms, never the terms (they are personal). */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Classification{tier=%s, domain=%s, urgency=%s, confidence=%.2f, needsReview=%s, evidence=%d %s}",
        tier,
        domain,
        urgency,
        confidence(),
        needsReview,
        evidence.size(),
        evidence.size() == 1 ? "term" : "terms");
  }
}

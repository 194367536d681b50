package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a classifier's vocabulary (词表): a term, the Maslow tiers and service domains it
 * points to with weights, and optionally the urgency it signals.
 *
 * <p>Terms are matched after the text and the term are both normalised (NFKC, traditional to
 * simplified Chinese, lower case, punctuation to spaces). Chinese terms match anywhere; a term that
 * starts or ends with a Latin letter or digit matches only at a word boundary there, and a trailing
 * {@code *} makes it a prefix ({@code lonel*} matches {@code lonely} and {@code loneliness}). When
 * terms overlap, the longest wins, so {@code 不急} overrides {@code 急}.
 *
 * <p>The shipped vocabulary is the resource {@code io/github/linli/core/demand/lexicon.tsv}; a
 * portal adds its own terms with {@link DemandClassifier.Builder#addTerm(LexiconTerm)} or {@link
 * DemandClassifier.Builder#addLexicon(java.io.Reader)}, in the line format of {@link #parse(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LexiconTerm {
  private static final Map<String, MaslowTier> TIER_CODES =
      Map.of(
          "PHY", MaslowTier.PHYSIOLOGICAL,
          "SAF", MaslowTier.SAFETY,
          "BEL", MaslowTier.BELONGING,
          "EST", MaslowTier.ESTEEM,
          "SEL", MaslowTier.SELF_ACTUALIZATION);
  private static final Map<String, String> DOMAIN_CODES =
      Map.of(
          "HEA", "HEALTHCARE",
          "ELD", "ELDERLY_CARE",
          "EDU", "EDUCATION",
          "LEG", "LEGAL",
          "EMP", "EMPLOYMENT",
          "ENV", "ENVIRONMENT",
          "DAI", "DAILY_LIVING",
          "CUL", "CULTURE_SPORTS");

  private final String text;
  private final Map<MaslowTier, Double> tierWeights;
  private final Map<String, Double> domainWeights;
  private final Urgency urgency;

  private LexiconTerm(Builder b) {
    this.text = b.text;
    this.tierWeights = Collections.unmodifiableMap(new EnumMap<>(b.tiers));
    this.domainWeights = Collections.unmodifiableMap(new LinkedHashMap<>(b.domains));
    this.urgency = b.urgency;
  }

  /**
   * Starts a term.
   *
   * @param text the term as written (Chinese, English or mixed); a trailing {@code *} marks a
   *     prefix
   * @return a builder
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} normalises to nothing
   */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /**
   * Parses one line of the vocabulary format: the term, a tab, then space-separated annotations.
   * A tier is {@code PHY SAF BEL EST SEL}, a default domain {@code HEA ELD EDU LEG EMP ENV DAI
   * CUL} (or {@code D=ID} for any domain id), each with an optional {@code :weight} (default 1);
   * urgency is {@code !LOW}, {@code !HIGH} or {@code !CRIT}. Example: {@code 停水<TAB>PHY:3 DAI:3
   * !HIGH}.
   *
   * @param line the line, without line terminator
   * @return the term
   * @throws NullPointerException if {@code line} is null
   * @throws ValidationException if the line is not in the format (the message names the bad
   *     annotation, never the term)
   */
  public static LexiconTerm parse(String line) {
    checkNotNull(line, "line");
    int tab = line.indexOf('\t');
    if (tab <= 0) {
      throw new ValidationException("lexicon line", "(" + line.length() + " chars)", "needs a term, a tab and annotations");
    }
    Builder b;
    try {
      b = builder(line.substring(0, tab).strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("lexicon term", "(" + tab + " chars)", "normalises to nothing");
    }
    for (String a : line.substring(tab + 1).strip().split("\\s+")) {
      if (a.isEmpty()) {
        continue;
      }
      if (a.startsWith("!")) {
        String u = a.substring(1).toUpperCase(Locale.ROOT);
        switch (u) {
          case "LOW":
            b.urgency(Urgency.LOW);
            break;
          case "HIGH":
            b.urgency(Urgency.HIGH);
            break;
          case "CRIT":
          case "CRITICAL":
            b.urgency(Urgency.CRITICAL);
            break;
          default:
            throw new ValidationException("lexicon urgency", a, "must be !LOW, !HIGH or !CRIT");
        }
        continue;
      }
      int colon = a.lastIndexOf(':');
      String code = colon < 0 ? a : a.substring(0, colon);
      double w = 1;
      if (colon >= 0) {
        try {
          w = Double.parseDouble(a.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new ValidationException("lexicon weight", a, "must be a number after ':'");
        }
        if (!Double.isFinite(w)) {
          throw new ValidationException("lexicon weight", a, "must be finite");
        }
      }
      if (TIER_CODES.containsKey(code)) {
        b.tier(TIER_CODES.get(code), w);
      } else if (DOMAIN_CODES.containsKey(code)) {
        b.domain(DOMAIN_CODES.get(code), w);
      } else if (code.startsWith("D=") && code.length() > 2) {
        b.domain(code.substring(2), w);
      } else {
        throw new ValidationException(
            "lexicon annotation",
            a,
            "unknown code: a tier is PHY SAF BEL EST SEL, a domain HEA ELD EDU LEG EMP ENV DAI CUL"
                + " or D=ID, each with an optional :weight; urgency is !LOW, !HIGH or !CRIT");
      }
    }
    return b.build();
  }

  /**
   * The term as given (before normalisation).
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The normalised form that is matched.
   *
   * @return the normalised text, without the prefix marker
   */
  String key() {
    String t = isPrefix() ? text.substring(0, text.length() - 1) : text;
    return TextNormalizer.normalize(t);
  }

  /**
   * Whether the term is a prefix (written with a trailing {@code *}).
   *
   * @return true for a prefix term
   */
  public boolean isPrefix() {
    return text.endsWith("*");
  }

  /**
   * The weight of the term for each tier it points to.
   *
   * @return an unmodifiable map; tiers not present weigh 0
   */
  public Map<MaslowTier, Double> tierWeights() {
    return tierWeights;
  }

  /**
   * The weight of the term for each domain id it points to.
   *
   * @return an unmodifiable map from domain id to weight
   */
  public Map<String, Double> domainWeights() {
    return domainWeights;
  }

  /**
   * The urgency the term signals, if any.
   *
   * @return the urgency
   */
  public Optional<Urgency> urgency() {
    return Optional.ofNullable(urgency);
  }

  @Override
  public String toString() {
    return "LexiconTerm{" + text + " tiers=" + tierWeights + " domains=" + domainWeights + (urgency == null ? "" : " urgency=" + urgency) + "}";
  }

  /** Builds a {@link LexiconTerm}. Not thread-safe. */
  public static final class Builder {
    private final String text;
    private final EnumMap<MaslowTier, Double> tiers = new EnumMap<>(MaslowTier.class);
    private final LinkedHashMap<String, Double> domains = new LinkedHashMap<>();
    private Urgency urgency;

    Builder(String text) {
      checkNotNull(text, "text");
      String core = text.endsWith("*") ? text.substring(0, text.length() - 1) : text;
      checkArgument(!TextNormalizer.normalize(core).isEmpty(), "term text normalises to nothing (%s chars)", text.length());
      this.text = text;
    }

    /**
     * Adds (or replaces) a tier weight.
     *
     * @param tier the tier
     * @param weight a finite weight; negative weights count against the tier
     * @return this builder
     * @throws NullPointerException if {@code tier} is null
     * @throws IllegalArgumentException if {@code weight} is not finite
     */
    public Builder tier(MaslowTier tier, double weight) {
      checkNotNull(tier, "tier");
      checkArgument(Double.isFinite(weight), "weight must be finite: %s", weight);
      tiers.put(tier, weight);
      return this;
    }

    /**
     * Adds (or replaces) a domain weight.
     *
     * @param domain the domain
     * @param weight a finite weight
     * @return this builder
     * @throws NullPointerException if {@code domain} is null
     * @throws IllegalArgumentException if {@code weight} is not finite
     */
    public Builder domain(ServiceDomain domain, double weight) {
      checkNotNull(domain, "domain");
      return domain(domain.id(), weight);
    }

    /**
     * Adds (or replaces) a domain weight by domain id.
     *
     * @param domainId the domain id
     * @param weight a finite weight
     * @return this builder
     * @throws NullPointerException if {@code domainId} is null
     * @throws IllegalArgumentException if {@code weight} is not finite or the id is blank
     */
    public Builder domain(String domainId, double weight) {
      checkNotNull(domainId, "domainId");
      checkArgument(!domainId.isBlank(), "domainId must not be blank");
      checkArgument(Double.isFinite(weight), "weight must be finite: %s", weight);
      domains.put(domainId, weight);
      return this;
    }

    /**
     * Sets the urgency the term signals.
     *
     * @param urgency the urgency
     * @return this builder
     * @throws NullPointerException if {@code urgency} is null
     */
    public Builder urgency(Urgency urgency) {
      this.urgency = checkNotNull(urgency, "urgency");
      return this;
    }

    /**
     * Builds the term.
     *
     * @return the term
     */
    public LexiconTerm build() {
      return new LexiconTerm(this);
    }
  }
}

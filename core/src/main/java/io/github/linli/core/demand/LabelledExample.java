package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Objects;

/**
 * A need text with the tier and domain a coordinator gave it: what a classifier is trained and
 * evaluated on. The text is personal data and is left out of {@code toString()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LabelledExample {
  private final String text;
  private final MaslowTier tier;
  private final ServiceDomain domain;

  private LabelledExample(String text, MaslowTier tier, ServiceDomain domain) {
    this.text = text;
    this.tier = tier;
    this.domain = domain;
  }

  /**
   * Creates an example.
   *
   * @param text the need text
   * @param tier its tier
   * @param domain its domain
   * @return the example
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the text is blank or longer than {@link
   *     DemandRequest#MAX_TEXT_LENGTH} (an example teaches nothing then; the text itself is never
   *     shown, as it may be personal)
   */
  public static LabelledExample of(String text, MaslowTier tier, ServiceDomain domain) {
    checkNotNull(text, "text");
    DemandRequest.checkText("example.text", text);
    return new LabelledExample(text, checkNotNull(tier, "tier"), checkNotNull(domain, "domain"));
  }

  /**
   * Parses a line {@code TIER<TAB>DOMAIN_ID<TAB>URGENCY<TAB>text} (the urgency column may be
   * {@code -}), the format of the shipped training and evaluation sets.
   *
   * @param line the line
   * @param taxonomy the taxonomy the domain id must belong to
   * @return the example
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the line is malformed; the message names the column, never a
   *     cell's content (issue 17: with shifted columns, the tier and domain cells held the text)
   */
  public static LabelledExample parse(String line, DomainTaxonomy taxonomy) {
    checkNotNull(line, "line");
    checkNotNull(taxonomy, "taxonomy");
    String[] f = line.split("\t", 4);
    if (f.length != 4) {
      throw new ValidationException("example line", "(" + f.length + " columns)", "needs TIER, DOMAIN, URGENCY and text, tab-separated");
    }
    MaslowTier tier;
    try {
      tier = MaslowTier.valueOf(f[0].strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("example tier (column 1)", Checks.WITHHELD,
          "is not a tier (" + java.util.Arrays.toString(MaslowTier.values()) + ")");
    }
    ServiceDomain domain =
        taxonomy.find(f[1].strip()).orElseThrow(() -> new ValidationException("example domain (column 2)", Checks.WITHHELD,
            "is not a domain id of taxonomy " + taxonomy.id()));
    return of(f[3], tier, domain);
  }

  /**
   * The need text (personal data).
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The tier.
   *
   * @return the tier
   */
  public MaslowTier tier() {
    return tier;
  }

  /**
   * The domain.
   *
   * @return the domain
   */
  public ServiceDomain domain() {
    return domain;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelledExample
        && ((LabelledExample) o).text.equals(text)
        && ((LabelledExample) o).tier == tier
        && ((LabelledExample) o).domain.equals(domain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, tier, domain);
  }

  /** Returns the labels without the text. */
  @Override
  public String toString() {
    return "LabelledExample{text=****, tier=" + tier + ", domain=" + domain + "}";
  }
}

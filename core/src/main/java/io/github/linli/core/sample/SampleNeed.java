package io.github.linli.core.sample;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import java.time.Instant;

/**
 * A synthetic need of a {@link SampleCommunity}: its text as a resident would write it (Chinese or
 * English), and the tier, domain and urgency a coordinator would give it, so classifiers and
 * matchers can be checked against them. The text is personal data: {@code toString()} leaves it
 * out.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SampleNeed {
  private final String id;
  private final ResidentId requester;
  private final String text;
  private final String language;
  private final ServiceDomain domain;
  private final MaslowTier tier;
  private final Urgency urgency;
  private final GeoPoint place;
  private final String cell;
  private final Instant createdAt;
  private final TimeWindow wanted;

  SampleNeed(
      String id,
      ResidentId requester,
      String text,
      String language,
      ServiceDomain domain,
      MaslowTier tier,
      Urgency urgency,
      GeoPoint place,
      String cell,
      Instant createdAt,
      TimeWindow wanted) {
    this.id = id;
    this.requester = requester;
    this.text = text;
    this.language = language;
    this.domain = domain;
    this.tier = tier;
    this.urgency = urgency;
    this.place = place;
    this.cell = cell;
    this.createdAt = createdAt;
    this.wanted = wanted;
  }

  /**
   * The need's id, unique within its community.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Who asked.
   *
   * @return the resident id
   */
  public ResidentId requester() {
    return requester;
  }

  /**
   * The text as the resident wrote it (personal data).
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The language of the text: {@code zh} or {@code en}.
   *
   * @return the language code
   */
  public String language() {
    return language;
  }

  /**
   * The domain a coordinator would give it.
   *
   * @return the domain
   */
  public ServiceDomain domain() {
    return domain;
  }

  /**
   * The Maslow tier a coordinator would give it.
   *
   * @return the tier
   */
  public MaslowTier tier() {
    return tier;
  }

  /**
   * The urgency a coordinator would give it.
   *
   * @return the urgency
   */
  public Urgency urgency() {
    return urgency;
  }

  /**
   * Where the service is wanted: the requester's home.
   *
   * @return the place
   */
  public GeoPoint place() {
    return place;
  }

  /**
   * The grid cell of the place.
   *
   * @return the cell id
   */
  public String cell() {
    return cell;
  }

  /**
   * When the need was submitted.
   *
   * @return the instant
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * When the resident wants the service.
   *
   * @return the window
   */
  public TimeWindow wanted() {
    return wanted;
  }

  /** Returns id, labels and cell; never the text. */
  @Override
  public String toString() {
    return "SampleNeed{" + id + ", " + tier + ", " + domain + ", " + urgency + ", cell=" + cell + "}";
  }
}

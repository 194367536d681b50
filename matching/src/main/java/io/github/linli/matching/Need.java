package io.github.linli.matching;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.internal.Checks;
import org.immutables.value.Value;

/**
 * The demand side of matching: one resident's need, as much as the matcher must know. The
 * requester's facts decide eligibility and are personal data: they print as {@code ****} and
 * never reach explanations, reasons, messages or logs.
 *
 * <p>Immutable and thread-safe. Adapters from core's demands are a few lines: id, neighbourhood,
 * tier, urgency, domain, place and window map one to one.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Need {
  Need() {}

  /**
   * The need's id (opaque, no personal data), unique within a matching run.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The neighbourhood (小区 / 网格) id, for eligibility and fairness.
   *
   * @return the id
   */
  public abstract String neighbourhood();

  /**
   * The Maslow tier: more basic tiers are served first.
   *
   * @return the tier
   */
  public abstract MaslowTier tier();

  /**
   * The urgency: within a tier, more urgent needs are served first.
   *
   * @return the urgency
   */
  @Value.Default
  public Urgency urgency() {
    return Urgency.NORMAL;
  }

  /**
   * The service domain.
   *
   * @return the domain
   */
  public abstract ServiceDomain domain();

  /**
   * Where the service is needed.
   *
   * @return the place
   */
  public abstract GeoPoint place();

  /**
   * When the service is wanted.
   *
   * @return the window
   */
  public abstract TimeWindow wanted();

  /**
   * The requester's facts for eligibility (personal data, redacted in {@code toString()}).
   *
   * @return the facts; none unless set
   */
  @Value.Default
  @Value.Redacted
  public RequesterFacts requester() {
    return RequesterFacts.none();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("need.id", id());
    Checks.id("need.neighbourhood", neighbourhood());
  }

  /** Builds a {@link Need}. Not thread-safe. */
  public static final class Builder extends ImmutableNeed.Builder {
    Builder() {}
  }
}

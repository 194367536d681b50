package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.internal.Checks;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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
   * The neighbourhood (小区 / 网格) id, for eligibility and fairness: an offer whose {@link
   * io.github.linli.core.alliance.PledgeEligibility#areas()} are not empty admits the need only if
   * one of them equals this id exactly. Use the ids the alliance uses for cards' areas and demands'
   * grid cells ({@link #fromDemand} takes the demand's grid cell).
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
   * Where the service is needed (personal data when it is a home: redacted in {@code
   * toString()}).
   *
   * @return the place
   */
  @Value.Redacted
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

  /**
   * The need of a classified core demand: its id, grid cell (as neighbourhood), tier, urgency,
   * domain, point and wanted window, with the requester's facts (card, age; the demand's household
   * flags are added to theirs).
   *
   * @param demand the demand; it must have a domain, a tier, a point, a grid cell and a window
   * @param requester the requester's facts, looked up by the caller from the demand's resident
   * @return the need
   * @throws ValidationException naming the first missing field (the value is not echoed: places are
   *     personal data)
   */
  public static Need fromDemand(Demand demand, RequesterFacts requester) {
    checkNotNull(demand, "demand");
    checkNotNull(requester, "requester");
    RequesterFacts facts = requester;
    if (!demand.householdFlags().isEmpty()) {
      Set<HouseholdFlag> flags = EnumSet.noneOf(HouseholdFlag.class);
      flags.addAll(requester.flags());
      flags.addAll(demand.householdFlags());
      facts =
          requester.age().isPresent()
              ? RequesterFacts.of(requester.cardHolder(), requester.age().getAsInt(), flags)
              : RequesterFacts.withoutAge(requester.cardHolder(), flags);
    }
    return builder()
        .id(demand.id())
        .neighbourhood(required("demand.gridCell", demand.id(), demand.gridCell()))
        .tier(required("demand.tier", demand.id(), demand.tier()))
        .urgency(demand.urgency())
        .domain(required("demand.domain", demand.id(), demand.domain()))
        .place(required("demand.point", demand.id(), demand.point()))
        .wanted(required("demand.wanted", demand.id(), demand.wanted()))
        .requester(facts)
        .build();
  }

  private static <T> T required(String field, String id, Optional<T> value) {
    return value.orElseThrow(() -> new ValidationException(field, id, "is required to match demand " + id));
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

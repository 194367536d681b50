package io.github.linli.core.alliance;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Service delivered under a pledge: a card use (one unit, with the card) or units recorded
 * without a card (a free lecture's attendance, say). Deliveries feed {@link Fulfilment} and the
 * contribution value.
 *
 * <p>Immutable and thread-safe. Created by the {@link Alliance}; {@link #builder()} is for a portal that
 * rebuilds an {@link AllianceSnapshot} from its stored deliveries ({@link Alliance#restore} checks them).
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Delivery {
  Delivery() {}

  /**
   * The pledge served.
   *
   * @return the pledge id
   */
  public abstract String pledgeId();

  /**
   * The card used, for a card use.
   *
   * @return the card id, if any
   */
  public abstract Optional<String> cardId();

  /**
   * Units delivered: 1 for a card use.
   *
   * @return the units, positive
   */
  public abstract int units();

  /**
   * Who recorded it.
   *
   * @return the actor id
   */
  public abstract String actorId();

  /**
   * When (from the alliance's clock).
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * A new builder, for rebuilding an {@link AllianceSnapshot} from stored deliveries.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Delivery}. Not thread-safe. */
  public static final class Builder extends ImmutableDelivery.Builder {
    Builder() {}
  }
}

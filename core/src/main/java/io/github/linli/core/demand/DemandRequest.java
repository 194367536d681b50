package io.github.linli.core.demand;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a resident submits (需求登记): the text of the need, where and when, and household facts.
 * {@link DemandIntake#submit(io.github.linli.core.Actor, DemandRequest)} turns it into a {@link
 * Demand}.
 *
 * <p>The text, the point and the household flags are personal data: {@code toString()} masks
 * them. A request needs a point or a grid cell (or both). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class DemandRequest {
  /** Longest need text accepted, in chars. */
  public static final int MAX_TEXT_LENGTH = 20_000;

  DemandRequest() {}

  /**
   * The demand id the portal assigns, unique within the community.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Who needs it.
   *
   * @return the resident id
   */
  public abstract ResidentId requester();

  /**
   * The need in the resident's words (personal data).
   *
   * @return the text
   */
  @Value.Redacted
  public abstract String text();

  /**
   * Where the service is needed (personal data: often a home).
   *
   * @return the point, if given
   */
  @Value.Redacted
  public abstract Optional<GeoPoint> point();

  /**
   * The grid cell (网格) of the place, as the portal names its cells.
   *
   * @return the cell id, if given
   */
  public abstract Optional<String> gridCell();

  /**
   * When the resident wants the service.
   *
   * @return the window, if given
   */
  public abstract Optional<TimeWindow> wanted();

  /**
   * Household facts that matter for the need (personal data).
   *
   * @return the flags, possibly empty
   */
  @Value.Redacted
  public abstract Set<HouseholdFlag> householdFlags();

  /**
   * Checks a need's free text: not blank, at most {@link #MAX_TEXT_LENGTH} characters. The error
   * never shows the text (it may be personal), only that it is blank or its length.
   */
  static void checkText(String field, String text) {
    if (text.isBlank()) {
      throw new ValidationException(field, "(blank)", "must not be blank");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new ValidationException(field, "(" + text.length() + " chars)", "must be at most " + MAX_TEXT_LENGTH + " chars");
    }
  }

  @Value.Check
  void check() {
    Checks.id("demand.id", id());
    checkText("demand.text", text());
    if (point().isEmpty() && gridCell().isEmpty()) {
      throw new ValidationException("demand.place", null, "needs a point or a grid cell");
    }
    gridCell().ifPresent(c -> Checks.id("demand.gridCell", c));
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DemandRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableDemandRequest.Builder {
    Builder() {}
  }
}

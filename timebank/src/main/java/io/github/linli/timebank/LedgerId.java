package io.github.linli.timebank;

import io.github.linli.core.OpaqueId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;

/**
 * The id of a ledger: one ledger per unit. A transfer never crosses ledgers. Three ledgers are
 * predefined ({@link #SERVICE_MINUTES}, {@link #VOLUNTEER_POINTS}, {@link #CARBON_POINTS}); a
 * community may use its own id for its own unit. Ids are non-blank, at most 128 characters, no control characters
 * and no surrounding white space.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LedgerId extends OpaqueId<LedgerId> {
  /** Service time in whole minutes (服务时长): the time bank's main ledger. */
  public static final LedgerId SERVICE_MINUTES = new LedgerId("service-minutes");

  /** Volunteer points (志愿积分). */
  public static final LedgerId VOLUNTEER_POINTS = new LedgerId("volunteer-points");

  /** Carbon points (碳积分), redeemable for rewards. */
  public static final LedgerId CARBON_POINTS = new LedgerId("carbon-points");

  private LedgerId(String value) {
    super(value);
  }

  /**
   * Creates an id.
   *
   * @param value the id text
   * @return the id
   * @throws ValidationException if {@code value} is null, blank, too long or has control characters
   */
  public static LedgerId of(String value) {
    return new LedgerId(Checks.id("ledgerId", value));
  }
}

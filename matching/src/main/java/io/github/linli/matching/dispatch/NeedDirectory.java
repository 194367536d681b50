package io.github.linli.matching.dispatch;

import io.github.linli.matching.Need;
import java.util.Optional;

/**
 * Where a dispatcher looks up the personal half of a need it did not see arrive (one that arrived
 * on another server, or before a restart): its place and its requester's facts. The dispatcher's
 * events keep only ids, tiers, domains, cells and windows, never a home's location or a resident's
 * facts; a portal implements this from its {@code DemandIntake} and benefit-card records.
 *
 * <p>Only {@link Need#place()} and {@link Need#requester()} of the answer are used. Must be
 * thread-safe.
 *
 * @since 0.3.0
 */
@FunctionalInterface
public interface NeedDirectory {
  /**
   * The need with this id, if known.
   *
   * @param needId the id
   * @return the need, or empty
   */
  Optional<Need> find(String needId);

  /**
   * A directory that knows nothing: a dispatcher then re-places only needs it saw arrive.
   *
   * @return the directory
   */
  static NeedDirectory none() {
    return id -> Optional.empty();
  }
}

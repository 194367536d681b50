package io.github.linli.matching;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A matcher for demands that arrive one at a time: open a {@link Session} on the period's offers,
 * then {@link Session#arrive} each demand and answer it at once.
 *
 * <p>Thread-safe; each session is not (confine it to one thread or lock around it).
 *
 * @since 0.1.0
 */
public interface StreamingMatcher extends Matcher {
  /**
   * Opens a session on the offers of a period.
   *
   * @param offers the offers, with distinct ids
   * @return a new session
   * @throws io.github.linli.core.ValidationException if offer ids repeat
   */
  Session open(List<Offer> offers);

  /**
   * Whether arrivals may displace lower-priority demands.
   *
   * @return true if reassignment is allowed
   */
  boolean allowReassignment();

  /**
   * After how many arrivals the session re-optimises (0: never).
   *
   * @return the period in arrivals
   */
  int reoptimiseEvery();

  /**
   * A streaming session: the state of one period's offers. Not thread-safe.
   *
   * @since 0.1.0
   */
  interface Session {
    /**
     * Takes one demand and answers it at once. Cost per arrival: the candidates of its grid cell
     * ({@code O(1)} on city-like data), plus an exact re-optimisation every {@code
     * reoptimiseEvery} arrivals.
     *
     * @param need the demand; its id must be new to the session
     * @return the decision
     * @throws io.github.linli.core.ValidationException if the id was seen before (nothing changes)
     */
    Decision arrive(Need need);

    /**
     * Re-optimises all demands so far exactly (only with reassignment allowed).
     *
     * @return how many demands changed offer (or between served and unserved)
     * @throws IllegalStateException if reassignment is not allowed
     */
    int reoptimise();

    /**
     * The current offer of a demand.
     *
     * @param needId the need's id
     * @return the offer id, if served
     */
    Optional<String> offerOf(String needId);

    /**
     * The number of demands that arrived.
     *
     * @return the count
     */
    int arrivals();

    /**
     * The current state as a result, with explanations, reasons and metrics.
     *
     * @return the result
     */
    MatchResult result();
  }

  /**
   * The answer to one arrival.
   *
   * <p>Immutable and thread-safe.
   *
   * @since 0.1.0
   */
  @Value.Immutable
  abstract class Decision {
    Decision() {}

    /**
     * The arriving need's id.
     *
     * @return the id
     */
    public abstract String needId();

    /**
     * The offer it got, if any.
     *
     * @return the offer id
     */
    public abstract Optional<String> offerId();

    /**
     * The demands that lost their offer to it and could not be re-placed (only with
     * reassignment).
     *
     * @return the ids
     */
    public abstract List<String> displacedNeedIds();

    /**
     * The demands moved to another offer to make room (only with reassignment).
     *
     * @return the ids
     */
    public abstract List<String> movedNeedIds();

    static ImmutableDecision.Builder builder() {
      return ImmutableDecision.builder();
    }
  }
}

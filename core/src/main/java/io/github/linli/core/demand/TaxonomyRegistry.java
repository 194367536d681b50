package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.MotionKind;
import io.github.linli.core.governance.Resolution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service-domain taxonomies a community knows, and the one in force. Source 004's joint
 * meeting "decides the need categories": a taxonomy is registered as a proposal, and becomes
 * current only through a joint-meeting {@link Resolution} that authorises {@link
 * MotionKind#ADOPT_TAXONOMY} with its id and version ({@link Motion#adoptTaxonomy}).
 *
 * <p>Starts with {@link DomainTaxonomy#defaultTaxonomy()} in force. Every adoption is recorded with
 * the resolution, the actor and the time from the injected clock. A refused call changes nothing.
 *
 * <p>Thread-safe: every method synchronises on the registry. Each operation is O(1) apart from
 * {@link #history()}, which copies the adoptions.
 *
 * @since 0.1.0
 */
public final class TaxonomyRegistry {
  private static final Set<Role> REGISTRARS =
      EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN, Role.MEETING_SECRETARY);

  /** One adoption: which taxonomy became current, by which resolution, when and by whom. */
  public static final class Adoption {
    private final String taxonomyKey;
    private final String resolutionId;
    private final String actorId;
    private final Instant at;

    Adoption(String taxonomyKey, String resolutionId, String actorId, Instant at) {
      this.taxonomyKey = taxonomyKey;
      this.resolutionId = resolutionId;
      this.actorId = actorId;
      this.at = at;
    }

    /**
     * The adopted taxonomy's key, {@code id@version}.
     *
     * @return the key
     */
    public String taxonomyKey() {
      return taxonomyKey;
    }

    /**
     * The resolution that authorised it.
     *
     * @return the resolution id
     */
    public String resolutionId() {
      return resolutionId;
    }

    /**
     * Who carried it out.
     *
     * @return the actor id
     */
    public String actorId() {
      return actorId;
    }

    /**
     * When.
     *
     * @return the instant
     */
    public Instant at() {
      return at;
    }

    @Override
    public String toString() {
      return "Adoption{" + taxonomyKey + " by resolution " + resolutionId + ", " + actorId + " at " + at + "}";
    }
  }

  private final Clock clock;
  private final Map<String, DomainTaxonomy> known = new LinkedHashMap<>();
  private final List<Adoption> adoptions = new ArrayList<>();
  private DomainTaxonomy current;

  private TaxonomyRegistry(Clock clock) {
    this.clock = clock;
    this.current = DomainTaxonomy.defaultTaxonomy();
    known.put(current.key(), current);
  }

  /**
   * A registry with the default taxonomy in force.
   *
   * @param clock the clock that stamps adoptions
   * @return the registry
   */
  public static TaxonomyRegistry create(Clock clock) {
    return new TaxonomyRegistry(checkNotNull(clock, "clock"));
  }

  /**
   * Registers a proposed taxonomy, so that a joint meeting can adopt it.
   *
   * @param actor who registers it: a coordinator, the residents' committee, the alliance
   *     administrator or the meeting secretary
   * @param taxonomy the proposal
   * @throws PermissionDeniedException if the actor holds none of those roles
   * @throws ConflictException if another taxonomy with the same id and version is registered
   */
  public synchronized void register(Actor actor, DomainTaxonomy taxonomy) {
    checkNotNull(actor, "actor");
    checkNotNull(taxonomy, "taxonomy");
    actor.require("taxonomy.register", REGISTRARS);
    DomainTaxonomy existing = known.get(taxonomy.key());
    if (existing != null && !existing.equals(taxonomy)) {
      throw new ConflictException("taxonomy " + taxonomy.key() + " is already registered with other domains");
    }
    known.put(taxonomy.key(), taxonomy);
  }

  /**
   * Makes the taxonomy a resolution names current.
   *
   * @param actor who carries out the resolution: one of {@link Resolution#ENACTING_ROLES}
   * @param resolution an adopted {@link MotionKind#ADOPT_TAXONOMY} resolution
   * @return the taxonomy now in force
   * @throws PermissionDeniedException if the actor may not, or the resolution does not authorise
   *     adopting a taxonomy
   * @throws ValidationException if the resolution's version is not a whole number
   * @throws NotFoundException if no taxonomy with that id and version is registered
   * @throws ConflictException if the resolution has already been carried out
   */
  public synchronized DomainTaxonomy adopt(Actor actor, Resolution resolution) {
    checkNotNull(actor, "actor");
    checkNotNull(resolution, "resolution");
    actor.require("taxonomy.adopt", Resolution.ENACTING_ROLES);
    if (!resolution.authorises(MotionKind.ADOPT_TAXONOMY)) {
      throw new PermissionDeniedException(
          actor, "taxonomy.adopt", "resolution " + resolution.id() + " does not authorise adopting a taxonomy");
    }
    for (Adoption a : adoptions) {
      if (a.resolutionId.equals(resolution.id())) {
        throw new ConflictException("resolution " + resolution.id() + " was already carried out: " + a);
      }
    }
    Map<String, String> payload = resolution.motion().payload();
    String id = payload.get(Motion.TAXONOMY_ID);
    String versionText = payload.get(Motion.TAXONOMY_VERSION);
    int version;
    try {
      version = Integer.parseInt(String.valueOf(versionText).strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(Motion.TAXONOMY_VERSION, versionText, "must be a whole number", e);
    }
    String key = id + "@" + version;
    DomainTaxonomy taxonomy = known.get(key);
    if (taxonomy == null) {
      throw new NotFoundException("taxonomy", key);
    }
    current = taxonomy;
    adoptions.add(new Adoption(key, resolution.id(), actor.id(), clock.instant()));
    return taxonomy;
  }

  /**
   * The taxonomy in force.
   *
   * @return the current taxonomy
   */
  public synchronized DomainTaxonomy current() {
    return current;
  }

  /**
   * A registered taxonomy.
   *
   * @param id its id
   * @param version its version
   * @return the taxonomy, if registered
   */
  public synchronized Optional<DomainTaxonomy> find(String id, int version) {
    return Optional.ofNullable(known.get(id + "@" + version));
  }

  /**
   * Every adoption, oldest first.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<Adoption> history() {
    return List.copyOf(adoptions);
  }

  @Override
  public synchronized String toString() {
    return "TaxonomyRegistry{current=" + current.key() + ", registered=" + known.keySet() + "}";
  }
}

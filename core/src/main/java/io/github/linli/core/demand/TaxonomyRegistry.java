package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Mandate;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.Label;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.FeedState;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The service-domain taxonomies a community knows, and the one in force. Source 004's joint
 * meeting "decides the need categories": a taxonomy is registered as a proposal, and becomes
 * current only through a joint-meeting resolution (a {@link Mandate}) that decides {@value
 * #ADOPT_TAXONOMY} with the taxonomy's id and version as its terms {@value #TERM_ID} and {@value
 * #TERM_VERSION} (governance's {@code Motion.adoptTaxonomy} makes such a motion).
 *
 * <p>Starts with {@link DomainTaxonomy#defaultTaxonomy()} in force. Every adoption is recorded with
 * the resolution, the actor and the time from the injected clock. A refused call changes nothing.
 * Registrations and adoptions are events in an event store ({@link #open}; {@link #create} uses an
 * in-memory one), applied in one place, live and on load.
 *
 * <p>Thread-safe: commands take turns on the registry's state. Each operation is O(1) apart from
 * {@link #history()}, which copies the adoptions, and catching up, linear in the new events.
 *
 * @since 0.1.0
 */
public final class TaxonomyRegistry {
  /** What a resolution that adopts a taxonomy decides ({@link Mandate#decides()}). */
  public static final String ADOPT_TAXONOMY = "ADOPT_TAXONOMY";

  /** The term of such a resolution that names the taxonomy's id. */
  public static final String TERM_ID = "taxonomy.id";

  /** The term of such a resolution that names the taxonomy's version. */
  public static final String TERM_VERSION = "taxonomy.version";

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
  private final Registry state;

  private TaxonomyRegistry(Clock clock, Registry state) {
    this.clock = clock;
    this.state = state;
  }

  /**
   * A registry with the default taxonomy in force, kept in memory.
   *
   * @param clock the clock that stamps adoptions
   * @return the registry
   */
  public static TaxonomyRegistry create(Clock clock) {
    checkNotNull(clock, "clock");
    return open(EventStores.inMemory(clock), "local", clock);
  }

  /**
   * A community's registry kept in an event store (category {@code taxonomy}, one stream {@code
   * registry}): registrations and adoptions are events, and loading replays them. Starts with the
   * default taxonomy in force. Several servers may share it: a command decides on the state caught
   * up with the others' writes.
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock that stamps adoptions (truncated to microseconds)
   * @return the registry
   * @throws ValidationException if an argument is missing or the tenant is not an id
   * @throws io.github.linli.core.ConsistencyException if a stored event cannot be read (naming
   *     tenant, stream and version)
   * @since 0.2.0
   */
  public static TaxonomyRegistry open(EventStore store, String tenant, Clock clock) {
    if (store == null || clock == null) {
      throw new ValidationException(store == null ? "store" : "clock", null, "must not be null");
    }
    Registry r = new Registry(store, Checks.id("tenant", tenant));
    r.catchUp();
    return new TaxonomyRegistry(clock, r);
  }

  /**
   * Registers a proposed taxonomy, so that a joint meeting can adopt it. Registering the same
   * taxonomy again changes nothing.
   *
   * @param actor who registers it: a coordinator, the residents' committee, the alliance
   *     administrator or the meeting secretary
   * @param taxonomy the proposal
   * @throws PermissionDeniedException if the actor holds none of those roles
   * @throws ConflictException if another taxonomy with the same id and version is registered
   */
  public void register(Actor actor, DomainTaxonomy taxonomy) {
    checkNotNull(actor, "actor");
    checkNotNull(taxonomy, "taxonomy");
    actor.require("taxonomy.register", REGISTRARS);
    state.command(() -> {
      DomainTaxonomy existing = state.known.get(taxonomy.key());
      if (existing != null && !existing.equals(taxonomy)) {
        throw new ConflictException("taxonomy " + taxonomy.key() + " is already registered with other domains");
      }
      return existing != null ? null : Registry.registered(taxonomy);
    });
  }

  /**
   * Makes the taxonomy a resolution names current.
   *
   * @param actor who carries out the resolution: one of {@link Mandate#ENACTING_ROLES}
   * @param resolution an adopted resolution deciding {@value #ADOPT_TAXONOMY}
   * @return the taxonomy now in force
   * @throws PermissionDeniedException if the actor may not, or the resolution does not authorise
   *     adopting a taxonomy
   * @throws ValidationException if the resolution's version is not a whole number
   * @throws NotFoundException if no taxonomy with that id and version is registered
   * @throws ConflictException if the resolution has already been carried out
   */
  public DomainTaxonomy adopt(Actor actor, Mandate resolution) {
    checkNotNull(actor, "actor");
    checkNotNull(resolution, "resolution");
    actor.require("taxonomy.adopt", Mandate.ENACTING_ROLES);
    if (!ADOPT_TAXONOMY.equals(resolution.decides())) {
      throw new PermissionDeniedException(
          actor, "taxonomy.adopt", "resolution " + resolution.id() + " does not authorise adopting a taxonomy");
    }
    Map<String, String> payload = resolution.terms();
    String id = payload.get(TERM_ID);
    String versionText = payload.get(TERM_VERSION);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    state.command(() -> {
      for (Adoption a : state.adoptions) {
        if (a.resolutionId.equals(resolution.id())) {
          throw new ConflictException("resolution " + resolution.id() + " was already carried out: " + a);
        }
      }
      int version;
      try {
        version = Integer.parseInt(String.valueOf(versionText).strip());
      } catch (NumberFormatException e) {
        throw new ValidationException(TERM_VERSION, versionText, "must be a whole number", e);
      }
      String key = id + "@" + version;
      if (!state.known.containsKey(key)) {
        throw new NotFoundException("taxonomy", key);
      }
      return Registry.adopted(new Adoption(key, resolution.id(), actor.id(), at));
    });
    synchronized (state) {
      return state.current;
    }
  }

  /**
   * The taxonomy in force (as this server last saw it; commands catch up first).
   *
   * @return the current taxonomy
   */
  public DomainTaxonomy current() {
    synchronized (state) {
      return state.current;
    }
  }

  /**
   * A registered taxonomy.
   *
   * @param id its id
   * @param version its version
   * @return the taxonomy, if registered
   */
  public Optional<DomainTaxonomy> find(String id, int version) {
    synchronized (state) {
      return Optional.ofNullable(state.known.get(id + "@" + version));
    }
  }

  /**
   * Every adoption, oldest first.
   *
   * @return an unmodifiable copy
   */
  public List<Adoption> history() {
    synchronized (state) {
      return List.copyOf(state.adoptions);
    }
  }

  /**
   * Catches up with what other servers wrote to the store.
   *
   * @return how many events were applied
   * @since 0.2.0
   */
  public int refresh() {
    return state.catchUp();
  }

  /** The registry's state, kept from its stream; changes only in {@link #apply}. */
  private static final class Registry extends FeedState {
    static final String CATEGORY = "taxonomy";
    static final String REGISTERED = "TaxonomyRegistered";
    static final String ADOPTED = "TaxonomyAdopted";
    private static final Set<String> NAMES = Set.of("id", "version", "domains", "zh", "en", "parent", "taxonomy", "resolution", "actor", "at");

    final Map<String, DomainTaxonomy> known = new LinkedHashMap<>();
    final List<Adoption> adoptions = new ArrayList<>();
    DomainTaxonomy current;

    Registry(EventStore store, String tenant) {
      super(store, tenant, List.of(CATEGORY));
      current = DomainTaxonomy.defaultTaxonomy();
      known.put(current.key(), current);
    }

    StreamId stream() {
      return StreamId.of(tenant, CATEGORY, "registry");
    }

    void command(Supplier<EventData> decide) {
      execute(null, () -> {
        EventData e = decide.get();
        return e == null ? null : AppendRequest.to(stream(), version(stream()), e);
      }, events -> null);
    }

    static EventData registered(DomainTaxonomy t) {
      List<Object> domains = new ArrayList<>();
      for (ServiceDomain d : t.domains()) {
        domains.add(Json.fields("id", d.id(), "zh", d.label().zh(), "en", d.label().en(),
            "parent", d.parentId().isPresent() ? d.parentId().get() : Json.NULL));
      }
      return EventData.of(REGISTERED, 1, Json.write(Json.fields("id", t.id(), "version", t.version(), "domains", domains)));
    }

    static EventData adopted(Adoption a) {
      return EventData.of(ADOPTED, 1, Json.write(Json.fields(
          "taxonomy", a.taxonomyKey, "resolution", a.resolutionId, "actor", a.actorId, "at", a.at.toString())));
    }

    @Override
    protected void apply(RecordedEvent e) {
      try {
        if (REGISTERED.equals(e.type()) && e.typeVersion() == 1) {
          JsonFields f = new JsonFields(Json.parse(e.json(), NAMES), "", List.of("id", "version", "domains"));
          DomainTaxonomy.Builder b = DomainTaxonomy.builder(f.id("id"), (int) f.integer("version", 1, Integer.MAX_VALUE));
          Map<String, ServiceDomain> byId = new LinkedHashMap<>();
          List<Object> ds = f.array("domains");
          for (int i = 0; i < ds.size(); i++) {
            JsonFields d = f.element("domains", i, ds.get(i), List.of("id", "zh", "en", "parent"));
            Label label = Label.of(d.string("zh"), d.string("en"));
            Optional<String> parent = d.optString("parent");
            ServiceDomain sd = parent.isPresent() && byId.containsKey(parent.get())
                ? ServiceDomain.of(d.id("id"), label, byId.get(parent.get()))
                : ServiceDomain.of(d.id("id"), label);
            ServiceDomain known = DomainTaxonomy.defaultTaxonomy().find(sd.id()).orElse(null);
            if (known != null && known.label().equals(label) && known.parentId().equals(sd.parentId())) {
              sd = known;
            }
            byId.put(sd.id(), sd);
            b.add(sd);
          }
          DomainTaxonomy t = b.build();
          this.known.put(t.key(), t);
        } else if (ADOPTED.equals(e.type()) && e.typeVersion() == 1) {
          JsonFields f = new JsonFields(Json.parse(e.json(), NAMES), "", List.of("taxonomy", "resolution", "actor", "at"));
          String key = f.string("taxonomy");
          DomainTaxonomy t = known.get(key);
          if (t == null) {
            throw new ValidationException("taxonomy", key, "is not registered before its adoption");
          }
          adoptions.add(new Adoption(key, f.id("resolution"), f.id("actor"), f.instant("at")));
          current = t;
        } else {
          throw new ConsistencyException("taxonomy event " + e.stream() + " version " + e.version() + " has type " + e.type()
              + " v" + e.typeVersion() + ", which this Linli does not read (tenant " + e.stream().tenant() + ")");
        }
      } catch (ValidationException | IllegalArgumentException x) {
        throw new ConsistencyException("taxonomy event " + e.stream() + " version " + e.version() + " (tenant "
            + e.stream().tenant() + ") is damaged: " + x.getMessage(), x);
      }
    }
  }

  @Override
  public String toString() {
    synchronized (state) {
      return "TaxonomyRegistry{current=" + state.current.key() + ", registered=" + state.known.keySet() + "}";
    }
  }
}

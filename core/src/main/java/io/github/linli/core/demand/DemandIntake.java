package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.records.RecordKeeper;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Takes residents' demands in and moves them through their lifecycle (需求受理): submit, classify
 * (automatically with a {@link DemandClassifier}, or by a coordinator), match, start service, and
 * close as fulfilled, unmet or withdrawn with the resident's satisfaction.
 *
 * <p>Every operation takes the {@link Actor} who performs it and checks its roles; an illegal move
 * is a {@link ConflictException} that names the current state. Demands are immutable: each
 * operation returns the new demand and leaves the given one unchanged, so a failed operation
 * changes nothing. Times come from the injected {@link Clock}, truncated to microseconds (what
 * PostgreSQL keeps), once, here.
 *
 * <p><b>Two forms.</b> {@link #create(Clock)} keeps nothing: each operation works on the demand it
 * is given. {@link #open(EventStore, String, Clock, PersonalDataStore)} keeps a community's demands
 * in an event store (category {@code demand}, one stream per demand): each operation works on the
 * demand's stored state, caught up with what other servers wrote (the given demand only names it),
 * records the change as an event, and returns the new demand; a command that loses a race with
 * another server decides again on the fresh state, so a move made stale by it fails with a {@link
 * ConflictException} naming the state it found. The need's text, point and household flags go to
 * the {@link PersonalDataStore} (kinds {@code NEED_TEXT}, {@code LOCATION}, {@code
 * HOUSEHOLD_FLAGS}), never into events; after the resident's data is erased, the demand keeps its
 * classification, cell, states and times, with an empty text, no point and no flags. {@link
 * #withCommandId(String)} makes a retried request idempotent.
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>operation</th><th>roles</th></tr>
 *   <tr><td>submit</td><td>the requester as {@code RESIDENT} (actor id = resident id), {@code
 *       COORDINATOR}, {@code RESIDENTS_COMMITTEE}, {@code SYSTEM}</td></tr>
 *   <tr><td>classify, reclassify, match, returnToQueue, markUnmet</td><td>{@code COORDINATOR}, {@code
 *       RESIDENTS_COMMITTEE}, {@code SYSTEM}</td></tr>
 *   <tr><td>startService, fulfil</td><td>those, plus {@code VOLUNTEER} and {@code
 *       MEMBER_REPRESENTATIVE}</td></tr>
 *   <tr><td>withdraw</td><td>the requester as {@code RESIDENT}, {@code COORDINATOR}, {@code
 *       SYSTEM}</td></tr>
 * </table>
 *
 * <p>Thread-safe. The in-memory form is immutable. The stored form holds no community-wide state:
 * each command reads its one demand's stream (a small cache keeps recently used demands), so memory
 * stays bounded however many demands a community has, and commands on different demands never wait
 * for each other, on one server or several.
 *
 * @since 0.1.0
 */
public final class DemandIntake {
  private static final Set<Role> STAFF = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM));
  private static final Set<Role> PROVIDERS =
      Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM, Role.VOLUNTEER, Role.MEMBER_REPRESENTATIVE));
  private static final Set<Role> WITHDRAWERS = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.SYSTEM));

  private final Clock clock;
  private final DemandClassifier classifier;
  private final ResponseMapping mapping;
  private final DemandLedger ledger; // null: in-memory form
  private final RecordKeeper keeper;
  private final String commandId;

  private DemandIntake(
      Clock clock, DemandClassifier classifier, ResponseMapping mapping, DemandLedger ledger, RecordKeeper keeper, String commandId) {
    this.clock = clock;
    this.classifier = classifier;
    this.mapping = mapping;
    this.ledger = ledger;
    this.keeper = keeper;
    this.commandId = commandId;
  }

  /**
   * An intake with the default classifier and response mapping that keeps nothing (each operation
   * works on the demand it is given).
   *
   * @param clock the clock for submission and transition times
   * @return the intake
   * @throws NullPointerException if {@code clock} is null
   */
  public static DemandIntake create(Clock clock) {
    return create(clock, DemandClassifier.defaultClassifier(), ResponseMapping.defaults());
  }

  /**
   * An intake with a community's classifier and response mapping that keeps nothing.
   *
   * @param clock the clock
   * @param classifier the classifier
   * @param mapping the tier to response-level mapping
   * @return the intake
   * @throws NullPointerException if an argument is null
   */
  public static DemandIntake create(Clock clock, DemandClassifier classifier, ResponseMapping mapping) {
    return new DemandIntake(checkNotNull(clock, "clock"), checkNotNull(classifier, "classifier"), checkNotNull(mapping, "mapping"),
        null, null, null);
  }

  /**
   * An intake that keeps a community's demands in an event store, with the default classifier and
   * mapping. Reads nothing yet: each demand is read from its stream when it is needed.
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock for submission and transition times
   * @param personalData where the needs' texts, points and household flags are kept: a store made
   *     by {@link PersonalDataStore#jdbc} (or, for tests and JShell, {@link
   *     PersonalDataStore#inMemory} or its builder) for the same community
   * @return the intake
   * @throws ValidationException if an argument is missing, the tenant is not an id, or the
   *     personal-data store is not one of Linli's
   * @throws io.github.linli.core.ConsistencyException if a stored demand event cannot be read
   *     (naming tenant, stream and version)
   * @since 0.2.0
   */
  public static DemandIntake open(EventStore store, String tenant, Clock clock, PersonalDataStore personalData) {
    return open(store, tenant, clock, personalData, DemandClassifier.defaultClassifier(), ResponseMapping.defaults());
  }

  /**
   * An intake that keeps a community's demands in an event store, with the community's classifier
   * and mapping; see {@link #open(EventStore, String, Clock, PersonalDataStore)}.
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock
   * @param personalData where personal fields are kept
   * @param classifier the classifier
   * @param mapping the tier to response-level mapping
   * @return the intake
   * @throws ValidationException if an argument is missing or not acceptable
   * @throws io.github.linli.core.ConsistencyException if a stored demand event cannot be read
   * @since 0.2.0
   */
  public static DemandIntake open(EventStore store, String tenant, Clock clock, PersonalDataStore personalData,
      DemandClassifier classifier, ResponseMapping mapping) {
    if (store == null) {
      throw new ValidationException("store", null, "must not be null");
    }
    Checks.id("tenant", tenant);
    if (!(personalData instanceof RecordKeeper)) {
      throw new ValidationException("personalData", personalData == null ? null : personalData.getClass().getSimpleName(),
          "must be a store made by PersonalDataStore.jdbc, inMemory or builder");
    }
    DemandLedger ledger = new DemandLedger(store, tenant);
    return new DemandIntake(checkNotNull(clock, "clock"), checkNotNull(classifier, "classifier"), checkNotNull(mapping, "mapping"),
        ledger, (RecordKeeper) personalData, null);
  }

  /**
   * This intake, with the next commands carrying an idempotency key: a command whose id the store
   * has already recorded is not applied again, and answers with the demand as it is now. Use one
   * id per user request, and the same id when retrying it. The in-memory form keeps nothing to
   * compare with and ignores the id.
   *
   * @param commandId the request's id, at most 128 characters
   * @return an intake sharing this one's state
   * @throws ValidationException if the id is not a valid id
   * @since 0.2.0
   */
  public DemandIntake withCommandId(String commandId) {
    return new DemandIntake(clock, classifier, mapping, ledger, keeper, Checks.id("commandId", commandId));
  }

  /**
   * Whether this intake keeps its demands in an event store.
   *
   * @return true for {@link #open}, false for {@link #create}
   * @since 0.2.0
   */
  public boolean isStored() {
    return ledger != null;
  }

  /**
   * A stored demand as it is now (after catching up with other servers' writes), with its personal
   * fields read from the personal-data store as its access policy allows: for the requester, as
   * subject access; for anyone else, for handling the need ({@link
   * io.github.linli.core.privacy.Purpose#CASE_HANDLING}: under the standard policy staff read the
   * text, point and household flags, volunteers and member representatives the text and point).
   * Fields the policy withholds come back empty; every read, allowed or refused, is in the access
   * log.
   *
   * @param actor who reads it: staff, a volunteer or member representative, or the requester as
   *     {@code RESIDENT}
   * @param id the demand's id
   * @return the demand, or empty if the intake keeps no demand with that id (always empty for the
   *     in-memory form, which keeps nothing)
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not read demands
   * @since 0.2.0
   */
  public Optional<Demand> find(Actor actor, String id) {
    checkNotNull(actor, "actor");
    checkNotNull(id, "id");
    boolean handler = actor.hasAny(PROVIDERS);
    if (!handler && !actor.has(Role.RESIDENT)) {
      throw new PermissionDeniedException(actor, "demand.find", "only staff, providers or the requester may read a demand");
    }
    if (ledger == null) {
      return Optional.empty();
    }
    Optional<Demand> d = ledger.current(id);
    if (d.isPresent() && !handler && !actor.id().equals(d.get().requester().value())) {
      throw new PermissionDeniedException(actor, "demand.find", "a resident may read only their own demands");
    }
    return d.map(x -> hydrated(actor, id));
  }

  /**
   * The ids of the stored demands (empty for the in-memory form). Holds no personal data. Reads
   * every demand event of the community (O(events)): for exports and checks; pages for people come
   * from {@link DemandPages}.
   *
   * @return the ids in id order
   * @since 0.2.0
   */
  public List<String> ids() {
    return ledger == null ? List.of() : List.copyOf(ledger.all().keySet());
  }

  /**
   * The classifier used by {@link #classify(Actor, Demand)}.
   *
   * @return the classifier
   */
  public DemandClassifier classifier() {
    return classifier;
  }

  /**
   * The response mapping.
   *
   * @return the mapping
   */
  public ResponseMapping mapping() {
    return mapping;
  }

  /**
   * Submits a request: a new demand in state {@link DemandState#SUBMITTED}.
   *
   * @param actor who submits: the requester, or staff on their behalf
   * @param request the request
   * @return the demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not submit for this resident
   * @throws ConflictException if the stored form already keeps a demand with that id
   */
  public Demand submit(Actor actor, DemandRequest request) {
    checkNotNull(actor, "actor");
    checkNotNull(request, "request");
    boolean self = actor.has(Role.RESIDENT) && actor.id().equals(request.requester().value());
    if (!self && !actor.hasAny(STAFF)) {
      throw new PermissionDeniedException(actor, "demand.submit", "only the requester or staff may submit");
    }
    Instant now = now();
    if (ledger == null) {
      return DemandChange.submitted(request, now, actor.id(), null).apply(null);
    }
    // With a command id the record id follows from it, so a retry after a crash overwrites the record
    // its first attempt may have kept instead of leaving that one behind with no demand.
    String record = "pd-" + (commandId == null ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes((ledger.tenant() + "\u0000" + commandId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    boolean[] kept = {false};
    try {
      return ledger.run(request.id(), commandId, existing -> {
        if (existing.isPresent()) {
          throw new ConflictException("demand " + request.id() + " already exists (state " + existing.get().state() + ")");
        }
        if (!kept[0]) {
          keeper.keep(actor.id(), request.requester(), record, personalValues(request));
          kept[0] = true;
        }
        return DemandChange.submitted(request, now, actor.id(), record);
      }, events -> {
        // the caller gave the personal fields: answer with them, without reading them back
        Demand.Builder b = Demand.builder();
        b.from(ledger.current(request.id()).orElseThrow(() -> new NotFoundException("demand", request.id())));
        return b.text(request.text()).point(request.point()).householdFlags(request.householdFlags()).build();
      });
    } catch (ConflictException | PermissionDeniedException | ValidationException e) {
      if (kept[0]) {
        keeper.forget(actor.id(), request.requester(), record); // refused after a lost race: keep nothing
      }
      throw e;
    }
  }

  /**
   * Classifies a submitted (or re-classifies a classified) demand with the classifier: tier,
   * domain, urgency, response level, confidence and the review flag.
   *
   * @param actor staff or the system
   * @param demand the demand
   * @return the classified demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not classify
   * @throws ConflictException if the demand is past classification, or (stored form) its text was
   *     erased
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand classify(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.classify", STAFF);
    return change(actor, demand, d -> {
      notMatched(d, "classify");
      move(d, DemandState.CLASSIFIED, "classify");
      Classification c = classifier.classify(textOf(actor, d));
      return DemandChange.classified(d.id(), stamp(d), actor.id(), c.tier(), c.domain(), c.urgency(), mapping.levelFor(c.tier()),
          OptionalDouble.of(c.confidence()), c.needsReview());
    });
  }

  /**
   * Sets the classification by hand (a coordinator's decision or correction); clears the review
   * flag.
   *
   * @param actor staff
   * @param demand the demand, submitted or classified
   * @param tier the tier
   * @param domain the domain; must be in the classifier's taxonomy
   * @param urgency the urgency
   * @return the classified demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not classify
   * @throws ConflictException if the demand is past classification
   * @throws ValidationException if the domain is not in the taxonomy
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand reclassify(Actor actor, Demand demand, MaslowTier tier, ServiceDomain domain, Urgency urgency) {
    checkNotNull(demand, "demand");
    checkNotNull(tier, "tier");
    checkNotNull(domain, "domain");
    checkNotNull(urgency, "urgency");
    require(actor, "demand.classify", STAFF);
    return change(actor, demand, d -> {
      notMatched(d, "reclassify");
      move(d, DemandState.CLASSIFIED, "reclassify");
      if (!classifier.taxonomy().contains(domain)) {
        throw new ValidationException("domain", domain.id(), "not in taxonomy " + classifier.taxonomy().key());
      }
      return DemandChange.classified(d.id(), stamp(d), actor.id(), tier, domain, urgency, mapping.levelFor(tier),
          OptionalDouble.empty(), false);
    });
  }

  /**
   * Records that a provider or volunteer was assigned.
   *
   * @param actor staff or the system (for example the matching engine)
   * @param demand a classified demand
   * @return the matched demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not match
   * @throws ConflictException unless the demand is classified
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand match(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.match", STAFF);
    return change(actor, demand, d -> {
      move(d, DemandState.MATCHED, "match");
      return DemandChange.moved(DemandChange.Kind.MATCHED, d.id(), stamp(d), actor.id(), null, OptionalInt.empty());
    });
  }

  /**
   * Records that a named provider or volunteer was assigned: from then on only that actor (or
   * staff) may start and fulfil the service.
   *
   * @param actor staff or the system (for example the matching engine)
   * @param demand a classified demand
   * @param assigneeActorId the actor id of the volunteer or of the member's representative who
   *     will serve it
   * @return the matched demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not match
   * @throws ConflictException unless the demand is classified
   * @throws ValidationException if the assignee id is not a valid id
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand match(Actor actor, Demand demand, String assigneeActorId) {
    checkNotNull(demand, "demand");
    checkNotNull(assigneeActorId, "assigneeActorId");
    require(actor, "demand.match", STAFF);
    Checks.id("assigneeActorId", assigneeActorId);
    return change(actor, demand, d -> {
      move(d, DemandState.MATCHED, "match");
      return DemandChange.moved(DemandChange.Kind.MATCHED, d.id(), stamp(d), actor.id(), assigneeActorId, OptionalInt.empty());
    });
  }

  /**
   * Returns a matched demand to the queue (back to {@link DemandState#CLASSIFIED}, its history
   * kept, its assignee cleared): its place was released before the service started (a no-show, a
   * suspended offer, a more basic need that took the place under the community's policy), and it
   * waits to be matched again.
   *
   * @param actor staff or the system (for example the dispatcher)
   * @param demand a matched demand
   * @return the classified demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not match
   * @throws ConflictException unless the demand is matched
   * @throws NotFoundException if the stored form keeps no demand with that id
   * @since 0.3.0
   */
  public Demand returnToQueue(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.returnToQueue", STAFF);
    return change(actor, demand, d -> {
      if (d.state() != DemandState.MATCHED) {
        throw new ConflictException("demand " + d.id() + " is " + d.state() + ": cannot return to the queue (only a matched demand can)");
      }
      return DemandChange.moved(DemandChange.Kind.RETURNED, d.id(), stamp(d), actor.id(), null, OptionalInt.empty());
    });
  }

  /**
   * Records that the service started.
   *
   * @param actor staff, or a volunteer or member representative (the assignee only, if the match
   *     named one)
   * @param demand a matched demand
   * @return the demand in service
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not start service
   * @throws ConflictException unless the demand is matched
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand startService(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.startService", PROVIDERS);
    return change(actor, demand, d -> {
      requireAssigneeOrStaff(actor, d, "demand.startService");
      move(d, DemandState.IN_SERVICE, "start service");
      return DemandChange.moved(DemandChange.Kind.STARTED, d.id(), stamp(d), actor.id(), null, OptionalInt.empty());
    });
  }

  /**
   * Closes a demand in service as fulfilled, with the resident's satisfaction.
   *
   * @param actor staff, or a volunteer or member representative (the assignee only, if the match
   *     named one)
   * @param demand a demand in service
   * @param satisfaction 1 to 5
   * @return the fulfilled demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not close it
   * @throws ConflictException unless the demand is in service
   * @throws ValidationException if the satisfaction is not 1 to 5
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand fulfil(Actor actor, Demand demand, int satisfaction) {
    checkNotNull(demand, "demand");
    require(actor, "demand.fulfil", PROVIDERS);
    return change(actor, demand, d -> {
      requireAssigneeOrStaff(actor, d, "demand.fulfil");
      move(d, DemandState.FULFILLED, "fulfil");
      checkSatisfaction(satisfaction);
      return DemandChange.moved(DemandChange.Kind.FULFILLED, d.id(), stamp(d), actor.id(), null, OptionalInt.of(satisfaction));
    });
  }

  /**
   * Closes a demand as unmet, with the resident's satisfaction.
   *
   * @param actor staff
   * @param demand a classified, matched or in-service demand
   * @param satisfaction 1 to 5
   * @return the unmet demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not close it
   * @throws ConflictException if the demand is submitted or closed
   * @throws ValidationException if the satisfaction is not 1 to 5
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand markUnmet(Actor actor, Demand demand, int satisfaction) {
    checkNotNull(demand, "demand");
    require(actor, "demand.markUnmet", STAFF);
    return change(actor, demand, d -> {
      move(d, DemandState.UNMET, "mark unmet");
      checkSatisfaction(satisfaction);
      return DemandChange.moved(DemandChange.Kind.UNMET, d.id(), stamp(d), actor.id(), null, OptionalInt.of(satisfaction));
    });
  }

  /**
   * Withdraws an open demand (no satisfaction is asked).
   *
   * @param actor the requester, a coordinator or the system
   * @param demand an open demand
   * @return the withdrawn demand
   * @throws NullPointerException if an argument is null
   * @throws PermissionDeniedException if the actor may not withdraw it
   * @throws ConflictException if the demand is closed
   * @throws NotFoundException if the stored form keeps no demand with that id
   */
  public Demand withdraw(Actor actor, Demand demand) {
    checkNotNull(actor, "actor");
    checkNotNull(demand, "demand");
    return change(actor, demand, d -> {
      boolean self = actor.has(Role.RESIDENT) && actor.id().equals(d.requester().value());
      if (!self && !actor.hasAny(WITHDRAWERS)) {
        throw new PermissionDeniedException(actor, "demand.withdraw", "only the requester or a coordinator may withdraw");
      }
      move(d, DemandState.WITHDRAWN, "withdraw");
      return DemandChange.moved(DemandChange.Kind.WITHDRAWN, d.id(), stamp(d), actor.id(), null, OptionalInt.empty());
    });
  }

  /**
   * Decides a change on the demand (the given one, or the stored one named by its id), and applies
   * it: directly in memory, or by appending its event and applying what the store recorded.
   */
  private Demand change(Actor actor, Demand given, Function<Demand, DemandChange> decide) {
    if (ledger == null) {
      return decide.apply(given).apply(given);
    }
    String id = given.id();
    return ledger.run(id, commandId, current -> decide.apply(current.orElseThrow(() -> new NotFoundException("demand", id))),
        (List<RecordedEvent> events) -> hydrated(actor, id));
  }

  private String textOf(Actor actor, Demand d) {
    if (ledger == null) {
      return d.text();
    }
    RecordKeeper.Recalled r = recall(actor, d);
    String text = r.values().get(PersonalDataKind.NEED_TEXT.name());
    if (text == null && r.withheld().contains(PersonalDataKind.NEED_TEXT.name())) {
      throw new PermissionDeniedException(actor, "demand.classify",
          "the personal-data store's access policy does not let this actor read a need's text to handle it");
    }
    if (text == null) {
      throw new ConflictException("demand " + d.id() + " is " + d.state() + " and its text was erased: classify it by hand (reclassify)");
    }
    return text;
  }

  /** The demand's personal fields as the access policy lets this actor read them (logged). */
  private RecordKeeper.Recalled recall(Actor actor, Demand d) {
    boolean self = actor.has(Role.RESIDENT) && actor.id().equals(d.requester().value());
    return ledger.record(d.id()).map(r -> keeper.recall(actor, d.requester(), r, self))
        .orElse(new RecordKeeper.Recalled(Map.of(), Set.of()));
  }

  private static Map<String, String> personalValues(DemandRequest r) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(PersonalDataKind.NEED_TEXT.name(), r.text());
    r.point().ifPresent(p -> v.put(PersonalDataKind.LOCATION.name(), p.latitude() + "," + p.longitude()));
    if (!r.householdFlags().isEmpty()) {
      Set<String> names = new TreeSet<>();
      r.householdFlags().forEach(f -> names.add(f.name()));
      v.put(PersonalDataKind.HOUSEHOLD_FLAGS.name(), String.join(",", names));
    }
    return v;
  }

  /**
   * The stored demand with its personal fields read back as the access policy lets the actor read
   * them (empty once erased, or where the policy withholds them).
   */
  private Demand hydrated(Actor actor, String id) {
    // find() and every command have just read the stream: use what they read, not a second query
    Demand d = ledger.latest(id).orElseThrow(() -> new NotFoundException("demand", id));
    Map<String, String> v = recall(actor, d).values();
    Demand.Builder b = Demand.builder();
    b.from(d);
    b.text(v.getOrDefault(PersonalDataKind.NEED_TEXT.name(), ""));
    String loc = v.get(PersonalDataKind.LOCATION.name());
    if (loc != null) {
      int comma = loc.indexOf(',');
      b.point(GeoPoint.of(Double.parseDouble(loc.substring(0, comma)), Double.parseDouble(loc.substring(comma + 1))));
    }
    String flags = v.get(PersonalDataKind.HOUSEHOLD_FLAGS.name());
    Set<HouseholdFlag> fs = EnumSet.noneOf(HouseholdFlag.class);
    if (flags != null) {
      for (String f : flags.split(",")) {
        fs.add(HouseholdFlag.valueOf(f));
      }
    }
    b.householdFlags(fs);
    return b.build();
  }

  /** Every stored demand without its personal fields, for tests and projections in this package. */
  Map<String, Demand> storedWithoutPersonalFields() {
    return ledger == null ? Map.of() : ledger.all();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void requireAssigneeOrStaff(Actor actor, Demand demand, String action) {
    if (demand.assignee().isPresent() && !actor.hasAny(STAFF) && !demand.assignee().get().equals(actor.id())) {
      throw new PermissionDeniedException(actor, action, "demand " + demand.id() + " is assigned to another provider");
    }
  }

  private static void require(Actor actor, String action, Set<Role> roles) {
    checkNotNull(actor, "actor");
    actor.require(action, roles);
  }

  private static void move(Demand demand, DemandState next, String action) {
    if (!demand.state().canMoveTo(next)) {
      throw new ConflictException(
          "demand " + demand.id() + " is " + demand.state() + ": cannot " + action + " (allowed next: " + demand.state().successors() + ")");
    }
  }

  /** Classification is for demands not yet matched (a matched one returns to the queue first). */
  private static void notMatched(Demand demand, String action) {
    if (demand.state() == DemandState.MATCHED) {
      throw new ConflictException("demand " + demand.id() + " is " + demand.state() + ": cannot " + action
          + " (return it to the queue first; allowed next: " + demand.state().successors() + ")");
    }
  }

  private static void checkSatisfaction(int satisfaction) {
    if (satisfaction < 1 || satisfaction > 5) {
      throw new ValidationException("satisfaction", satisfaction, "must be 1 to 5");
    }
  }

  private Instant stamp(Demand demand) {
    Instant now = now();
    Instant last = demand.history().get(demand.history().size() - 1).at();
    return now.isBefore(last) ? last : now; // a clock that steps back never reorders history
  }

  @Override
  public String toString() {
    return "DemandIntake{" + (ledger == null ? "in memory" : "stored") + "}";
  }
}

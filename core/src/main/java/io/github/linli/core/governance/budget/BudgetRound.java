package io.github.linli.core.governance.budget;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.LinliException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.StreamState;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A participatory-budget round (参与式预算轮次) gathered over days: opened with a budget, a vote type
 * and the counting rule; projects submitted; ballots cast, one per voter; closed and counted at the
 * close with the rule chosen at the opening. The counting is {@link BudgetElection#count}'s (greedy,
 * the Method of Equal Shares, as for Pabulib files).
 *
 * <pre>{@code
 * BudgetRound round = BudgetRound.open(store, "lishan", committee, "pb-2027", new BigDecimal("100000"),
 *     BudgetRule.equalShares(Completion.ADD1, false), clock);
 * round.submit(resident, BudgetProject.of("bike-racks", 30000));
 * round.cast(resident, BudgetBallot.approval(resident.id(), "bike-racks"));
 * BudgetOutcome outcome = round.close(committee);
 * BudgetRound.load(store, "lishan", "pb-2027", clock).outcome();   // the same outcome, as recorded
 * }</pre>
 *
 * <p><b>Rules.</b> Projects may be submitted until the first ballot is cast; a ballot names listed
 * projects only and follows the vote type ({@link BudgetElection#checkBallot}). One ballot per
 * voter: casting the very same ballot again answers with the one recorded (idempotent, nothing
 * written); a different second ballot is a {@link ConflictException}. After the close nothing
 * changes. A ballot carries the voter's opaque id only: ballots with {@link
 * BudgetBallot#attributes()} (a voter's age, sex, district …, personal data) are refused.
 *
 * <p><b>Who.</b> Open: {@code RESIDENTS_COMMITTEE}, {@code MEETING_SECRETARY} or {@code
 * ALLIANCE_ADMIN}. Submit a project: {@code RESIDENT}, {@code MEMBER_REPRESENTATIVE}, {@code
 * COORDINATOR} or {@code RESIDENTS_COMMITTEE}. Cast: the voter themself (an actor whose id is the
 * ballot's voter id) or staff entering paper or imported ballots ({@code COORDINATOR}, {@code
 * RESIDENTS_COMMITTEE}, {@code SYSTEM}). Close: {@code RESIDENTS_COMMITTEE}, {@code
 * MEETING_SECRETARY} or {@code SYSTEM}. A refusal is a {@link PermissionDeniedException} and
 * changes nothing.
 *
 * <p><b>Kept as events.</b> The round is an event-sourced aggregate in an {@link EventStore}
 * (category {@code budget}, one stream per round): RoundOpened, ProjectSubmitted, BallotCast and
 * RoundClosed (with the outcome's figures), each applied in one place, live and on {@link #load};
 * the outcome is recorded at the close and read back, never recounted, so a loaded round answers
 * exactly as the live one did. Several servers may share a round: commands catch up, decide on fresh
 * state and append at the version they saw. Each command also has a form with the caller's
 * idempotency key (command id). Instants come from the injected clock, truncated to microseconds.
 *
 * <p>Thread-safe: every method is synchronized on the round. A failed call throws a typed {@link
 * LinliException} and changes nothing, in memory or in the store.
 *
 * @since 0.2.0
 */
public final class BudgetRound {
  /** The stream category of budget rounds. */
  public static final String CATEGORY = "budget";

  /** The tenant of a round kept in its own in-memory store. */
  public static final String IN_MEMORY_TENANT = "default";

  private static final Set<Role> OPENERS = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.MEETING_SECRETARY, Role.ALLIANCE_ADMIN);
  private static final Set<Role> SUBMITTERS =
      EnumSet.of(Role.RESIDENT, Role.MEMBER_REPRESENTATIVE, Role.COORDINATOR, Role.RESIDENTS_COMMITTEE);
  private static final Set<Role> BALLOT_CLERKS = EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM);
  private static final Set<Role> CLOSERS = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.MEETING_SECRETARY, Role.SYSTEM);

  static final String OPENED = "RoundOpened";
  static final String PROJECT_SUBMITTED = "ProjectSubmitted";
  static final String BALLOT_CAST = "BallotCast";
  static final String CLOSED = "RoundClosed";

  private static final List<String> HEAD = List.of("actorId", "actorRoles", "at");
  private static final Map<String, List<String>> FIELDS = Map.of(
      OPENED, fields("id", "budget", "voteType", "rule"),
      PROJECT_SUBMITTED, fields("project"),
      BALLOT_CAST, fields("ballot"),
      CLOSED, fields("outcome"));
  private static final List<String> RULE = List.of("equalShares", "completion", "comparisonStep");
  private static final List<String> PROJECT = List.of("id", "cost", "name", "attributes");
  private static final List<String> BALLOT = List.of("voterId", "projectIds", "points", "channel");
  private static final List<String> OUTCOME = List.of("selected", "totalCost", "voterShare", "increments", "greedyByComparison",
      "preferGreedy", "preferEqualShares");
  private static final Set<String> NAMES;

  static {
    Set<String> n = new HashSet<>(HEAD);
    FIELDS.values().forEach(n::addAll);
    for (List<String> l : List.of(RULE, PROJECT, BALLOT, OUTCOME)) {
      n.addAll(l);
    }
    NAMES = Set.copyOf(n);
  }

  private final State state;
  private final Clock clock;

  // ------------------------------------------------------------ state, changed only by apply()
  private String id;
  private BigDecimal budget;
  private VoteType voteType;
  private BudgetRule rule;
  private Instant openedAt;
  private final Map<String, BudgetProject> projects = new LinkedHashMap<>();
  private final Map<String, BudgetBallot> ballots = new LinkedHashMap<>();
  private BudgetOutcome outcome;
  private Instant closedAt;

  private final class State extends StreamState {
    State(EventStore store, StreamId stream) {
      super(store, stream);
    }

    @Override
    protected void apply(RecordedEvent e) {
      JsonFields f = read(e);
      try {
        applyFields(e, f);
      } catch (ConsistencyException ex) {
        throw ex;
      } catch (LinliException | IllegalArgumentException | IllegalStateException | NullPointerException | ArithmeticException
          | ClassCastException ex) {
        throw unreadable(e, ex);
      }
    }

    <R> R run(String commandId, Supplier<List<EventData>> decide, Function<List<RecordedEvent>, R> result) {
      return execute(commandId, decide, result);
    }

    StreamId stream() {
      return stream;
    }
  }

  private BudgetRound(EventStore store, StreamId stream, Clock clock) {
    this.state = new State(store, stream);
    this.clock = clock;
  }

  // -------------------------------------------------------------------------------- the events

  private static List<String> fields(String... more) {
    List<String> l = new ArrayList<>(HEAD);
    l.addAll(List.of(more));
    return List.copyOf(l);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private EventData event(String type, Actor actor, Object... keyValues) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("actorId", actor.id());
    o.put("actorRoles", Json.names(actor.roles()));
    o.put("at", now().toString());
    o.putAll(Json.fields(keyValues));
    return EventData.of(type, 1, Json.write(o));
  }

  private static JsonFields read(RecordedEvent e) {
    List<String> expected = FIELDS.get(e.type());
    if (expected == null || e.typeVersion() != 1) {
      throw new ConsistencyException("event " + e + " (tenant " + e.stream().tenant() + ", stream " + e.stream() + ", version "
          + e.version() + ") has a type or type version this Linli does not read");
    }
    try {
      return new JsonFields(Json.parse(e.json(), NAMES), "", expected);
    } catch (LinliException ex) {
      throw unreadable(e, ex);
    }
  }

  private static ConsistencyException unreadable(RecordedEvent e, Exception cause) {
    String why = cause instanceof ValidationException ? " (field " + ((ValidationException) cause).field() + ")" : "";
    return new ConsistencyException("event " + e + " (tenant " + e.stream().tenant() + ", stream " + e.stream() + ", version "
        + e.version() + ") cannot be applied" + why, cause);
  }

  private static Map<String, Object> rule(BudgetRule r) {
    return Json.fields("equalShares", r.isEqualShares(), "completion", r.completion().map(Enum::name).orElse(null),
        "comparisonStep", r.comparisonStep());
  }

  private static BudgetRule rule(JsonFields o) {
    boolean es = o.bool("equalShares");
    Optional<Completion> completion = o.optEnum("completion", Completion.class);
    boolean comparison = o.bool("comparisonStep");
    return o.build(() -> es ? BudgetRule.equalShares(completion.orElseThrow(), comparison) : BudgetRule.greedy());
  }

  private static Map<String, Object> project(BudgetProject p) {
    return Json.fields("id", p.id(), "cost", p.cost().toPlainString(), "name", p.name().orElse(null), "attributes",
        new LinkedHashMap<String, Object>(new TreeMap<>(p.attributes())));
  }

  private static BudgetProject project(JsonFields o) {
    String pid = o.string("id");
    BigDecimal cost = decimal(o, "cost");
    Optional<String> name = o.optString("name");
    Map<String, String> attributes = strings(o, "attributes");
    return o.build(() -> BudgetProject.builder().id(pid).cost(cost).name(name).attributes(attributes).build());
  }

  private static Map<String, Object> ballot(BudgetBallot b) {
    List<Object> points = new ArrayList<>();
    b.points().forEach(x -> points.add(x.toPlainString()));
    return Json.fields("voterId", b.voterId(), "projectIds", new ArrayList<Object>(b.projectIds()), "points", points,
        "channel", b.channel().map(Enum::name).orElse(null));
  }

  private static BudgetBallot ballot(JsonFields o) {
    String voter = o.string("voterId");
    List<String> ids = new ArrayList<>();
    for (Object x : o.array("projectIds")) {
      ids.add((String) x);
    }
    List<BigDecimal> points = new ArrayList<>();
    for (Object x : o.array("points")) {
      points.add(new BigDecimal((String) x));
    }
    Optional<BallotChannel> channel = o.optEnum("channel", BallotChannel.class);
    return o.build(() -> BudgetBallot.builder().voterId(voter).addAllProjectIds(ids).addAllPoints(points).channel(channel).build());
  }

  private static Map<String, Object> outcome(BudgetOutcome r) {
    return Json.fields("selected", new ArrayList<Object>(r.selectedProjectIds()), "totalCost", r.totalCost().toPlainString(),
        "voterShare", r.voterShare().map(BigDecimal::toPlainString).orElse(null), "increments", r.add1Increments(),
        "greedyByComparison", r.greedyByComparison(), "preferGreedy", r.votersPreferringGreedy(), "preferEqualShares",
        r.votersPreferringEqualShares());
  }

  private BudgetOutcome outcome(JsonFields o) {
    List<String> selected = new ArrayList<>();
    for (Object x : o.array("selected")) {
      selected.add((String) x);
    }
    BigDecimal total = decimal(o, "totalCost");
    BigDecimal share = o.optString("voterShare").map(BigDecimal::new).orElse(null);
    return BudgetOutcome.stored(rule, selected, total, budget, share, o.integer("increments", 0, Long.MAX_VALUE),
        o.bool("greedyByComparison"), (int) o.integer("preferGreedy", 0, Integer.MAX_VALUE),
        (int) o.integer("preferEqualShares", 0, Integer.MAX_VALUE));
  }

  private static BigDecimal decimal(JsonFields o, String key) {
    String s = o.string(key);
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new ValidationException(o.path(key), s, "must be a plain decimal");
    }
  }

  private static Map<String, String> strings(JsonFields o, String key) {
    Map<String, String> out = new TreeMap<>();
    Map<String, Object> raw = o.obj(key);
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      if (!(e.getValue() instanceof String)) {
        throw new ValidationException(o.path(key), JsonFields.kind(Json.kind(e.getValue())), "values must be strings");
      }
      out.put(e.getKey(), (String) e.getValue());
    }
    return out;
  }

  /** Applies one event: the one place the round's state changes, live and on load. No permission checks. */
  private void applyFields(RecordedEvent e, JsonFields f) {
    if (id == null && !e.type().equals(OPENED)) {
      throw new ConsistencyException("event " + e + " comes before the round was opened");
    }
    switch (e.type()) {
      case OPENED -> {
        if (id != null) {
          throw new ConsistencyException("event " + e + ": round " + id + " is opened twice");
        }
        String rid = f.id("id");
        BigDecimal b = decimal(f, "budget");
        VoteType vt = f.enumValue("voteType", VoteType.class);
        BudgetRule r = rule(f.obj("rule", RULE));
        id = rid;
        budget = b;
        voteType = vt;
        rule = r;
        openedAt = f.instant("at");
      }
      case PROJECT_SUBMITTED -> {
        BudgetProject p = project(f.obj("project", PROJECT));
        projects.put(p.id(), p);
      }
      case BALLOT_CAST -> {
        BudgetBallot b = ballot(f.obj("ballot", BALLOT));
        ballots.put(b.voterId(), b);
      }
      case CLOSED -> {
        outcome = outcome(f.obj("outcome", OUTCOME));
        closedAt = f.instant("at");
      }
      default -> throw new ConsistencyException("event " + e + " has a type this Linli does not read");
    }
  }

  // ------------------------------------------------------------------------------ the commands

  private <R> R command(String commandId, String type, Supplier<List<EventData>> decide, Function<List<RecordedEvent>, R> result) {
    if (commandId != null) {
      Checks.id("commandId", commandId);
    }
    return state.run(commandId, decide, events -> {
      for (RecordedEvent e : events) {
        if (!e.stream().equals(state.stream()) || !e.type().equals(type)) {
          throw new ConflictException("command id " + commandId + " was used for " + e + ", not for a " + type + " in " + state.stream());
        }
      }
      return result.apply(events);
    });
  }

  /**
   * Opens an approval round kept in an in-memory store of its own (tenant {@value
   * #IN_MEMORY_TENANT}): for JShell and tests; nothing survives the process.
   *
   * @param actor who opens: {@code RESIDENTS_COMMITTEE}, {@code MEETING_SECRETARY} or {@code
   *     ALLIANCE_ADMIN}
   * @param id the round's id
   * @param budget the money to distribute, in whole units, not negative
   * @param rule the counting rule used at the close
   * @param clock the clock for every time stamp
   * @return the open round
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ValidationException if the id or budget is not acceptable
   */
  public static BudgetRound open(Actor actor, String id, long budget, BudgetRule rule, Clock clock) {
    checkNotNull(clock, "clock");
    return open(EventStores.inMemory(clock), IN_MEMORY_TENANT, actor, id, BigDecimal.valueOf(budget), VoteType.APPROVAL, rule, clock);
  }

  /**
   * Opens an approval round kept in an event store.
   *
   * @param store the event store
   * @param tenant the community
   * @param actor who opens: {@code RESIDENTS_COMMITTEE}, {@code MEETING_SECRETARY} or {@code
   *     ALLIANCE_ADMIN}
   * @param id the round's id
   * @param budget the money to distribute, not negative
   * @param rule the counting rule used at the close
   * @param clock the clock for every time stamp
   * @return the open round
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ValidationException if the tenant, id or budget is not acceptable
   * @throws ConflictException if the tenant already has a round with that id
   */
  public static BudgetRound open(EventStore store, String tenant, Actor actor, String id, BigDecimal budget, BudgetRule rule,
      Clock clock) {
    return open(store, tenant, actor, id, budget, VoteType.APPROVAL, rule, clock);
  }

  /**
   * Opens a round of any vote type kept in an event store.
   *
   * @param store the event store
   * @param tenant the community
   * @param actor who opens: {@code RESIDENTS_COMMITTEE}, {@code MEETING_SECRETARY} or {@code
   *     ALLIANCE_ADMIN}
   * @param id the round's id
   * @param budget the money to distribute, not negative
   * @param voteType how voters vote (approval, choose-1, ordinal, cumulative, scoring)
   * @param rule the counting rule used at the close
   * @param clock the clock for every time stamp
   * @return the open round
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ValidationException if the tenant, id or budget is not acceptable
   * @throws ConflictException if the tenant already has a round with that id
   */
  public static BudgetRound open(EventStore store, String tenant, Actor actor, String id, BigDecimal budget, VoteType voteType,
      BudgetRule rule, Clock clock) {
    checkNotNull(store, "store");
    checkNotNull(actor, "actor");
    checkNotNull(voteType, "voteType");
    checkNotNull(rule, "rule");
    checkNotNull(clock, "clock");
    actor.require("budget.open", OPENERS);
    Checks.id("round.id", id);
    BudgetElection.builder().budget(budget); // the election's checks of a budget
    BudgetRound round = new BudgetRound(store, StreamId.of(tenant, CATEGORY, id), clock);
    synchronized (round) {
      round.command(null, OPENED, () -> {
        if (round.id != null) {
          throw new ConflictException("budget round " + id + " was already opened in " + tenant + " (at " + round.openedAt + ")");
        }
        return List.of(round.event(OPENED, actor, "id", id, "budget", budget.toPlainString(), "voteType", voteType.name(), "rule",
            rule(rule)));
      }, events -> null);
    }
    return round;
  }

  /**
   * Loads a round from its stream, applying each recorded event as it was decided; the outcome of
   * a closed round is the one recorded at the close. O(events).
   *
   * @param store the event store
   * @param tenant the community
   * @param id the round's id
   * @param clock the clock for every call from now on
   * @return the round
   * @throws NotFoundException if the tenant has no round with that id
   * @throws ConsistencyException naming tenant, stream and version if an event cannot be read or
   *     applied
   */
  public static BudgetRound load(EventStore store, String tenant, String id, Clock clock) {
    checkNotNull(store, "store");
    checkNotNull(clock, "clock");
    BudgetRound round = new BudgetRound(store, StreamId.of(tenant, CATEGORY, Checks.id("round.id", id)), clock);
    synchronized (round) {
      round.state.catchUp();
      if (round.id == null) {
        throw new NotFoundException("budget round", id);
      }
    }
    return round;
  }

  /**
   * Submits a project. Submitting the very same project again changes nothing and returns it.
   *
   * @param actor a {@code RESIDENT}, {@code MEMBER_REPRESENTATIVE}, {@code COORDINATOR} or {@code
   *     RESIDENTS_COMMITTEE}
   * @param project the project
   * @return the project as listed
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ConflictException if voting has begun, the round is closed, or another project has that
   *     id
   */
  public BudgetProject submit(Actor actor, BudgetProject project) {
    return submit(actor, project, null);
  }

  /**
   * {@link #submit(Actor, BudgetProject)} with the caller's idempotency key.
   *
   * @param actor a {@code RESIDENT}, {@code MEMBER_REPRESENTATIVE}, {@code COORDINATOR} or {@code
   *     RESIDENTS_COMMITTEE}
   * @param project the project
   * @param commandId the idempotency key, or null
   * @return the project as listed
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ConflictException if voting has begun, the round is closed, another project has that
   *     id, or the key was used for another command
   */
  public synchronized BudgetProject submit(Actor actor, BudgetProject project, String commandId) {
    checkNotNull(actor, "actor");
    checkNotNull(project, "project");
    return command(commandId, PROJECT_SUBMITTED, () -> {
      actor.require("budget.submit", SUBMITTERS);
      requireOpen();
      BudgetProject listed = projects.get(project.id());
      if (listed != null) {
        if (listed.equals(project)) {
          return List.of();
        }
        throw new ConflictException("project " + project.id() + " is already listed in round " + id + " (cost "
            + listed.cost().toPlainString() + ")");
      }
      if (!ballots.isEmpty()) {
        throw new ConflictException("voting has begun in round " + id + " (" + ballots.size() + " ballots): projects can no longer be submitted");
      }
      return List.of(event(PROJECT_SUBMITTED, actor, "project", project(project)));
    }, events -> events.isEmpty() ? projects.get(project.id()) : projects.get(project(read(events.get(0)).obj("project", PROJECT)).id()));
  }

  /**
   * Casts a ballot. Casting the very same ballot again changes nothing and returns it.
   *
   * @param actor the voter themself (an actor whose id is the ballot's voter id), or a {@code
   *     COORDINATOR}, {@code RESIDENTS_COMMITTEE} or {@code SYSTEM} entering it
   * @param ballot the ballot, for listed projects, without attributes
   * @return the ballot as recorded
   * @throws PermissionDeniedException if the actor may not cast this voter's ballot
   * @throws ValidationException if the ballot breaks the round's rules or carries attributes
   * @throws ConflictException if the round is closed or the voter already cast another ballot
   */
  public BudgetBallot cast(Actor actor, BudgetBallot ballot) {
    return cast(actor, ballot, null);
  }

  /**
   * {@link #cast(Actor, BudgetBallot)} with the caller's idempotency key.
   *
   * @param actor the voter themself, or a {@code COORDINATOR}, {@code RESIDENTS_COMMITTEE} or {@code
   *     SYSTEM} entering it
   * @param ballot the ballot, for listed projects, without attributes
   * @param commandId the idempotency key, or null
   * @return the ballot as recorded
   * @throws PermissionDeniedException if the actor may not cast this voter's ballot
   * @throws ValidationException if the ballot breaks the round's rules or carries attributes
   * @throws ConflictException if the round is closed, the voter already cast another ballot, or the
   *     key was used for another command
   */
  public synchronized BudgetBallot cast(Actor actor, BudgetBallot ballot, String commandId) {
    checkNotNull(actor, "actor");
    checkNotNull(ballot, "ballot");
    return command(commandId, BALLOT_CAST, () -> {
      boolean self = actor.id().equals(ballot.voterId()) && actor.has(Role.RESIDENT);
      if (!self && !actor.hasAny(BALLOT_CLERKS)) {
        throw new PermissionDeniedException(actor, "budget.cast", "may cast only its own ballot (roles allowed for others' ballots: "
            + BALLOT_CLERKS + ")");
      }
      requireOpen();
      if (!ballot.attributes().isEmpty()) {
        throw new ValidationException("ballot.attributes(" + ballot.voterId() + ")", ballot.attributes().size() + " attributes",
            "are personal data: a budget round keeps ballots with the voter's opaque id only");
      }
      BudgetBallot cast = ballots.get(ballot.voterId());
      if (cast != null) {
        if (cast.equals(ballot)) {
          return List.of();
        }
        throw new ConflictException("voter " + ballot.voterId() + " already cast a ballot in round " + id + " (one person, one ballot)");
      }
      ballotRules().checkBallot(ballot);
      return List.of(event(BALLOT_CAST, actor, "ballot", ballot(ballot)));
    }, events -> events.isEmpty() ? ballots.get(ballot.voterId()) : ballots.get(ballot(read(events.get(0)).obj("ballot", BALLOT)).voterId()));
  }

  /**
   * Closes the round and counts it with the rule chosen at the opening; the outcome is recorded.
   *
   * @param actor a {@code RESIDENTS_COMMITTEE}, {@code MEETING_SECRETARY} or {@code SYSTEM}
   * @return the outcome
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ConflictException if the round is already closed
   */
  public BudgetOutcome close(Actor actor) {
    return close(actor, null);
  }

  /**
   * {@link #close(Actor)} with the caller's idempotency key: a retry returns the recorded outcome.
   *
   * @param actor a {@code RESIDENTS_COMMITTEE}, {@code MEETING_SECRETARY} or {@code SYSTEM}
   * @param commandId the idempotency key, or null
   * @return the outcome
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ConflictException if the round is already closed, or the key was used for another
   *     command
   */
  public synchronized BudgetOutcome close(Actor actor, String commandId) {
    checkNotNull(actor, "actor");
    return command(commandId, CLOSED, () -> {
      actor.require("budget.close", CLOSERS);
      requireOpen();
      return List.of(event(CLOSED, actor, "outcome", outcome(election().count(rule))));
    }, events -> outcome);
  }

  private void requireOpen() {
    if (outcome != null) {
      throw new ConflictException("budget round " + id + " is closed (at " + closedAt + ")");
    }
  }

  // -------------------------------------------------------------------------------- the queries

  /**
   * Applies the events other servers appended to this round's stream since this object last read
   * it.
   *
   * @return how many were applied
   */
  public synchronized int refresh() {
    return state.catchUp();
  }

  /**
   * The version of the round's stream this object reflects.
   *
   * @return the number of events applied
   */
  public synchronized long version() {
    return state.version();
  }

  /**
   * The round's id.
   *
   * @return the id
   */
  public synchronized String id() {
    return id;
  }

  /**
   * The money to distribute.
   *
   * @return the budget
   */
  public synchronized BigDecimal budget() {
    return budget;
  }

  /**
   * How voters vote.
   *
   * @return the vote type
   */
  public synchronized VoteType voteType() {
    return voteType;
  }

  /**
   * The counting rule chosen at the opening.
   *
   * @return the rule
   */
  public synchronized BudgetRule rule() {
    return rule;
  }

  /**
   * When the round was opened.
   *
   * @return the instant
   */
  public synchronized Instant openedAt() {
    return openedAt;
  }

  /**
   * The projects, in order of submission.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<BudgetProject> projects() {
    return List.copyOf(projects.values());
  }

  /**
   * The ballots, in order of casting.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<BudgetBallot> ballots() {
    return List.copyOf(ballots.values());
  }

  /**
   * Whether a voter has cast a ballot.
   *
   * @param voterId the voter's id
   * @return true if so
   */
  public synchronized boolean hasVoted(String voterId) {
    return ballots.containsKey(voterId);
  }

  /**
   * The round so far as a {@link BudgetElection} (for a preview count, or to write a Pabulib file).
   *
   * @return the election
   */
  public synchronized BudgetElection election() {
    BudgetElection.Builder b = BudgetElection.builder().budget(budget).voteType(voteType);
    projects.values().forEach(b::addProject);
    return b.addBallots(ballots.values()).build();
  }

  /** The round's projects as an election without ballots: what a new ballot is checked against, in O(projects). */
  private BudgetElection ballotRules() {
    BudgetElection.Builder b = BudgetElection.builder().budget(budget).voteType(voteType);
    projects.values().forEach(b::addProject);
    return b.build();
  }

  /**
   * The outcome recorded at the close.
   *
   * @return the outcome, or empty while the round is open
   */
  public synchronized Optional<BudgetOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /**
   * Whether the round is closed.
   *
   * @return true once closed
   */
  public synchronized boolean isClosed() {
    return outcome != null;
  }

  /** Returns the id, the numbers of projects and ballots, and the state; never a ballot's content. */
  @Override
  public synchronized String toString() {
    return "BudgetRound{" + id + ", " + rule + ", budget " + (budget == null ? "?" : budget.toPlainString()) + ", "
        + projects.size() + " projects, " + ballots.size() + " ballots" + (outcome != null ? ", closed" : ", open") + "}";
  }
}

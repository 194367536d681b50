package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Takes residents' demands in and moves them through their lifecycle (需求受理): submit, classify
 * (automatically with a {@link DemandClassifier}, or by a coordinator), match, start service, and
 * close as fulfilled, unmet or withdrawn with the resident's satisfaction.
 *
 * <p>Every operation takes the {@link Actor} who performs it and checks its roles; an illegal move
 * is a {@link ConflictException} that names the current state. Demands are immutable: each
 * operation returns the new demand and leaves the given one unchanged, so a failed operation
 * changes nothing. Times come from the injected {@link Clock}.
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>operation</th><th>roles</th></tr>
 *   <tr><td>submit</td><td>the requester as {@code RESIDENT} (actor id = resident id), {@code
 *       COORDINATOR}, {@code RESIDENTS_COMMITTEE}, {@code SYSTEM}</td></tr>
 *   <tr><td>classify, reclassify, match, markUnmet</td><td>{@code COORDINATOR}, {@code
 *       RESIDENTS_COMMITTEE}, {@code SYSTEM}</td></tr>
 *   <tr><td>startService, fulfil</td><td>those, plus {@code VOLUNTEER} and {@code
 *       MEMBER_REPRESENTATIVE}</td></tr>
 *   <tr><td>withdraw</td><td>the requester as {@code RESIDENT}, {@code COORDINATOR}, {@code
 *       SYSTEM}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
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

  private DemandIntake(Clock clock, DemandClassifier classifier, ResponseMapping mapping) {
    this.clock = clock;
    this.classifier = classifier;
    this.mapping = mapping;
  }

  /**
   * An intake with the default classifier and response mapping.
   *
   * @param clock the clock for submission and transition times
   * @return the intake
   * @throws NullPointerException if {@code clock} is null
   */
  public static DemandIntake create(Clock clock) {
    return create(clock, DemandClassifier.defaultClassifier(), ResponseMapping.defaults());
  }

  /**
   * An intake with a community's classifier and response mapping.
   *
   * @param clock the clock
   * @param classifier the classifier
   * @param mapping the tier to response-level mapping
   * @return the intake
   * @throws NullPointerException if an argument is null
   */
  public static DemandIntake create(Clock clock, DemandClassifier classifier, ResponseMapping mapping) {
    return new DemandIntake(checkNotNull(clock, "clock"), checkNotNull(classifier, "classifier"), checkNotNull(mapping, "mapping"));
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
   */
  public Demand submit(Actor actor, DemandRequest request) {
    checkNotNull(actor, "actor");
    checkNotNull(request, "request");
    boolean self = actor.has(Role.RESIDENT) && actor.id().equals(request.requester().value());
    if (!self && !actor.hasAny(STAFF)) {
      throw new PermissionDeniedException(actor, "demand.submit", "only the requester or staff may submit");
    }
    Instant now = clock.instant();
    return Demand.builder()
        .id(request.id())
        .requester(request.requester())
        .text(request.text())
        .point(request.point())
        .gridCell(request.gridCell())
        .wanted(request.wanted())
        .householdFlags(request.householdFlags())
        .createdAt(now)
        .state(DemandState.SUBMITTED)
        .addHistory(DemandEvent.of(DemandState.SUBMITTED, now, actor.id()))
        .build();
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
   * @throws ConflictException if the demand is past classification
   */
  public Demand classify(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.classify", STAFF);
    move(demand, DemandState.CLASSIFIED, "classify");
    Classification c = classifier.classify(demand.text());
    return moved(demand, DemandState.CLASSIFIED, actor)
        .domain(c.domain())
        .tier(c.tier())
        .urgency(c.urgency())
        .responseLevel(mapping.levelFor(c.tier()))
        .confidence(c.confidence())
        .needsReview(c.needsReview())
        .build();
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
   */
  public Demand reclassify(Actor actor, Demand demand, MaslowTier tier, ServiceDomain domain, Urgency urgency) {
    checkNotNull(demand, "demand");
    checkNotNull(tier, "tier");
    checkNotNull(domain, "domain");
    checkNotNull(urgency, "urgency");
    require(actor, "demand.classify", STAFF);
    move(demand, DemandState.CLASSIFIED, "reclassify");
    if (!classifier.taxonomy().contains(domain)) {
      throw new ValidationException("domain", domain.id(), "not in taxonomy " + classifier.taxonomy().key());
    }
    Demand.Builder b = moved(demand, DemandState.CLASSIFIED, actor);
    b.domain(domain).tier(tier).urgency(urgency).responseLevel(mapping.levelFor(tier)).needsReview(false);
    b.confidence(java.util.OptionalDouble.empty());
    return b.build();
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
   */
  public Demand match(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.match", STAFF);
    move(demand, DemandState.MATCHED, "match");
    return moved(demand, DemandState.MATCHED, actor).build();
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
   */
  public Demand match(Actor actor, Demand demand, String assigneeActorId) {
    checkNotNull(demand, "demand");
    checkNotNull(assigneeActorId, "assigneeActorId");
    require(actor, "demand.match", STAFF);
    io.github.linli.core.internal.Checks.id("assigneeActorId", assigneeActorId);
    move(demand, DemandState.MATCHED, "match");
    return moved(demand, DemandState.MATCHED, actor).assignee(assigneeActorId).build();
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
   */
  public Demand startService(Actor actor, Demand demand) {
    checkNotNull(demand, "demand");
    require(actor, "demand.startService", PROVIDERS);
    requireAssigneeOrStaff(actor, demand, "demand.startService");
    move(demand, DemandState.IN_SERVICE, "start service");
    return moved(demand, DemandState.IN_SERVICE, actor).build();
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
   */
  public Demand fulfil(Actor actor, Demand demand, int satisfaction) {
    checkNotNull(demand, "demand");
    require(actor, "demand.fulfil", PROVIDERS);
    requireAssigneeOrStaff(actor, demand, "demand.fulfil");
    move(demand, DemandState.FULFILLED, "fulfil");
    checkSatisfaction(satisfaction);
    return closed(demand, DemandState.FULFILLED, actor).satisfaction(satisfaction).build();
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
   */
  public Demand markUnmet(Actor actor, Demand demand, int satisfaction) {
    checkNotNull(demand, "demand");
    require(actor, "demand.markUnmet", STAFF);
    move(demand, DemandState.UNMET, "mark unmet");
    checkSatisfaction(satisfaction);
    return closed(demand, DemandState.UNMET, actor).satisfaction(satisfaction).build();
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
   */
  public Demand withdraw(Actor actor, Demand demand) {
    checkNotNull(actor, "actor");
    checkNotNull(demand, "demand");
    boolean self = actor.has(Role.RESIDENT) && actor.id().equals(demand.requester().value());
    if (!self && !actor.hasAny(WITHDRAWERS)) {
      throw new PermissionDeniedException(actor, "demand.withdraw", "only the requester or a coordinator may withdraw");
    }
    move(demand, DemandState.WITHDRAWN, "withdraw");
    return closed(demand, DemandState.WITHDRAWN, actor).build();
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

  private static void checkSatisfaction(int satisfaction) {
    if (satisfaction < 1 || satisfaction > 5) {
      throw new ValidationException("satisfaction", satisfaction, "must be 1 to 5");
    }
  }

  private Instant stamp(Demand demand) {
    Instant now = clock.instant();
    Instant last = demand.history().get(demand.history().size() - 1).at();
    return now.isBefore(last) ? last : now; // a clock that steps back never reorders history
  }

  private Demand.Builder moved(Demand demand, DemandState next, Actor actor) {
    return moved(demand, next, actor, stamp(demand));
  }

  private static Demand.Builder moved(Demand demand, DemandState next, Actor actor, Instant at) {
    List<DemandEvent> history = new ArrayList<>(demand.history());
    history.add(DemandEvent.of(next, at, actor.id()));
    Demand.Builder b = Demand.builder();
    b.from(demand);
    b.state(next).history(history);
    return b;
  }

  private Demand.Builder closed(Demand demand, DemandState next, Actor actor) {
    Instant at = stamp(demand);
    Demand.Builder b = moved(demand, next, actor, at);
    b.closedAt(at);
    return b;
  }
}

package io.github.linli.matching.dispatch;

import io.github.linli.matching.internal.Texts;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.Place;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.matching.Need;
import io.github.linli.matching.Offer;
import io.github.linli.matching.PriceTerms;
import io.github.linli.matching.ReasonCode;
import io.github.linli.matching.RequesterFacts;
import io.github.linli.matching.solver.MaxWeightBMatching;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A community's standing assignment of open needs to offers (派单), kept as events in core's
 * {@link EventStore} so that every server of the portal sees the same remaining capacity.
 *
 * <ul>
 *   <li><b>Offers</b> are listed with their capacity per period of a {@link Cadence} (a pledge's
 *       uses per week, say): {@link #listOffer}, {@link #listPledge}; {@link #suspendOffer}
 *       releases what was promised and re-places it.
 *   <li><b>Arrivals</b> are answered at once ({@link #arrive}): the nearest eligible offer with a
 *       free place in a period the need wants; when the only places are promised to less basic
 *       needs, the {@link DispatchPolicy.Preemption policy} decides: {@code PREEMPT} takes the place
 *       (the displaced need is moved elsewhere or queued and told why), {@code WAIT} keeps the
 *       promise and queues the newcomer first in line.
 *   <li><b>Commitments</b> go {@code PROMISED → STARTED → DELIVERED}; a promise not yet started
 *       can be released ({@link #release}, {@link #withdraw}); the need returns to the queue with
 *       its history, is placed again or explained, and the freed place goes to the most basic
 *       waiting need that can use it.
 *   <li><b>Re-optimisation</b> ({@link #reoptimise}) solves the whole open set with the exact
 *       kernel over the remaining capacity, moving only commitments not yet started, each need at
 *       most {@link DispatchPolicy#maxMovesPerNeed()} times; afterwards no less basic need holds a
 *       place a waiting more basic need could use ({@link #inversions()} is 0 under {@code PREEMPT}).
 * </ul>
 *
 * <p><b>Many servers.</b> Every command decides on the community's whole dispatch state and
 * appends with a guard on both of its stream categories: if another server wrote first, the
 * command loads what changed and decides again, so two dispatchers never promise the same place
 * twice. A command id ({@link #withCommandId}) makes a retried request answer with the first
 * answer and no second effect. {@link #open} on a fresh server (or after a restart) replays the
 * events and holds the same state.
 *
 * <p><b>Personal data.</b> Events keep ids, tiers, urgency, domains, grid cells, windows and
 * states. A need's place and its requester's facts are held in this object's memory for the needs
 * it saw arrive; for others it asks the {@link NeedDirectory}. Explanations and {@code toString()}
 * round distances to tens of metres.
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>operation</th><th>roles</th></tr>
 *   <tr><td>listOffer, listPledge, suspendOffer</td><td>{@code COORDINATOR}, {@code ALLIANCE_ADMIN}, {@code SYSTEM}</td></tr>
 *   <tr><td>arrive, arriveAll, reoptimise, release, withdraw, preempt</td><td>{@code COORDINATOR},
 *       {@code RESIDENTS_COMMITTEE}, {@code SYSTEM}</td></tr>
 *   <tr><td>start, deliver</td><td>those, plus {@code VOLUNTEER} and {@code MEMBER_REPRESENTATIVE}</td></tr>
 * </table>
 *
 * <p>Thread-safe: commands take turns on the community's state; reads see it caught up.
 *
 * @since 0.3.0
 */
public final class Dispatcher {
  /** At most so many periods of one offer are considered for one need. */
  static final int MAX_PERIODS = 8;
  private static final int MAX_COMPETING = 20;
  private static final Set<Role> STAFF = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM));
  private static final Set<Role> OFFER_ADMINS = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.ALLIANCE_ADMIN, Role.SYSTEM));
  private static final Set<Role> PROVIDERS =
      Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM, Role.VOLUNTEER, Role.MEMBER_REPRESENTATIVE));

  /** The personal half of a need, held in memory only. */
  record Facts(GeoPoint place, RequesterFacts requester) {}

  private final Book book;
  private final Clock clock;
  private final DispatchPolicy policy;
  private final GridMap grid;
  private final NeedDirectory directory;
  private final Map<String, Facts> known;
  private final String commandId;

  private Dispatcher(Book book, Clock clock, DispatchPolicy policy, GridMap grid, NeedDirectory directory, Map<String, Facts> known,
      String commandId) {
    this.book = book;
    this.clock = clock;
    this.policy = policy;
    this.grid = grid;
    this.directory = directory;
    this.known = known;
    this.commandId = commandId;
  }

  /**
   * Opens a community's dispatch state in an event store (replaying its events), without a grid
   * map or a need directory.
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock (times are truncated to microseconds)
   * @param policy the community's rules
   * @return the dispatcher
   * @throws ValidationException if an argument is missing or the tenant is not an id
   * @throws io.github.linli.core.ConsistencyException if a stored dispatch event cannot be read
   */
  public static Dispatcher open(EventStore store, String tenant, Clock clock, DispatchPolicy policy) {
    return open(store, tenant, clock, policy, GridMap.empty(), NeedDirectory.none());
  }

  /**
   * Opens a community's dispatch state in an event store (replaying its events).
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock
   * @param policy the community's rules
   * @param grid the community's grid map, for needs that carry only a grid cell
   * @param directory where the places and requesters of needs this server did not see arrive are found
   * @return the dispatcher
   * @throws ValidationException if an argument is missing or the tenant is not an id
   * @throws io.github.linli.core.ConsistencyException if a stored dispatch event cannot be read
   */
  public static Dispatcher open(EventStore store, String tenant, Clock clock, DispatchPolicy policy, GridMap grid,
      NeedDirectory directory) {
    Checks.present("store", store);
    Checks.id("tenant", tenant);
    Checks.present("clock", clock);
    Checks.present("policy", policy);
    Checks.present("grid", grid);
    Checks.present("directory", directory);
    Book book = new Book(store, tenant);
    book.catchUp();
    return new Dispatcher(book, clock, policy, grid, directory, new ConcurrentHashMap<>(), null);
  }

  /**
   * This dispatcher with the next commands carrying an idempotency key (the request's id): a
   * command whose id is already recorded changes nothing and answers from the state as it is.
   *
   * @param commandId the id, at most 128 characters
   * @return a dispatcher sharing this one's state
   * @throws ValidationException if the id is not an id
   */
  public Dispatcher withCommandId(String commandId) {
    return new Dispatcher(book, clock, policy, grid, directory, known, Checks.id("commandId", commandId));
  }

  /**
   * The community's rules.
   *
   * @return the policy
   */
  public DispatchPolicy policy() {
    return policy;
  }

  // =========================================================================== offers

  /**
   * Lists an offer, or changes a listed one's terms (and resumes it if it was suspended): its
   * {@link Offer#capacity()} is per period of the cadence, its {@link Offer#availability()} the
   * span in which it is given. Places already promised stay.
   *
   * @param actor a coordinator, the alliance administrator or the system
   * @param terms the offer's terms
   * @param cadence the period its capacity refers to
   * @return the terms
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not list offers
   */
  public Offer listOffer(Actor actor, Offer terms, Cadence cadence) {
    checkNotNull(actor, "actor");
    checkNotNull(terms, "terms");
    checkNotNull(cadence, "cadence");
    actor.require("dispatch.listOffer", OFFER_ADMINS);
    return book.run(commandId, () -> {
      Book.Writes w = book.new Writes();
      w.add(book.offerStream(terms.id()), Book.listed(terms, cadence, actor.id(), now()));
      return w.request();
    }, events -> terms);
  }

  /**
   * Lists a member's pledge: capacity per period of its cadence, its domain, tiers and
   * eligibility, its place, its validity as availability, and its price terms at a market price.
   *
   * @param actor a coordinator, the alliance administrator or the system
   * @param pledge the pledge; its place must have a point
   * @param radiusMetres how far it serves
   * @param marketPriceFen the market price, for discounted and market-price pledges
   * @return the listed terms
   * @throws ValidationException if the pledge has no point or the radius or price is not valid
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not list offers
   */
  public Offer listPledge(Actor actor, Pledge pledge, double radiusMetres, long marketPriceFen) {
    checkNotNull(actor, "actor");
    checkNotNull(pledge, "pledge");
    actor.require("dispatch.listOffer", OFFER_ADMINS);
    return listOffer(actor, terms(pledge, radiusMetres, marketPriceFen, policy.zone()), pledge.cadence());
  }

  /**
   * Lists a member's pledge with the matching terms kept on it ({@link Pledge#offerTerms()}:
   * radius, market price, service areas).
   *
   * @param actor a coordinator, the alliance administrator or the system
   * @param pledge the pledge; its place must have a point and it must have offer terms
   * @return the listed terms
   * @throws ValidationException if the pledge has no point or no offer terms
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not list offers
   */
  public Offer listPledge(Actor actor, Pledge pledge) {
    checkNotNull(actor, "actor");
    checkNotNull(pledge, "pledge");
    actor.require("dispatch.listOffer", OFFER_ADMINS);
    io.github.linli.core.alliance.OfferTerms t = pledge.offerTerms().orElseThrow(() -> new ValidationException(
        "pledge.offerTerms", pledge.id(), "must be set (radius, market price) to list the pledge without them as arguments"));
    Offer o = terms(pledge, t.radiusMetres(), t.marketPriceFen(), policy.zone());
    return listOffer(actor, Offer.builder().from(o).eligibility(Offer.withServiceAreas(pledge)).build(), pledge.cadence());
  }

  static Offer terms(Pledge pledge, double radiusMetres, long marketPriceFen, ZoneId zone) {
    GeoPoint point = pledge.place().flatMap(Place::point).orElseThrow(
        () -> new ValidationException("pledge.place", pledge.id(), "needs a point to be dispatched by distance"));
    if (marketPriceFen < 0) {
      throw new ValidationException("marketPriceFen", marketPriceFen, "must not be negative");
    }
    PledgePrice price = pledge.price();
    PriceTerms terms = price.isFree() ? PriceTerms.free()
        : PriceTerms.of(marketPriceFen, marketPriceFen * (100 - price.discountPercent().orElse(0)) / 100);
    Instant from = Checks.time("pledge.validity", pledge.validity(), () -> pledge.validity().start().atStartOfDay(zone).toInstant());
    Instant to = Checks.time("pledge.validity", pledge.validity(), () -> pledge.validity().end().atStartOfDay(zone).toInstant());
    return Offer.builder().id(pledge.id()).provider(pledge.member()).addDomains(pledge.domain()).tiers(pledge.tiers())
        .capacity(pledge.capacity()).eligibility(pledge.eligibility()).place(point).radiusMetres(radiusMetres)
        .availability(TimeWindow.of(from, to)).price(terms).build();
  }

  /**
   * Suspends a listed offer: no new places; every promise not yet started is released with the
   * reason, and its need placed elsewhere or queued. Started services go on.
   *
   * @param actor a coordinator, the alliance administrator or the system
   * @param offerId the offer
   * @param reason {@link ReleaseReason#OFFER_SUSPENDED} or {@link ReleaseReason#MEMBER_EXPELLED}
   * @return the outcomes of the needs released, most basic first
   * @throws NotFoundException if no such offer is listed
   * @throws ValidationException if the reason is another
   * @throws ConflictException if the offer is already suspended
   */
  public List<DispatchOutcome> suspendOffer(Actor actor, String offerId, ReleaseReason reason) {
    checkNotNull(actor, "actor");
    checkNotNull(offerId, "offerId");
    checkNotNull(reason, "reason");
    actor.require("dispatch.suspendOffer", OFFER_ADMINS);
    if (reason != ReleaseReason.OFFER_SUSPENDED && reason != ReleaseReason.MEMBER_EXPELLED) {
      throw new ValidationException("reason", reason, "must be OFFER_SUSPENDED or MEMBER_EXPELLED");
    }
    Plan[] last = {null};
    return book.run(commandId, () -> {
      Book.OfferEntry o = book.offers.get(offerId);
      if (o == null) {
        throw new NotFoundException("offer", offerId);
      }
      if (o.suspended) {
        throw new ConflictException("offer " + offerId + " is already suspended");
      }
      Plan p = new Plan(actor);
      last[0] = p;
      p.w.add(book.offerStream(offerId), Book.suspended(reason, actor.id(), p.now));
      p.suspendedOffer = offerId;
      List<Book.NeedEntry> affected = new ArrayList<>();
      for (Book.NeedEntry n : book.needs.values()) {
        Commitment c = n.live();
        if (c != null && c.state() == CommitmentState.PROMISED && c.offerId().equals(offerId)) {
          affected.add(n);
        }
      }
      affected.sort(priorityOrder());
      for (Book.NeedEntry n : affected) {
        p.release(n, p.live(n), reason, null);
        DispatchOutcome then = p.placeOrQueue(n, false, Set.of(offerId));
        p.outcomes.add(withText(then, Texts.released(reason, then.explanation())));
      }
      return p.w.request();
    }, events -> last[0] == null ? List.of() : List.copyOf(last[0].outcomes));
  }

  // =========================================================================== arrivals

  /**
   * Takes a need in and answers at once: a place, or why not (see the class comment). The need's
   * place and requester stay in this object's memory only.
   *
   * @param actor staff or the system
   * @param need the need; its id must be new to the community's dispatch
   * @return the outcome
   * @throws ConflictException if a need with that id was already dispatched
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not dispatch
   */
  public DispatchOutcome arrive(Actor actor, Need need) {
    checkNotNull(actor, "actor");
    checkNotNull(need, "need");
    actor.require("dispatch.arrive", STAFF);
    return arrive(actor, need.id(), need.tier(), need.urgency(), need.domain(), need.neighbourhood(), need.wanted(),
        new Facts(need.place(), need.requester()));
  }

  /**
   * Takes a classified demand in (as intake keeps it) and answers at once. A demand with a grid
   * cell and no point is placed at the cell's centre on the community's {@link GridMap}; one
   * without a wanted window takes the current and next period of each offer. A demand that cannot
   * be placed (not classified, no point and a cell the map does not know) gets {@link
   * ReasonCode#DETAILS_MISSING} naming what is missing, and nothing is written.
   *
   * @param actor staff or the system
   * @param demand the demand
   * @param requester the requester's facts (card, age, flags), looked up by the caller
   * @return the outcome
   * @throws ConflictException if a need with that id was already dispatched
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not dispatch
   */
  public DispatchOutcome arrive(Actor actor, Demand demand, RequesterFacts requester) {
    checkNotNull(actor, "actor");
    checkNotNull(demand, "demand");
    checkNotNull(requester, "requester");
    actor.require("dispatch.arrive", STAFF);
    if (demand.tier().isEmpty() || demand.domain().isEmpty()) {
      return missing(demand.id(), "需求尚未分类（层级、领域）", "the demand is not classified yet (tier, domain)");
    }
    Optional<GeoPoint> place = demand.point().or(() -> grid.centre(demand.gridCell().orElse(null)));
    if (place.isEmpty()) {
      return demand.gridCell().isPresent()
          ? missing(demand.id(), "网格 " + demand.gridCell().get() + " 不在社区网格图中", "grid cell " + demand.gridCell().get()
              + " is not on the community's grid map")
          : missing(demand.id(), "没有位置或网格", "no point and no grid cell");
    }
    String cell = demand.gridCell().orElse("none");
    RequesterFacts facts = requester;
    if (!demand.householdFlags().isEmpty()) {
      Set<HouseholdFlag> flags = EnumSet.noneOf(HouseholdFlag.class);
      flags.addAll(requester.flags());
      flags.addAll(demand.householdFlags());
      facts = requester.age().isPresent() ? RequesterFacts.of(requester.cardHolder(), requester.age().getAsInt(), flags)
          : RequesterFacts.withoutAge(requester.cardHolder(), flags);
    }
    return arrive(actor, demand.id(), demand.tier().get(), demand.urgency(), demand.domain().get(), cell,
        demand.wanted().orElse(null), new Facts(place.get(), facts));
  }

  /**
   * Takes several demands in, one command each, in order: one that cannot be placed gets its
   * reason code and the others go on.
   *
   * @param actor staff or the system
   * @param demands the demands
   * @param requesters the requester's facts of each demand
   * @return the outcomes, in the demands' order
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not dispatch
   */
  public List<DispatchOutcome> arriveAll(Actor actor, List<Demand> demands, Function<Demand, RequesterFacts> requesters) {
    checkNotNull(actor, "actor");
    checkNotNull(demands, "demands");
    checkNotNull(requesters, "requesters");
    actor.require("dispatch.arrive", STAFF);
    List<DispatchOutcome> out = new ArrayList<>();
    for (Demand d : demands) {
      RequesterFacts f = requesters.apply(d);
      out.add(arrive(actor, d, f == null ? RequesterFacts.none() : f));
    }
    return out;
  }

  private DispatchOutcome missing(String id, String zh, String en) {
    return new DispatchOutcome(id, Optional.empty(), Optional.of(ReasonCode.DETAILS_MISSING), Texts.missing(zh, en), List.of(),
        OptionalDouble.empty(), 0, List.of());
  }

  private DispatchOutcome arrive(Actor actor, String id, MaslowTier tier, io.github.linli.core.demand.Urgency urgency, ServiceDomain domain,
      String cell, TimeWindow wanted, Facts facts) {
    Checks.id("need.id", id);
    Checks.id("need.neighbourhood", cell);
    Plan[] last = {null};
    DispatchOutcome out = book.run(commandId, () -> {
      Book.NeedEntry existing = book.needs.get(id);
      if (existing != null) {
        throw new ConflictException("need " + id + " was already dispatched (" + describeState(existing) + ")");
      }
      known.put(id, facts);
      Plan p = new Plan(actor);
      last[0] = p;
      Book.NeedEntry n = new Book.NeedEntry(id, tier, urgency, domain, cell, wanted, p.now);
      p.w.add(book.needStream(id), Book.queued(id, tier, urgency, domain, cell, wanted, actor.id(), p.now));
      p.fresh.put(id, n);
      p.outcomes.add(p.placeOrQueue(n, policy.preemption() == DispatchPolicy.Preemption.PREEMPT, Set.of()));
      return p.w.request();
    }, events -> last[0] == null ? null : last[0].outcomes.get(0));
    return out != null ? out : explain(id);
  }

  // =========================================================================== commitments

  /**
   * Records that the service of a promise started; it can no longer be released or moved.
   *
   * @param actor staff, a volunteer or a member representative
   * @param commitmentId the commitment (as the provider last saw it)
   * @return the commitment
   * @throws NotFoundException if no such commitment exists
   * @throws ConflictException if it is not promised, or not the need's current commitment (stale)
   */
  public Commitment start(Actor actor, String commitmentId) {
    return step(actor, commitmentId, "dispatch.start", PROVIDERS, CommitmentState.PROMISED, Book.STARTED);
  }

  /**
   * Records that a started service was given; the need is closed as served.
   *
   * @param actor staff, a volunteer or a member representative
   * @param commitmentId the commitment
   * @return the commitment
   * @throws NotFoundException if no such commitment exists
   * @throws ConflictException if it is not started, or not the need's current commitment
   */
  public Commitment deliver(Actor actor, String commitmentId) {
    return step(actor, commitmentId, "dispatch.deliver", PROVIDERS, CommitmentState.STARTED, Book.DELIVERED);
  }

  private Commitment step(Actor actor, String commitmentId, String action, Set<Role> roles, CommitmentState from, String type) {
    checkNotNull(actor, "actor");
    checkNotNull(commitmentId, "commitmentId");
    actor.require(action, roles);
    String[] needId = {null};
    return book.run(commandId, () -> {
      Book.NeedEntry n = needOf(commitmentId);
      Commitment c = current(n, commitmentId, from);
      needId[0] = n.id;
      Book.Writes w = book.new Writes();
      w.add(book.needStream(n.id), Book.step(type, n.history.size(), actor.id(), now()));
      return w.request();
    }, events -> {
      Book.NeedEntry n = needOf(commitmentId);
      int k = Integer.parseInt(commitmentId.substring(commitmentId.lastIndexOf('#') + 1));
      return n.history.get(k - 1);
    });
  }

  /**
   * Releases a promise not yet started. Unless the reason is {@link ReleaseReason#WITHDRAWN}, the
   * need returns to the queue with its history and is placed elsewhere at once if it can be (not
   * in the same offer), or explained; the freed place goes to the most basic waiting need that can
   * use it.
   *
   * @param actor staff or the system
   * @param commitmentId the commitment (as the caller last saw it)
   * @param reason why
   * @return the released need's outcome, with the need that got the freed place under {@link DispatchOutcome#affected()}
   * @throws NotFoundException if no such commitment exists
   * @throws ConflictException if it is started, delivered or already released, or not the need's
   *     current commitment (a stale id): the message names both and their states
   * @throws ValidationException if the reason is {@link ReleaseReason#PREEMPTED} or {@link
   *     ReleaseReason#MOVED} (dispatch gives those itself; see {@link #preempt})
   */
  public DispatchOutcome release(Actor actor, String commitmentId, ReleaseReason reason) {
    checkNotNull(actor, "actor");
    checkNotNull(commitmentId, "commitmentId");
    checkNotNull(reason, "reason");
    actor.require("dispatch.release", STAFF);
    if (reason == ReleaseReason.PREEMPTED || reason == ReleaseReason.MOVED) {
      throw new ValidationException("reason", reason, "is given by dispatch itself; use preempt or reoptimise");
    }
    Plan[] last = {null};
    DispatchOutcome out = book.run(commandId, () -> {
      Book.NeedEntry n = needOf(commitmentId);
      Commitment c = current(n, commitmentId, CommitmentState.PROMISED);
      Plan p = new Plan(actor);
      last[0] = p;
      p.release(n, c, reason, null);
      DispatchOutcome then;
      if (reason == ReleaseReason.WITHDRAWN) {
        then = new DispatchOutcome(n.id, Optional.empty(), Optional.empty(), Texts.withdrawn(), List.of(), OptionalDouble.empty(), 0, List.of());
      } else {
        then = p.placeOrQueue(n, false, Set.of(c.offerId()));
      }
      List<DispatchOutcome> filled = p.fill(c.offerId(), c.periodStart());
      p.outcomes.add(new DispatchOutcome(n.id, then.commitment(), then.reason(), Texts.released(reason, then.explanation()),
          then.competingNeedIds(), then.distanceMetres(), then.eligibleOffers(), filled));
      return p.w.request();
    }, events -> last[0] == null ? null : last[0].outcomes.get(0));
    return out != null ? out : explain(needIdOf(commitmentId));
  }

  /**
   * Withdraws a need: a promise not yet started is released ({@link ReleaseReason#WITHDRAWN}) and
   * its place given to the most basic waiting need that can use it; a queued need leaves the queue.
   *
   * @param actor staff or the system
   * @param needId the need
   * @return the need's outcome
   * @throws NotFoundException if no such need was dispatched
   * @throws ConflictException if its service started or it is closed
   */
  public DispatchOutcome withdraw(Actor actor, String needId) {
    checkNotNull(actor, "actor");
    checkNotNull(needId, "needId");
    actor.require("dispatch.withdraw", STAFF);
    Book.NeedEntry n0 = need(needId);
    Commitment c0 = n0.live();
    if (c0 != null) {
      return release(actor, c0.id(), ReleaseReason.WITHDRAWN);
    }
    Plan[] last = {null};
    DispatchOutcome out = book.run(commandId, () -> {
      Book.NeedEntry n = need(needId);
      if (n.closed) {
        throw new ConflictException("need " + needId + " is closed (" + describeState(n) + ")");
      }
      if (n.live() != null) {
        throw new ConflictException("need " + needId + " holds " + n.live().id() + " (" + n.live().state()
            + ") now: withdraw again to release it");
      }
      Plan p = new Plan(actor);
      last[0] = p;
      p.w.add(book.needStream(needId), Book.withdrawn(actor.id(), p.now));
      p.outcomes.add(new DispatchOutcome(needId, Optional.empty(), Optional.empty(), Texts.withdrawn(), List.of(), OptionalDouble.empty(), 0,
          List.of()));
      return p.w.request();
    }, events -> last[0] == null ? null : last[0].outcomes.get(0));
    return out != null ? out : explain(needId);
  }

  /**
   * Gives a waiting need the place promised to a less basic need (a coordinator's decision),
   * where the policy allows it. The displaced need is moved elsewhere if it can be, or queued
   * and told why.
   *
   * @param actor staff or the system
   * @param needId the waiting need
   * @param commitmentId the promise to take
   * @return the waiting need's outcome, with the displaced need's under {@link DispatchOutcome#affected()}
   * @throws ConflictException if the policy is {@link DispatchPolicy.Preemption#WAIT}, the need is
   *     not waiting, the promise is not promised, current or of a less basic need, or the need
   *     cannot use that place
   * @throws NotFoundException if the need or commitment does not exist
   */
  public DispatchOutcome preempt(Actor actor, String needId, String commitmentId) {
    checkNotNull(actor, "actor");
    checkNotNull(needId, "needId");
    checkNotNull(commitmentId, "commitmentId");
    actor.require("dispatch.preempt", STAFF);
    Plan[] last = {null};
    DispatchOutcome out = book.run(commandId, () -> {
      Book.NeedEntry n = need(needId);
      Book.NeedEntry victim = needOf(commitmentId);
      Commitment c = current(victim, commitmentId, CommitmentState.PROMISED);
      if (policy.preemption() == DispatchPolicy.Preemption.WAIT) {
        throw new ConflictException("the community's policy (WAIT) keeps promises: " + commitmentId + " of need " + victim.id
            + " cannot be given to need " + needId);
      }
      if (!n.queued()) {
        throw new ConflictException("need " + needId + " is not waiting (" + describeState(n) + ")");
      }
      if (cls(victim) <= cls(n)) {
        throw new ConflictException("need " + victim.id + " (" + victim.tier + "/" + victim.urgency + ") is not less basic than need "
            + needId + " (" + n.tier + "/" + n.urgency + "): its promise " + commitmentId + " stays");
      }
      Facts f = facts(n.id);
      boolean usable = f != null && candidates(n, f, now(), null).stream()
          .anyMatch(k -> k.offer.equals(c.offerId()) && k.period.equals(c.periodStart()));
      if (!usable) {
        throw new ConflictException("need " + needId + " cannot use the place of " + commitmentId + " (" + c.slot() + ")");
      }
      Plan p = new Plan(actor);
      last[0] = p;
      p.outcomes.add(p.takeFrom(n, f, victim, c));
      return p.w.request();
    }, events -> last[0] == null ? null : last[0].outcomes.get(0));
    return out != null ? out : explain(needId);
  }

  // =========================================================================== re-optimisation

  /**
   * Re-places every open need exactly (the matching kernel) over the remaining capacity: queued
   * needs and promises not yet started; started and delivered services keep their places. Basic
   * needs first, then urgency, then the most needs served, then staying where one is, then the
   * least distance. A need already moved {@link DispatchPolicy#maxMovesPerNeed()} times keeps its
   * place or gives it up to a more basic need, but is not moved. Under {@link
   * DispatchPolicy.Preemption#WAIT} no promise is dropped (promises may move).
   *
   * @param actor staff or the system
   * @return what changed
   * @throws io.github.linli.core.PermissionDeniedException if the actor may not dispatch
   */
  public Reoptimisation reoptimise(Actor actor) {
    checkNotNull(actor, "actor");
    actor.require("dispatch.reoptimise", STAFF);
    Reoptimisation[] last = {null};
    book.run(commandId, () -> {
      Plan p = new Plan(actor);
      last[0] = p.reoptimise();
      return p.w.isEmpty() ? null : p.w.request();
    }, events -> null);
    if (last[0] == null) {
      return new Reoptimisation(0, 0, 0, List.of(), List.of(), List.of(), inversions());
    }
    Reoptimisation r = last[0];
    return new Reoptimisation(r.considered(), r.newlyServed(), r.moved(), r.preempted(), r.changes(), r.unresolved(), inversions());
  }

  // =========================================================================== reads

  /**
   * The commitment a need holds now (promised or started), after catching up.
   *
   * @param needId the need
   * @return the commitment, or empty
   */
  public Optional<Commitment> commitmentOf(String needId) {
    checkNotNull(needId, "needId");
    synchronized (book) {
      book.catchUp();
      Book.NeedEntry n = book.needs.get(needId);
      return n == null ? Optional.empty() : Optional.ofNullable(n.live());
    }
  }

  /**
   * A need's commitments, oldest first (its history across releases and moves).
   *
   * @param needId the need
   * @return the commitments
   * @throws NotFoundException if no such need was dispatched
   */
  public List<Commitment> history(String needId) {
    return List.copyOf(need(needId).history);
  }

  /**
   * Every commitment, by id.
   *
   * @return the commitments
   */
  public List<Commitment> commitments() {
    synchronized (book) {
      book.catchUp();
      List<Commitment> all = new ArrayList<>();
      for (Book.NeedEntry n : book.needs.values()) {
        all.addAll(n.history);
      }
      all.sort(Comparator.comparing(Commitment::id));
      return all;
    }
  }

  /**
   * The waiting needs (open, without a place), most basic first, then the longest waiting.
   *
   * @return their ids
   */
  public List<String> queue() {
    synchronized (book) {
      book.catchUp();
      List<Book.NeedEntry> q = new ArrayList<>();
      for (Book.NeedEntry n : book.needs.values()) {
        if (n.queued()) {
          q.add(n);
        }
      }
      q.sort(priorityOrder());
      List<String> ids = new ArrayList<>();
      q.forEach(n -> ids.add(n.id));
      return ids;
    }
  }

  /**
   * The ids of the listed offers.
   *
   * @return the ids, sorted
   */
  public List<String> offers() {
    synchronized (book) {
      book.catchUp();
      return List.copyOf(book.offers.keySet());
    }
  }

  /**
   * The capacity of an offer's period: its capacity per period, prorated where the period is
   * only partly within the offer's availability (rounded down); 0 when suspended.
   *
   * @param offerId the offer
   * @param periodStart the first day of the period
   * @return the capacity
   * @throws NotFoundException if no such offer is listed
   */
  public int capacity(String offerId, LocalDate periodStart) {
    checkNotNull(periodStart, "periodStart");
    synchronized (book) {
      book.catchUp();
      Book.OfferEntry o = book.offers.get(offerId);
      if (o == null) {
        throw new NotFoundException("offer", offerId);
      }
      return capacityOf(o, periodStart);
    }
  }

  /**
   * The places of an offer's period held (promised, started or delivered).
   *
   * @param offerId the offer
   * @param periodStart the first day of the period
   * @return the count
   */
  public int used(String offerId, LocalDate periodStart) {
    synchronized (book) {
      book.catchUp();
      return book.used(offerId + "@" + periodStart);
    }
  }

  /**
   * The places held in every slot ({@code offerId@periodStart}) that has any.
   *
   * @return slot → count, sorted by slot
   */
  public Map<String, Integer> usage() {
    synchronized (book) {
      book.catchUp();
      Map<String, Integer> u = new TreeMap<>();
      book.holders.forEach((s, h) -> {
        if (!h.isEmpty()) {
          u.put(s, h.size());
        }
      });
      return u;
    }
  }

  /**
   * Priority inversions now: pairs of a waiting need and a less basic need holding a not-started
   * place the waiting one could use (every condition met). Needs whose place and requester this
   * server does not know are not counted.
   *
   * @return the number of pairs
   */
  public int inversions() {
    synchronized (book) {
      book.catchUp();
      Instant now = now();
      int count = 0;
      for (Book.NeedEntry q : book.needs.values()) {
        if (!q.queued()) {
          continue;
        }
        Facts f = facts(q.id);
        if (f == null) {
          continue;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Cand k : candidates(q, f, now, null)) {
          for (String h : book.holders.getOrDefault(k.slot(), Set.of())) {
            Book.NeedEntry holder = book.needs.get(h);
            Commitment hc = holder.live();
            if (hc != null && hc.state() == CommitmentState.PROMISED && cls(holder) > cls(q) && seen.add(h)) {
              count++;
            }
          }
        }
      }
      return count;
    }
  }

  /**
   * The outcome of a need as it stands: its place with the explanation, or why it waits.
   *
   * @param needId the need
   * @return the outcome
   * @throws NotFoundException if no such need was dispatched
   */
  public DispatchOutcome explain(String needId) {
    synchronized (book) {
      Book.NeedEntry n = need(needId);
      Commitment c = n.live();
      if (n.closed) {
        Commitment lastC = n.history.isEmpty() ? null : n.history.get(n.history.size() - 1);
        boolean done = lastC != null && lastC.state() == CommitmentState.DELIVERED;
        return new DispatchOutcome(needId, Optional.ofNullable(done ? lastC : null), Optional.empty(),
            done ? Texts.delivered() : Texts.withdrawn(), List.of(), OptionalDouble.empty(), 0, List.of());
      }
      Facts f = facts(needId);
      if (f == null) {
        return new DispatchOutcome(needId, Optional.ofNullable(c), Optional.empty(), Texts.unknownFacts(), List.of(), OptionalDouble.empty(), 0,
            List.of());
      }
      Plan p = new Plan(Actor.system());
      if (c != null) {
        if (c.state() == CommitmentState.STARTED) {
          return new DispatchOutcome(needId, Optional.of(c), Optional.empty(), Texts.started(), List.of(), OptionalDouble.empty(), 0, List.of());
        }
        return p.servedOutcome(n, f, c, null, false);
      }
      return p.missOutcome(n, f, candidates(n, f, p.now, null));
    }
  }

  @Override
  public String toString() {
    synchronized (book) {
      return "Dispatcher{" + book.offers.size() + " offers, " + book.needs.size() + " needs, policy " + policy.preemption() + "}";
    }
  }

  // =========================================================================== internals

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private int cls(Book.NeedEntry n) {
    return policy.ranking().priorityClass(n.tier, n.urgency);
  }

  private Comparator<Book.NeedEntry> priorityOrder() {
    return Comparator.<Book.NeedEntry>comparingInt(this::cls).thenComparing(n -> n.queuedAt).thenComparing(n -> n.id);
  }

  private Book.NeedEntry need(String needId) {
    checkNotNull(needId, "needId");
    synchronized (book) {
      book.catchUp();
      Book.NeedEntry n = book.needs.get(needId);
      if (n == null) {
        throw new NotFoundException("need", needId);
      }
      return n;
    }
  }

  private static String needIdOf(String commitmentId) {
    int hash = commitmentId.lastIndexOf('#');
    return hash <= 0 ? commitmentId : commitmentId.substring(0, hash);
  }

  private Book.NeedEntry needOf(String commitmentId) {
    int hash = commitmentId.lastIndexOf('#');
    Book.NeedEntry n = hash <= 0 ? null : book.needs.get(commitmentId.substring(0, hash));
    if (n == null) {
      throw new NotFoundException("commitment", commitmentId);
    }
    int k;
    try {
      k = Integer.parseInt(commitmentId.substring(hash + 1));
    } catch (NumberFormatException e) {
      throw new NotFoundException("commitment", commitmentId);
    }
    if (k < 1 || k > n.history.size()) {
      throw new NotFoundException("commitment", commitmentId);
    }
    return n;
  }

  /** The need's current commitment, checked to be the one named and in the expected state. */
  private static Commitment current(Book.NeedEntry n, String commitmentId, CommitmentState expected) {
    Commitment lastC = n.history.get(n.history.size() - 1);
    if (!lastC.id().equals(commitmentId)) {
      Commitment named = n.history.stream().filter(c -> c.id().equals(commitmentId)).findFirst().orElseThrow();
      throw new ConflictException("commitment " + commitmentId + " is stale (" + named.state() + "): need " + n.id + " now holds "
          + lastC.id() + " (" + lastC.state() + ")");
    }
    if (lastC.state() != expected) {
      throw new ConflictException("commitment " + commitmentId + " is " + lastC.state() + ", not " + expected);
    }
    return lastC;
  }

  private static String describeState(Book.NeedEntry n) {
    Commitment c = n.live();
    if (c != null) {
      return "holds " + c.id() + ", " + c.state();
    }
    return n.closed ? "closed" : "queued";
  }

  private Facts facts(String needId) {
    Facts f = known.get(needId);
    if (f == null) {
      Optional<Need> found = directory.find(needId);
      if (found.isPresent()) {
        f = new Facts(found.get().place(), found.get().requester());
        known.put(needId, f);
      }
    }
    return f;
  }

  private int capacityOf(Book.OfferEntry o, LocalDate periodStart) {
    if (o.suspended) {
      return 0;
    }
    ZoneId zone = policy.zone();
    Instant s;
    Instant e;
    try {
      s = periodStart.atStartOfDay(zone).toInstant();
      e = o.cadence.next(periodStart).atStartOfDay(zone).toInstant();
    } catch (RuntimeException ex) {
      return 0;
    }
    Instant a = o.terms.availability().start();
    Instant b = o.terms.availability().end();
    Instant from = a.isAfter(s) ? a : s;
    Instant to = b.isBefore(e) ? b : e;
    if (!to.isAfter(from)) {
      return 0;
    }
    double share = Duration.between(from, to).getSeconds() / (double) Duration.between(s, e).getSeconds();
    return (int) Math.floor(o.terms.capacity() * Math.min(1, share) + 1e-9);
  }

  /** One feasible place: an offer's period, at a distance. */
  record Cand(String offer, LocalDate period, double dist) {
    String slot() {
      return offer + "@" + period;
    }
  }

  /**
   * The feasible places of a need (every condition but capacity), nearest offer first, then
   * earliest period; with a diagnosis of the nearest miss when there are none.
   */
  List<Cand> candidates(Book.NeedEntry n, Facts f, Instant now, Diagnosis diag) {
    List<Cand> out = new ArrayList<>();
    for (Book.OfferEntry o : book.offers.values()) {
      Offer t = o.terms;
      if (o.suspended || !t.domains().contains(n.domain)) {
        continue;
      }
      if (diag != null) {
        diag.ofDomain++;
      }
      if (!t.tiers().contains(n.tier)) {
        continue;
      }
      if (diag != null) {
        diag.ofTier++;
      }
      Label refused = Texts.refusal(t.eligibility(), f.requester().cardHolder(), f.requester().age(), f.requester().flags(), n.neighbourhood);
      if (refused != null) {
        if (diag != null) {
          diag.refusals.merge(refused, 1, Integer::sum);
        }
        continue;
      }
      double d = t.place().distanceMetres(f.place());
      if (d > t.radiusMetres()) {
        if (diag != null && d < diag.nearestOut) {
          diag.nearestOut = d;
          diag.nearestRadius = t.radiusMetres();
        }
        continue;
      }
      List<LocalDate> periods = periods(o, n.wanted, now);
      if (periods.isEmpty()) {
        if (diag != null) {
          diag.inRangeClosed++;
        }
        continue;
      }
      for (LocalDate p : periods) {
        out.add(new Cand(t.id(), p, d));
      }
    }
    out.sort(Comparator.comparingDouble(Cand::dist).thenComparing(Cand::offer).thenComparing(Cand::period));
    return out;
  }

  /** The periods of an offer a need may be served in: overlapping its window (or the current and next), not past. */
  private List<LocalDate> periods(Book.OfferEntry o, TimeWindow wanted, Instant now) {
    ZoneId zone = policy.zone();
    List<LocalDate> out = new ArrayList<>();
    try {
      LocalDate today = now.atZone(zone).toLocalDate();
      TimeWindow w = wanted;
      if (w == null) {
        LocalDate s = o.cadence.start(today);
        LocalDate e = o.cadence.next(o.cadence.next(today));
        w = TimeWindow.of(s.atStartOfDay(zone).toInstant(), e.atStartOfDay(zone).toInstant());
      }
      TimeWindow avail = o.terms.availability();
      Instant from = max(max(w.start(), avail.start()), now);
      Instant to = w.end().isBefore(avail.end()) ? w.end() : avail.end();
      if (!to.isAfter(from)) {
        return out;
      }
      LocalDate p = o.cadence.start(from.atZone(zone).toLocalDate());
      while (out.size() < MAX_PERIODS && p.atStartOfDay(zone).toInstant().isBefore(to)) {
        if (capacityOf(o, p) > 0) {
          out.add(p);
        }
        p = o.cadence.next(p);
      }
    } catch (RuntimeException e) {
      // a window at the ends of time: no period can be computed, so none is offered
      return out;
    }
    return out;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Why a need has no feasible place. */
  static final class Diagnosis {
    int ofDomain;
    int ofTier;
    final Map<Label, Integer> refusals = new java.util.LinkedHashMap<>();
    double nearestOut = Double.POSITIVE_INFINITY;
    double nearestRadius;
    int inRangeClosed;
  }

  private static DispatchOutcome withText(DispatchOutcome o, Label text) {
    return new DispatchOutcome(o.needId(), o.commitment(), o.reason(), text, o.competingNeedIds(), o.distanceMetres(), o.eligibleOffers(),
        o.affected());
  }

  /**
   * One command's decision: the events it writes, and its view of the state with them applied
   * (slot usage, live commitments, commitment numbers), so that later steps of the same command
   * see the earlier ones.
   */
  final class Plan {
    final Book.Writes w = book.new Writes();
    final Actor actor;
    final Instant now = now();
    final Map<String, Integer> usageDelta = new HashMap<>();
    final Map<String, Set<String>> added = new HashMap<>();
    final Map<String, Set<String>> removed = new HashMap<>();
    final Map<String, Optional<Commitment>> live = new HashMap<>();
    final Map<String, Integer> count = new HashMap<>();
    final Map<String, Book.NeedEntry> fresh = new HashMap<>();
    final List<DispatchOutcome> outcomes = new ArrayList<>();
    String suspendedOffer;

    Plan(Actor actor) {
      this.actor = actor;
    }

    int used(String slot) {
      return book.used(slot) + usageDelta.getOrDefault(slot, 0);
    }

    int room(Cand k) {
      Book.OfferEntry o = book.offers.get(k.offer);
      if (k.offer.equals(suspendedOffer)) {
        return 0;
      }
      return capacityOf(o, k.period) - used(k.slot());
    }

    Set<String> holders(String slot) {
      Set<String> h = new LinkedHashSet<>(book.holders.getOrDefault(slot, Set.of()));
      h.removeAll(removed.getOrDefault(slot, Set.of()));
      h.addAll(added.getOrDefault(slot, Set.of()));
      return h;
    }

    Commitment live(Book.NeedEntry n) {
      Optional<Commitment> o = live.get(n.id);
      return o != null ? o.orElse(null) : n.live();
    }

    Book.NeedEntry entry(String id) {
      Book.NeedEntry n = fresh.get(id);
      return n != null ? n : book.needs.get(id);
    }

    int count(Book.NeedEntry n) {
      return count.getOrDefault(n.id, n.history.size());
    }

    Commitment promise(Book.NeedEntry n, Cand k, int moves) {
      int next = count(n) + 1;
      count.put(n.id, next);
      Commitment c = new Commitment(n.id + "#" + next, n.id, k.offer, k.period, CommitmentState.PROMISED, Optional.empty(),
          Optional.empty(), moves, now, now);
      w.add(book.needStream(n.id), Book.promised(next, k.offer, k.period, moves, actor.id(), now));
      usageDelta.merge(k.slot(), 1, Integer::sum);
      added.computeIfAbsent(k.slot(), x -> new LinkedHashSet<>()).add(n.id);
      removed.getOrDefault(k.slot(), new java.util.HashSet<>()).remove(n.id);
      live.put(n.id, Optional.of(c));
      return c;
    }

    void release(Book.NeedEntry n, Commitment c, ReleaseReason reason, String forNeed) {
      w.add(book.needStream(n.id), Book.released(count(n), reason, forNeed, actor.id(), now));
      usageDelta.merge(c.slot(), -1, Integer::sum);
      removed.computeIfAbsent(c.slot(), x -> new LinkedHashSet<>()).add(n.id);
      Set<String> a = added.get(c.slot());
      if (a != null) {
        a.remove(n.id);
      }
      live.put(n.id, Optional.empty());
    }

    int moves(Book.NeedEntry n) {
      Commitment c = live(n);
      return c != null ? c.moves() : n.moves;
    }

    /**
     * Places a need without a place: nearest with room; else (preempt) takes a less basic need's
     * promise; else queues it with the reason.
     */
    DispatchOutcome placeOrQueue(Book.NeedEntry n, boolean preempt, Set<String> excludeOffers) {
      Facts f = facts(n.id);
      if (f == null) {
        return new DispatchOutcome(n.id, Optional.empty(), Optional.empty(), Texts.unknownFacts(), List.of(), OptionalDouble.empty(), 0,
            List.of());
      }
      List<Cand> cands = candidates(n, f, now, null);
      cands.removeIf(k -> excludeOffers.contains(k.offer) || k.offer.equals(suspendedOffer));
      for (Cand k : cands) {
        if (room(k) > 0) {
          Commitment c = promise(n, k, moves(n));
          return servedOutcome(n, f, c, null, false);
        }
      }
      if (preempt && !cands.isEmpty()) {
        Book.NeedEntry victim = null;
        Commitment victimC = null;
        for (Cand k : cands) {
          for (String h : holders(k.slot())) {
            Book.NeedEntry hn = entry(h);
            Commitment hc = live(hn);
            if (hc == null || hc.state() != CommitmentState.PROMISED || cls(hn) <= cls(n)) {
              continue;
            }
            if (victim == null || cls(hn) > cls(victim)
                || (cls(hn) == cls(victim) && hc.promisedAt().isAfter(victimC.promisedAt()))) {
              victim = hn;
              victimC = hc;
            }
          }
        }
        if (victim != null) {
          return takeFrom(n, f, victim, victimC);
        }
      }
      return missOutcome(n, f, cands);
    }

    /** The need takes the victim's promise; the victim is placed elsewhere or queued, and told why. */
    DispatchOutcome takeFrom(Book.NeedEntry n, Facts f, Book.NeedEntry victim, Commitment victimC) {
      release(victim, victimC, ReleaseReason.PREEMPTED, n.id);
      Cand k = new Cand(victimC.offerId(), victimC.periodStart(), book.offers.get(victimC.offerId()).terms.place().distanceMetres(f.place()));
      Commitment c = promise(n, k, moves(n));
      DispatchOutcome then = placeOrQueue(victim, false, Set.of());
      DispatchOutcome told = withText(then, Texts.gaveWay(n.id, n.tier, then.served() ? then.explanation() : Texts.queuedFirst()));
      DispatchOutcome mine = servedOutcome(n, f, c, victim.id, false);
      return new DispatchOutcome(mine.needId(), mine.commitment(), mine.reason(), mine.explanation(), List.of(), mine.distanceMetres(),
          mine.eligibleOffers(), List.of(told));
    }

    /** Gives a freed place to the most basic waiting need that can use it. */
    List<DispatchOutcome> fill(String offerId, LocalDate period) {
      List<Book.NeedEntry> waiting = new ArrayList<>();
      for (Book.NeedEntry q : book.needs.values()) {
        if (!q.closed && live(q) == null && !live.containsKey(q.id)) {
          waiting.add(q);
        }
      }
      waiting.sort(priorityOrder());
      List<DispatchOutcome> out = new ArrayList<>();
      for (Book.NeedEntry q : waiting) {
        Cand slot = null;
        Facts f = facts(q.id);
        if (f == null) {
          continue;
        }
        for (Cand k : candidates(q, f, now, null)) {
          if (k.offer.equals(offerId) && k.period.equals(period)) {
            slot = k;
          }
        }
        if (slot == null || room(slot) <= 0) {
          continue;
        }
        Commitment c = promise(q, slot, moves(q));
        out.add(servedOutcome(q, f, c, null, false));
        if (room(slot) <= 0) {
          break;
        }
      }
      return out;
    }

    DispatchOutcome servedOutcome(Book.NeedEntry n, Facts f, Commitment c, String preempted, boolean moved) {
      List<Cand> cands = candidates(n, f, now, null);
      Map<String, Double> nearestByOffer = new java.util.LinkedHashMap<>();
      for (Cand k : cands) {
        nearestByOffer.putIfAbsent(k.offer, k.dist);
      }
      double dist = book.offers.get(c.offerId()).terms.place().distanceMetres(f.place());
      int rank = 1;
      for (double d : nearestByOffer.values()) {
        if (d < dist) {
          rank++;
        }
      }
      int eligible = Math.max(1, nearestByOffer.size());
      return new DispatchOutcome(n.id, Optional.of(c), Optional.empty(), Texts.served(dist, rank, eligible, n.tier, preempted, moved), List.of(),
          OptionalDouble.of(dist), eligible, List.of());
    }

    DispatchOutcome missOutcome(Book.NeedEntry n, Facts f, List<Cand> cands) {
      if (cands.isEmpty()) {
        Diagnosis d = new Diagnosis();
        candidates(n, f, now, d);
        ReasonCode code;
        Label text;
        if (d.inRangeClosed > 0) {
          code = ReasonCode.OUTSIDE_TIME_WINDOW;
          text = Texts.outsideTime();
        } else if (Double.isFinite(d.nearestOut)) {
          code = ReasonCode.OUT_OF_RANGE;
          text = Texts.outOfRange(d.nearestOut, d.nearestRadius);
        } else {
          code = ReasonCode.NO_ELIGIBLE_OFFER;
          if (d.ofDomain == 0) {
            text = Texts.noOfferOfDomain(n.domain.label());
          } else if (d.ofTier == 0) {
            text = Texts.noOfferOfTier(n.domain.label(), n.tier);
          } else {
            text = d.refusals.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Texts.card());
          }
        }
        return new DispatchOutcome(n.id, Optional.empty(), Optional.of(code), text, List.of(), OptionalDouble.empty(), 0, List.of());
      }
      List<Book.NeedEntry> higher = new ArrayList<>();
      List<Book.NeedEntry> lower = new ArrayList<>();
      List<Book.NeedEntry> equal = new ArrayList<>();
      Set<String> seen = new java.util.HashSet<>();
      Set<String> offersSeen = new java.util.HashSet<>();
      int capacity = 0;
      for (Cand k : cands) {
        if (seen.add("slot:" + k.slot())) {
          capacity += capacityOf(book.offers.get(k.offer), k.period);
        }
        offersSeen.add(k.offer);
        for (String h : holders(k.slot())) {
          if (!seen.add(h)) {
            continue;
          }
          Book.NeedEntry hn = entry(h);
          int c = cls(hn);
          Commitment hc = live(hn);
          if (c < cls(n)) {
            higher.add(hn);
          } else if (c > cls(n) && hc != null && hc.state() == CommitmentState.PROMISED) {
            lower.add(hn);
          } else {
            equal.add(hn);
          }
        }
      }
      Comparator<Book.NeedEntry> order = priorityOrder();
      higher.sort(order);
      lower.sort(order);
      equal.sort(order);
      if (!lower.isEmpty()) {
        List<String> ids = ids(lower);
        return new DispatchOutcome(n.id, Optional.empty(), Optional.of(ReasonCode.WAITING_BY_POLICY), Texts.waiting(ids), ids,
            OptionalDouble.empty(), offersSeen.size(), List.of());
      }
      if (!higher.isEmpty()) {
        List<String> ids = ids(higher);
        return new DispatchOutcome(n.id, Optional.empty(), Optional.of(ReasonCode.CAPACITY_TAKEN_BY_HIGHER_PRIORITY), Texts.takenByHigher(ids),
            ids, OptionalDouble.empty(), offersSeen.size(), List.of());
      }
      List<String> ids = ids(equal);
      return new DispatchOutcome(n.id, Optional.empty(), Optional.of(ReasonCode.CAPACITY_EXHAUSTED), Texts.exhausted(capacity, ids), ids,
          OptionalDouble.empty(), offersSeen.size(), List.of());
    }

    private List<String> ids(List<Book.NeedEntry> list) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < Math.min(MAX_COMPETING, list.size()); i++) {
        ids.add(list.get(i).id);
      }
      return ids;
    }

    /** The exact re-placement of every open need (see {@link Dispatcher#reoptimise}). */
    Reoptimisation reoptimise() {
      List<Book.NeedEntry> open = new ArrayList<>();
      List<Facts> facts = new ArrayList<>();
      List<String> unresolved = new ArrayList<>();
      for (Book.NeedEntry n : book.needs.values()) {
        Commitment c = n.live();
        if (n.closed || (c != null && c.state() != CommitmentState.PROMISED)) {
          continue;
        }
        Facts f = facts(n.id);
        if (f == null) {
          unresolved.add(n.id);
          continue;
        }
        open.add(n);
        facts.add(f);
      }
      // slots and their remaining capacity: capacity minus places held by needs not re-placed
      Map<String, Integer> slotIndex = new HashMap<>();
      List<Cand> slots = new ArrayList<>();
      int[] needStart = new int[open.size() + 1];
      List<Integer> edgeSlot = new ArrayList<>();
      List<Double> edgeDist = new ArrayList<>();
      double maxDist = 0;
      boolean wait = policy.preemption() == DispatchPolicy.Preemption.WAIT;
      for (int i = 0; i < open.size(); i++) {
        Book.NeedEntry n = open.get(i);
        Commitment c = n.live();
        boolean pinned = c != null && c.moves() >= policy.maxMovesPerNeed();
        for (Cand k : candidates(n, facts.get(i), now, null)) {
          if (pinned && !k.slot().equals(c.slot())) {
            continue;
          }
          Integer s = slotIndex.get(k.slot());
          if (s == null) {
            s = slots.size();
            slotIndex.put(k.slot(), s);
            slots.add(k);
          }
          edgeSlot.add(s);
          edgeDist.add(k.dist);
          maxDist = Math.max(maxDist, k.dist);
        }
        boolean keepsCurrent = false;
        for (int e = needStart[i]; e < edgeSlot.size(); e++) {
          keepsCurrent |= c != null && slots.get(edgeSlot.get(e)).slot().equals(c.slot());
        }
        if (c != null && !keepsCurrent) {
          // its place is no longer among its candidates (its window has begun to pass, the offer
          // changed): it may keep the place it was promised, never lose it for that
          Book.OfferEntry o = book.offers.get(c.offerId());
          Cand k = new Cand(c.offerId(), c.periodStart(), o.terms.place().distanceMetres(facts.get(i).place()));
          Integer s = slotIndex.get(k.slot());
          if (s == null) {
            s = slots.size();
            slotIndex.put(k.slot(), s);
            slots.add(k);
          }
          edgeSlot.add(s);
          edgeDist.add(k.dist);
          maxDist = Math.max(maxDist, k.dist);
        }
        needStart[i + 1] = edgeSlot.size();
      }
      Set<String> reoptimised = new java.util.HashSet<>();
      open.forEach(n -> reoptimised.add(n.id));
      int[] cap = new int[slots.size()];
      for (int s = 0; s < slots.size(); s++) {
        Cand k = slots.get(s);
        int fixed = 0;
        for (String h : book.holders.getOrDefault(k.slot(), Set.of())) {
          if (!reoptimised.contains(h)) {
            fixed++;
          }
        }
        cap[s] = Math.max(0, capacityOf(book.offers.get(k.offer), k.period) - fixed);
      }
      int m = edgeSlot.size();
      int[] edgeNeed = new int[m];
      int[] edgeOffer = new int[m];
      long[] profit = new long[m];
      int classes = policy.ranking().priorityClassCount() + 1;
      long nn = Math.max(1, open.size());
      long units = Math.max(2, Math.min(1_000_000L, (MaxWeightBMatching.MAX_ABS_PROFIT / (classes + 1) - 1) / nn));
      long delta = nn * units + 1;
      for (int i = 0; i < open.size(); i++) {
        Book.NeedEntry n = open.get(i);
        Commitment c = n.live();
        int klass = (wait && c != null) ? 0 : cls(n) + 1;
        long weight = (classes - klass) * delta;
        for (int e = needStart[i]; e < needStart[i + 1]; e++) {
          edgeNeed[e] = i;
          edgeOffer[e] = edgeSlot.get(e);
          boolean stays = c != null && slots.get(edgeSlot.get(e)).slot().equals(c.slot());
          long penalty = (maxDist <= 0 ? 0 : Math.round(edgeDist.get(e) / maxDist * (units / 2))) + (stays ? 0 : units / 2);
          profit[e] = weight - penalty;
        }
      }
      int[] chosen = MaxWeightBMatching.solve(open.size(), cap, edgeNeed, edgeOffer, profit);
      // releases first, so that every slot's count stays within capacity at each step
      int moved = 0;
      int newlyServed = 0;
      List<String> preempted = new ArrayList<>();
      List<DispatchOutcome> changes = new ArrayList<>();
      Map<String, String> takers = new HashMap<>();
      for (int i = 0; i < open.size(); i++) {
        Book.NeedEntry n = open.get(i);
        Commitment c = n.live();
        String to = chosen[i] < 0 ? null : slots.get(edgeOffer[chosen[i]]).slot();
        if (to != null && (c == null || !to.equals(c.slot()))) {
          takers.putIfAbsent(to, n.id);
        }
      }
      for (int i = 0; i < open.size(); i++) {
        Book.NeedEntry n = open.get(i);
        Commitment c = n.live();
        String to = chosen[i] < 0 ? null : slots.get(edgeOffer[chosen[i]]).slot();
        if (c != null && !c.slot().equals(to)) {
          release(n, c, to == null ? ReleaseReason.PREEMPTED : ReleaseReason.MOVED, to == null ? takers.get(c.slot()) : null);
        }
      }
      for (int i = 0; i < open.size(); i++) {
        Book.NeedEntry n = open.get(i);
        Commitment c = n.live();
        Cand to = chosen[i] < 0 ? null : slots.get(edgeOffer[chosen[i]]);
        if (to != null) {
          to = new Cand(to.offer, to.period, edgeDist.get(chosen[i]));
        }
        if (to != null && c != null && to.slot().equals(c.slot())) {
          continue;
        }
        if (to != null) {
          boolean isMove = c != null;
          Commitment nc = promise(n, to, isMove ? c.moves() + 1 : n.moves);
          if (isMove) {
            moved++;
          } else {
            newlyServed++;
          }
          changes.add(servedOutcome(n, facts.get(i), nc, null, isMove));
        } else if (c != null) {
          preempted.add(n.id);
          String by = takers.get(c.slot());
          DispatchOutcome miss = missOutcome(n, facts.get(i), candidates(n, facts.get(i), now, null));
          Book.NeedEntry taker = by == null ? null : book.needs.get(by);
          changes.add(withText(miss, taker == null ? Texts.released(ReleaseReason.PREEMPTED, miss.explanation())
              : Texts.gaveWay(by, taker.tier, Texts.queuedFirst())));
        }
      }
      return new Reoptimisation(open.size(), newlyServed, moved, preempted, changes, unresolved, -1);
    }
  }
}

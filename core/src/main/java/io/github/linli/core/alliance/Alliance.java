package io.github.linli.core.alliance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Mandate;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alliance (联盟 / 平台组织): the entry point for members and their lifecycle, service pledges
 * and their fulfilment, benefit cards, and the registry's figures.
 *
 * <p><b>Authority.</b> Every state-changing call takes an {@link Actor}. A membership change needs
 * one of the roles of its {@link MembershipAction} (configurable with {@link #builder(String,
 * Clock)}), or a joint-meeting resolution (a {@link Mandate}) passed to {@link #enact(Actor, Mandate)}. A
 * refused call throws {@link PermissionDeniedException}; any failed call changes nothing, in memory
 * or in the store.
 *
 * <p><b>State lives in an event store.</b> The alliance is three parts, each kept from its own
 * streams of an {@link EventStore}: members and their lifecycle (a stream per member), pledges and
 * their deliveries (a stream per pledge), benefit cards (a stream per card, and one per card holder).
 * A command checks permission and state on fresh state, appends its events at the versions it read,
 * and the state changes only by applying the appended events: the same code runs live and when an
 * alliance is loaded. {@link #create(String, Clock)} keeps its events in memory; {@link
 * #open(EventStore, String, Clock, PersonalDataStore)} loads an alliance from a store (its latest
 * snapshot, then the events after it) and keeps writing to it. Several servers may open the same
 * alliance on one database: a command that finds the streams it read moved by another server catches
 * up and decides again, so no acknowledged write is lost; {@link #refresh()} brings queries up to
 * date with the other servers' writes. One command writes O(1) rows whatever the alliance's size (a
 * parent's change also writes one row per following sub-unit).
 *
 * <p><b>Retries.</b> {@link #withCommandId(String)} gives the command that follows an idempotency
 * key: a client that lost the answer retries with the same key, on any server, and gets the first
 * answer without a second effect: {@code club.withCommandId("req-8f2c").admit(admin, id)}.
 *
 * <p><b>Personal data.</b> Contacts and the cards' birth dates, household flags and areas are kept
 * in the {@link PersonalDataStore} given (in memory by default), never in events or snapshots; the
 * erasure methods delete them there and record that they did, and every stream stays replayable.
 *
 * <p><b>History.</b> Every status change is an immutable {@link MembershipEvent} with actor,
 * authority and time from the injected {@link Clock}; a member's status is that of its last event.
 * Sub-units that {@link Member#followsParent() follow their parent} get an inherited event for each
 * change of the parent.
 *
 * <p>Thread-safe: every method holds the alliance's lock. Memory is linear in members, events,
 * pledges, cards and deliveries. Delivered units are indexed per pledge by day, so {@link
 * #opens(String, String)} and {@link #fulfilment(String, Period)} take O(log d + days in the
 * period) for d delivery days; {@link #figures(String, LocalDate)} is linear in members, their
 * events, pledges and cards.
 *
 * @since 0.1.0
 */
public final class Alliance {
  /** The state shared by an alliance and its command-id views. */
  private static final class Core {
    final String id;
    final Clock clock;
    final Map<MembershipAction, Set<Role>> roles;
    final EventStore store;
    final PersonalRecords personal;
    final MemberBook members;
    final CardBook cards;
    final PledgeBook pledges;
    final int snapshotEvery;
    /** Events each part had applied when it last saved a snapshot. */
    final long[] snapshotAt = new long[3];

    Core(String id, Clock clock, Map<MembershipAction, Set<Role>> roles, EventStore store, PersonalDataStore personalData,
        int snapshotEvery) {
      this.id = id;
      this.clock = clock;
      this.roles = roles;
      this.store = store;
      this.personal = new PersonalRecords(personalData, id);
      this.members = new MemberBook(store, id, clock, roles, personal);
      this.cards = new CardBook(store, id, clock, personal);
      this.pledges = new PledgeBook(store, id, clock, members, cards);
      this.snapshotEvery = snapshotEvery;
    }
  }

  private final Core core;
  private final String commandId;

  private Alliance(Core core, String commandId) {
    this.core = core;
    this.commandId = commandId;
  }

  /**
   * Creates an empty alliance with the default roles of each {@link MembershipAction}, keeping its
   * events in an in-memory store and its personal data in an in-memory personal-data store.
   *
   * @param id the alliance's id, for example {@code lishan-club}
   * @param clock the clock for every time stamp and for "today"
   * @return the alliance
   * @throws ValidationException if the id is invalid
   */
  public static Alliance create(String id, Clock clock) {
    return builder(id, clock).build();
  }

  /**
   * Opens the alliance kept in a store: loads each part from its latest snapshot and the events
   * after it (an empty alliance if the store holds none), and keeps writing to the store. Several
   * servers may open the same alliance on one database.
   *
   * @param store the event store, for example {@code EventStores.jdbc(dataSource)}
   * @param tenant the alliance's id, the tenant of its streams, for example {@code lishan}
   * @param clock the clock for every time stamp and for "today" (the same zone on every server)
   * @param personal where contacts and the cards' personal facts live
   * @return the alliance
   * @throws ValidationException if the tenant is not a valid id
   * @throws io.github.linli.core.ConsistencyException naming tenant, stream and version if a stored
   *     event cannot be read (nothing is loaded)
   * @since 0.2.0
   */
  public static Alliance open(EventStore store, String tenant, Clock clock, PersonalDataStore personal) {
    return builder(tenant, clock).store(store).personalData(personal).build();
  }

  /**
   * A builder, to choose the store, the personal-data store and which roles may take which
   * membership actions.
   *
   * @param id the alliance's id (the tenant of its streams)
   * @param clock the clock
   * @return the builder
   * @throws ValidationException if the id is invalid
   */
  public static Builder builder(String id, Clock clock) {
    return new Builder(Checks.id("alliance.id", id), checkNotNull(clock, "clock"));
  }

  /** Builds an {@link Alliance}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final Clock clock;
    private final Map<MembershipAction, Set<Role>> roles = new EnumMap<>(MembershipAction.class);
    private EventStore store;
    private PersonalDataStore personal;
    private int snapshotEvery = 1000;

    private Builder(String id, Clock clock) {
      this.id = id;
      this.clock = clock;
      for (MembershipAction a : MembershipAction.values()) {
        roles.put(a, a.defaultRoles());
      }
    }

    /**
     * Sets the roles that may take an action (replacing the defaults; none means only a
     * resolution may).
     *
     * @param action the action
     * @param allowed the roles
     * @return this builder
     */
    public Builder allow(MembershipAction action, Role... allowed) {
      checkNotNull(action, "action");
      EnumSet<Role> set = EnumSet.noneOf(Role.class);
      for (Role r : checkNotNull(allowed, "allowed")) {
        set.add(checkNotNull(r, "allowed element"));
      }
      roles.put(action, Collections.unmodifiableSet(set));
      return this;
    }

    /**
     * The event store that holds the alliance (default: a new in-memory store on the clock).
     *
     * @param store the store
     * @return this builder
     * @since 0.2.0
     */
    public Builder store(EventStore store) {
      this.store = checkNotNull(store, "store");
      return this;
    }

    /**
     * Where contacts and the cards' personal facts live (default: a new in-memory store on the
     * clock).
     *
     * @param personal the personal-data store
     * @return this builder
     * @since 0.2.0
     */
    public Builder personalData(PersonalDataStore personal) {
      this.personal = checkNotNull(personal, "personal");
      return this;
    }

    /**
     * How often a part saves a snapshot to the store: after a command, once at least this many
     * events (and an eighth of the part's events) followed its last snapshot (default 1,000; 0 for
     * never: only {@link Alliance#saveSnapshots()}; always never with the in-memory store the
     * builder makes when none is given). Snapshots bound load time; they are a cache.
     *
     * @param events 0 or more
     * @return this builder
     * @since 0.2.0
     */
    public Builder snapshotEvery(int events) {
      if (events < 0) {
        throw new ValidationException("snapshotEvery", events, "must be 0 or more");
      }
      this.snapshotEvery = events;
      return this;
    }

    /**
     * Builds the alliance, loading what the store holds.
     *
     * @return the alliance
     * @throws io.github.linli.core.ConsistencyException if a stored event cannot be read
     */
    public Alliance build() {
      EventStore s = store != null ? store : EventStores.inMemory(clock);
      PersonalDataStore p = personal != null ? personal : PersonalDataStore.inMemory(clock);
      // an in-memory store made here dies with the alliance: snapshots would only cost time
      int every = store != null ? snapshotEvery : 0;
      Core core = new Core(id, clock, Collections.unmodifiableMap(new EnumMap<>(roles)), s, p, every);
      core.members.loadSnapshot();
      core.cards.loadSnapshot();
      core.pledges.loadSnapshot();
      Alliance a = new Alliance(core, null);
      a.refresh();
      return a;
    }
  }

  /**
   * This alliance with an idempotency key for the next command: a command retried with the same key,
   * on this server or another, answers as the first did and changes nothing more. Use a new key for
   * each command (a key recorded for another command gives a {@link ConflictException}). The view
   * shares the alliance's state; queries on it answer as on the alliance.
   *
   * @param commandId the client's key for one command, at most 128 characters
   * @return a view of this alliance that sends the key with its commands
   * @throws ValidationException if the key is not a valid id
   * @since 0.2.0
   */
  public Alliance withCommandId(String commandId) {
    return new Alliance(core, Checks.id("commandId", commandId));
  }

  /**
   * Applies the events other servers appended since this alliance last looked. Commands do this
   * themselves; call it before a query that must see other servers' writes.
   *
   * @return how many events were applied
   * @since 0.2.0
   */
  public int refresh() {
    synchronized (core) {
      return core.members.catchUp() + core.cards.catchUp() + core.pledges.catchUp();
    }
  }

  /**
   * Saves a snapshot of each part to the store at its current position, so that {@link #open}
   * replays only the events after it. A cache: a snapshot that fails to save or to load costs a
   * longer replay, never a wrong state. Not the export format (that is {@link #snapshot()}).
   *
   * @since 0.2.0
   */
  public void saveSnapshots() {
    synchronized (core) {
      core.members.saveSnapshot();
      core.cards.saveSnapshot();
      core.pledges.saveSnapshot();
      core.snapshotAt[0] = core.members.eventsApplied();
      core.snapshotAt[1] = core.cards.eventsApplied();
      core.snapshotAt[2] = core.pledges.eventsApplied();
    }
  }

  /** After a command: saves the snapshot of a part whose events since its last one are many. */
  private <T> T done(T result) {
    if (core.snapshotEvery > 0) {
      long[] now = {core.members.position(), core.cards.position(), core.pledges.position()};
      long[] applied = {core.members.eventsApplied(), core.cards.eventsApplied(), core.pledges.eventsApplied()};
      for (int i = 0; i < 3; i++) {
        long tail = applied[i] - core.snapshotAt[i];
        if (tail >= core.snapshotEvery && tail >= now[i] / 8) {
          if (i == 0) {
            core.members.saveSnapshot();
          } else if (i == 1) {
            core.cards.saveSnapshot();
          } else {
            core.pledges.saveSnapshot();
          }
          core.snapshotAt[i] = applied[i];
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------------------------- members

  /**
   * Registers a member's application (status {@link MemberStatus#APPLIED}), or, for a sub-unit that
   * follows its parent, registers it with the parent's status.
   *
   * @param actor who registers it: a role allowed to {@link MembershipAction#APPLY}
   * @param member the member
   * @return the member's first event
   * @throws PermissionDeniedException if the actor may not
   * @throws NotFoundException if the parent is unknown
   * @throws ConflictException if the id is taken, or a following sub-unit's parent has left
   */
  public MembershipEvent apply(Actor actor, Member member) {
    checkNotNull(actor, "actor");
    checkNotNull(member, "member");
    synchronized (core) {
      MembershipEvent e = core.members.register(commandId, actor, member);
      if (member.contact().isPresent()) {
        core.personal.putContact(member.id(), member.contact().get());
      }
      return done(e);
    }
  }

  /**
   * Admits an applicant.
   *
   * @param actor who admits: a role allowed to {@link MembershipAction#ADMIT}
   * @param member the member
   * @return the event
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the member's status does not allow it, or it follows its parent
   */
  public MembershipEvent admit(Actor actor, MemberId member) {
    return change(actor, member, MembershipAction.ADMIT);
  }

  /**
   * Suspends an active member.
   *
   * @param actor who suspends: a role allowed to {@link MembershipAction#SUSPEND}
   * @param member the member
   * @return the event
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the member's status does not allow it, or it follows its parent
   */
  public MembershipEvent suspend(Actor actor, MemberId member) {
    return change(actor, member, MembershipAction.SUSPEND);
  }

  /**
   * Reinstates a suspended member.
   *
   * @param actor who reinstates: a role allowed to {@link MembershipAction#REINSTATE}
   * @param member the member
   * @return the event
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the member's status does not allow it, or it follows its parent
   */
  public MembershipEvent reinstate(Actor actor, MemberId member) {
    return change(actor, member, MembershipAction.REINSTATE);
  }

  /**
   * Records a member's withdrawal.
   *
   * @param actor who records it: a role allowed to {@link MembershipAction#WITHDRAW}
   * @param member the member
   * @return the event
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the member's status does not allow it, or it follows its parent
   */
  public MembershipEvent withdraw(Actor actor, MemberId member) {
    return change(actor, member, MembershipAction.WITHDRAW);
  }

  /**
   * Expels a member. By default no role may: use {@link #enact(Actor, Mandate)}.
   *
   * @param actor who expels: a role allowed to {@link MembershipAction#EXPEL}
   * @param member the member
   * @return the event
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the member's status does not allow it, or it follows its parent
   */
  public MembershipEvent expel(Actor actor, MemberId member) {
    return change(actor, member, MembershipAction.EXPEL);
  }

  /**
   * Takes a membership action on the authority of the actor's role. {@link MembershipAction#APPLY}
   * is not taken here: use {@link #apply(Actor, Member)}.
   *
   * @param actor who acts
   * @param member the member
   * @param action the action
   * @return the event
   * @throws ValidationException if the action is {@code APPLY}
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the member's status does not allow it, or it follows its parent
   */
  public MembershipEvent change(Actor actor, MemberId member, MembershipAction action) {
    checkNotNull(actor, "actor");
    checkNotNull(member, "member");
    checkNotNull(action, "action");
    if (action == MembershipAction.APPLY) {
      throw new ValidationException("action", action, "use apply(actor, member) to register a member");
    }
    synchronized (core) {
      return done(core.members.change(commandId, actor, member, action));
    }
  }

  /**
   * Carries out the membership change a joint-meeting resolution decided: the resolution is the
   * authority, the actor is recorded as who enacted it. Each resolution is enacted once.
   *
   * @param actor who records the change: one of {@link Mandate#ENACTING_ROLES}
   * @param resolution an adopted member motion (admit, suspend, reinstate or expel): a
   *     joint-meeting {@code Resolution}, or another {@link Mandate}
   * @return the event
   * @throws PermissionDeniedException if the actor holds none of the enacting roles
   * @throws ValidationException if the resolution does not decide a membership change
   * @throws NotFoundException if its member is unknown
   * @throws ConflictException if it was already enacted, or the member's status does not allow the
   *     change, or the member follows its parent
   */
  public MembershipEvent enact(Actor actor, Mandate resolution) {
    checkNotNull(actor, "actor");
    checkNotNull(resolution, "resolution");
    actor.require("alliance.enact", Mandate.ENACTING_ROLES);
    Optional<MembershipAction> action = MembershipAction.decidedBy(resolution.decides());
    if (action.isEmpty() || resolution.subject().isEmpty()) {
      throw new ValidationException("resolution.kind", resolution.decides(), "is not a membership change");
    }
    synchronized (core) {
      return done(core.members.enact(commandId, actor, resolution.id(), resolution.subject().get(), action.get()));
    }
  }

  /**
   * A member's profile.
   *
   * @param id the member id
   * @return the member
   * @throws NotFoundException if unknown
   */
  public Member member(MemberId id) {
    checkNotNull(id, "id");
    synchronized (core) {
      return core.members.view(id);
    }
  }

  /**
   * All members, in order of registration.
   *
   * @return an unmodifiable copy
   */
  public List<Member> members() {
    synchronized (core) {
      return List.copyOf(core.members.views());
    }
  }

  /**
   * A member's current status.
   *
   * @param id the member id
   * @return the status
   * @throws NotFoundException if unknown
   */
  public MemberStatus status(MemberId id) {
    checkNotNull(id, "id");
    synchronized (core) {
      return core.members.status(id);
    }
  }

  /**
   * A member's status at an instant, from its history.
   *
   * @param id the member id
   * @param at the instant
   * @return the status of the last event at or before {@code at}; empty if it had not applied yet
   * @throws NotFoundException if unknown
   */
  public Optional<MemberStatus> statusAt(MemberId id, Instant at) {
    checkNotNull(id, "id");
    checkNotNull(at, "at");
    synchronized (core) {
      return core.members.statusAt(id, at);
    }
  }

  /**
   * A member's history, oldest first.
   *
   * @param id the member id
   * @return an unmodifiable copy
   * @throws NotFoundException if unknown
   */
  public List<MembershipEvent> history(MemberId id) {
    checkNotNull(id, "id");
    synchronized (core) {
      return core.members.history(id);
    }
  }

  /**
   * Every membership event, in order.
   *
   * @return an unmodifiable copy
   */
  public List<MembershipEvent> events() {
    synchronized (core) {
      return core.members.events();
    }
  }

  /**
   * The sub-units that follow a member, directly.
   *
   * @param parent the parent
   * @return an unmodifiable copy
   * @throws NotFoundException if unknown
   */
  public List<MemberId> followersOf(MemberId parent) {
    checkNotNull(parent, "parent");
    synchronized (core) {
      return core.members.followersOf(parent);
    }
  }

  /**
   * Whether a resolution has been enacted here.
   *
   * @param resolutionId the resolution id
   * @return true if enacted
   */
  public boolean enacted(String resolutionId) {
    synchronized (core) {
      return core.members.enacted(resolutionId);
    }
  }

  // ---------------------------------------------------------------------------------- pledges

  /**
   * Registers a member's pledge.
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code COORDINATOR}, or a representative of the member
   * @param pledge the pledge
   * @return the pledge
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the id is taken or the member is not active
   */
  public Pledge pledge(Actor actor, Pledge pledge) {
    checkNotNull(actor, "actor");
    checkNotNull(pledge, "pledge");
    synchronized (core) {
      return done(core.pledges.register(commandId, actor, pledge));
    }
  }

  /**
   * A pledge.
   *
   * @param pledgeId the id
   * @return the pledge
   * @throws NotFoundException if unknown
   */
  public Pledge pledge(String pledgeId) {
    synchronized (core) {
      return core.pledges.require(pledgeId);
    }
  }

  /**
   * All pledges, in order of registration.
   *
   * @return an unmodifiable copy
   */
  public List<Pledge> pledges() {
    synchronized (core) {
      return core.pledges.all();
    }
  }

  /**
   * Records units delivered under a pledge without a card (attendance of a free lecture, say).
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code COORDINATOR}, {@code SYSTEM}, or a
   *     representative of the pledging member
   * @param pledgeId the pledge
   * @param units units delivered, positive
   * @return the delivery
   * @throws NotFoundException if the pledge is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException if {@code units} is not positive
   * @throws ConflictException if the pledge is not valid today or its member is not active
   */
  public Delivery recordDelivery(Actor actor, String pledgeId, int units) {
    checkNotNull(actor, "actor");
    synchronized (core) {
      return done(core.pledges.recordDelivery(commandId, actor, pledgeId, units));
    }
  }

  /**
   * The deliveries under a pledge, in order.
   *
   * @param pledgeId the pledge
   * @return an unmodifiable copy
   * @throws NotFoundException if the pledge is unknown
   */
  public List<Delivery> deliveries(String pledgeId) {
    synchronized (core) {
      return core.pledges.deliveries(pledgeId);
    }
  }

  /**
   * Delivered against pledged, for one pledge over a period (days in the clock's zone).
   *
   * @param pledgeId the pledge
   * @param period the period
   * @return the fulfilment
   * @throws NotFoundException if the pledge is unknown
   */
  public Fulfilment fulfilment(String pledgeId, Period period) {
    checkNotNull(period, "period");
    synchronized (core) {
      Pledge p = core.pledges.require(pledgeId);
      return new Fulfilment(pledgeId, period, p.pledgedIn(period), core.pledges.delivered(pledgeId, period.start(), period.end()));
    }
  }

  /**
   * Units a member delivered under all its pledges in a period.
   *
   * @param member the member
   * @param period the period
   * @return the units
   * @throws NotFoundException if the member is unknown
   */
  public long delivered(MemberId member, Period period) {
    checkNotNull(member, "member");
    checkNotNull(period, "period");
    synchronized (core) {
      core.members.require(member);
      long total = 0;
      for (Pledge p : core.pledges.all()) {
        if (p.member().equals(member)) {
          total += core.pledges.delivered(p.id(), period.start(), period.end());
        }
      }
      return total;
    }
  }

  // ---------------------------------------------------------------------------------- cards

  /**
   * Issues a benefit card. A resident holds at most one card that is not revoked.
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code RESIDENTS_COMMITTEE} or {@code COORDINATOR}
   * @param card the card, status {@link CardStatus#ACTIVE}
   * @return the card
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException if the card is not active or already expired
   * @throws ConflictException if the card id is taken or the resident holds a card
   */
  public BenefitCard issueCard(Actor actor, BenefitCard card) {
    checkNotNull(actor, "actor");
    checkNotNull(card, "card");
    synchronized (core) {
      return done(core.cards.issue(commandId, actor, card));
    }
  }

  /**
   * Suspends an active card.
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code RESIDENTS_COMMITTEE} or {@code COORDINATOR}
   * @param cardId the card
   * @return the card as it is now
   * @throws NotFoundException if unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the card is not active
   */
  public BenefitCard suspendCard(Actor actor, String cardId) {
    return cardMove(actor, cardId, "card.suspend", EnumSet.of(CardStatus.ACTIVE), CardStatus.SUSPENDED);
  }

  /**
   * Lifts a card's suspension.
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code RESIDENTS_COMMITTEE} or {@code COORDINATOR}
   * @param cardId the card
   * @return the card as it is now
   * @throws NotFoundException if unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the card is not suspended
   */
  public BenefitCard reinstateCard(Actor actor, String cardId) {
    return cardMove(actor, cardId, "card.reinstate", EnumSet.of(CardStatus.SUSPENDED), CardStatus.ACTIVE);
  }

  /**
   * Revokes a card for good; the resident may then be issued a new one.
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code RESIDENTS_COMMITTEE} or {@code COORDINATOR}
   * @param cardId the card
   * @return the card as it is now
   * @throws NotFoundException if unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if already revoked
   */
  public BenefitCard revokeCard(Actor actor, String cardId) {
    return cardMove(actor, cardId, "card.revoke", EnumSet.of(CardStatus.ACTIVE, CardStatus.SUSPENDED), CardStatus.REVOKED);
  }

  /**
   * Renews a card to a new last day; the status is kept (a suspended card stays suspended).
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code RESIDENTS_COMMITTEE} or {@code COORDINATOR}
   * @param cardId the card
   * @param validUntil the new last valid day, after the current one and not before today
   * @return the card as it is now
   * @throws NotFoundException if unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException if the day is not after the current last day or before today
   * @throws ConflictException if the card is revoked
   */
  public BenefitCard renewCard(Actor actor, String cardId, LocalDate validUntil) {
    checkNotNull(actor, "actor");
    checkNotNull(validUntil, "validUntil");
    synchronized (core) {
      return done(core.cards.renew(commandId, actor, cardId, validUntil));
    }
  }

  private BenefitCard cardMove(Actor actor, String cardId, String action, Set<CardStatus> from, CardStatus to) {
    checkNotNull(actor, "actor");
    synchronized (core) {
      return done(core.cards.move(commandId, actor, cardId, action, from, to));
    }
  }

  /**
   * A card as it is now.
   *
   * @param cardId the card id
   * @return the card
   * @throws NotFoundException if unknown
   */
  public BenefitCard card(String cardId) {
    synchronized (core) {
      return core.cards.view(cardId);
    }
  }

  /**
   * All cards, in order of issue, as they are now.
   *
   * @return an unmodifiable copy
   */
  public List<BenefitCard> cards() {
    synchronized (core) {
      return List.copyOf(core.cards.views());
    }
  }

  /**
   * Whether a card opens a pledged service today, and if not, why. Checks, in order: the card's
   * status and expiry, the pledge's validity, the member's status, age, household flags, area,
   * and the capacity left in the current {@link Cadence} period. The card's current state is read
   * by its id, so a stale card value gives the current answer.
   *
   * @param card the card
   * @param pledge the pledge
   * @return the access
   * @throws NotFoundException if the card or the pledge is unknown here
   */
  public Access opens(BenefitCard card, Pledge pledge) {
    checkNotNull(card, "card");
    checkNotNull(pledge, "pledge");
    return opens(card.id(), pledge.id());
  }

  /**
   * Whether a card opens a pledged service today, by ids. See {@link #opens(BenefitCard, Pledge)}.
   *
   * @param cardId the card id
   * @param pledgeId the pledge id
   * @return the access
   * @throws NotFoundException if the card or the pledge is unknown
   */
  public Access opens(String cardId, String pledgeId) {
    synchronized (core) {
      BenefitCard c = core.cards.view(cardId);
      Pledge p = core.pledges.require(pledgeId);
      return core.pledges.opens(c, p);
    }
  }

  /**
   * Records one use of a pledged service with a card. The use feeds the pledge's fulfilment.
   *
   * @param actor an {@code ALLIANCE_ADMIN}, {@code COORDINATOR}, {@code SYSTEM}, or a representative
   *     of the pledging member
   * @param cardId the card
   * @param pledgeId the pledge
   * @return the delivery
   * @throws NotFoundException if the card or the pledge is unknown
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if the card does not open the pledge (the message gives the {@link
   *     Refusal})
   */
  public Delivery recordUse(Actor actor, String cardId, String pledgeId) {
    checkNotNull(actor, "actor");
    synchronized (core) {
      return done(core.pledges.recordUse(commandId, actor, cardId, pledgeId));
    }
  }

  /**
   * Erases the personal data of a resident's benefit cards (birth date, household flags, area), on
   * the resident's request (PIPL art. 47): each card's values are erased in the alliance's
   * personal-data store (subject {@code card:<card id>}; the erasure is in its access log), and one
   * erasure event is appended to the resident's card-holder stream. The cards keep their id, holder
   * id, status and validity, so every delivery, figure and observation that refers to them stays
   * valid and every stream still replays; a pledge limited by age, household flag or area no longer
   * opens for the card ({@link Refusal#AGE_UNKNOWN}, {@link Refusal#HOUSEHOLD_FLAG_REQUIRED}, {@link
   * Refusal#OUTSIDE_AREA}) until the portal issues a new card with the facts. Values the portal keeps
   * about the resident under the resident's own id are erased there, with {@code
   * PersonalDataStore.erase}. O(cards of the resident).
   *
   * @param actor the resident themself, the residents' committee or the alliance administrator
   * @param resident the resident
   * @return the number of the resident's cards that showed personal data and no longer do (0 if
   *     none did)
   * @throws PermissionDeniedException if the actor may not (nothing is erased)
   */
  public int erasePersonalData(Actor actor, ResidentId resident) {
    checkNotNull(actor, "actor");
    checkNotNull(resident, "resident");
    synchronized (core) {
      return done(core.cards.erase(commandId, actor, resident));
    }
  }

  /**
   * Erases a member unit's contact person (name and phone) on that person's request: the values are
   * erased in the personal-data store and an erasure event is appended to the member's stream; the
   * member keeps its id, kind, name, community, representatives and whole history. O(1).
   *
   * @param actor the alliance administrator, or a representative of the member
   * @param member the member
   * @return whether there was a contact to erase
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not (nothing is erased)
   */
  public boolean eraseContact(Actor actor, MemberId member) {
    checkNotNull(actor, "actor");
    checkNotNull(member, "member");
    synchronized (core) {
      return done(core.members.eraseContact(commandId, actor, member));
    }
  }

  // ---------------------------------------------------------------------------------- export

  /**
   * Everything the alliance holds, as one immutable value: the <b>import and export format</b>
   * (moving an alliance between systems, archiving, tests), not how an alliance is kept (that is
   * its event store: {@link #open}). {@link #restore(AllianceSnapshot, Clock)} turns it back into
   * an equal alliance. Taken under the alliance's lock, so it is consistent. O(members + events +
   * pledges + cards + deliveries).
   *
   * <p>No {@link Actor} is asked for: whoever holds the alliance already reads every member and
   * card ({@link #members()}, {@link #cards()}), and a snapshot holds nothing more. It does hold
   * personal data (contacts, and the cards' birth dates, household flags and areas, read from the
   * personal-data store), so a portal that writes it out keeps it as carefully as that store. Its
   * {@code toString()} shows counts only.
   *
   * @return the snapshot
   */
  public AllianceSnapshot snapshot() {
    synchronized (core) {
      return AllianceSnapshot.builder()
          .id(core.id)
          .roles(core.roles)
          .members(core.members.views())
          .events(core.members.events())
          .enactedResolutions(core.members.enactedIds())
          .pledges(core.pledges.all())
          .cards(core.cards.views())
          .deliveries(core.pledges.deliveries())
          .build();
    }
  }

  /**
   * Imports an alliance from a {@link #snapshot()} into a new in-memory store: same id, roles,
   * members, history, enacted resolutions, pledges, cards and deliveries, so every query answers as
   * the original did (with a clock in the same zone: delivered units are counted per day in the
   * clock's zone). The snapshot is checked first; a snapshot that does not fit together is refused
   * and nothing is built. Then it is turned into the events the alliance would have appended, and
   * the alliance is loaded from them through the same code that applies every event. To import into
   * a lasting store, use {@link #restore(AllianceSnapshot, Clock, EventStore, PersonalDataStore)}.
   * O(members + events + pledges + cards + deliveries · log days).
   *
   * @param snapshot the snapshot, for example read back from a file
   * @param clock the clock for every new time stamp and for "today"
   * @return a new alliance equal to the one the snapshot was taken of
   * @throws ValidationException naming the field and the offending id or value (never personal
   *     data) if the snapshot is inconsistent: an invalid alliance id; a membership action without
   *     roles; a duplicate member, pledge or card id; a parent registered after its sub-unit or not
   *     at all; members listed out of the order of their applications in the history; an event out of sequence, for an unknown member, or not a transition the alliance
   *     could have made; a member without events; an enacted resolution no event records, or an
   *     event's resolution not enacted; a pledge of an unknown member; two cards not revoked for one
   *     resident; a delivery for an unknown pledge or card, or of no units
   */
  public static Alliance restore(AllianceSnapshot snapshot, Clock clock) {
    checkNotNull(clock, "clock");
    return restore(snapshot, clock, EventStores.inMemory(clock), PersonalDataStore.inMemory(clock));
  }

  /**
   * Imports an alliance from a {@link #snapshot()} into a store that holds no events of its tenant
   * (the snapshot's id) yet, as {@link #restore(AllianceSnapshot, Clock)} does, and opens it there.
   * The snapshot's personal values go to the personal-data store.
   *
   * @param snapshot the snapshot
   * @param clock the clock
   * @param store the store, with no events of the snapshot's tenant
   * @param personal the personal-data store
   * @return the alliance, open on the store
   * @throws ValidationException if the snapshot is inconsistent (see {@link #restore(AllianceSnapshot,
   *     Clock)})
   * @throws ConflictException if the store already holds events of the tenant
   * @since 0.2.0
   */
  public static Alliance restore(AllianceSnapshot snapshot, Clock clock, EventStore store, PersonalDataStore personal) {
    checkNotNull(snapshot, "snapshot");
    checkNotNull(clock, "clock");
    checkNotNull(store, "store");
    checkNotNull(personal, "personal");
    SnapshotImport.check(snapshot);
    String id = snapshot.id();
    if (store.head(id) > 0) {
      throw new ConflictException("the store already holds events of tenant " + id + " (head " + store.head(id)
          + "): import into an empty tenant");
    }
    SnapshotImport.write(snapshot, clock, store, personal);
    Builder b = builder(id, clock).store(store).personalData(personal);
    for (Map.Entry<MembershipAction, Set<Role>> e : snapshot.roles().entrySet()) {
      b.allow(e.getKey(), e.getValue().toArray(new Role[0]));
    }
    return b.build();
  }

  // ---------------------------------------------------------------------------------- registry

  /**
   * The communities of the registered members.
   *
   * @return a sorted, unmodifiable copy
   */
  public Set<String> communities() {
    synchronized (core) {
      Set<String> out = new TreeSet<>();
      for (MemberId m : core.members.ids()) {
        out.add(core.members.require(m).community());
      }
      return Collections.unmodifiableSet(out);
    }
  }

  /**
   * The registry's figures for a community today.
   *
   * @param community the community id
   * @return the figures
   */
  public AllianceFigures figures(String community) {
    return figures(community, today());
  }

  /**
   * The registry's figures for a community on a day: members active at the end of the day (from
   * their history), pledges of those members valid on the day, and cards active now and valid on
   * the day.
   *
   * @param community the community id
   * @param asOf the day
   * @return the figures
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the day is the last the JDK can represent
   */
  public AllianceFigures figures(String community, LocalDate asOf) {
    checkNotNull(community, "community");
    checkNotNull(asOf, "asOf");
    synchronized (core) {
      Instant endOfDay = Checks.time("asOf", asOf,
          () -> asOf.plusDays(1).atStartOfDay(core.clock.getZone()).toInstant().minusNanos(1));
      Map<MemberKind, Integer> byKind = new EnumMap<>(MemberKind.class);
      Set<MemberId> active = new HashSet<>();
      for (MemberId id : core.members.ids()) {
        Member m = core.members.require(id);
        if (m.community().equals(community) && core.members.statusAt(id, endOfDay).orElse(null) == MemberStatus.ACTIVE) {
          active.add(id);
          byKind.merge(m.kind(), 1, Integer::sum);
        }
      }
      Map<ServiceDomain, Integer> byDomain = new TreeMap<>();
      Map<ServiceDomain, Integer> freeByDomain = new TreeMap<>();
      Map<MemberKind, Integer> projectsByKind = new EnumMap<>(MemberKind.class);
      for (Pledge p : core.pledges.all()) {
        if (active.contains(p.member()) && p.validOn(asOf)) {
          byDomain.merge(p.domain(), 1, Integer::sum);
          if (p.isFree()) {
            freeByDomain.merge(p.domain(), 1, Integer::sum);
          }
          projectsByKind.merge(core.members.require(p.member()).kind(), 1, Integer::sum);
        }
      }
      int holders = 0;
      for (BenefitCard c : core.cards.plain()) {
        if (c.status() == CardStatus.ACTIVE && !c.validUntil().isBefore(asOf)) {
          holders++;
        }
      }
      return new AllianceFigures(community, asOf, byKind, byDomain, freeByDomain, projectsByKind, holders);
    }
  }

  /**
   * How a community's pledges were used over a period, as core observations for the scorecard
   * (scope the community, source {@code alliance}): {@code alliance.card_uses} and {@code
   * alliance.units_delivered} (count), {@code alliance.units_pledged} (count, prorated as in {@link
   * Pledge#pledgedIn(Period)}), and {@code alliance.fulfilment_ratio} (share, delivered over
   * pledged; left out when nothing was pledged). Pledges of every member of the community count,
   * whatever its status now.
   *
   * @param community the community id
   * @param period the period (days in the clock's zone)
   * @return three or four observations
   */
  public List<Observation> usageObservations(String community, Period period) {
    checkNotNull(community, "community");
    checkNotNull(period, "period");
    synchronized (core) {
      long uses = 0;
      long units = 0;
      double pledged = 0;
      for (Pledge p : core.pledges.all()) {
        if (!core.members.require(p.member()).community().equals(community)) {
          continue;
        }
        pledged += p.pledgedIn(period);
        long[] u = core.pledges.usesAndUnits(p.id(), period);
        uses += u[0];
        units += u[1];
      }
      List<Observation> out = new ArrayList<>();
      out.add(usage("alliance.card_uses", uses, "count", community, period));
      out.add(usage("alliance.units_delivered", units, "count", community, period));
      out.add(usage("alliance.units_pledged", pledged, "count", community, period));
      if (pledged > 0) {
        out.add(usage("alliance.fulfilment_ratio", units / pledged, "share", community, period));
      }
      return List.copyOf(out);
    }
  }

  private static Observation usage(String id, double value, String unit, String community, Period period) {
    return Observation.builder().indicatorId(id).value(value).period(period).scope(community).unit(unit)
        .source("alliance").build();
  }

  // ---------------------------------------------------------------------------------- misc

  /**
   * Today in the clock's zone.
   *
   * @return today
   */
  public LocalDate today() {
    return LocalDate.now(core.clock);
  }

  /**
   * The alliance's id.
   *
   * @return the id
   */
  public String id() {
    return core.id;
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return core.clock;
  }

  /**
   * The roles allowed to take each membership action here.
   *
   * @return an unmodifiable map
   */
  public Map<MembershipAction, Set<Role>> roles() {
    return core.roles;
  }

  /**
   * The event store that holds the alliance.
   *
   * @return the store
   * @since 0.2.0
   */
  public EventStore store() {
    return core.store;
  }

  /**
   * The personal-data store that holds the alliance's contacts and card holders' facts.
   *
   * @return the store
   * @since 0.2.0
   */
  public PersonalDataStore personalData() {
    return core.personal.store();
  }

  /** Events applied by each part since this alliance was made (after a snapshot, only the tail). */
  long eventsApplied() {
    synchronized (core) {
      return core.members.eventsApplied() + core.cards.eventsApplied() + core.pledges.eventsApplied();
    }
  }

  @Override
  public String toString() {
    synchronized (core) {
      return "Alliance{" + core.id + ": " + core.members.ids().size() + " members, " + core.pledges.all().size() + " pledges, "
          + core.cards.count() + " cards, " + core.members.eventCount() + " events}";
    }
  }
}

package io.github.linli.core.alliance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.governance.MotionKind;
import io.github.linli.core.governance.Resolution;
import io.github.linli.core.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Clock)}), or a joint-meeting {@link Resolution} passed to {@link #enact(Actor, Resolution)}. A
 * refused call throws {@link PermissionDeniedException}; any failed call changes nothing.
 *
 * <p><b>History.</b> Every status change is an immutable {@link MembershipEvent} with actor,
 * authority and time from the injected {@link Clock}; a member's status is that of its last event.
 * Sub-units that {@link Member#followsParent() follow their parent} get an inherited event for each
 * change of the parent.
 *
 * <p>Thread-safe: every method is synchronized on the alliance. Memory is linear in members,
 * events, pledges, cards and deliveries. Delivered units are indexed per pledge by day, so {@link
 * #opens(String, String)} and {@link #fulfilment(String, Period)} take O(log d + days in the
 * period) for d delivery days; {@link #figures(String, LocalDate)} is linear in members, their
 * events, pledges and cards.
 *
 * @since 0.1.0
 */
public final class Alliance {
  private static final Set<Role> PLEDGE_ROLES = EnumSet.of(Role.ALLIANCE_ADMIN, Role.COORDINATOR);
  private static final Set<Role> CARD_ROLES = EnumSet.of(Role.ALLIANCE_ADMIN, Role.RESIDENTS_COMMITTEE, Role.COORDINATOR);
  private static final Set<Role> USE_ROLES = EnumSet.of(Role.ALLIANCE_ADMIN, Role.COORDINATOR, Role.SYSTEM);
  private static final Set<Role> ERASE_ROLES = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);

  private final String id;
  private final Clock clock;
  private final Map<MembershipAction, Set<Role>> roles;

  private final Map<MemberId, Member> members = new LinkedHashMap<>();
  private final Map<MemberId, MemberStatus> status = new HashMap<>();
  private final List<MembershipEvent> events = new ArrayList<>();
  private final Map<MemberId, List<MembershipEvent>> historyByMember = new HashMap<>();
  private final Map<MemberId, List<MemberId>> followers = new HashMap<>();
  private final Set<String> enacted = new HashSet<>();

  private final Map<String, Pledge> pledges = new LinkedHashMap<>();
  private final Map<String, BenefitCard> cards = new LinkedHashMap<>();
  private final Map<ResidentId, String> liveCardOf = new HashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Map<String, List<Delivery>> deliveriesByPledge = new HashMap<>();
  private final Map<String, TreeMap<LocalDate, Long>> unitsByDay = new HashMap<>();

  private Alliance(String id, Clock clock, Map<MembershipAction, Set<Role>> roles) {
    this.id = id;
    this.clock = clock;
    this.roles = roles;
  }

  /**
   * Creates an empty alliance with the default roles of each {@link MembershipAction}.
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
   * A builder, to change which roles may take which membership actions.
   *
   * @param id the alliance's id
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
     * Builds the alliance.
     *
     * @return a new, empty alliance
     */
    public Alliance build() {
      return new Alliance(id, clock, Collections.unmodifiableMap(new EnumMap<>(roles)));
    }
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
  public synchronized MembershipEvent apply(Actor actor, Member member) {
    checkNotNull(actor, "actor");
    checkNotNull(member, "member");
    if (members.containsKey(member.id())) {
      throw new ConflictException("member " + member.id() + " already exists, status " + status.get(member.id()));
    }
    if (member.parent().isPresent() && !members.containsKey(member.parent().get())) {
      throw new NotFoundException("member", member.parent().get());
    }
    String basis = authorise(actor, member, MembershipAction.APPLY);
    MemberStatus initial = MemberStatus.APPLIED;
    MemberId inheritedFrom = null;
    if (member.followsParent()) {
      inheritedFrom = member.parent().get();
      initial = status.get(inheritedFrom);
      if (initial.isFinal()) {
        throw new ConflictException("parent " + inheritedFrom + " is " + initial + ": a sub-unit cannot follow it");
      }
    }
    members.put(member.id(), member);
    if (member.followsParent()) {
      followers.computeIfAbsent(inheritedFrom, k -> new ArrayList<>()).add(member.id());
    }
    return record(member.id(), MembershipAction.APPLY, null, initial, actor.id(), basis, null, inheritedFrom);
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
   * Expels a member. By default no role may: use {@link #enact(Actor, Resolution)}.
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
  public synchronized MembershipEvent change(Actor actor, MemberId member, MembershipAction action) {
    checkNotNull(actor, "actor");
    checkNotNull(member, "member");
    checkNotNull(action, "action");
    if (action == MembershipAction.APPLY) {
      throw new ValidationException("action", action, "use apply(actor, member) to register a member");
    }
    Member m = requireMember(member);
    String basis = authorise(actor, m, action);
    return transition(m, action, actor.id(), basis, null);
  }

  /**
   * Carries out the membership change a joint-meeting resolution decided: the resolution is the
   * authority, the actor is recorded as who enacted it. Each resolution is enacted once.
   *
   * @param actor who records the change: one of {@link Resolution#ENACTING_ROLES}
   * @param resolution an adopted member motion (admit, suspend, reinstate or expel)
   * @return the event
   * @throws PermissionDeniedException if the actor holds none of the enacting roles
   * @throws ValidationException if the resolution does not decide a membership change
   * @throws NotFoundException if its member is unknown
   * @throws ConflictException if it was already enacted, or the member's status does not allow the
   *     change, or the member follows its parent
   */
  public synchronized MembershipEvent enact(Actor actor, Resolution resolution) {
    checkNotNull(actor, "actor");
    checkNotNull(resolution, "resolution");
    actor.require("alliance.enact", Resolution.ENACTING_ROLES);
    MotionKind kind = resolution.motion().kind();
    Optional<MembershipAction> action = kind.membershipAction();
    if (action.isEmpty() || resolution.motion().subject().isEmpty()) {
      throw new ValidationException("resolution.kind", kind, "is not a membership change");
    }
    if (enacted.contains(resolution.id())) {
      throw new ConflictException("resolution " + resolution.id() + " was already enacted");
    }
    Member m = requireMember(resolution.motion().subject().get());
    MembershipEvent e = transition(m, action.get(), actor.id(), "resolution " + resolution.id(), resolution.id());
    enacted.add(resolution.id());
    return e;
  }

  private MembershipEvent transition(Member m, MembershipAction action, String actorId, String basis, String resolutionId) {
    if (m.followsParent()) {
      throw new ConflictException("member " + m.id() + " follows its parent " + m.parent().get()
          + " (status " + status.get(m.id()) + "): change the parent");
    }
    MemberStatus current = status.get(m.id());
    if (!action.allowedFrom(current)) {
      throw new ConflictException("member " + m.id() + " is " + current + ": cannot " + action.label().en()
          + " (allowed from " + action.from() + ")");
    }
    MembershipEvent e = record(m.id(), action, current, action.to(), actorId, basis, resolutionId, null);
    cascade(m.id(), action, actorId, basis, resolutionId);
    return e;
  }

  private void cascade(MemberId parent, MembershipAction action, String actorId, String basis, String resolutionId) {
    for (MemberId child : followers.getOrDefault(parent, List.of())) {
      record(child, action, status.get(child), status.get(parent), actorId, basis, resolutionId, parent);
      cascade(child, action, actorId, basis, resolutionId);
    }
  }

  private MembershipEvent record(MemberId member, MembershipAction action, MemberStatus from, MemberStatus to, String actorId,
      String basis, String resolutionId, MemberId inheritedFrom) {
    MembershipEvent e = ImmutableMembershipEvent.builder()
        .sequence(events.size() + 1L)
        .member(member)
        .action(action)
        .from(Optional.ofNullable(from))
        .to(to)
        .actorId(actorId)
        .authority(basis)
        .resolutionId(Optional.ofNullable(resolutionId))
        .inheritedFrom(Optional.ofNullable(inheritedFrom))
        .at(clock.instant())
        .build();
    events.add(e);
    historyByMember.computeIfAbsent(member, k -> new ArrayList<>()).add(e);
    status.put(member, to);
    return e;
  }

  private String authorise(Actor actor, Member member, MembershipAction action) {
    Set<Role> allowed = roles.get(action);
    for (Role r : actor.roles()) {
      if (!allowed.contains(r)) {
        continue;
      }
      if (r == Role.MEMBER_REPRESENTATIVE && !member.representatives().contains(actor.id())) {
        continue;
      }
      return "role " + r;
    }
    throw new PermissionDeniedException(actor, "member." + action.name().toLowerCase(Locale.ROOT) + " " + member.id(),
        allowed.isEmpty() ? "only a joint-meeting resolution may" : "requires one of " + allowed
            + (allowed.contains(Role.MEMBER_REPRESENTATIVE) ? " (a representative of this member)" : ""));
  }

  private Member requireMember(MemberId id) {
    Member m = members.get(id);
    if (m == null) {
      throw new NotFoundException("member", id);
    }
    return m;
  }

  /**
   * A member's profile.
   *
   * @param id the member id
   * @return the member
   * @throws NotFoundException if unknown
   */
  public synchronized Member member(MemberId id) {
    return requireMember(checkNotNull(id, "id"));
  }

  /**
   * All members, in order of registration.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<Member> members() {
    return List.copyOf(members.values());
  }

  /**
   * A member's current status.
   *
   * @param id the member id
   * @return the status
   * @throws NotFoundException if unknown
   */
  public synchronized MemberStatus status(MemberId id) {
    requireMember(checkNotNull(id, "id"));
    return status.get(id);
  }

  /**
   * A member's status at an instant, from its history.
   *
   * @param id the member id
   * @param at the instant
   * @return the status of the last event at or before {@code at}; empty if it had not applied yet
   * @throws NotFoundException if unknown
   */
  public synchronized Optional<MemberStatus> statusAt(MemberId id, Instant at) {
    requireMember(checkNotNull(id, "id"));
    checkNotNull(at, "at");
    MemberStatus s = null;
    for (MembershipEvent e : historyByMember.get(id)) {
      if (e.at().isAfter(at)) {
        break;
      }
      s = e.to();
    }
    return Optional.ofNullable(s);
  }

  /**
   * A member's history, oldest first.
   *
   * @param id the member id
   * @return an unmodifiable copy
   * @throws NotFoundException if unknown
   */
  public synchronized List<MembershipEvent> history(MemberId id) {
    requireMember(checkNotNull(id, "id"));
    return List.copyOf(historyByMember.get(id));
  }

  /**
   * Every membership event, in order.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<MembershipEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The sub-units that follow a member, directly.
   *
   * @param parent the parent
   * @return an unmodifiable copy
   * @throws NotFoundException if unknown
   */
  public synchronized List<MemberId> followersOf(MemberId parent) {
    requireMember(checkNotNull(parent, "parent"));
    return List.copyOf(followers.getOrDefault(parent, List.of()));
  }

  /**
   * Whether a resolution has been enacted here.
   *
   * @param resolutionId the resolution id
   * @return true if enacted
   */
  public synchronized boolean enacted(String resolutionId) {
    return enacted.contains(resolutionId);
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
  public synchronized Pledge pledge(Actor actor, Pledge pledge) {
    checkNotNull(actor, "actor");
    checkNotNull(pledge, "pledge");
    Member m = requireMember(pledge.member());
    requireForMember(actor, m, PLEDGE_ROLES, "pledge.register");
    if (pledges.containsKey(pledge.id())) {
      throw new ConflictException("pledge " + pledge.id() + " already exists");
    }
    MemberStatus s = status.get(m.id());
    if (s != MemberStatus.ACTIVE) {
      throw new ConflictException("member " + m.id() + " is " + s + ": only an active member can pledge");
    }
    pledges.put(pledge.id(), pledge);
    return pledge;
  }

  /**
   * A pledge.
   *
   * @param pledgeId the id
   * @return the pledge
   * @throws NotFoundException if unknown
   */
  public synchronized Pledge pledge(String pledgeId) {
    Pledge p = pledgeId == null ? null : pledges.get(pledgeId);
    if (p == null) {
      throw new NotFoundException("pledge", pledgeId);
    }
    return p;
  }

  /**
   * All pledges, in order of registration.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<Pledge> pledges() {
    return List.copyOf(pledges.values());
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
  public synchronized Delivery recordDelivery(Actor actor, String pledgeId, int units) {
    checkNotNull(actor, "actor");
    Pledge p = pledge(pledgeId);
    requireForMember(actor, members.get(p.member()), USE_ROLES, "pledge.recordDelivery");
    if (units <= 0) {
      throw new ValidationException("delivery.units", units, "must be positive");
    }
    LocalDate today = today();
    if (!p.validOn(today)) {
      throw new ConflictException("pledge " + pledgeId + " is not valid on " + today + " (validity " + p.validity() + ")");
    }
    MemberStatus s = status.get(p.member());
    if (s != MemberStatus.ACTIVE) {
      throw new ConflictException("member " + p.member() + " is " + s + ": it cannot deliver under a pledge");
    }
    return addDelivery(ImmutableDelivery.builder().pledgeId(pledgeId).units(units).actorId(actor.id()).at(clock.instant()).build());
  }

  private Delivery addDelivery(Delivery d) {
    deliveries.add(d);
    deliveriesByPledge.computeIfAbsent(d.pledgeId(), k -> new ArrayList<>()).add(d);
    unitsByDay.computeIfAbsent(d.pledgeId(), k -> new TreeMap<>())
        .merge(LocalDate.ofInstant(d.at(), clock.getZone()), (long) d.units(), Long::sum);
    return d;
  }

  /**
   * The deliveries under a pledge, in order.
   *
   * @param pledgeId the pledge
   * @return an unmodifiable copy
   * @throws NotFoundException if the pledge is unknown
   */
  public synchronized List<Delivery> deliveries(String pledgeId) {
    pledge(pledgeId);
    return List.copyOf(deliveriesByPledge.getOrDefault(pledgeId, List.of()));
  }

  /**
   * Delivered against pledged, for one pledge over a period (days in the clock's zone).
   *
   * @param pledgeId the pledge
   * @param period the period
   * @return the fulfilment
   * @throws NotFoundException if the pledge is unknown
   */
  public synchronized Fulfilment fulfilment(String pledgeId, Period period) {
    checkNotNull(period, "period");
    Pledge p = pledge(pledgeId);
    return new Fulfilment(pledgeId, period, p.pledgedIn(period), delivered(pledgeId, period.start(), period.end()));
  }

  /**
   * Units a member delivered under all its pledges in a period.
   *
   * @param member the member
   * @param period the period
   * @return the units
   * @throws NotFoundException if the member is unknown
   */
  public synchronized long delivered(MemberId member, Period period) {
    requireMember(checkNotNull(member, "member"));
    checkNotNull(period, "period");
    long total = 0;
    for (Pledge p : pledges.values()) {
      if (p.member().equals(member)) {
        total += delivered(p.id(), period.start(), period.end());
      }
    }
    return total;
  }

  /** Units delivered on days in {@code [from, until)}: O(log n + days with deliveries in range). */
  private long delivered(String pledgeId, LocalDate from, LocalDate until) {
    TreeMap<LocalDate, Long> days = unitsByDay.get(pledgeId);
    if (days == null || !from.isBefore(until)) {
      return 0;
    }
    long n = 0;
    for (long units : days.subMap(from, true, until, false).values()) {
      n += units;
    }
    return n;
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
  public synchronized BenefitCard issueCard(Actor actor, BenefitCard card) {
    checkNotNull(actor, "actor");
    checkNotNull(card, "card");
    actor.require("card.issue", CARD_ROLES);
    if (card.status() != CardStatus.ACTIVE) {
      throw new ValidationException("card.status", card.status(), "a new card must be ACTIVE");
    }
    if (card.validUntil().isBefore(today())) {
      throw new ValidationException("card.validUntil", card.validUntil(), "is before today " + today());
    }
    if (cards.containsKey(card.id())) {
      throw new ConflictException("card " + card.id() + " already exists, status " + cards.get(card.id()).status());
    }
    String live = liveCardOf.get(card.holder());
    if (live != null) {
      throw new ConflictException("resident " + card.holder() + " already holds card " + live + ", status " + cards.get(live).status());
    }
    cards.put(card.id(), card);
    liveCardOf.put(card.holder(), card.id());
    return card;
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
  public synchronized BenefitCard suspendCard(Actor actor, String cardId) {
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
  public synchronized BenefitCard reinstateCard(Actor actor, String cardId) {
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
  public synchronized BenefitCard revokeCard(Actor actor, String cardId) {
    BenefitCard c = cardMove(actor, cardId, "card.revoke", EnumSet.of(CardStatus.ACTIVE, CardStatus.SUSPENDED), CardStatus.REVOKED);
    liveCardOf.remove(c.holder());
    return c;
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
  public synchronized BenefitCard renewCard(Actor actor, String cardId, LocalDate validUntil) {
    checkNotNull(actor, "actor");
    checkNotNull(validUntil, "validUntil");
    BenefitCard c = card(cardId);
    actor.require("card.renew", CARD_ROLES);
    if (c.status() == CardStatus.REVOKED) {
      throw new ConflictException("card " + cardId + " is REVOKED: issue a new card");
    }
    if (!validUntil.isAfter(c.validUntil()) || validUntil.isBefore(today())) {
      throw new ValidationException("card.validUntil", validUntil, "must be after " + c.validUntil() + " and not before today " + today());
    }
    BenefitCard renewed = c.withValidUntil(validUntil);
    cards.put(cardId, renewed);
    return renewed;
  }

  private BenefitCard cardMove(Actor actor, String cardId, String action, Set<CardStatus> from, CardStatus to) {
    checkNotNull(actor, "actor");
    BenefitCard c = card(cardId);
    actor.require(action, CARD_ROLES);
    if (!from.contains(c.status())) {
      throw new ConflictException("card " + cardId + " is " + c.status() + ": " + action + " needs " + from);
    }
    BenefitCard moved = c.withStatus(to);
    cards.put(cardId, moved);
    return moved;
  }

  /**
   * A card as it is now.
   *
   * @param cardId the card id
   * @return the card
   * @throws NotFoundException if unknown
   */
  public synchronized BenefitCard card(String cardId) {
    BenefitCard c = cardId == null ? null : cards.get(cardId);
    if (c == null) {
      throw new NotFoundException("card", cardId);
    }
    return c;
  }

  /**
   * All cards, in order of issue, as they are now.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<BenefitCard> cards() {
    return List.copyOf(cards.values());
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
  public synchronized Access opens(BenefitCard card, Pledge pledge) {
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
  public synchronized Access opens(String cardId, String pledgeId) {
    BenefitCard c = card(cardId);
    Pledge p = pledge(pledgeId);
    LocalDate today = today();
    if (c.status() == CardStatus.SUSPENDED) {
      return Access.refused(Refusal.CARD_SUSPENDED);
    }
    if (c.status() == CardStatus.REVOKED) {
      return Access.refused(Refusal.CARD_REVOKED);
    }
    if (c.validUntil().isBefore(today)) {
      return Access.refused(Refusal.CARD_EXPIRED);
    }
    if (!p.validOn(today)) {
      return Access.refused(Refusal.PLEDGE_NOT_VALID);
    }
    if (status.get(p.member()) != MemberStatus.ACTIVE) {
      return Access.refused(Refusal.MEMBER_NOT_ACTIVE);
    }
    PledgeEligibility e = p.eligibility();
    if (e.minAge().isPresent() || e.maxAge().isPresent()) {
      Optional<Integer> age = c.ageOn(today);
      if (age.isEmpty()) {
        return Access.refused(Refusal.AGE_UNKNOWN);
      }
      if (e.minAge().isPresent() && age.get() < e.minAge().get()) {
        return Access.refused(Refusal.TOO_YOUNG);
      }
      if (e.maxAge().isPresent() && age.get() > e.maxAge().get()) {
        return Access.refused(Refusal.TOO_OLD);
      }
    }
    if (!e.householdFlags().isEmpty() && Collections.disjoint(e.householdFlags(), c.householdFlags())) {
      return Access.refused(Refusal.HOUSEHOLD_FLAG_REQUIRED);
    }
    if (!e.areas().isEmpty() && (c.area().isEmpty() || !e.areas().contains(c.area().get()))) {
      return Access.refused(Refusal.OUTSIDE_AREA);
    }
    if (delivered(p.id(), p.cadence().start(today), p.cadence().next(today)) >= p.capacity()) {
      return Access.refused(Refusal.CAPACITY_EXHAUSTED);
    }
    return Access.granted();
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
  public synchronized Delivery recordUse(Actor actor, String cardId, String pledgeId) {
    checkNotNull(actor, "actor");
    BenefitCard c = card(cardId);
    Pledge p = pledge(pledgeId);
    requireForMember(actor, members.get(p.member()), USE_ROLES, "card.recordUse");
    Access a = opens(cardId, pledgeId);
    if (!a.opens()) {
      Refusal r = a.refusal().get();
      throw new ConflictException("card " + c.id() + " does not open pledge " + pledgeId + ": " + r + " (" + r.label().en() + ")");
    }
    return addDelivery(ImmutableDelivery.builder().pledgeId(pledgeId).cardId(cardId).units(1).actorId(actor.id()).at(clock.instant()).build());
  }

  /**
   * Erases the personal data a resident's benefit cards hold (birth date, household flags, area),
   * on the resident's request (PIPL art. 47). The cards keep their id, holder id, status and
   * validity, so every delivery, figure and observation that refers to them stays valid; a pledge
   * limited by age, household flag or area no longer opens for the card ({@link Refusal#AGE_UNKNOWN},
   * {@link Refusal#HOUSEHOLD_FLAG_REQUIRED}, {@link Refusal#OUTSIDE_AREA}) until the portal issues
   * a new card with the facts. The resident's values in a {@code PersonalDataStore} are erased
   * there, with {@code PersonalDataStore.erase}. O(cards).
   *
   * @param actor the resident themself, the residents' committee or the alliance administrator
   * @param resident the resident
   * @return the number of cards that held personal data and no longer do (0 if none did)
   * @throws PermissionDeniedException if the actor may not (nothing is erased)
   */
  public synchronized int erasePersonalData(Actor actor, ResidentId resident) {
    checkNotNull(actor, "actor");
    checkNotNull(resident, "resident");
    if (!actor.id().equals(resident.value()) && !actor.hasAny(ERASE_ROLES)) {
      throw new PermissionDeniedException(actor, "card.erasePersonalData " + resident,
          "only the resident or one of " + ERASE_ROLES + " may erase personal data");
    }
    int erased = 0;
    for (Map.Entry<String, BenefitCard> e : cards.entrySet()) {
      BenefitCard c = e.getValue();
      if (c.holder().equals(resident) && c.holdsPersonalData()) {
        e.setValue(c.withoutPersonalData());
        erased++;
      }
    }
    return erased;
  }

  /**
   * Erases a member unit's contact person (name and phone) on that person's request: the member
   * keeps its id, kind, name, community, representatives and whole history. O(1).
   *
   * @param actor the alliance administrator, or a representative of the member
   * @param member the member
   * @return whether there was a contact to erase
   * @throws NotFoundException if the member is unknown
   * @throws PermissionDeniedException if the actor may not (nothing is erased)
   */
  public synchronized boolean eraseContact(Actor actor, MemberId member) {
    checkNotNull(actor, "actor");
    Member m = requireMember(checkNotNull(member, "member"));
    requireForMember(actor, m, EnumSet.of(Role.ALLIANCE_ADMIN), "member.eraseContact");
    if (m.contact().isEmpty()) {
      return false;
    }
    members.put(m.id(), m.withoutContact());
    return true;
  }

  // ---------------------------------------------------------------------------------- snapshot

  /**
   * Everything the alliance holds, as one immutable value, for a portal to store: {@link
   * #restore(AllianceSnapshot, Clock)} turns it back into an equal alliance. Taken under the
   * alliance's lock, so it is consistent: no change is half in it. O(members + events + pledges +
   * cards + deliveries).
   *
   * <p>No {@link Actor} is asked for: whoever holds the alliance already reads every member and
   * card ({@link #members()}, {@link #cards()}), and a snapshot holds nothing more. It does hold
   * personal data (contacts, and the cards' birth dates, household flags and areas), so the portal
   * stores it as carefully as its database and replaces the stored copy after an erasure ({@link
   * #erasePersonalData}, {@link #eraseContact}): the snapshot of an erased alliance holds the erased
   * values only. Its {@code toString()} shows counts only.
   *
   * @return the snapshot
   */
  public synchronized AllianceSnapshot snapshot() {
    return AllianceSnapshot.builder()
        .id(id)
        .roles(roles)
        .members(members.values())
        .events(events)
        .enactedResolutions(new TreeSet<>(enacted))
        .pledges(pledges.values())
        .cards(cards.values())
        .deliveries(deliveries)
        .build();
  }

  /**
   * Rebuilds an alliance from a {@link #snapshot()}: same id, roles, members, history, enacted
   * resolutions, pledges, cards and deliveries, so every query answers as the original did (with a
   * clock in the same zone: delivered units are counted per day in the clock's zone). The snapshot
   * is checked first; a snapshot that does not fit together is refused and nothing is built. The
   * history is replayed as {@link #apply}, {@link #change} and {@link #enact} would have written it:
   * numbered from 1, each member's first event an application, every change allowed from the status
   * before it, a following sub-unit's events inherited from its parent. O(members + events + pledges
   * + cards + deliveries · log days).
   *
   * @param snapshot the snapshot, for example read back from the portal's database
   * @param clock the clock for every new time stamp and for "today"
   * @return a new alliance equal to the one the snapshot was taken of
   * @throws ValidationException naming the field and the offending id or value (never personal
   *     data) if the snapshot is inconsistent: an invalid alliance id; a membership action without
   *     roles; a duplicate member, pledge or card id; a parent registered after its sub-unit or not
   *     at all; an event out of sequence, for an unknown member, or not a transition the alliance
   *     could have made; a member without events; an enacted resolution no event records, or an
   *     event's resolution not enacted; a pledge of an unknown member; two cards not revoked for one
   *     resident; a delivery for an unknown pledge or card, or of no units
   */
  public static Alliance restore(AllianceSnapshot snapshot, Clock clock) {
    checkNotNull(snapshot, "snapshot");
    checkNotNull(clock, "clock");
    String id = Checks.id("snapshot.id", snapshot.id());
    Map<MembershipAction, Set<Role>> roles = new EnumMap<>(MembershipAction.class);
    for (MembershipAction a : MembershipAction.values()) {
      Set<Role> allowed = snapshot.roles().get(a);
      if (allowed == null) {
        throw new ValidationException("snapshot.roles", a, "has no entry: every membership action needs its roles (an empty set for none)");
      }
      roles.put(a, Collections.unmodifiableSet(allowed.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(allowed)));
    }
    Alliance a = new Alliance(id, clock, Collections.unmodifiableMap(roles));
    for (Member m : snapshot.members()) {
      if (a.members.containsKey(m.id())) {
        throw new ValidationException("snapshot.members", m.id(), "duplicate member id");
      }
      if (m.parent().isPresent() && !a.members.containsKey(m.parent().get())) {
        throw new ValidationException("snapshot.members.parent", m.parent().get(),
            "parent of " + m.id() + " is not registered before it");
      }
      a.members.put(m.id(), m);
      if (m.followsParent()) {
        a.followers.computeIfAbsent(m.parent().get(), k -> new ArrayList<>()).add(m.id());
      }
    }
    Set<String> enacted = new HashSet<>(snapshot.enactedResolutions());
    Set<String> recorded = new HashSet<>();
    for (MembershipEvent e : snapshot.events()) {
      a.replay(e, enacted);
      e.resolutionId().ifPresent(recorded::add);
    }
    for (Member m : a.members.values()) {
      if (!a.status.containsKey(m.id())) {
        throw new ValidationException("snapshot.members", m.id(), "has no events: its first event is its application");
      }
    }
    for (Map.Entry<MemberId, List<MemberId>> f : a.followers.entrySet()) {
      for (MemberId child : f.getValue()) {
        if (a.status.get(child) != a.status.get(f.getKey())) {
          throw new ValidationException("snapshot.events.member", child, "follows " + f.getKey() + " (" + a.status.get(f.getKey())
              + ") but its history leaves it " + a.status.get(child));
        }
      }
    }
    for (String r : new TreeSet<>(enacted)) {
      if (!recorded.contains(r)) {
        throw new ValidationException("snapshot.enactedResolutions", r, "no event records this resolution");
      }
    }
    a.enacted.addAll(enacted);
    for (Pledge p : snapshot.pledges()) {
      if (a.pledges.containsKey(p.id())) {
        throw new ValidationException("snapshot.pledges", p.id(), "duplicate pledge id");
      }
      if (!a.members.containsKey(p.member())) {
        throw new ValidationException("snapshot.pledges.member", p.member(), "pledge " + p.id() + " is of an unknown member");
      }
      a.pledges.put(p.id(), p);
    }
    for (BenefitCard c : snapshot.cards()) {
      if (a.cards.containsKey(c.id())) {
        throw new ValidationException("snapshot.cards", c.id(), "duplicate card id");
      }
      if (c.status() != CardStatus.REVOKED) {
        String live = a.liveCardOf.put(c.holder(), c.id());
        if (live != null) {
          throw new ValidationException("snapshot.cards.holder", c.holder(),
              "holds two cards that are not revoked: " + live + " and " + c.id());
        }
      }
      a.cards.put(c.id(), c);
    }
    for (Delivery d : snapshot.deliveries()) {
      if (!a.pledges.containsKey(d.pledgeId())) {
        throw new ValidationException("snapshot.deliveries.pledgeId", d.pledgeId(), "is not a pledge of the snapshot");
      }
      if (d.cardId().isPresent() && !a.cards.containsKey(d.cardId().get())) {
        throw new ValidationException("snapshot.deliveries.cardId", d.cardId().get(), "is not a card of the snapshot");
      }
      if (d.units() <= 0) {
        throw new ValidationException("snapshot.deliveries.units", d.units(), "must be positive (pledge " + d.pledgeId() + ")");
      }
      a.addDelivery(d);
    }
    return a;
  }

  /** Checks one stored event against the history so far and appends it (restore only). */
  private void replay(MembershipEvent e, Set<String> enactedIds) {
    long expected = events.size() + 1L;
    if (e.sequence() != expected) {
      throw new ValidationException("snapshot.events.sequence", e.sequence(), "expected " + expected);
    }
    Member m = members.get(e.member());
    if (m == null) {
      throw new ValidationException("snapshot.events.member", e.member(), "event " + e.sequence() + " is for an unknown member");
    }
    Optional<MemberStatus> current = Optional.ofNullable(status.get(m.id()));
    if (!e.from().equals(current)) {
      throw new ValidationException("snapshot.events.from", e.from().map(Enum::name).orElse("none"),
          "event " + e.sequence() + ": member " + m.id() + " is " + current.map(Enum::name).orElse("not yet registered"));
    }
    if (current.isEmpty() != (e.action() == MembershipAction.APPLY)) {
      throw new ValidationException("snapshot.events.action", e.action(), "event " + e.sequence() + ": "
          + (current.isEmpty() ? "a member's first event is its application" : "member " + m.id() + " has applied already"));
    }
    MemberStatus to;
    if (m.followsParent()) {
      MemberId parent = m.parent().get();
      if (!e.inheritedFrom().equals(Optional.of(parent))) {
        throw new ValidationException("snapshot.events.inheritedFrom", e.inheritedFrom().map(MemberId::value).orElse("none"),
            "event " + e.sequence() + ": member " + m.id() + " follows " + parent);
      }
      to = status.get(parent);
      if (to == null) {
        throw new ValidationException("snapshot.events.member", m.id(), "event " + e.sequence() + ": follows " + parent
            + ", which has not applied yet");
      }
    } else {
      if (e.inheritedFrom().isPresent()) {
        throw new ValidationException("snapshot.events.inheritedFrom", e.inheritedFrom().get(),
            "event " + e.sequence() + ": member " + m.id() + " does not follow a parent");
      }
      if (current.isPresent() && !e.action().allowedFrom(current.get())) {
        throw new ValidationException("snapshot.events.action", e.action(),
            "event " + e.sequence() + ": not allowed from " + current.get() + " (member " + m.id() + ")");
      }
      to = e.action() == MembershipAction.APPLY ? MemberStatus.APPLIED : e.action().to();
    }
    if (e.to() != to) {
      throw new ValidationException("snapshot.events.to", e.to(), "event " + e.sequence() + ": expected " + to);
    }
    if (e.resolutionId().isPresent() && !enactedIds.contains(e.resolutionId().get())) {
      throw new ValidationException("snapshot.events.resolutionId", e.resolutionId().get(),
          "event " + e.sequence() + ": the resolution is not among the enacted ones");
    }
    events.add(e);
    historyByMember.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(e);
    status.put(m.id(), e.to());
  }

  // ---------------------------------------------------------------------------------- registry

  /**
   * The communities of the registered members.
   *
   * @return a sorted, unmodifiable copy
   */
  public synchronized Set<String> communities() {
    Set<String> out = new TreeSet<>();
    for (Member m : members.values()) {
      out.add(m.community());
    }
    return Collections.unmodifiableSet(out);
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
  public synchronized AllianceFigures figures(String community, LocalDate asOf) {
    checkNotNull(community, "community");
    checkNotNull(asOf, "asOf");
    Instant endOfDay = Checks.time("asOf", asOf,
        () -> asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1));
    Map<MemberKind, Integer> byKind = new EnumMap<>(MemberKind.class);
    Set<MemberId> active = new HashSet<>();
    for (Member m : members.values()) {
      if (m.community().equals(community) && statusAt(m.id(), endOfDay).orElse(null) == MemberStatus.ACTIVE) {
        active.add(m.id());
        byKind.merge(m.kind(), 1, Integer::sum);
      }
    }
    Map<ServiceDomain, Integer> byDomain = new TreeMap<>();
    Map<ServiceDomain, Integer> freeByDomain = new TreeMap<>();
    Map<MemberKind, Integer> projectsByKind = new EnumMap<>(MemberKind.class);
    for (Pledge p : pledges.values()) {
      if (active.contains(p.member()) && p.validOn(asOf)) {
        byDomain.merge(p.domain(), 1, Integer::sum);
        if (p.isFree()) {
          freeByDomain.merge(p.domain(), 1, Integer::sum);
        }
        projectsByKind.merge(members.get(p.member()).kind(), 1, Integer::sum);
      }
    }
    int holders = 0;
    for (BenefitCard c : cards.values()) {
      if (c.status() == CardStatus.ACTIVE && !c.validUntil().isBefore(asOf)) {
        holders++;
      }
    }
    return new AllianceFigures(community, asOf, byKind, byDomain, freeByDomain, projectsByKind, holders);
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
  public synchronized List<Observation> usageObservations(String community, Period period) {
    checkNotNull(community, "community");
    checkNotNull(period, "period");
    long uses = 0;
    long units = 0;
    double pledged = 0;
    ZoneId zone = clock.getZone();
    for (Pledge p : pledges.values()) {
      if (!members.get(p.member()).community().equals(community)) {
        continue;
      }
      pledged += p.pledgedIn(period);
      for (Delivery d : deliveriesByPledge.getOrDefault(p.id(), List.of())) {
        if (period.contains(LocalDate.ofInstant(d.at(), zone))) {
          units += d.units();
          uses += d.cardId().isPresent() ? 1 : 0;
        }
      }
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

  private static Observation usage(String id, double value, String unit, String community, Period period) {
    return Observation.builder().indicatorId(id).value(value).period(period).scope(community).unit(unit)
        .source("alliance").build();
  }

  // ---------------------------------------------------------------------------------- misc

  private void requireForMember(Actor actor, Member m, Set<Role> roles, String action) {
    if (actor.hasAny(roles)) {
      return;
    }
    if (actor.has(Role.MEMBER_REPRESENTATIVE) && m.representatives().contains(actor.id())) {
      return;
    }
    throw new PermissionDeniedException(actor, action + " for " + m.id(), "requires one of " + roles + " or a representative of " + m.id());
  }

  /**
   * Today in the clock's zone.
   *
   * @return today
   */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The alliance's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The roles allowed to take each membership action here.
   *
   * @return an unmodifiable map
   */
  public Map<MembershipAction, Set<Role>> roles() {
    return roles;
  }

  @Override
  public synchronized String toString() {
    return "Alliance{" + id + ": " + members.size() + " members, " + pledges.size() + " pledges, " + cards.size() + " cards, "
        + events.size() + " events}";
  }
}

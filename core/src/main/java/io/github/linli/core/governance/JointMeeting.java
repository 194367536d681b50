package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.StreamState;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A joint meeting (联席会议): seats by party, a {@link Charter}, attendance, motions, ballots (yes,
 * no or abstain, one per seated participant and motion, by proxy only where the charter allows),
 * tallies and {@link Resolution}s.
 *
 * <p>Lifecycle: {@link #convene} → {@link #attend}, {@link #grantProxy}, {@link #propose}, {@link
 * #vote}, {@link #voteFor}, {@link #close} (per motion) → {@link #adjourn}. Closing a motion counts
 * its ballots: without a quorum the outcome is {@link Outcome#NO_QUORUM} and nothing is decided;
 * with one, the motion's decision rule gives {@link Outcome#ADOPTED} (and a resolution) or {@link
 * Outcome#REJECTED}.
 *
 * <p><b>Kept as events.</b> A meeting is an event-sourced aggregate: each successful call that
 * changes it appends one event (MeetingConvened, Attended, ProxyGranted, MotionProposed, BallotCast,
 * MotionClosed with its tally and decision rule, Adjourned) to the meeting's stream in an {@link
 * EventStore} (category {@code meeting}, one stream per meeting id), and the meeting's state changes
 * only by applying those events, through the same code live and on {@link #load}. Loading never
 * re-runs a command nor re-checks a role: an event happened under the rules of its day. {@link
 * #convene(EventStore, String, Actor, String, Charter, List, Clock)} keeps the stream in a store
 * that lasts (the embedded H2 file, PostgreSQL); {@link #convene(Actor, String, Charter, List,
 * Clock)} in an in-memory store of its own. Several servers may hold the same meeting: a command
 * catches up with the stream, decides on fresh state and appends at the version it saw, deciding
 * again if another server appended first, so no acknowledged ballot is lost and none is counted
 * twice. Every state-changing method also has a form taking the caller's idempotency key (command
 * id): a retried request answers as the first did and changes nothing more. Instants are taken from
 * the injected clock and truncated to microseconds once, when a command decides.
 *
 * <p>Every successful call that changes the meeting appears in its {@link #minutes()} (会议记录):
 * who, with which roles, what, with which arguments, and when, derived from the events. {@link
 * #snapshot()} and {@link #restore(JointMeetingSnapshot, Clock)} are an export and import format
 * (one JSON document, {@link JointMeetingSnapshot#toJson()}), for moving a meeting between systems
 * or archiving it; they are not how a meeting is persisted. An import is untrusted, so restore
 * checks every entry by replaying it through the meeting's commands.
 *
 * <p>Every failed call throws a typed {@link io.github.linli.core.LinliException} and changes
 * nothing, in memory or in the store. Thread-safe: every method is synchronized on the meeting.
 * Time comes from the injected clock.
 *
 * @since 0.1.0
 */
public final class JointMeeting {
  private static final Set<Role> CONVENERS =
      EnumSet.of(Role.MEETING_SECRETARY, Role.PARTY_COMMITTEE, Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);
  private static final Set<Role> SECRETARIES = EnumSet.of(Role.MEETING_SECRETARY, Role.SYSTEM);

  /** The tenant of a meeting kept in its own in-memory store (the forms without a store). */
  public static final String IN_MEMORY_TENANT = "default";

  /** The stream and the only place the meeting's state changes. */
  private final State state;
  /** Volatile: {@link #restore} replaces the replay clock with the live one after building. */
  private volatile Clock clock;

  // ------------------------------------------------------------ state, changed only by apply()
  private String id;
  private Charter charter;
  private Map<String, Seat> seats;
  private Instant convenedAt;
  private String convenedBy;
  private final Set<String> attendees = new LinkedHashSet<>();
  private final Map<String, String> proxies = new LinkedHashMap<>();
  private final Map<String, MotionState> motions = new LinkedHashMap<>();
  private final List<MinutesEntry> minutes = new ArrayList<>();
  private boolean adjourned;

  private static final class MotionState {
    final String id;
    final Motion motion;
    final Map<String, Ballot> ballots = new LinkedHashMap<>();
    Tally tally;

    MotionState(String id, Motion motion) {
      this.id = id;
      this.motion = motion;
    }
  }

  /** The meeting's stream: commands decide, append and apply through it. */
  private final class State extends StreamState {
    State(EventStore store, StreamId stream) {
      super(store, stream);
    }

    @Override
    protected void apply(RecordedEvent e) {
      JsonFields f = MeetingEvents.read(e);
      try {
        applyFields(e, f);
      } catch (ConsistencyException ex) {
        throw ex;
      } catch (LinliException | IllegalArgumentException | IllegalStateException | NullPointerException ex) {
        throw MeetingEvents.unreadable(e, ex);
      }
    }

    <R> R run(String commandId, Supplier<List<EventData>> decide, Function<List<RecordedEvent>, R> result) {
      return execute(commandId, decide, result);
    }

    StreamId stream() {
      return stream;
    }
  }

  /** Applies one event: the one place the meeting's state changes, live and on load. No checks of permission. */
  private void applyFields(RecordedEvent e, JsonFields f) {
    String actorId = f.id("actorId");
    Set<Role> roles = f.enumSet("actorRoles", Role.class);
    Instant at = f.instant("at");
    if (id == null && !e.type().equals(MeetingEvents.CONVENED)) {
      throw new ConsistencyException("event " + e + " comes before the meeting was convened");
    }
    MinutesEntry.Builder b = MinutesEntry.builder().sequence(minutes.size() + 1L).actorId(actorId).actorRoles(roles).at(at);
    switch (e.type()) {
      case MeetingEvents.CONVENED -> {
        if (id != null) {
          throw new ConsistencyException("event " + e + ": meeting " + id + " is convened twice");
        }
        String meetingId = f.id("id");
        if (!meetingId.equals(e.stream().id())) {
          throw new ConsistencyException("event " + e + " convenes meeting " + meetingId + " in another meeting's stream");
        }
        Charter c = MeetingJson.charter(f.obj("charter", MeetingJson.CHARTER));
        Map<String, Seat> m = new LinkedHashMap<>();
        List<Object> list = f.array("seats");
        for (int i = 0; i < list.size(); i++) {
          Seat s = MeetingJson.seat(f.element("seats", i, list.get(i), MeetingJson.SEAT));
          m.put(s.participantId(), s);
        }
        id = meetingId;
        charter = c;
        seats = Collections.unmodifiableMap(m);
        convenedAt = at;
        convenedBy = actorId;
        b.kind(MinutesEntry.Kind.CONVENED);
      }
      case MeetingEvents.ATTENDED -> {
        attendees.add(actorId);
        b.kind(MinutesEntry.Kind.ATTENDED);
      }
      case MeetingEvents.PROXY_GRANTED -> {
        String holder = f.id("holderId");
        proxies.put(actorId, holder);
        b.kind(MinutesEntry.Kind.PROXY_GRANTED).holderId(holder);
      }
      case MeetingEvents.MOTION_PROPOSED -> {
        String motionId = f.id("motionId");
        Motion motion = MeetingJson.motion(f.obj("motion", MeetingJson.MOTION));
        motions.put(motionId, new MotionState(motionId, motion));
        b.kind(MinutesEntry.Kind.MOTION_PROPOSED).motion(motion).motionId(motionId);
      }
      case MeetingEvents.BALLOT_CAST -> {
        String motionId = f.id("motionId");
        String voterId = f.id("voterId");
        Choice choice = f.enumValue("choice", Choice.class);
        MotionState m = known(e, motionId);
        m.ballots.put(voterId, new Ballot(motionId, voterId, actorId, choice, at));
        attendees.add(actorId);
        if (voterId.equals(actorId)) {
          b.kind(MinutesEntry.Kind.VOTED);
        } else {
          b.kind(MinutesEntry.Kind.VOTED_BY_PROXY).principalId(voterId);
        }
        b.motionId(motionId).choice(choice);
      }
      case MeetingEvents.MOTION_CLOSED -> {
        String motionId = f.id("motionId");
        MotionState m = known(e, motionId);
        int yes = count(f, "yes");
        int no = count(f, "no");
        int abstain = count(f, "abstain");
        int present = count(f, "present");
        int seatCount = count(f, "seats");
        boolean quorum = f.bool("quorumMet");
        Outcome outcome = f.enumValue("outcome", Outcome.class);
        DecisionRule rule = f.enumValue("rule", DecisionRule.class);
        Resolution resolution = outcome == Outcome.ADOPTED
            ? new Resolution(motionId, id, m.motion, rule, yes, no, abstain, present, seatCount, at) : null;
        m.tally = new Tally(motionId, yes, no, abstain, present, seatCount, quorum, outcome, resolution);
        b.kind(MinutesEntry.Kind.MOTION_CLOSED).motionId(motionId).outcome(outcome).yes(yes).no(no).abstain(abstain)
            .present(present);
      }
      case MeetingEvents.ADJOURNED -> {
        adjourned = true;
        b.kind(MinutesEntry.Kind.ADJOURNED);
      }
      default -> throw new ConsistencyException("event " + e + " has a type this Linli does not read");
    }
    minutes.add(b.build());
  }

  private MotionState known(RecordedEvent e, String motionId) {
    MotionState m = motions.get(motionId);
    if (m == null) {
      throw new ConsistencyException("event " + e + " names motion " + motionId + ", which was never proposed");
    }
    return m;
  }

  private static int count(JsonFields f, String key) {
    return (int) f.integer(key, 0, Integer.MAX_VALUE);
  }

  private JointMeeting(EventStore store, StreamId stream, Clock clock) {
    this.state = new State(store, stream);
    this.clock = clock;
  }

  /**
   * Runs a command on the meeting's stream: catch up, answer a repeated command id from the record,
   * decide on fresh state (or throw, changing nothing), append at the version decided on, apply.
   */
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

  private Instant now() {
    return MeetingEvents.stored(clock.instant());
  }

  /**
   * Convenes a meeting kept in an in-memory store of its own (tenant {@value #IN_MEMORY_TENANT}):
   * nothing survives the process. For a meeting that lasts, use {@link #convene(EventStore, String,
   * Actor, String, Charter, List, Clock)}.
   *
   * @param convener who convenes: {@code MEETING_SECRETARY}, {@code PARTY_COMMITTEE}, {@code
   *     RESIDENTS_COMMITTEE} or {@code ALLIANCE_ADMIN}
   * @param id the meeting's id, for example {@code jm-2026-11}
   * @param charter the rules
   * @param seats the seats, at least one, one per participant
   * @param clock the clock for every time stamp
   * @return the meeting, open
   * @throws PermissionDeniedException if the convener lacks the role
   * @throws ValidationException if the id is invalid, there are no seats, or a participant holds
   *     two seats
   */
  public static JointMeeting convene(Actor convener, String id, Charter charter, List<Seat> seats, Clock clock) {
    checkNotNull(clock, "clock");
    return convene(EventStores.inMemory(clock), IN_MEMORY_TENANT, convener, id, charter, seats, clock);
  }

  /**
   * Convenes a meeting kept in an event store: its stream (category {@code meeting}, the meeting's
   * id) holds one event per change, and {@link #load} rebuilds it on any server that shares the
   * store. Several servers may hold the same meeting: each command catches up with the stream,
   * decides on fresh state, and appends at the version it saw.
   *
   * @param store the event store, for example {@code EventStores.embedded(dir)} or {@code
   *     EventStores.jdbc(dataSource)}
   * @param tenant the community
   * @param convener who convenes: {@code MEETING_SECRETARY}, {@code PARTY_COMMITTEE}, {@code
   *     RESIDENTS_COMMITTEE} or {@code ALLIANCE_ADMIN}
   * @param id the meeting's id, for example {@code jm-2026-11}
   * @param charter the rules
   * @param seats the seats, at least one, one per participant
   * @param clock the clock for every time stamp
   * @return the meeting, open
   * @throws PermissionDeniedException if the convener lacks the role
   * @throws ValidationException if the tenant or id is invalid, there are no seats, or a participant
   *     holds two seats
   * @throws ConflictException if a meeting with that id was already convened in the tenant
   * @since 0.2.0
   */
  public static JointMeeting convene(EventStore store, String tenant, Actor convener, String id, Charter charter, List<Seat> seats,
      Clock clock) {
    checkNotNull(store, "store");
    checkNotNull(convener, "convener");
    checkNotNull(charter, "charter");
    checkNotNull(seats, "seats");
    checkNotNull(clock, "clock");
    convener.require("meeting.convene", CONVENERS);
    Checks.id("meeting.id", id);
    if (seats.isEmpty()) {
      throw new ValidationException("meeting.seats", "[]", "a meeting needs at least one seat");
    }
    Map<String, Seat> m = new LinkedHashMap<>();
    for (Seat s : seats) {
      checkNotNull(s, "seats element");
      if (m.putIfAbsent(s.participantId(), s) != null) {
        throw new ValidationException("meeting.seats", s.participantId(), "duplicate participant: one seat each");
      }
    }
    JointMeeting meeting = new JointMeeting(store, StreamId.of(tenant, MeetingEvents.CATEGORY, id), clock);
    synchronized (meeting) {
      meeting.command(null, MeetingEvents.CONVENED, () -> {
        if (meeting.id != null) {
          throw new ConflictException("meeting " + id + " was already convened in " + tenant + " (by " + meeting.convenedBy
              + " at " + meeting.convenedAt + ")");
        }
        return List.of(MeetingEvents.event(MeetingEvents.CONVENED, convener, meeting.now(), "id", id, "charter",
            MeetingJson.charter(charter), "seats", MeetingJson.seats(List.copyOf(m.values()))));
      }, events -> null);
    }
    return meeting;
  }

  /**
   * Loads a meeting from its stream, applying each recorded event as it was decided: nothing is
   * re-checked (the events happened under the rules and roles of their day). O(events).
   *
   * @param store the event store
   * @param tenant the community
   * @param id the meeting's id
   * @param clock the clock for every call from now on
   * @return the meeting as its stream says
   * @throws NotFoundException if the tenant has no meeting with that id
   * @throws ConsistencyException naming tenant, stream and version if an event cannot be read
   *     (unknown type or version, damaged document) or applied; nothing is returned half-loaded
   * @since 0.2.0
   */
  public static JointMeeting load(EventStore store, String tenant, String id, Clock clock) {
    checkNotNull(store, "store");
    checkNotNull(clock, "clock");
    JointMeeting meeting = new JointMeeting(store, StreamId.of(tenant, MeetingEvents.CATEGORY, Checks.id("meeting.id", id)), clock);
    synchronized (meeting) {
      meeting.state.catchUp();
      if (meeting.id == null) {
        throw new NotFoundException("meeting", id);
      }
    }
    return meeting;
  }

  /**
   * Applies the events other servers appended to this meeting's stream since this object last read
   * it. Commands do so themselves before deciding; queries answer from what was last read.
   *
   * @return how many events were applied
   * @since 0.2.0
   */
  public synchronized int refresh() {
    return state.catchUp();
  }

  /**
   * The version of the meeting's stream this object reflects: the number of its events.
   *
   * @return the version
   * @since 0.2.0
   */
  public synchronized long version() {
    return state.version();
  }

  /**
   * Records a seated participant as present. Idempotent.
   *
   * @param participant the participant
   * @return true if newly recorded, false if already present
   * @throws PermissionDeniedException if the participant holds no seat
   * @throws ConflictException if the meeting is adjourned
   */
  public boolean attend(Actor participant) {
    return attend(participant, null);
  }

  /**
   * {@link #attend(Actor)} with the caller's idempotency key: a retry with the same key returns the
   * first answer and changes nothing.
   *
   * @param participant the participant
   * @param commandId the idempotency key, or null
   * @return true if newly recorded, false if already present
   * @throws PermissionDeniedException if the participant holds no seat
   * @throws ConflictException if the meeting is adjourned, or the key was used for another command
   * @since 0.2.0
   */
  public synchronized boolean attend(Actor participant, String commandId) {
    checkNotNull(participant, "participant");
    return command(commandId, MeetingEvents.ATTENDED, () -> {
      requireSeated(participant, "meeting.attend");
      requireOpen();
      if (attendees.contains(participant.id())) {
        return List.of();
      }
      return List.of(MeetingEvents.event(MeetingEvents.ATTENDED, participant, now()));
    }, events -> !events.isEmpty());
  }

  /**
   * Gives a seated participant's vote to another seated participant (委托投票), where the charter
   * allows proxies. The principal then votes only through the holder, who may hold at most {@link
   * Charter#maxProxiesPerHolder()} proxies and may not itself have given one.
   *
   * @param principal the participant giving the proxy
   * @param holderId the participant receiving it
   * @throws PermissionDeniedException if the charter allows no proxies or the principal holds no
   *     seat
   * @throws NotFoundException if the holder holds no seat
   * @throws ValidationException if the holder is the principal
   * @throws ConflictException if the meeting is adjourned, the principal already gave a proxy, the
   *     holder gave one, or the holder holds the maximum
   */
  public void grantProxy(Actor principal, String holderId) {
    grantProxy(principal, holderId, null);
  }

  /**
   * {@link #grantProxy(Actor, String)} with the caller's idempotency key.
   *
   * @param principal the participant giving the proxy
   * @param holderId the participant receiving it
   * @param commandId the idempotency key, or null
   * @throws PermissionDeniedException as {@link #grantProxy(Actor, String)}
   * @throws NotFoundException as {@link #grantProxy(Actor, String)}
   * @throws ValidationException as {@link #grantProxy(Actor, String)}
   * @throws ConflictException as {@link #grantProxy(Actor, String)}, or if the key was used for
   *     another command
   * @since 0.2.0
   */
  public synchronized void grantProxy(Actor principal, String holderId, String commandId) {
    checkNotNull(principal, "principal");
    command(commandId, MeetingEvents.PROXY_GRANTED, () -> {
      if (!charter.proxiesAllowed()) {
        throw new PermissionDeniedException(principal, "meeting.grantProxy", "the charter of " + id + " allows no proxies");
      }
      requireSeated(principal, "meeting.grantProxy");
      if (holderId == null || !seats.containsKey(holderId)) {
        throw new NotFoundException("seated participant", holderId);
      }
      if (holderId.equals(principal.id())) {
        throw new ValidationException("proxy.holder", holderId, "a participant cannot hold its own proxy");
      }
      requireOpen();
      if (proxies.containsKey(principal.id())) {
        throw new ConflictException("participant " + principal.id() + " already gave a proxy to " + proxies.get(principal.id()));
      }
      if (proxies.containsKey(holderId)) {
        throw new ConflictException("participant " + holderId + " gave a proxy to " + proxies.get(holderId) + " and cannot hold one");
      }
      long held = proxies.values().stream().filter(holderId::equals).count();
      if (held >= charter.maxProxiesPerHolder()) {
        throw new ConflictException("participant " + holderId + " already holds " + held + " proxies, the charter's maximum");
      }
      return List.of(MeetingEvents.event(MeetingEvents.PROXY_GRANTED, principal, now(), "holderId", holderId));
    }, events -> null);
  }

  /**
   * Puts a motion to the meeting; it is open for ballots at once.
   *
   * @param proposer a seated participant or a {@code MEETING_SECRETARY}
   * @param motion the motion
   * @return the motion's id, {@code <meeting id>/<n>}
   * @throws PermissionDeniedException if the proposer is neither
   * @throws ConflictException if the meeting is adjourned
   */
  public String propose(Actor proposer, Motion motion) {
    return propose(proposer, motion, null);
  }

  /**
   * {@link #propose(Actor, Motion)} with the caller's idempotency key: a retry with the same key
   * returns the id the motion got and proposes nothing more.
   *
   * @param proposer a seated participant or a {@code MEETING_SECRETARY}
   * @param motion the motion
   * @param commandId the idempotency key, or null
   * @return the motion's id, {@code <meeting id>/<n>}
   * @throws PermissionDeniedException if the proposer is neither
   * @throws ConflictException if the meeting is adjourned, or the key was used for another command
   * @since 0.2.0
   */
  public synchronized String propose(Actor proposer, Motion motion, String commandId) {
    checkNotNull(proposer, "proposer");
    checkNotNull(motion, "motion");
    return command(commandId, MeetingEvents.MOTION_PROPOSED, () -> {
      if (!seats.containsKey(proposer.id()) && !proposer.has(Role.MEETING_SECRETARY)) {
        throw new PermissionDeniedException(proposer, "meeting.propose", "holds no seat in " + id + " and is not the secretary");
      }
      requireOpen();
      String motionId = id + "/" + (motions.size() + 1);
      return List.of(MeetingEvents.event(MeetingEvents.MOTION_PROPOSED, proposer, now(), "motionId", motionId, "motion",
          MeetingJson.motion(motion)));
    }, events -> MeetingEvents.read(events.get(0)).id("motionId"));
  }

  /**
   * Casts a seated participant's own ballot (and records the participant as present).
   *
   * @param voter the participant
   * @param motionId the motion
   * @param choice yes, no or abstain
   * @return the ballot
   * @throws PermissionDeniedException if the voter holds no seat
   * @throws NotFoundException if the motion is unknown
   * @throws ConflictException if the motion is closed, the voter gave a proxy, or already voted
   */
  public Ballot vote(Actor voter, String motionId, Choice choice) {
    return vote(voter, motionId, choice, null);
  }

  /**
   * {@link #vote(Actor, String, Choice)} with the caller's idempotency key: a retry with the same
   * key returns the ballot cast the first time, where a new call would be a refused second vote.
   *
   * @param voter the participant
   * @param motionId the motion
   * @param choice yes, no or abstain
   * @param commandId the idempotency key, or null
   * @return the ballot
   * @throws PermissionDeniedException if the voter holds no seat
   * @throws NotFoundException if the motion is unknown
   * @throws ConflictException if the motion is closed, the voter gave a proxy, or already voted, or
   *     the key was used for another command
   * @since 0.2.0
   */
  public synchronized Ballot vote(Actor voter, String motionId, Choice choice, String commandId) {
    checkNotNull(voter, "voter");
    checkNotNull(choice, "choice");
    return command(commandId, MeetingEvents.BALLOT_CAST, () -> {
      requireSeated(voter, "meeting.vote");
      MotionState m = openMotion(motionId);
      if (proxies.containsKey(voter.id())) {
        throw new ConflictException("participant " + voter.id() + " gave a proxy to " + proxies.get(voter.id()) + " and votes through it");
      }
      requireNotVoted(m, voter.id());
      return List.of(MeetingEvents.event(MeetingEvents.BALLOT_CAST, voter, now(), "motionId", motionId, "voterId", voter.id(),
          "choice", choice.name()));
    }, this::ballotOf);
  }

  /** The ballot a BallotCast event recorded (already applied). */
  private Ballot ballotOf(List<RecordedEvent> events) {
    JsonFields f = MeetingEvents.read(events.get(0));
    return motions.get(f.id("motionId")).ballots.get(f.id("voterId"));
  }

  /**
   * Casts a ballot by proxy (and records the holder as present).
   *
   * @param holder the participant holding the proxy
   * @param principalId the participant who gave it
   * @param motionId the motion
   * @param choice yes, no or abstain
   * @return the ballot
   * @throws PermissionDeniedException if the charter allows no proxies, or the holder holds no seat
   *     or no proxy of the principal
   * @throws NotFoundException if the motion is unknown
   * @throws ConflictException if the motion is closed or the principal's ballot was already cast
   */
  public Ballot voteFor(Actor holder, String principalId, String motionId, Choice choice) {
    return voteFor(holder, principalId, motionId, choice, null);
  }

  /**
   * {@link #voteFor(Actor, String, String, Choice)} with the caller's idempotency key.
   *
   * @param holder the participant holding the proxy
   * @param principalId the participant who gave it
   * @param motionId the motion
   * @param choice yes, no or abstain
   * @param commandId the idempotency key, or null
   * @return the ballot
   * @throws PermissionDeniedException as {@link #voteFor(Actor, String, String, Choice)}
   * @throws NotFoundException if the motion is unknown
   * @throws ConflictException if the motion is closed or the principal's ballot was already cast, or
   *     the key was used for another command
   * @since 0.2.0
   */
  public synchronized Ballot voteFor(Actor holder, String principalId, String motionId, Choice choice, String commandId) {
    checkNotNull(holder, "holder");
    checkNotNull(choice, "choice");
    return command(commandId, MeetingEvents.BALLOT_CAST, () -> {
      if (!charter.proxiesAllowed()) {
        throw new PermissionDeniedException(holder, "meeting.voteFor", "the charter of " + id + " allows no proxies");
      }
      requireSeated(holder, "meeting.voteFor");
      if (principalId == null || !holder.id().equals(proxies.get(principalId))) {
        throw new PermissionDeniedException(holder, "meeting.voteFor", "holds no proxy of " + principalId);
      }
      MotionState m = openMotion(motionId);
      requireNotVoted(m, principalId);
      return List.of(MeetingEvents.event(MeetingEvents.BALLOT_CAST, holder, now(), "motionId", motionId, "voterId", principalId,
          "choice", choice.name()));
    }, this::ballotOf);
  }

  /**
   * Closes a motion and counts it. The quorum is judged on the seats present at the close.
   *
   * @param secretary a {@code MEETING_SECRETARY} (or {@code SYSTEM})
   * @param motionId the motion
   * @return the tally, with the resolution when adopted
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws NotFoundException if the motion is unknown
   * @throws ConflictException if the motion is already closed
   */
  public Tally close(Actor secretary, String motionId) {
    return close(secretary, motionId, null);
  }

  /**
   * {@link #close(Actor, String)} with the caller's idempotency key: a retry with the same key
   * returns the tally of the first close.
   *
   * @param secretary a {@code MEETING_SECRETARY} (or {@code SYSTEM})
   * @param motionId the motion
   * @param commandId the idempotency key, or null
   * @return the tally, with the resolution when adopted
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws NotFoundException if the motion is unknown
   * @throws ConflictException if the motion is already closed, or the key was used for another
   *     command
   * @since 0.2.0
   */
  public synchronized Tally close(Actor secretary, String motionId, String commandId) {
    checkNotNull(secretary, "secretary");
    return command(commandId, MeetingEvents.MOTION_CLOSED, () -> {
      secretary.require("meeting.close", SECRETARIES);
      MotionState m = openMotion(motionId);
      int yes = 0;
      int no = 0;
      int abstain = 0;
      for (Ballot b : m.ballots.values()) {
        switch (b.choice()) {
          case YES -> yes++;
          case NO -> no++;
          default -> abstain++;
        }
      }
      Set<String> present = presentSeats();
      EnumSet<Party> parties = EnumSet.noneOf(Party.class);
      for (String p : present) {
        parties.add(seats.get(p).party());
      }
      boolean quorum = charter.quorum().met(present.size(), seats.size(), parties);
      DecisionRule rule = charter.ruleFor(m.motion);
      Outcome outcome = !quorum ? Outcome.NO_QUORUM : rule.adopts(yes, no, seats.size()) ? Outcome.ADOPTED : Outcome.REJECTED;
      return List.of(MeetingEvents.event(MeetingEvents.MOTION_CLOSED, secretary, now(), "motionId", m.id, "yes", yes, "no", no,
          "abstain", abstain, "present", present.size(), "seats", seats.size(), "quorumMet", quorum, "outcome", outcome.name(),
          "rule", rule.name()));
    }, events -> motions.get(MeetingEvents.read(events.get(0)).id("motionId")).tally);
  }

  /**
   * Ends the meeting: no more attendance, proxies, motions or ballots.
   *
   * @param secretary a {@code MEETING_SECRETARY} (or {@code SYSTEM})
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ConflictException if already adjourned or a motion is still open
   */
  public void adjourn(Actor secretary) {
    adjourn(secretary, null);
  }

  /**
   * {@link #adjourn(Actor)} with the caller's idempotency key.
   *
   * @param secretary a {@code MEETING_SECRETARY} (or {@code SYSTEM})
   * @param commandId the idempotency key, or null
   * @throws PermissionDeniedException if the actor lacks the role
   * @throws ConflictException if already adjourned or a motion is still open, or the key was used
   *     for another command
   * @since 0.2.0
   */
  public synchronized void adjourn(Actor secretary, String commandId) {
    checkNotNull(secretary, "secretary");
    command(commandId, MeetingEvents.ADJOURNED, () -> {
      secretary.require("meeting.adjourn", SECRETARIES);
      requireOpen();
      for (MotionState m : motions.values()) {
        if (m.tally == null) {
          throw new ConflictException("motion " + m.id + " is still open: close it before adjourning " + id);
        }
      }
      return List.of(MeetingEvents.event(MeetingEvents.ADJOURNED, secretary, now()));
    }, events -> null);
  }

  // ---------------------------------------------------------------------------------- snapshot

  /**
   * The minutes (会议记录): one entry per successful call that changed the meeting, from the
   * convening on, in order. A call that changed nothing ({@link #attend} of a participant already
   * present) or failed is not recorded.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<MinutesEntry> minutes() {
    return List.copyOf(minutes);
  }

  /**
   * The meeting as one immutable value, to export (archive, hand over to another system): its id,
   * charter, seats and minutes. Not how a meeting is kept: its events in the store are.
   * {@link #restore(JointMeetingSnapshot, Clock)} turns it back into an equal meeting. Taken under
   * the meeting's lock, so no call is half in it. O(entries).
   *
   * <p>No {@link Actor} is asked for: whoever holds the meeting reads all of it already, and the
   * snapshot holds opaque ids and roles only.
   *
   * @return the snapshot
   */
  public synchronized JointMeetingSnapshot snapshot() {
    return JointMeetingSnapshot.builder().id(id).charter(charter).seats(seats.values()).minutes(minutes).build();
  }

  /**
   * Imports a meeting exported with {@link #snapshot()} (an import and export format: a meeting is
   * kept in an {@link EventStore} and opened with {@link #load}, which re-runs nothing). Because an
   * import is untrusted, this rebuilds the meeting, in an in-memory store of its own, by replaying
   * its minutes through {@link #convene},
   * {@link #attend}, {@link #grantProxy}, {@link #propose}, {@link #vote}, {@link #voteFor}, {@link
   * #close} and {@link #adjourn}, each with an actor rebuilt from the entry's id and roles and a clock
   * that reads the entry's instant. Attendance, proxies, ballots, tallies and resolutions are so
   * recomputed by the meeting's own rules, never taken from storage: a resolution of the restored
   * meeting is exactly the one the original adopted (same id, time and motion), so {@code
   * Alliance.enact} refuses it once the original was enacted. Afterwards the meeting takes its time
   * stamps from {@code clock}. Instants are kept to the microsecond, as in every meeting. Nothing is
   * built if the snapshot is refused. O(entries · seats).
   *
   * @param snapshot the snapshot, for example read back from the portal's database
   * @param clock the clock for every call after the restore
   * @return a new meeting equal to the one the snapshot was taken of: every query answers alike
   * @throws ValidationException naming the field and the entry's sequence number if the snapshot is
   *     inconsistent: an invalid meeting id; no entries, or a first entry that is not the convening,
   *     or a convening later; sequence numbers not 1, 2, 3 …; an entry the replay refuses (the actor
   *     as recorded may not make the call, an unknown motion or participant, a second ballot, a
   *     closed motion, an attendance that changes nothing …; the refusal is the cause); a proposed
   *     motion's recorded id that is not the id it gets; a close whose recorded outcome or counts
   *     differ from the recomputed ones
   */
  public static JointMeeting restore(JointMeetingSnapshot snapshot, Clock clock) {
    checkNotNull(snapshot, "snapshot");
    checkNotNull(clock, "clock");
    Checks.id("snapshot.id", snapshot.id());
    List<MinutesEntry> entries = snapshot.minutes();
    if (entries.isEmpty()) {
      throw new ValidationException("snapshot.minutes", "[]", "the first entry is the convening");
    }
    for (int i = 0; i < entries.size(); i++) {
      MinutesEntry e = entries.get(i);
      if (e.sequence() != i + 1L) {
        throw new ValidationException("snapshot.minutes.sequence", e.sequence(), "entry " + (i + 1) + " of the minutes: expected " + (i + 1));
      }
      if ((e.kind() == MinutesEntry.Kind.CONVENED) != (i == 0)) {
        throw new ValidationException("snapshot.minutes.kind", e.kind(), "entry " + e.sequence() + ": "
            + (i == 0 ? "the first entry is the convening" : "a meeting is convened once, at entry 1"));
      }
    }
    ReplayClock replay = new ReplayClock(clock.getZone());
    MinutesEntry first = entries.get(0);
    replay.now = first.at();
    JointMeeting m;
    try {
      m = convene(actorOf(first), snapshot.id(), snapshot.charter(), snapshot.seats(), replay);
    } catch (LinliException ex) {
      throw refused(first, ex);
    }
    for (MinutesEntry e : entries.subList(1, entries.size())) {
      replay.now = e.at();
      m.replay(e);
    }
    for (int i = 0; i < entries.size(); i++) {
      MinutesEntry expected = entries.get(i);
      if (!expected.at().equals(MeetingEvents.stored(expected.at()))) {   // kept to the microsecond, as every instant
        expected = MinutesEntry.builder().from(expected).at(MeetingEvents.stored(expected.at())).build();
      }
      if (!m.minutes.get(i).equals(expected)) {
        throw new ValidationException("snapshot.minutes", entries.get(i).sequence(), "entry " + entries.get(i).sequence()
            + " replays as " + m.minutes.get(i));
      }
    }
    m.clock = clock;
    return m;
  }

  /** Replays one entry after the convening (restore only). */
  private void replay(MinutesEntry e) {
    Actor a = actorOf(e);
    String where = "entry " + e.sequence() + ": ";
    try {
      switch (e.kind()) {
        case ATTENDED:
          if (!attend(a)) {
            throw new ValidationException("snapshot.minutes.actorId", e.actorId(), where + "already present: the call changes nothing");
          }
          break;
        case PROXY_GRANTED:
          grantProxy(a, e.holderId().orElseThrow());
          break;
        case MOTION_PROPOSED:
          String motionId = propose(a, e.motion().orElseThrow());
          if (!motionId.equals(e.motionId().orElseThrow())) {
            throw new ValidationException("snapshot.minutes.motionId", e.motionId().get(), where + "the motion gets id " + motionId);
          }
          break;
        case VOTED:
          vote(a, e.motionId().orElseThrow(), e.choice().orElseThrow());
          break;
        case VOTED_BY_PROXY:
          voteFor(a, e.principalId().orElseThrow(), e.motionId().orElseThrow(), e.choice().orElseThrow());
          break;
        case MOTION_CLOSED:
          Tally t = close(a, e.motionId().orElseThrow());
          check(e, "outcome", e.outcome().orElseThrow(), t.outcome(), t);
          check(e, "yes", e.yes().getAsInt(), t.yes(), t);
          check(e, "no", e.no().getAsInt(), t.no(), t);
          check(e, "abstain", e.abstain().getAsInt(), t.abstain(), t);
          check(e, "present", e.present().getAsInt(), t.present(), t);
          break;
        case ADJOURNED:
          adjourn(a);
          break;
        default:
          throw new ValidationException("snapshot.minutes.kind", e.kind(), where + "a meeting is convened once, at entry 1");
      }
    } catch (ValidationException ex) {
      if (ex.field().startsWith("snapshot.")) {
        throw ex;
      }
      throw refused(e, ex);
    } catch (LinliException ex) {
      throw refused(e, ex);
    }
  }

  private static void check(MinutesEntry e, String field, Object recorded, Object recomputed, Tally t) {
    if (!recorded.equals(recomputed)) {
      throw new ValidationException("snapshot.minutes." + field, recorded, "entry " + e.sequence() + ": the ballots give "
          + recomputed + " (" + t + ")");
    }
  }

  private static Actor actorOf(MinutesEntry e) {
    return Actor.of(e.actorId(), e.actorRoles().toArray(new Role[0]));
  }

  /** The refusal of a replayed call, as a validation error naming the entry and the field. */
  private static ValidationException refused(MinutesEntry e, LinliException cause) {
    String field;
    Object value;
    if (cause instanceof PermissionDeniedException) {
      field = "actorId";
      value = e.actorId();
    } else if (cause instanceof NotFoundException && e.kind() == MinutesEntry.Kind.PROXY_GRANTED) {
      field = "holderId";
      value = e.holderId().orElse(null);
    } else if (cause instanceof NotFoundException) {
      field = "motionId";
      value = e.motionId().orElse(null);
    } else if (cause instanceof ValidationException && e.kind() == MinutesEntry.Kind.CONVENED) {
      field = ((ValidationException) cause).field().replace("meeting.", "");
      value = ((ValidationException) cause).value().orElse(null);
    } else if (cause instanceof ValidationException && e.kind() == MinutesEntry.Kind.PROXY_GRANTED) {
      field = "holderId";
      value = e.holderId().orElse(null);
    } else {
      field = "kind";
      value = e.kind();
    }
    String prefix = e.kind() == MinutesEntry.Kind.CONVENED && !field.equals("actorId") ? "snapshot." : "snapshot.minutes.";
    return new ValidationException(prefix + field, value, "entry " + e.sequence() + " (" + e.kind() + ") is refused on replay: "
        + cause.getMessage(), cause);
  }

  /** The clock of a replay: it reads the instant of the entry being replayed. */
  private static final class ReplayClock extends Clock {
    private final ZoneId zone;
    Instant now;

    ReplayClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      ReplayClock c = new ReplayClock(z);
      c.now = now;
      return c;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private void requireSeated(Actor a, String action) {
    if (!seats.containsKey(a.id())) {
      throw new PermissionDeniedException(a, action, "holds no seat in meeting " + id);
    }
  }

  private void requireOpen() {
    if (adjourned) {
      throw new ConflictException("meeting " + id + " is adjourned");
    }
  }

  private MotionState openMotion(String motionId) {
    MotionState m = motionId == null ? null : motions.get(motionId);
    if (m == null) {
      throw new NotFoundException("motion", motionId);
    }
    if (m.tally != null) {
      throw new ConflictException("motion " + motionId + " is closed (" + m.tally.outcome() + ")");
    }
    return m;
  }

  private static void requireNotVoted(MotionState m, String voterId) {
    Ballot previous = m.ballots.get(voterId);
    if (previous != null) {
      throw new ConflictException("participant " + voterId + " already voted on " + m.id
          + (previous.byProxy() ? " (by proxy, through " + previous.castBy() + ")" : ""));
    }
  }

  private Set<String> presentSeats() {
    Set<String> present = new LinkedHashSet<>(attendees);
    for (Map.Entry<String, String> e : proxies.entrySet()) {
      if (attendees.contains(e.getValue())) {
        present.add(e.getKey());
      }
    }
    return present;
  }

  /**
   * The meeting's id.
   *
   * @return the id
   */
  public synchronized String id() {
    return id;
  }

  /**
   * The charter.
   *
   * @return the charter
   */
  public synchronized Charter charter() {
    return charter;
  }

  /**
   * The seats, in the order given.
   *
   * @return an unmodifiable list
   */
  public synchronized List<Seat> seats() {
    return List.copyOf(seats.values());
  }

  /**
   * When the meeting was convened.
   *
   * @return the instant
   */
  public synchronized Instant convenedAt() {
    return convenedAt;
  }

  /**
   * Who convened it.
   *
   * @return the actor id
   */
  public synchronized String convenedBy() {
    return convenedBy;
  }

  /**
   * The participants who attended (in person).
   *
   * @return an unmodifiable copy, in order of arrival
   */
  public synchronized Set<String> attendees() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(attendees));
  }

  /**
   * The seats present now: attendees and the participants whose proxy holder attends.
   *
   * @return an unmodifiable copy
   */
  public synchronized Set<String> present() {
    return Collections.unmodifiableSet(presentSeats());
  }

  /**
   * Whether the quorum is met now.
   *
   * @return true if met
   */
  public synchronized boolean quorumMet() {
    Set<String> present = presentSeats();
    EnumSet<Party> parties = EnumSet.noneOf(Party.class);
    for (String p : present) {
      parties.add(seats.get(p).party());
    }
    return charter.quorum().met(present.size(), seats.size(), parties);
  }

  /**
   * The proxies given: principal to holder.
   *
   * @return an unmodifiable copy
   */
  public synchronized Map<String, String> proxies() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
  }

  /**
   * Whether a member was represented in person: some seat representing it attended.
   *
   * @param member the member
   * @return true if a seat of that member attended
   * @throws NullPointerException if {@code member} is null
   */
  public synchronized boolean attendedBy(MemberId member) {
    checkNotNull(member, "member");
    for (String p : attendees) {
      if (seats.get(p).member().map(member::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ids of all motions, in order of proposal.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<String> motionIds() {
    return List.copyOf(motions.keySet());
  }

  /**
   * A motion.
   *
   * @param motionId the motion's id
   * @return the motion
   * @throws NotFoundException if unknown
   */
  public synchronized Motion motion(String motionId) {
    MotionState m = motionId == null ? null : motions.get(motionId);
    if (m == null) {
      throw new NotFoundException("motion", motionId);
    }
    return m.motion;
  }

  /**
   * The ballots on a motion, in order of casting.
   *
   * @param motionId the motion's id
   * @return an unmodifiable copy
   * @throws NotFoundException if unknown
   */
  public synchronized List<Ballot> ballots(String motionId) {
    motion(motionId);
    return List.copyOf(motions.get(motionId).ballots.values());
  }

  /**
   * The tally of a closed motion.
   *
   * @param motionId the motion's id
   * @return the tally, or empty while open
   * @throws NotFoundException if unknown
   */
  public synchronized Optional<Tally> tally(String motionId) {
    motion(motionId);
    return Optional.ofNullable(motions.get(motionId).tally);
  }

  /**
   * The resolutions adopted, in order.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<Resolution> resolutions() {
    List<Resolution> out = new ArrayList<>();
    for (MotionState m : motions.values()) {
      if (m.tally != null) {
        m.tally.resolution().ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether the meeting is adjourned.
   *
   * @return true if adjourned
   */
  public synchronized boolean isAdjourned() {
    return adjourned;
  }

  @Override
  public synchronized String toString() {
    return "JointMeeting{" + id + ", " + seats.size() + " seats, " + presentSeats().size() + " present, " + motions.size()
        + " motions, " + resolutions().size() + " resolutions" + (adjourned ? ", adjourned" : "") + "}";
  }
}

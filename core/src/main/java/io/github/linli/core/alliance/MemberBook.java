package io.github.linli.core.alliance;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.FeedState;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Members and their lifecycle: one stream per member ({@code member/<id>}) and one per enacted
 * resolution ({@code enactment/<id>}). A command checks permission and state and produces events;
 * {@link #apply} is the only place a status changes, live and on load. A change of a parent writes an
 * inherited event to each following sub-unit's stream in the same append; registering a following
 * sub-unit names its parent's stream at the version it read.
 */
final class MemberBook extends FeedState {
  private final Clock clock;
  private final Map<MembershipAction, Set<Role>> roles;
  private final PersonalRecords personal;

  private final Map<MemberId, Member> members = new LinkedHashMap<>();
  private final Set<MemberId> withContact = new HashSet<>();
  private final Map<MemberId, MemberStatus> status = new HashMap<>();
  private final List<MembershipEvent> events = new ArrayList<>();
  private final Map<MemberId, List<MembershipEvent>> history = new HashMap<>();
  private final Map<MemberId, List<MemberId>> followers = new HashMap<>();
  private final Set<String> enacted = new HashSet<>();

  MemberBook(EventStore store, String tenant, Clock clock, Map<MembershipAction, Set<Role>> roles, PersonalRecords personal) {
    super(store, tenant, List.of(AllianceEvents.MEMBER, AllianceEvents.ENACTMENT));
    this.clock = clock;
    this.roles = roles;
    this.personal = personal;
  }

  StreamId stream(MemberId id) {
    return StreamId.of(tenant, AllianceEvents.MEMBER, id.value());
  }

  // ------------------------------------------------------------------------------------ apply

  @Override
  protected void apply(RecordedEvent e) {
    switch (e.type()) {
      case AllianceEvents.MEMBER_REGISTERED: {
        Object[] r = AllianceEvents.registered(e);
        Member m = (Member) r[0];
        if (members.containsKey(m.id()) || (m.parent().isPresent() && !members.containsKey(m.parent().get()))) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + tenant
              + " registers a member that exists or whose parent does not");
        }
        members.put(m.id(), m);
        if ((Boolean) r[1]) {
          withContact.add(m.id());
        }
        if (m.followsParent()) {
          followers.computeIfAbsent(m.parent().get(), k -> new ArrayList<>()).add(m.id());
        }
        record((MembershipEvent) r[2], e);
        break;
      }
      case AllianceEvents.MEMBERSHIP_CHANGED:
        record(AllianceEvents.changed(e), e);
        break;
      case AllianceEvents.CONTACT_ERASED:
        AllianceEvents.by(e);
        withContact.remove(MemberId.of(e.stream().id()));
        personal.forgetContact(MemberId.of(e.stream().id()));
        break;
      case AllianceEvents.FOLLOWER_REGISTERED:
        AllianceEvents.follower(e);
        break;
      case AllianceEvents.RESOLUTION_ENACTED:
        AllianceEvents.enacted(e);
        enacted.add(e.stream().id());
        break;
      default:
        throw AllianceEvents.unknown(e);
    }
  }

  private void record(MembershipEvent decoded, RecordedEvent e) {
    if (!members.containsKey(decoded.member())) {
      throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + tenant
          + " changes a member that was never registered");
    }
    MembershipEvent m = numbered(decoded, events.size() + 1L);
    events.add(m);
    history.computeIfAbsent(m.member(), k -> new ArrayList<>()).add(m);
    status.put(m.member(), m.to());
  }

  static MembershipEvent numbered(MembershipEvent e, long sequence) {
    return MembershipEvent.builder().sequence(sequence).member(e.member()).action(e.action()).from(e.from()).to(e.to())
        .actorId(e.actorId()).authority(e.authority()).resolutionId(e.resolutionId()).inheritedFrom(e.inheritedFrom()).at(e.at())
        .build();
  }

  // --------------------------------------------------------------------------------- commands

  /** The answer of a membership command: the event of the member named, found in its history. */
  private MembershipEvent first(List<RecordedEvent> recorded, MemberId member) {
    for (RecordedEvent r : recorded) {
      if (r.stream().equals(stream(member))) {
        List<MembershipEvent> h = history.getOrDefault(member, List.of());
        MembershipEvent decoded = r.type().equals(AllianceEvents.MEMBER_REGISTERED)
            ? (MembershipEvent) AllianceEvents.registered(r)[2]
            : r.type().equals(AllianceEvents.MEMBERSHIP_CHANGED) ? AllianceEvents.changed(r) : null;
        for (MembershipEvent m : h) {
          if (decoded != null && numbered(m, 0).equals(decoded)) {
            return m;
          }
        }
      }
    }
    throw new ConflictException("the command id was recorded for another command (no membership event of " + member + ")");
  }

  MembershipEvent register(String commandId, Actor actor, Member member) {
    Member profile = member.withoutContact();
    return execute(commandId, () -> {
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
      MembershipEvent first = event(member.id(), MembershipAction.APPLY, null, initial, actor.id(), basis, null, inheritedFrom);
      AppendRequest r = AppendRequest.to(stream(member.id()), AppendRequest.NO_STREAM,
          AllianceEvents.registered(profile, member.contact().isPresent(), first));
      if (member.followsParent()) {
        // written, not only read: a change of the parent racing with this registration must fail and
        // decide again, so that it reaches the new follower (a condition on the parent alone would not
        // see the follower appear)
        StreamId ps = stream(member.parent().get());
        r = r.and(ps, version(ps), List.of(AllianceEvents.follower(member.id())));
      } else if (member.parent().isPresent()) {
        r = r.expect(stream(member.parent().get()), version(stream(member.parent().get())));
      }
      return r;
    }, recorded -> first(recorded, member.id()));
  }

  MembershipEvent change(String commandId, Actor actor, MemberId id, MembershipAction action) {
    return execute(commandId, () -> {
      Member m = require(id);
      String basis = authorise(actor, m, action);
      return transition(m, action, actor.id(), basis, null);
    }, recorded -> first(recorded, id));
  }

  MembershipEvent enact(String commandId, Actor actor, String resolutionId, MemberId id, MembershipAction action) {
    return execute(commandId, () -> {
      if (enacted.contains(resolutionId)) {
        throw new ConflictException("resolution " + resolutionId + " was already enacted");
      }
      Member m = require(id);
      StreamId s = StreamId.of(tenant, AllianceEvents.ENACTMENT, resolutionId);
      return transition(m, action, actor.id(), "resolution " + resolutionId, resolutionId)
          .and(s, version(s), List.of(AllianceEvents.enacted(id, action, actor.id(), clock.instant())));
    }, recorded -> first(recorded, id));
  }

  /**
   * The append of a status change: the member's event and an inherited one for each following
   * sub-unit, at the versions seen. The one place the rules of a change are checked.
   */
  private AppendRequest transition(Member m, MembershipAction action, String actorId, String basis, String resolutionId) {
    if (m.followsParent()) {
      throw new ConflictException("member " + m.id() + " follows its parent " + m.parent().get()
          + " (status " + status.get(m.id()) + "): change the parent");
    }
    MemberStatus current = status.get(m.id());
    if (!action.allowedFrom(current)) {
      throw new ConflictException("member " + m.id() + " is " + current + ": cannot " + action.label().en()
          + " (allowed from " + action.from() + ")");
    }
    MembershipEvent e = event(m.id(), action, current, action.to(), actorId, basis, resolutionId, null);
    AppendRequest r = AppendRequest.to(stream(m.id()), version(stream(m.id())), AllianceEvents.changed(e));
    return cascade(r, m.id(), action, actorId, basis, resolutionId);
  }

  private AppendRequest cascade(AppendRequest r, MemberId parent, MembershipAction action, String actorId, String basis,
      String resolutionId) {
    for (MemberId child : followers.getOrDefault(parent, List.of())) {
      MembershipEvent e = event(child, action, status.get(child), action.to(), actorId, basis, resolutionId, parent);
      r = r.and(stream(child), version(stream(child)), List.of(AllianceEvents.changed(e)));
      r = cascade(r, child, action, actorId, basis, resolutionId);
    }
    return r;
  }

  private MembershipEvent event(MemberId member, MembershipAction action, MemberStatus from, MemberStatus to, String actorId,
      String basis, String resolutionId, MemberId inheritedFrom) {
    return ImmutableMembershipEvent.builder().sequence(0).member(member).action(action).from(Optional.ofNullable(from)).to(to)
        .actorId(actorId).authority(basis).resolutionId(Optional.ofNullable(resolutionId))
        .inheritedFrom(Optional.ofNullable(inheritedFrom)).at(clock.instant()).build();
  }

  boolean eraseContact(String commandId, Actor actor, MemberId id) {
    return execute(commandId, () -> {
      Member m = require(id);
      requireForMember(actor, m, java.util.EnumSet.of(Role.ALLIANCE_ADMIN), "member.eraseContact");
      if (!withContact.contains(id)) {
        return null;
      }
      personal.eraseContact(id);
      return AppendRequest.to(stream(id), version(stream(id)), AllianceEvents.by(AllianceEvents.CONTACT_ERASED, actor.id(),
          clock.instant()));
    }, recorded -> !recorded.isEmpty());
  }

  String authorise(Actor actor, Member member, MembershipAction action) {
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

  static void requireForMember(Actor actor, Member m, Set<Role> roles, String action) {
    if (actor.hasAny(roles)) {
      return;
    }
    if (actor.has(Role.MEMBER_REPRESENTATIVE) && m.representatives().contains(actor.id())) {
      return;
    }
    throw new PermissionDeniedException(actor, action + " for " + m.id(), "requires one of " + roles + " or a representative of " + m.id());
  }

  // ---------------------------------------------------------------------------------- queries

  synchronized Member require(MemberId id) {
    Member m = members.get(id);
    if (m == null) {
      throw new NotFoundException("member", id);
    }
    return m;
  }

  /** The member as it is now, with its contact from the personal-data store. */
  synchronized Member view(MemberId id) {
    Member m = require(id);
    if (!withContact.contains(id)) {
      return m;
    }
    Optional<Contact> c = personal.contact(id);
    return c.isEmpty() ? m : ImmutableMember.builder().from(m).contact(c).build();
  }

  synchronized List<Member> views() {
    List<Member> out = new ArrayList<>(members.size());
    for (MemberId id : members.keySet()) {
      out.add(view(id));
    }
    return out;
  }

  synchronized Set<MemberId> ids() {
    return new java.util.LinkedHashSet<>(members.keySet());
  }

  synchronized boolean contains(MemberId id) {
    return members.containsKey(id);
  }

  synchronized MemberStatus status(MemberId id) {
    require(id);
    return status.get(id);
  }

  synchronized List<MembershipEvent> history(MemberId id) {
    require(id);
    return List.copyOf(history.get(id));
  }

  synchronized Optional<MemberStatus> statusAt(MemberId id, Instant at) {
    require(id);
    MemberStatus s = null;
    for (MembershipEvent e : history.get(id)) {
      if (e.at().isAfter(at)) {
        break;
      }
      s = e.to();
    }
    return Optional.ofNullable(s);
  }

  synchronized List<MembershipEvent> events() {
    return List.copyOf(events);
  }

  synchronized int eventCount() {
    return events.size();
  }

  synchronized List<MemberId> followersOf(MemberId parent) {
    require(parent);
    return List.copyOf(followers.getOrDefault(parent, List.of()));
  }

  synchronized boolean enacted(String resolutionId) {
    return enacted.contains(resolutionId);
  }

  synchronized Set<String> enactedIds() {
    return new TreeSet<>(enacted);
  }

  synchronized boolean hasContact(MemberId id) {
    return withContact.contains(id);
  }

  // --------------------------------------------------------------------------------- snapshot

  static final String SNAPSHOT = "alliance-members";
  private static final String FORMAT = "linli.alliance-members";
  private static final List<String> STATE = List.of("format", "version", "position", "streams", "members", "contacts", "events",
      "enacted");

  synchronized void saveSnapshot() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("format", FORMAT);
    o.put("version", 1);
    o.put("position", position());
    o.put("streams", Snapshots.versions(versions()));
    List<Object> ms = new ArrayList<>();
    for (Member m : members.values()) {
      ms.add(SnapshotJson.member(m, false));
    }
    o.put("members", ms);
    List<Object> cs = new ArrayList<>();
    for (MemberId id : members.keySet()) {
      if (withContact.contains(id)) {
        cs.add(id.value());
      }
    }
    o.put("contacts", cs);
    List<Object> es = new ArrayList<>();
    for (MembershipEvent e : events) {
      es.add(SnapshotJson.event(e));
    }
    o.put("events", es);
    o.put("enacted", SnapshotJson.sorted(enacted));
    saveSnapshot(SNAPSHOT, "AllianceMembers", 1, Json.write(o));
  }

  /** Loads the latest snapshot if it reads; otherwise leaves the book empty (replay from the start). */
  synchronized boolean loadSnapshot() {
    return Snapshots.load(store, snapshotStream(SNAPSHOT), "AllianceMembers", FORMAT, this::readSnapshot, this::clear);
  }

  private void readSnapshot(Map<String, Object> root) {
    JsonFields f = new JsonFields(root, "", STATE);
    List<Object> ms = f.array("members");
    for (int i = 0; i < ms.size(); i++) {
      Member m = SnapshotJson.member(f.element("members", i, ms.get(i), SnapshotJson.MEMBER));
      members.put(m.id(), m);
      if (m.followsParent()) {
        followers.computeIfAbsent(m.parent().get(), k -> new ArrayList<>()).add(m.id());
      }
    }
    for (String c : f.stringSet("contacts", false)) {
      withContact.add(MemberId.of(c));
    }
    List<Object> es = f.array("events");
    for (int i = 0; i < es.size(); i++) {
      MembershipEvent e = SnapshotJson.event(f.element("events", i, es.get(i), SnapshotJson.EVENT));
      events.add(e);
      history.computeIfAbsent(e.member(), k -> new ArrayList<>()).add(e);
      status.put(e.member(), e.to());
    }
    enacted.addAll(f.stringSet("enacted", false));
    restored(f.integer("position", 0, Long.MAX_VALUE), Snapshots.versions(tenant, f.array("streams")));
  }

  private void clear() {
    members.clear();
    withContact.clear();
    status.clear();
    events.clear();
    history.clear();
    followers.clear();
    enacted.clear();
    restored(0, Map.of());
  }
}

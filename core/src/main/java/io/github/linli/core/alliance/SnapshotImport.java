package io.github.linli.core.alliance;

import io.github.linli.core.Actor;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.StreamId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports an {@link AllianceSnapshot}: checks that its parts fit together (every status change one
 * the alliance could have made, by {@link MembershipAction}'s rules), then writes the events the
 * alliance would have appended. State is then built by the parts' {@code apply}, as for any load.
 */
final class SnapshotImport {
  private SnapshotImport() {}

  /** Checks a snapshot; see {@link Alliance#restore(AllianceSnapshot, Clock)} for what is refused. */
  static void check(AllianceSnapshot snapshot) {
    Checks.id("snapshot.id", snapshot.id());
    for (MembershipAction a : MembershipAction.values()) {
      if (snapshot.roles().get(a) == null) {
        throw new ValidationException("snapshot.roles", a, "has no entry: every membership action needs its roles (an empty set for none)");
      }
    }
    Map<MemberId, Member> members = new LinkedHashMap<>();
    Map<MemberId, List<MemberId>> followers = new HashMap<>();
    for (Member m : snapshot.members()) {
      if (members.containsKey(m.id())) {
        throw new ValidationException("snapshot.members", m.id(), "duplicate member id");
      }
      if (m.parent().isPresent() && !members.containsKey(m.parent().get())) {
        throw new ValidationException("snapshot.members.parent", m.parent().get(), "parent of " + m.id() + " is not registered before it");
      }
      members.put(m.id(), m);
      if (m.followsParent()) {
        followers.computeIfAbsent(m.parent().get(), k -> new ArrayList<>()).add(m.id());
      }
    }
    Set<String> enacted = new HashSet<>(snapshot.enactedResolutions());
    Set<String> recorded = new HashSet<>();
    Map<MemberId, MemberStatus> status = new HashMap<>();
    long sequence = 0;
    for (MembershipEvent e : snapshot.events()) {
      sequence++;
      checkEvent(e, sequence, members, status, enacted);
      status.put(e.member(), e.to());
      e.resolutionId().ifPresent(recorded::add);
    }
    for (Member m : members.values()) {
      if (!status.containsKey(m.id())) {
        throw new ValidationException("snapshot.members", m.id(), "has no events: its first event is its application");
      }
    }
    List<MemberId> applied = new ArrayList<>();
    for (MembershipEvent e : snapshot.events()) {
      if (e.from().isEmpty()) {
        applied.add(e.member());
      }
    }
    List<MemberId> listed = new ArrayList<>(members.keySet());
    for (int k = 0; k < listed.size(); k++) {
      if (!listed.get(k).equals(applied.get(k))) {
        throw new ValidationException("snapshot.members", listed.get(k),
            "is listed out of the order of the applications in the history (members are in order of registration)");
      }
    }
    for (Map.Entry<MemberId, List<MemberId>> f : followers.entrySet()) {
      for (MemberId child : f.getValue()) {
        if (status.get(child) != status.get(f.getKey())) {
          throw new ValidationException("snapshot.events.member", child, "follows " + f.getKey() + " (" + status.get(f.getKey())
              + ") but its history leaves it " + status.get(child));
        }
      }
    }
    for (String r : new TreeSet<>(enacted)) {
      if (!recorded.contains(r)) {
        throw new ValidationException("snapshot.enactedResolutions", r, "no event records this resolution");
      }
    }
    Set<String> pledges = new HashSet<>();
    for (Pledge p : snapshot.pledges()) {
      if (!pledges.add(p.id())) {
        throw new ValidationException("snapshot.pledges", p.id(), "duplicate pledge id");
      }
      if (!members.containsKey(p.member())) {
        throw new ValidationException("snapshot.pledges.member", p.member(), "pledge " + p.id() + " is of an unknown member");
      }
    }
    Set<String> cards = new HashSet<>();
    Map<ResidentId, String> live = new HashMap<>();
    for (BenefitCard c : snapshot.cards()) {
      if (!cards.add(c.id())) {
        throw new ValidationException("snapshot.cards", c.id(), "duplicate card id");
      }
      if (c.status() != CardStatus.REVOKED) {
        String other = live.put(c.holder(), c.id());
        if (other != null) {
          throw new ValidationException("snapshot.cards.holder", c.holder(), "holds two cards that are not revoked: " + other + " and " + c.id());
        }
      }
    }
    for (Delivery d : snapshot.deliveries()) {
      if (!pledges.contains(d.pledgeId())) {
        throw new ValidationException("snapshot.deliveries.pledgeId", d.pledgeId(), "is not a pledge of the snapshot");
      }
      if (d.cardId().isPresent() && !cards.contains(d.cardId().get())) {
        throw new ValidationException("snapshot.deliveries.cardId", d.cardId().get(), "is not a card of the snapshot");
      }
      if (d.units() <= 0) {
        throw new ValidationException("snapshot.deliveries.units", d.units(), "must be positive (pledge " + d.pledgeId() + ")");
      }
    }
  }

  /** Checks one stored event against the history so far: the rules of {@link MembershipAction}. */
  private static void checkEvent(MembershipEvent e, long expected, Map<MemberId, Member> members, Map<MemberId, MemberStatus> status,
      Set<String> enactedIds) {
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
    if (current.isEmpty() && m.parent().isPresent() && !status.containsKey(m.parent().get())) {
      throw new ValidationException("snapshot.events.member", m.id(), "event " + e.sequence() + ": its parent " + m.parent().get()
          + " has not applied yet");
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
  }

  /**
   * Writes a checked snapshot's events and its personal values. Events go in batches of up to 1,000
   * (a batch names each stream once), each at the stream's expected version.
   */
  static void write(AllianceSnapshot s, Clock clock, EventStore store, PersonalDataStore personal) {
    String tenant = s.id();
    Batch versions = new Batch(store);
    Map<MemberId, Member> members = new LinkedHashMap<>();
    for (Member m : s.members()) {
      members.put(m.id(), m);
    }
    PersonalRecords records = new PersonalRecords(personal, tenant);
    Map<String, MembershipEvent> byResolution = new HashMap<>();
    for (MembershipEvent e : s.events()) {
      StreamId stream = StreamId.of(tenant, AllianceEvents.MEMBER, e.member().value());
      if (e.action() == MembershipAction.APPLY && e.from().isEmpty()) {
        Member m = members.get(e.member());
        append(store, versions, stream, AllianceEvents.registered(m.withoutContact(), m.contact().isPresent(), e));
        if (m.followsParent()) {
          append(store, versions, StreamId.of(tenant, AllianceEvents.MEMBER, m.parent().get().value()), AllianceEvents.follower(m.id()));
        }
        if (m.contact().isPresent()) {
          records.putContact(m.id(), m.contact().get());
        }
      } else {
        append(store, versions, stream, AllianceEvents.changed(e));
      }
      if (e.resolutionId().isPresent() && e.inheritedFrom().isEmpty()) {
        byResolution.putIfAbsent(e.resolutionId().get(), e);
      }
    }
    for (String r : new TreeSet<>(s.enactedResolutions())) {
      MembershipEvent e = byResolution.get(r);
      append(store, versions, StreamId.of(tenant, AllianceEvents.ENACTMENT, r),
          AllianceEvents.enacted(e.member(), e.action(), e.actorId(), e.at()));
    }
    for (Pledge p : s.pledges()) {
      append(store, versions, StreamId.of(tenant, AllianceEvents.PLEDGE, p.id()), AllianceEvents.pledged(p, "import", clock.instant()));
    }
    Actor importer = Actor.of("alliance:" + tenant, Role.ALLIANCE_ADMIN, Role.COORDINATOR);
    for (BenefitCard c : s.cards()) {
      StreamId cs = StreamId.of(tenant, AllianceEvents.CARD, c.id());
      append(store, versions, cs, AllianceEvents.issued(c, "import", clock.instant()));
      if (c.status() != CardStatus.ACTIVE) {
        append(store, versions, cs, AllianceEvents.status(c.status(), "import", clock.instant()));
      }
      if (c.status() != CardStatus.REVOKED) {
        append(store, versions, StreamId.of(tenant, AllianceEvents.HOLDER, c.holder().value()),
            AllianceEvents.link(AllianceEvents.CARD_LINKED, c.id()));
      }
      if (c.holdsPersonalData()) {
        records.putFacts(importer, c);
      }
    }
    for (Delivery d : s.deliveries()) {
      append(store, versions, StreamId.of(tenant, AllianceEvents.PLEDGE, d.pledgeId()),
          AllianceEvents.delivered(d, LocalDate.ofInstant(d.at(), clock.getZone())));
    }
    versions.flush();
  }

  private static void append(EventStore store, Batch batch, StreamId stream, EventData e) {
    batch.add(stream, e);
  }

  /** Events to append together: each stream once, in order. */
  private static final class Batch {
    private final EventStore store;
    private final Map<StreamId, Long> versions = new HashMap<>();
    private final Map<StreamId, EventData> pending = new LinkedHashMap<>();

    Batch(EventStore store) {
      this.store = store;
    }

    void add(StreamId stream, EventData e) {
      if (pending.containsKey(stream) || pending.size() >= 1000) {
        flush();
      }
      pending.put(stream, e);
    }

    void flush() {
      AppendRequest r = null;
      for (Map.Entry<StreamId, EventData> p : pending.entrySet()) {
        long v = versions.getOrDefault(p.getKey(), 0L);
        r = r == null ? AppendRequest.to(p.getKey(), v, p.getValue()) : r.and(p.getKey(), v, List.of(p.getValue()));
        versions.put(p.getKey(), v + 1);
      }
      if (r != null) {
        store.append(r);
      }
      pending.clear();
    }
  }
}

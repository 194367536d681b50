package io.github.linli.core.alliance;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.FeedState;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pledges and what was delivered under them: one stream per pledge ({@code pledge/<id>}) holding
 * its registration and its deliveries. A command that depends on the pledging member's status (or a
 * card's state) names that stream at the version it read, so a change there makes it decide again.
 * Delivered units are indexed per pledge by the day recorded in the event, so figures do not depend
 * on the reading server's zone.
 */
final class PledgeBook extends FeedState {
  static final Set<Role> PLEDGE_ROLES = EnumSet.of(Role.ALLIANCE_ADMIN, Role.COORDINATOR);
  static final Set<Role> USE_ROLES = EnumSet.of(Role.ALLIANCE_ADMIN, Role.COORDINATOR, Role.SYSTEM);

  private final Clock clock;
  private final MemberBook members;
  private final CardBook cards;

  private final Map<String, Pledge> pledges = new LinkedHashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<LocalDate> days = new ArrayList<>();
  private final Map<String, List<Delivery>> byPledge = new HashMap<>();
  private final Map<String, List<LocalDate>> daysByPledge = new HashMap<>();
  private final Map<String, TreeMap<LocalDate, Long>> unitsByDay = new HashMap<>();

  PledgeBook(EventStore store, String tenant, Clock clock, MemberBook members, CardBook cards) {
    super(store, tenant, List.of(AllianceEvents.PLEDGE));
    this.clock = clock;
    this.members = members;
    this.cards = cards;
  }

  StreamId stream(String pledgeId) {
    return StreamId.of(tenant, AllianceEvents.PLEDGE, pledgeId);
  }

  @Override
  protected void apply(RecordedEvent e) {
    switch (e.type()) {
      case AllianceEvents.PLEDGE_REGISTERED: {
        Pledge p = AllianceEvents.pledged(e);
        if (pledges.containsKey(p.id())) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + tenant
              + " registers a pledge that exists");
        }
        pledges.put(p.id(), p);
        break;
      }
      case AllianceEvents.DELIVERY_RECORDED: {
        Map.Entry<Delivery, LocalDate> d = AllianceEvents.delivered(e, clock.getZone());
        if (!pledges.containsKey(d.getKey().pledgeId())) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + tenant
              + " delivers under a pledge never registered");
        }
        add(d.getKey(), d.getValue());
        break;
      }
      default:
        throw AllianceEvents.unknown(e);
    }
  }

  private void add(Delivery d, LocalDate day) {
    deliveries.add(d);
    days.add(day);
    byPledge.computeIfAbsent(d.pledgeId(), k -> new ArrayList<>()).add(d);
    daysByPledge.computeIfAbsent(d.pledgeId(), k -> new ArrayList<>()).add(day);
    unitsByDay.computeIfAbsent(d.pledgeId(), k -> new TreeMap<>()).merge(day, (long) d.units(), Long::sum);
  }

  // --------------------------------------------------------------------------------- commands

  Pledge register(String commandId, Actor actor, Pledge pledge) {
    return execute(commandId, () -> {
      members.catchUp();
      Member m = members.require(pledge.member());
      MemberBook.requireForMember(actor, m, PLEDGE_ROLES, "pledge.register");
      if (pledges.containsKey(pledge.id())) {
        throw new ConflictException("pledge " + pledge.id() + " already exists");
      }
      MemberStatus s = members.status(m.id());
      if (s != MemberStatus.ACTIVE) {
        throw new ConflictException("member " + m.id() + " is " + s + ": only an active member can pledge");
      }
      StreamId ms = members.stream(m.id());
      return AppendRequest.to(stream(pledge.id()), AppendRequest.NO_STREAM, AllianceEvents.pledged(pledge, actor.id(), clock.instant()))
          .expect(ms, members.version(ms));
    }, recorded -> {
      Pledge p = pledges.get(pledge.id());
      if (recorded.isEmpty() || !recorded.get(0).type().equals(AllianceEvents.PLEDGE_REGISTERED) || p == null) {
        throw new ConflictException("the command id was recorded for another command (no registration of pledge " + pledge.id() + ")");
      }
      return p;
    });
  }

  Delivery recordDelivery(String commandId, Actor actor, String pledgeId, int units) {
    return execute(commandId, () -> {
      members.catchUp();
      Pledge p = require(pledgeId);
      MemberBook.requireForMember(actor, members.require(p.member()), USE_ROLES, "pledge.recordDelivery");
      if (units <= 0) {
        throw new ValidationException("delivery.units", units, "must be positive");
      }
      LocalDate today = LocalDate.now(clock);
      if (!p.validOn(today)) {
        throw new ConflictException("pledge " + pledgeId + " is not valid on " + today + " (validity " + p.validity() + ")");
      }
      MemberStatus s = members.status(p.member());
      if (s != MemberStatus.ACTIVE) {
        throw new ConflictException("member " + p.member() + " is " + s + ": it cannot deliver under a pledge");
      }
      Delivery d = Delivery.builder().pledgeId(pledgeId).units(units).actorId(actor.id()).at(clock.instant()).build();
      StreamId ms = members.stream(p.member());
      return AppendRequest.to(stream(pledgeId), version(stream(pledgeId)), AllianceEvents.delivered(d, LocalDate.ofInstant(d.at(),
          clock.getZone()))).expect(ms, members.version(ms));
    }, recorded -> delivery(recorded, pledgeId));
  }

  Delivery recordUse(String commandId, Actor actor, String cardId, String pledgeId) {
    return execute(commandId, () -> {
      members.catchUp();
      cards.catchUp();
      BenefitCard c = cards.view(cardId);
      Pledge p = require(pledgeId);
      MemberBook.requireForMember(actor, members.require(p.member()), USE_ROLES, "card.recordUse");
      Access a = opens(c, p);
      if (!a.opens()) {
        Refusal r = a.refusal().get();
        throw new ConflictException("card " + c.id() + " does not open pledge " + pledgeId + ": " + r + " (" + r.label().en() + ")");
      }
      Delivery d = Delivery.builder().pledgeId(pledgeId).cardId(cardId).units(1).actorId(actor.id()).at(clock.instant()).build();
      StreamId ms = members.stream(p.member());
      StreamId cs = cards.stream(cardId);
      StreamId hs = cards.holderStream(c.holder());
      return AppendRequest.to(stream(pledgeId), version(stream(pledgeId)), AllianceEvents.delivered(d, LocalDate.ofInstant(d.at(),
          clock.getZone()))).expect(ms, members.version(ms)).expect(cs, cards.version(cs)).expect(hs, cards.version(hs));
    }, recorded -> delivery(recorded, pledgeId));
  }

  private Delivery delivery(List<RecordedEvent> recorded, String pledgeId) {
    if (recorded.size() != 1 || !recorded.get(0).type().equals(AllianceEvents.DELIVERY_RECORDED)
        || !recorded.get(0).stream().equals(stream(pledgeId))) {
      throw new ConflictException("the command id was recorded for another command (no delivery under pledge " + pledgeId + ")");
    }
    return AllianceEvents.delivered(recorded.get(0), clock.getZone()).getKey();
  }

  /** Whether a card opens a pledge today; see {@link Alliance#opens(BenefitCard, Pledge)}. */
  synchronized Access opens(BenefitCard c, Pledge p) {
    LocalDate today = LocalDate.now(clock);
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
    if (members.status(p.member()) != MemberStatus.ACTIVE) {
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

  // ---------------------------------------------------------------------------------- queries

  synchronized Pledge require(String pledgeId) {
    Pledge p = pledgeId == null ? null : pledges.get(pledgeId);
    if (p == null) {
      throw new NotFoundException("pledge", pledgeId);
    }
    return p;
  }

  synchronized List<Pledge> all() {
    return List.copyOf(pledges.values());
  }

  synchronized List<Delivery> deliveries(String pledgeId) {
    require(pledgeId);
    return List.copyOf(byPledge.getOrDefault(pledgeId, List.of()));
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized int deliveryCount() {
    return deliveries.size();
  }

  /** Units delivered on days in {@code [from, until)}: O(log n + days with deliveries in range). */
  synchronized long delivered(String pledgeId, LocalDate from, LocalDate until) {
    TreeMap<LocalDate, Long> d = unitsByDay.get(pledgeId);
    if (d == null || !from.isBefore(until)) {
      return 0;
    }
    long n = 0;
    for (long units : d.subMap(from, true, until, false).values()) {
      n += units;
    }
    return n;
  }

  /** Card uses and units of a pledge's deliveries on days in a period: {uses, units}. */
  synchronized long[] usesAndUnits(String pledgeId, io.github.linli.core.Period period) {
    long uses = 0;
    long units = 0;
    List<Delivery> l = byPledge.getOrDefault(pledgeId, List.of());
    List<LocalDate> d = daysByPledge.getOrDefault(pledgeId, List.of());
    for (int i = 0; i < l.size(); i++) {
      if (period.contains(d.get(i))) {
        units += l.get(i).units();
        uses += l.get(i).cardId().isPresent() ? 1 : 0;
      }
    }
    return new long[] {uses, units};
  }

  // --------------------------------------------------------------------------------- snapshot

  static final String SNAPSHOT = "alliance-pledges";
  private static final String FORMAT = "linli.alliance-pledges";
  private static final List<String> STATE = List.of("format", "version", "position", "streams", "pledges", "deliveries");
  private static final List<String> DELIVERY = List.of("pledgeId", "cardId", "units", "actorId", "at", "day");

  synchronized void saveSnapshot() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("format", FORMAT);
    o.put("version", 1);
    o.put("position", position());
    o.put("streams", Snapshots.versions(versions()));
    List<Object> ps = new ArrayList<>();
    for (Pledge p : pledges.values()) {
      ps.add(SnapshotJson.pledge(p));
    }
    o.put("pledges", ps);
    List<Object> ds = new ArrayList<>();
    for (int i = 0; i < deliveries.size(); i++) {
      Map<String, Object> d = SnapshotJson.delivery(deliveries.get(i));
      d.put("day", days.get(i).toString());
      ds.add(d);
    }
    o.put("deliveries", ds);
    saveSnapshot(SNAPSHOT, "AlliancePledges", 1, Json.write(o));
  }

  synchronized boolean loadSnapshot() {
    return Snapshots.load(store, snapshotStream(SNAPSHOT), "AlliancePledges", FORMAT, this::readSnapshot, this::clear);
  }

  private void readSnapshot(Map<String, Object> root) {
    JsonFields f = new JsonFields(root, "", STATE);
    List<Object> ps = f.array("pledges");
    for (int i = 0; i < ps.size(); i++) {
      Pledge p = SnapshotJson.pledge(f.element("pledges", i, ps.get(i), SnapshotJson.pledgeFields(ps.get(i))));
      pledges.put(p.id(), p);
    }
    List<Object> ds = f.array("deliveries");
    for (int i = 0; i < ds.size(); i++) {
      JsonFields d = f.element("deliveries", i, ds.get(i), DELIVERY);
      LocalDate day = d.date("day", false);
      Map<String, Object> rest = new LinkedHashMap<>(castMap(ds.get(i)));
      rest.remove("day");
      add(SnapshotJson.delivery(new JsonFields(rest, "deliveries", SnapshotJson.DELIVERY)), day);
    }
    restored(f.integer("position", 0, Long.MAX_VALUE), Snapshots.versions(tenant, f.array("streams")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  private void clear() {
    pledges.clear();
    deliveries.clear();
    days.clear();
    byPledge.clear();
    unitsByDay.clear();
    daysByPledge.clear();
    restored(0, Map.of());
  }
}

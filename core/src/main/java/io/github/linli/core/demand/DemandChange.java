package io.github.linli.core.demand;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One change of a demand, the typed event of its stream (category {@code demand}, id the demand's
 * id), and the one place a demand changes: {@link #apply(Demand)}, used by the in-memory intake
 * directly and by the store-backed one for events it appends and events it loads.
 *
 * <p>Stored form: a JSON object per type, version 1 unless said (see {@link #encode()}). It holds
 * opaque ids, the grid cell, the classification, states and times, never the need's text, point or
 * household flags: those stay in the personal-data store under the opaque {@code personal} record
 * id (and, in memory only, in this object's transient fields).
 *
 * <p>Immutable.
 */
final class DemandChange {
  /** The event types, one per lifecycle step. */
  enum Kind {
    SUBMITTED("DemandSubmitted", DemandState.SUBMITTED, 1),
    CLASSIFIED("DemandClassified", DemandState.CLASSIFIED, 2),
    MATCHED("DemandMatched", DemandState.MATCHED, 1),
    STARTED("DemandServiceStarted", DemandState.IN_SERVICE, 1),
    FULFILLED("DemandFulfilled", DemandState.FULFILLED, 1),
    UNMET("DemandUnmet", DemandState.UNMET, 1),
    WITHDRAWN("DemandWithdrawn", DemandState.WITHDRAWN, 1),
    RETURNED("DemandReturnedToQueue", DemandState.CLASSIFIED, 1);

    final String type;
    final DemandState state;
    final int version;

    Kind(String type, DemandState state, int version) {
      this.type = type;
      this.state = state;
      this.version = version;
    }
  }

  /** The stream category of demands. */
  static final String CATEGORY = "demand";

  private static final Set<String> NAMES = Set.of("id", "requester", "gridCell", "wantedStart", "wantedEnd", "personal",
      "at", "actor", "tier", "domain", "domainZh", "domainEn", "domainParent", "urgency", "level", "confidence",
      "needsReview", "assignee", "satisfaction");

  final Kind kind;
  final String demandId;
  final Instant at;
  final String actorId;
  // submitted
  final ResidentId requester;
  final String gridCell;
  final TimeWindow wanted;
  final String personal;
  final String text; // transient: never encoded
  final GeoPoint point; // transient
  final Set<HouseholdFlag> flags; // transient
  // classified
  final MaslowTier tier;
  final ServiceDomain domain;
  final Urgency urgency;
  final ResponseLevel level;
  final OptionalDouble confidence;
  final boolean needsReview;
  // matched
  final String assignee;
  // closed
  final OptionalInt satisfaction;

  private DemandChange(Kind kind, String demandId, Instant at, String actorId, ResidentId requester, String gridCell,
      TimeWindow wanted, String personal, String text, GeoPoint point, Set<HouseholdFlag> flags, MaslowTier tier,
      ServiceDomain domain, Urgency urgency, ResponseLevel level, OptionalDouble confidence, boolean needsReview,
      String assignee, OptionalInt satisfaction) {
    this.kind = kind;
    this.demandId = demandId;
    this.at = at;
    this.actorId = actorId;
    this.requester = requester;
    this.gridCell = gridCell;
    this.wanted = wanted;
    this.personal = personal;
    this.text = text;
    this.point = point;
    this.flags = flags;
    this.tier = tier;
    this.domain = domain;
    this.urgency = urgency;
    this.level = level;
    this.confidence = confidence;
    this.needsReview = needsReview;
    this.assignee = assignee;
    this.satisfaction = satisfaction;
  }

  static DemandChange submitted(DemandRequest r, Instant at, String actorId, String personal) {
    return new DemandChange(Kind.SUBMITTED, r.id(), at, actorId, r.requester(), r.gridCell().orElse(null),
        r.wanted().orElse(null), personal, r.text(), r.point().orElse(null), Set.copyOf(r.householdFlags()), null, null,
        null, null, OptionalDouble.empty(), false, null, OptionalInt.empty());
  }

  static DemandChange classified(String id, Instant at, String actorId, MaslowTier tier, ServiceDomain domain,
      Urgency urgency, ResponseLevel level, OptionalDouble confidence, boolean needsReview) {
    return new DemandChange(Kind.CLASSIFIED, id, at, actorId, null, null, null, null, null, null, null, tier, domain,
        urgency, level, confidence, needsReview, null, OptionalInt.empty());
  }

  static DemandChange moved(Kind kind, String id, Instant at, String actorId, String assignee, OptionalInt satisfaction) {
    return new DemandChange(kind, id, at, actorId, null, null, null, null, null, null, null, null, null, null, null,
        OptionalDouble.empty(), false, assignee, satisfaction);
  }

  /**
   * The demand after this change.
   *
   * @param before the demand, null for {@link Kind#SUBMITTED}
   * @return the new demand
   */
  Demand apply(Demand before) {
    if (kind == Kind.SUBMITTED) {
      Demand.Builder b = Demand.builder()
          .id(demandId)
          .requester(requester)
          .text(text == null ? "" : text)
          .point(Optional.ofNullable(point))
          .gridCell(Optional.ofNullable(gridCell))
          .wanted(Optional.ofNullable(wanted))
          .householdFlags(flags == null ? Set.of() : flags)
          .createdAt(at)
          .state(DemandState.SUBMITTED)
          .addHistory(DemandEvent.of(DemandState.SUBMITTED, at, actorId));
      return b.build();
    }
    List<DemandEvent> history = new ArrayList<>(before.history());
    history.add(DemandEvent.of(kind.state, at, actorId));
    Demand.Builder b = Demand.builder();
    b.from(before);
    b.state(kind.state).history(history);
    switch (kind) {
      case CLASSIFIED:
        b.domain(domain).tier(tier).urgency(urgency).responseLevel(level).confidence(confidence).needsReview(needsReview);
        break;
      case MATCHED:
        if (assignee != null) {
          b.assignee(assignee);
        }
        break;
      case FULFILLED:
      case UNMET:
        b.closedAt(at).satisfaction(satisfaction);
        break;
      case WITHDRAWN:
        b.closedAt(at);
        break;
      case RETURNED:
        b.assignee(Optional.empty());
        break;
      default:
        break;
    }
    return b.build();
  }

  /**
   * The stored form. {@code DemandSubmitted}: id, requester, gridCell, wantedStart, wantedEnd,
   * personal (the record id in the personal-data store), at, actor. {@code DemandClassified} v2:
   * tier, domain, domainZh, domainEn, domainParent, urgency, level, confidence, needsReview, at,
   * actor (v1 had no level: it is the tier's level under the default mapping). {@code
   * DemandMatched}: assignee, at, actor. {@code DemandFulfilled}, {@code DemandUnmet}: satisfaction,
   * at, actor. Others: at, actor.
   */
  EventData encode() {
    Map<String, Object> f = Json.fields();
    switch (kind) {
      case SUBMITTED:
        f.put("id", demandId);
        f.put("requester", requester.value());
        f.put("gridCell", gridCell == null ? Json.NULL : gridCell);
        f.put("wantedStart", wanted == null ? Json.NULL : wanted.start().toString());
        f.put("wantedEnd", wanted == null ? Json.NULL : wanted.end().toString());
        f.put("personal", personal);
        break;
      case CLASSIFIED:
        f.put("tier", tier.name());
        f.put("domain", domain.id());
        f.put("domainZh", domain.label().zh());
        f.put("domainEn", domain.label().en());
        f.put("domainParent", domain.parentId().isPresent() ? domain.parentId().get() : Json.NULL);
        f.put("urgency", urgency.name());
        f.put("level", level.name());
        f.put("confidence", confidence.isPresent() ? (Object) confidence.getAsDouble() : Json.NULL);
        f.put("needsReview", needsReview);
        break;
      case MATCHED:
        f.put("assignee", assignee == null ? Json.NULL : assignee);
        break;
      case FULFILLED:
      case UNMET:
        f.put("satisfaction", satisfaction.getAsInt());
        break;
      default:
        break;
    }
    f.put("at", at.toString());
    f.put("actor", actorId);
    return EventData.of(kind.type, kind.version, Json.write(f));
  }

  /**
   * Reads a recorded event, upcasting older versions.
   *
   * @param e the event
   * @return the change
   * @throws ConsistencyException naming tenant, stream and version if it cannot be read
   */
  static DemandChange decode(RecordedEvent e) {
    Kind kind = null;
    for (Kind k : Kind.values()) {
      if (k.type.equals(e.type())) {
        kind = k;
      }
    }
    if (kind == null || e.typeVersion() < 1 || e.typeVersion() > kind.version) {
      throw new ConsistencyException("demand event " + e.stream() + " version " + e.version() + " has type " + e.type()
          + " v" + e.typeVersion() + ", which this Linli does not read (tenant " + e.stream().tenant() + ")");
    }
    try {
      return read(kind, e);
    } catch (ValidationException | IllegalArgumentException | IllegalStateException | NullPointerException x) {
      throw new ConsistencyException("demand event " + e.stream() + " version " + e.version() + " (" + e.type() + " v"
          + e.typeVersion() + ", tenant " + e.stream().tenant() + ") is damaged: " + x.getMessage(), x);
    }
  }

  private static DemandChange read(Kind kind, RecordedEvent e) {
    Map<String, Object> m = Json.parse(e.json(), NAMES);
    String id = e.stream().id();
    switch (kind) {
      case SUBMITTED: {
        JsonFields f = new JsonFields(m, "", List.of("id", "requester", "gridCell", "wantedStart", "wantedEnd", "personal", "at", "actor"));
        if (!f.id("id").equals(id)) {
          throw new ValidationException("id", "(another demand)", "must be the stream's demand id");
        }
        Optional<String> ws = f.optString("wantedStart");
        Optional<String> we = f.optString("wantedEnd");
        TimeWindow wanted = ws.isPresent() && we.isPresent() ? TimeWindow.of(Instant.parse(ws.get()), Instant.parse(we.get())) : null;
        return new DemandChange(kind, id, f.instant("at"), f.id("actor"), ResidentId.of(f.id("requester")),
            f.optString("gridCell").orElse(null), wanted, f.id("personal"), null, null, null, null, null, null, null,
            OptionalDouble.empty(), false, null, OptionalInt.empty());
      }
      case CLASSIFIED: {
        List<String> fields = new ArrayList<>(List.of("tier", "domain", "domainZh", "domainEn", "domainParent", "urgency",
            "confidence", "needsReview", "at", "actor"));
        if (e.typeVersion() >= 2) {
          fields.add("level");
        }
        JsonFields f = new JsonFields(m, "", fields);
        MaslowTier tier = f.enumValue("tier", MaslowTier.class);
        ResponseLevel level = e.typeVersion() >= 2
            ? f.enumValue("level", ResponseLevel.class)
            : ResponseMapping.defaults().levelFor(tier); // v1 kept no level: it was the default mapping's
        Object conf = m.get("confidence");
        OptionalDouble confidence = conf == Json.NULL ? OptionalDouble.empty() : OptionalDouble.of(f.decimal("confidence", 0, 1));
        return classified(id, f.instant("at"), f.id("actor"), tier, domain(f), f.enumValue("urgency", Urgency.class), level,
            confidence, f.bool("needsReview"));
      }
      case MATCHED: {
        JsonFields f = new JsonFields(m, "", List.of("assignee", "at", "actor"));
        return moved(kind, id, f.instant("at"), f.id("actor"), f.optString("assignee").orElse(null), OptionalInt.empty());
      }
      case FULFILLED:
      case UNMET: {
        JsonFields f = new JsonFields(m, "", List.of("satisfaction", "at", "actor"));
        return moved(kind, id, f.instant("at"), f.id("actor"), null, OptionalInt.of((int) f.integer("satisfaction", 1, 5)));
      }
      default: {
        JsonFields f = new JsonFields(m, "", List.of("at", "actor"));
        return moved(kind, id, f.instant("at"), f.id("actor"), null, OptionalInt.empty());
      }
    }
  }

  private static ServiceDomain domain(JsonFields f) {
    String id = f.id("domain");
    Label label = Label.of(f.string("domainZh"), f.string("domainEn"));
    Optional<String> parent = f.optString("domainParent");
    Optional<ServiceDomain> known = DomainTaxonomy.defaultTaxonomy().find(id);
    if (known.isPresent() && known.get().label().equals(label) && known.get().parentId().equals(parent)) {
      return known.get();
    }
    return parent.isPresent() ? ServiceDomain.of(id, label, ServiceDomain.of(parent.get(), label)) : ServiceDomain.of(id, label);
  }
}

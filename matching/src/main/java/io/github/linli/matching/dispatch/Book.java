package io.github.linli.matching.dispatch;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.FeedState;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import io.github.linli.matching.Offer;
import io.github.linli.matching.PriceTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dispatch state of one community, kept from its feed (categories {@code dispatch-offer} and
 * {@code dispatch-need}): the listed offers, every need with its commitments, and the live holders
 * of each slot. Changes only in {@link #apply}. Not API; guarded by its lock (commands run under
 * it, readers take it).
 *
 * <table>
 *   <caption>Events</caption>
 *   <tr><th>stream</th><th>type v1</th><th>fields</th></tr>
 *   <tr><td>dispatch-offer/&lt;id&gt;</td><td>OfferListed</td><td>offer, cadence, actorId, at</td></tr>
 *   <tr><td></td><td>OfferSuspended</td><td>reason, actorId, at</td></tr>
 *   <tr><td>dispatch-need/&lt;id&gt;</td><td>NeedQueued</td><td>tier, urgency, domain, neighbourhood, from, to, actorId, at</td></tr>
 *   <tr><td></td><td>Promised</td><td>n, offer, period, moves, actorId, at</td></tr>
 *   <tr><td></td><td>Started, Delivered</td><td>n, actorId, at</td></tr>
 *   <tr><td></td><td>Released</td><td>n, reason, forNeed, actorId, at</td></tr>
 *   <tr><td></td><td>NeedWithdrawn</td><td>actorId, at</td></tr>
 * </table>
 */
final class Book extends FeedState {
  static final String OFFER = "dispatch-offer";
  static final String NEED = "dispatch-need";

  static final String OFFER_LISTED = "OfferListed";
  static final String OFFER_SUSPENDED = "OfferSuspended";
  static final String NEED_QUEUED = "NeedQueued";
  static final String PROMISED = "Promised";
  static final String STARTED = "Started";
  static final String DELIVERED = "Delivered";
  static final String RELEASED = "Released";
  static final String WITHDRAWN = "NeedWithdrawn";

  private static final List<String> OFFER_FIELDS = List.of("id", "provider", "volunteer", "domains", "tiers", "capacity",
      "cardHoldersOnly", "minAge", "maxAge", "householdFlags", "areas", "latitude", "longitude", "radiusMetres", "from", "to",
      "fullPriceFen", "cardPriceFen");
  private static final List<String> DOMAIN_FIELDS = List.of("id", "zh", "en");
  private static final Set<String> NAMES = new java.util.HashSet<>(List.of("offer", "cadence", "actorId", "at", "reason", "tier",
      "urgency", "domain", "neighbourhood", "from", "to", "n", "period", "moves", "forNeed"));

  static {
    NAMES.addAll(OFFER_FIELDS);
  }

  /** A listed offer: its terms for one period of its cadence, and whether it is suspended. */
  static final class OfferEntry {
    final Offer terms;
    final Cadence cadence;
    final boolean suspended;

    OfferEntry(Offer terms, Cadence cadence, boolean suspended) {
      this.terms = terms;
      this.cadence = cadence;
      this.suspended = suspended;
    }
  }

  /** A need as dispatch keeps it: no personal data. */
  static final class NeedEntry {
    final String id;
    final MaslowTier tier;
    final Urgency urgency;
    final ServiceDomain domain;
    final String neighbourhood;
    final TimeWindow wanted; // null: the offers' current and next periods
    final Instant queuedAt;
    final List<Commitment> history = new ArrayList<>();
    boolean closed;
    int moves;

    NeedEntry(String id, MaslowTier tier, Urgency urgency, ServiceDomain domain, String neighbourhood, TimeWindow wanted, Instant at) {
      this.id = id;
      this.tier = tier;
      this.urgency = urgency;
      this.domain = domain;
      this.neighbourhood = neighbourhood;
      this.wanted = wanted;
      this.queuedAt = at;
    }

    /** The last commitment, if it holds capacity and is not delivered. */
    Commitment live() {
      if (history.isEmpty()) {
        return null;
      }
      Commitment c = history.get(history.size() - 1);
      return c.state() == CommitmentState.PROMISED || c.state() == CommitmentState.STARTED ? c : null;
    }

    boolean queued() {
      return !closed && live() == null;
    }
  }

  final Map<String, OfferEntry> offers = new TreeMap<>();
  final Map<String, NeedEntry> needs = new TreeMap<>();
  /** Slot key → need ids whose commitment there holds capacity (promised, started or delivered). */
  final Map<String, Set<String>> holders = new HashMap<>();

  Book(EventStore store, String tenant) {
    super(store, tenant, List.of(OFFER, NEED));
  }

  StreamId offerStream(String id) {
    return StreamId.of(tenant, OFFER, id);
  }

  StreamId needStream(String id) {
    return StreamId.of(tenant, NEED, id);
  }

  <R> R run(String commandId, Supplier<AppendRequest> decide, Function<List<RecordedEvent>, R> result) {
    return execute(commandId, decide, result);
  }

  int used(String slot) {
    Set<String> h = holders.get(slot);
    return h == null ? 0 : h.size();
  }

  // ------------------------------------------------------------------------------- apply

  @Override
  protected void apply(RecordedEvent e) {
    String id = e.stream().id();
    if (e.typeVersion() != 1) {
      throw unknown(e);
    }
    JsonFields f;
    switch (e.type()) {
      case OFFER_LISTED: {
        f = read(e, List.of("offer", "cadence", "actorId", "at"));
        JsonFields o = f.obj("offer", OFFER_FIELDS);
        Offer terms = decode(e, () -> offer(o));
        Cadence cadence = decode(e, () -> f.enumValue("cadence", Cadence.class));
        if (!terms.id().equals(id)) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " lists offer " + terms.id());
        }
        offers.put(id, new OfferEntry(terms, cadence, false));
        return;
      }
      case OFFER_SUSPENDED: {
        read(e, List.of("reason", "actorId", "at"));
        OfferEntry o = offers.get(id);
        if (o == null) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " suspends an offer never listed");
        }
        offers.put(id, new OfferEntry(o.terms, o.cadence, true));
        return;
      }
      case NEED_QUEUED: {
        f = read(e, List.of("tier", "urgency", "domain", "neighbourhood", "from", "to", "actorId", "at"));
        JsonFields ff = f;
        NeedEntry n = decode(e, () -> {
          JsonFields d = ff.obj("domain", DOMAIN_FIELDS);
          Optional<String> from = ff.optString("from");
          TimeWindow w = from.isPresent() ? TimeWindow.of(Instant.parse(from.get()), Instant.parse(ff.string("to"))) : null;
          return new NeedEntry(id, ff.enumValue("tier", MaslowTier.class), ff.enumValue("urgency", Urgency.class),
              domain(d), ff.id("neighbourhood"), w, ff.instant("at"));
        });
        if (needs.containsKey(id)) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " queues need " + id + " again");
        }
        needs.put(id, n);
        return;
      }
      default:
        break;
    }
    NeedEntry n = needs.get(id);
    if (n == null) {
      throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " (" + e.type() + ") before NeedQueued");
    }
    switch (e.type()) {
      case PROMISED: {
        f = read(e, List.of("n", "offer", "period", "moves", "actorId", "at"));
        JsonFields ff = f;
        int k = decode(e, () -> (int) ff.integer("n", 1, Integer.MAX_VALUE));
        String offer = decode(e, () -> ff.id("offer"));
        LocalDate period = decode(e, () -> ff.date("period", false));
        int moves = decode(e, () -> (int) ff.integer("moves", 0, Integer.MAX_VALUE));
        Instant at = decode(e, () -> ff.instant("at"));
        if (k != n.history.size() + 1 || n.live() != null || n.closed) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " promises commitment " + k
              + " out of order");
        }
        Commitment c = new Commitment(id + "#" + k, id, offer, period, CommitmentState.PROMISED, Optional.empty(), Optional.empty(),
            moves, at, at);
        n.history.add(c);
        n.moves = moves;
        holders.computeIfAbsent(c.slot(), x -> new LinkedHashSet<>()).add(id);
        return;
      }
      case STARTED:
      case DELIVERED:
      case RELEASED: {
        boolean released = e.type().equals(RELEASED);
        f = released ? read(e, List.of("n", "reason", "forNeed", "actorId", "at")) : read(e, List.of("n", "actorId", "at"));
        JsonFields ff = f;
        int k = decode(e, () -> (int) ff.integer("n", 1, Integer.MAX_VALUE));
        Instant at = decode(e, () -> ff.instant("at"));
        if (k != n.history.size()) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " names commitment " + k);
        }
        Commitment c = n.history.get(k - 1);
        CommitmentState next = e.type().equals(STARTED) ? CommitmentState.STARTED
            : e.type().equals(DELIVERED) ? CommitmentState.DELIVERED : CommitmentState.RELEASED;
        Optional<ReleaseReason> reason = released ? Optional.of(decode(e, () -> ff.enumValue("reason", ReleaseReason.class)))
            : Optional.empty();
        Optional<String> forNeed = released ? decode(e, () -> ff.optString("forNeed")) : Optional.empty();
        n.history.set(k - 1, c.moved(next, reason, forNeed, at));
        if (released) {
          Set<String> h = holders.get(c.slot());
          if (h != null) {
            h.remove(id);
          }
          if (reason.get() == ReleaseReason.WITHDRAWN) {
            n.closed = true;
          }
        }
        if (next == CommitmentState.DELIVERED) {
          n.closed = true;
        }
        return;
      }
      case WITHDRAWN:
        read(e, List.of("actorId", "at"));
        n.closed = true;
        return;
      default:
        throw unknown(e);
    }
  }

  private static JsonFields read(RecordedEvent e, List<String> expected) {
    try {
      return new JsonFields(Json.parse(e.json(), NAMES), "", expected);
    } catch (ValidationException v) {
      throw damaged(e, v);
    }
  }

  private static <T> T decode(RecordedEvent e, Supplier<T> step) {
    try {
      return step.get();
    } catch (ValidationException | java.time.DateTimeException v) {
      throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " (" + e.type() + " v" + e.typeVersion()
          + ") cannot be read: " + v.getMessage(), v);
    }
  }

  private static ConsistencyException damaged(RecordedEvent e, ValidationException v) {
    return new ConsistencyException("event " + e.stream() + " version " + e.version() + " (" + e.type() + " v" + e.typeVersion()
        + ") cannot be read: " + v.getMessage(), v);
  }

  private static ConsistencyException unknown(RecordedEvent e) {
    return new ConsistencyException("event " + e.stream() + " version " + e.version() + " has type " + e.type() + " v"
        + e.typeVersion() + ", which this Linli does not know: upgrade Linli before loading");
  }

  // ------------------------------------------------------------------------------- events

  static EventData listed(Offer o, Cadence cadence, String actorId, Instant at) {
    List<Object> domains = new ArrayList<>();
    for (ServiceDomain d : new java.util.TreeSet<>(o.domains())) {
      domains.add(Json.fields("id", d.id(), "zh", d.label().zh(), "en", d.label().en()));
    }
    PledgeEligibility el = o.eligibility();
    Map<String, Object> offer = Json.fields("id", o.id(), "provider", o.provider().map(MemberId::value).orElse(null),
        "volunteer", o.volunteer().map(ResidentId::value).orElse(null), "domains", domains, "tiers", Json.names(o.tiers()),
        "capacity", o.capacity(), "cardHoldersOnly", el.cardHoldersOnly(), "minAge", el.minAge().orElse(null),
        "maxAge", el.maxAge().orElse(null), "householdFlags", Json.names(el.householdFlags()),
        "areas", new ArrayList<Object>(new java.util.TreeSet<>(el.areas())), "latitude", o.place().latitude(),
        "longitude", o.place().longitude(), "radiusMetres", o.radiusMetres(), "from", o.availability().start().toString(),
        "to", o.availability().end().toString(), "fullPriceFen", o.price().fullPriceFen(), "cardPriceFen", o.price().cardHolderPriceFen());
    return EventData.of(OFFER_LISTED, 1, Json.write(Json.fields("offer", offer, "cadence", cadence.name(), "actorId", actorId,
        "at", at.toString())));
  }

  private static Offer offer(JsonFields o) {
    Offer.Builder b = Offer.builder().id(o.id("id"));
    o.optString("provider").ifPresent(p -> b.provider(MemberId.of(p)));
    o.optString("volunteer").ifPresent(v -> b.volunteer(ResidentId.of(v)));
    List<Object> ds = o.array("domains");
    for (int i = 0; i < ds.size(); i++) {
      b.addDomains(domain(o.element("domains", i, ds.get(i), DOMAIN_FIELDS)));
    }
    b.tiers(o.enumSet("tiers", MaslowTier.class));
    b.capacity((int) o.integer("capacity", 0, Integer.MAX_VALUE));
    PledgeEligibility.Builder el = PledgeEligibility.builder().cardHoldersOnly(o.bool("cardHoldersOnly"));
    o.optInt("minAge").ifPresent(el::minAge);
    o.optInt("maxAge").ifPresent(el::maxAge);
    Set<HouseholdFlag> flags = o.enumSet("householdFlags", HouseholdFlag.class);
    el.householdFlags(flags.isEmpty() ? EnumSet.noneOf(HouseholdFlag.class) : flags);
    el.areas(o.stringSet("areas", false));
    b.eligibility(el.build());
    b.place(GeoPoint.of(o.decimal("latitude", -90, 90), o.decimal("longitude", -180, 180)));
    b.radiusMetres(o.decimal("radiusMetres", 0, Double.MAX_VALUE));
    b.availability(TimeWindow.of(o.instant("from"), o.instant("to")));
    long full = o.integer("fullPriceFen", 0, Long.MAX_VALUE);
    long card = o.integer("cardPriceFen", 0, Long.MAX_VALUE);
    b.price(full == 0 && card == 0 ? PriceTerms.free() : PriceTerms.of(full, card));
    return b.build();
  }

  private static ServiceDomain domain(JsonFields d) {
    String id = d.string("id");
    for (ServiceDomain known : ServiceDomain.defaults()) {
      if (known.id().equals(id)) {
        return known;
      }
    }
    return ServiceDomain.of(id, Label.of(d.string("zh"), d.string("en")));
  }

  static EventData suspended(ReleaseReason reason, String actorId, Instant at) {
    return EventData.of(OFFER_SUSPENDED, 1, Json.write(Json.fields("reason", reason.name(), "actorId", actorId, "at", at.toString())));
  }

  static EventData queued(String needId, MaslowTier tier, Urgency urgency, ServiceDomain domain, String neighbourhood,
      TimeWindow wanted, String actorId, Instant at) {
    Map<String, Object> d = Json.fields("id", domain.id(), "zh", domain.label().zh(), "en", domain.label().en());
    return EventData.of(NEED_QUEUED, 1, Json.write(Json.fields("tier", tier.name(), "urgency", urgency.name(), "domain", d,
        "neighbourhood", neighbourhood, "from", wanted == null ? null : wanted.start().toString(),
        "to", wanted == null ? null : wanted.end().toString(), "actorId", actorId, "at", at.toString())));
  }

  static EventData promised(int n, String offerId, LocalDate period, int moves, String actorId, Instant at) {
    return EventData.of(PROMISED, 1, Json.write(Json.fields("n", n, "offer", offerId, "period", period.toString(), "moves", moves,
        "actorId", actorId, "at", at.toString())));
  }

  static EventData step(String type, int n, String actorId, Instant at) {
    return EventData.of(type, 1, Json.write(Json.fields("n", n, "actorId", actorId, "at", at.toString())));
  }

  static EventData released(int n, ReleaseReason reason, String forNeed, String actorId, Instant at) {
    return EventData.of(RELEASED, 1, Json.write(Json.fields("n", n, "reason", reason.name(), "forNeed", forNeed, "actorId", actorId,
        "at", at.toString())));
  }

  static EventData withdrawn(String actorId, Instant at) {
    return EventData.of(WITHDRAWN, 1, Json.write(Json.fields("actorId", actorId, "at", at.toString())));
  }

  /** Collects a command's writes, stream by stream, at the versions this state saw. */
  final class Writes {
    private final Map<StreamId, List<EventData>> byStream = new LinkedHashMap<>();

    void add(StreamId s, EventData e) {
      byStream.computeIfAbsent(s, x -> new ArrayList<>()).add(e);
    }

    boolean isEmpty() {
      return byStream.isEmpty();
    }

    AppendRequest request() {
      AppendRequest r = null;
      for (Map.Entry<StreamId, List<EventData>> w : byStream.entrySet()) {
        long v = version(w.getKey());
        r = r == null ? AppendRequest.to(w.getKey(), v, w.getValue()) : r.and(w.getKey(), v, w.getValue());
      }
      return r;
    }
  }
}

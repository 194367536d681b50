package io.github.linli.core.alliance;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of an {@link AllianceSnapshot}, format {@value #FORMAT} version {@value #VERSION}:
 * {@link AllianceSnapshot#toJson()} and {@link AllianceSnapshot#fromJson(String)}. The field names
 * are those of the accessors; enums by name, instants and dates in ISO-8601, an absent optional as
 * {@code null}, sets sorted and maps by key. Every field is written and every field is required on
 * reading. Stateless; thread-safe.
 */
final class SnapshotJson {
  static final String FORMAT = "linli.alliance-snapshot";
  static final int VERSION = 1;

  /** What a masked personal value shows in a message. */

  static final List<String> ROOT = List.of("format", "version", "id", "roles", "members", "events", "enactedResolutions",
      "pledges", "cards", "deliveries");
  static final List<String> MEMBER = List.of("id", "kind", "name", "community", "representatives", "contact", "parent",
      "followsParent");
  static final List<String> CONTACT = List.of("name", "phone");
  static final List<String> EVENT = List.of("sequence", "member", "action", "from", "to", "actorId", "authority",
      "resolutionId", "inheritedFrom", "at");
  static final List<String> PLEDGE = List.of("id", "member", "title", "domain", "tiers", "price", "capacity", "cadence",
      "eligibility", "place", "schedule", "sessions", "validity");
  /** A pledge with matching terms (0.3.0): old documents and events have none and keep reading. */
  static final List<String> PLEDGE_WITH_TERMS;
  static final List<String> OFFER_TERMS = List.of("radiusMetres", "marketPriceFen", "serviceAreas");

  static {
    List<String> l = new ArrayList<>(PLEDGE);
    l.add("offerTerms");
    PLEDGE_WITH_TERMS = List.copyOf(l);
  }

  /** The fields a stored pledge object must have: with {@code offerTerms} if it has that key. */
  static List<String> pledgeFields(Object raw) {
    return raw instanceof Map && ((Map<?, ?>) raw).containsKey("offerTerms") ? PLEDGE_WITH_TERMS : PLEDGE;
  }

  static final List<String> DOMAIN = List.of("id", "label", "parent");
  static final List<String> PRICE = List.of("kind", "discountPercent");
  static final List<String> ELIGIBILITY = List.of("cardHoldersOnly", "minAge", "maxAge", "householdFlags", "areas");
  static final List<String> PLACE = List.of("point", "gridCell");
  static final List<String> POINT = List.of("latitude", "longitude");
  static final List<String> WINDOW = List.of("start", "end");
  static final List<String> CARD = List.of("id", "holder", "birthDate", "householdFlags", "area", "validUntil", "status");
  static final List<String> DELIVERY = List.of("pledgeId", "cardId", "units", "actorId", "at");

  /** Every field name of the format: the names a message may show in a path. */
  static final Set<String> NAMES;

  static {
    Set<String> names = new HashSet<>();
    for (List<String> l : List.of(ROOT, JsonFields.LABEL, MEMBER, CONTACT, EVENT, PLEDGE_WITH_TERMS, OFFER_TERMS, DOMAIN, PRICE, ELIGIBILITY, PLACE, POINT, WINDOW, CARD,
        DELIVERY)) {
      names.addAll(l);
    }
    for (MembershipAction a : MembershipAction.values()) {
      names.add(a.name());
    }
    NAMES = Set.copyOf(names);
  }

  private SnapshotJson() {}

  // ------------------------------------------------------------------------------------- writing

  static String write(AllianceSnapshot s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("id", s.id());
    Map<String, Object> roles = new LinkedHashMap<>();
    List<MembershipAction> actions = new ArrayList<>(s.roles().keySet());
    actions.sort(Comparator.comparing(Enum::name));
    for (MembershipAction a : actions) {
      roles.put(a.name(), Json.names(s.roles().get(a)));
    }
    root.put("roles", roles);
    List<Object> members = new ArrayList<>();
    for (Member m : s.members()) {
      members.add(member(m, true));
    }
    root.put("members", members);
    List<Object> events = new ArrayList<>();
    for (MembershipEvent e : s.events()) {
      events.add(event(e));
    }
    root.put("events", events);
    root.put("enactedResolutions", sorted(s.enactedResolutions()));
    List<Object> pledges = new ArrayList<>();
    for (Pledge p : s.pledges()) {
      pledges.add(pledge(p));
    }
    root.put("pledges", pledges);
    List<Object> cards = new ArrayList<>();
    for (BenefitCard c : s.cards()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", c.id());
      o.put("holder", c.holder().value());
      o.put("birthDate", c.birthDate().map(LocalDate::toString).orElse(null));
      o.put("householdFlags", Json.names(c.householdFlags()));
      o.put("area", c.area().orElse(null));
      o.put("validUntil", c.validUntil().toString());
      o.put("status", c.status().name());
      cards.add(o);
    }
    root.put("cards", cards);
    List<Object> deliveries = new ArrayList<>();
    for (Delivery d : s.deliveries()) {
      deliveries.add(delivery(d));
    }
    root.put("deliveries", deliveries);
    return Json.write(root);
  }

  static Map<String, Object> member(Member m, boolean withContact) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", m.id().value());
    o.put("kind", m.kind().name());
    o.put("name", label(m.name()));
    o.put("community", m.community());
    o.put("representatives", sorted(m.representatives()));
    o.put("contact", !withContact ? Json.NULL : m.contact().map(c -> (Object) Json.fields("name", c.name(), "phone", c.phone())).orElse(Json.NULL));
    o.put("parent", m.parent().map(MemberId::value).orElse(null));
    o.put("followsParent", m.followsParent());
    return o;
  }

  static Map<String, Object> event(MembershipEvent e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("sequence", e.sequence());
    o.put("member", e.member().value());
    o.put("action", e.action().name());
    o.put("from", e.from().map(Enum::name).orElse(null));
    o.put("to", e.to().name());
    o.put("actorId", e.actorId());
    o.put("authority", e.authority());
    o.put("resolutionId", e.resolutionId().orElse(null));
    o.put("inheritedFrom", e.inheritedFrom().map(MemberId::value).orElse(null));
    o.put("at", e.at().toString());
    return o;
  }

  static Map<String, Object> pledge(Pledge p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", p.id());
    o.put("member", p.member().value());
    o.put("title", label(p.title()));
    o.put("domain", Json.fields("id", p.domain().id(), "label", label(p.domain().label()), "parent", p.domain().parentId().orElse(null)));
    o.put("tiers", Json.names(p.tiers()));
    o.put("price", Json.fields("kind", p.price().kind().name(), "discountPercent",
        p.price().discountPercent().isPresent() ? (Object) p.price().discountPercent().getAsInt() : null));
    o.put("capacity", p.capacity());
    o.put("cadence", p.cadence().name());
    PledgeEligibility el = p.eligibility();
    Map<String, Object> eligibility = new LinkedHashMap<>();
    eligibility.put("cardHoldersOnly", el.cardHoldersOnly());
    eligibility.put("minAge", el.minAge().orElse(null));
    eligibility.put("maxAge", el.maxAge().orElse(null));
    eligibility.put("householdFlags", Json.names(el.householdFlags()));
    eligibility.put("areas", sorted(el.areas()));
    o.put("eligibility", eligibility);
    o.put("place", p.place().map(pl -> (Object) Json.fields(
        "point", pl.point().map(g -> (Object) Json.fields("latitude", g.latitude(), "longitude", g.longitude())).orElse(null),
        "gridCell", pl.gridCell().orElse(null))).orElse(null));
    o.put("schedule", p.schedule().map(SnapshotJson::label).orElse(null));
    List<Object> sessions = new ArrayList<>();
    for (TimeWindow w : p.sessions()) {
      sessions.add(Json.fields("start", w.start().toString(), "end", w.end().toString()));
    }
    o.put("sessions", sessions);
    o.put("validity", Json.fields("start", p.validity().start().toString(), "end", p.validity().end().toString()));
    if (p.offerTerms().isPresent()) {
      OfferTerms t = p.offerTerms().get();
      o.put("offerTerms", Json.fields("radiusMetres", t.radiusMetres(), "marketPriceFen", t.marketPriceFen(),
          "serviceAreas", sorted(t.serviceAreas())));
    }
    return o;
  }

  static Map<String, Object> delivery(Delivery d) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("pledgeId", d.pledgeId());
    o.put("cardId", d.cardId().orElse(null));
    o.put("units", d.units());
    o.put("actorId", d.actorId());
    o.put("at", d.at().toString());
    return o;
  }

  static Map<String, Object> label(Label l) {
    return Json.fields("zh", l.zh(), "en", l.en());
  }

  static List<Object> sorted(Collection<String> values) {
    List<Object> out = new ArrayList<>(values);
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  // ------------------------------------------------------------------------------------- reading

  static AllianceSnapshot read(String json) {
    Map<String, Object> fields = Json.parse(json, NAMES);
    JsonFields.checkHeader(fields, FORMAT, VERSION, "alliance snapshot");
    JsonFields root = new JsonFields(fields, "", ROOT);
    AllianceSnapshot.Builder b = AllianceSnapshot.builder();
    b.id(root.id("id"));
    b.roles(roles(root.obj("roles")));
    List<Object> members = root.array("members");
    for (int i = 0; i < members.size(); i++) {
      b.addMembers(member(root.element("members", i, members.get(i), MEMBER)));
    }
    List<Object> events = root.array("events");
    for (int i = 0; i < events.size(); i++) {
      b.addEvents(event(root.element("events", i, events.get(i), EVENT)));
    }
    b.enactedResolutions(root.stringSet("enactedResolutions", false));
    List<Object> pledges = root.array("pledges");
    for (int i = 0; i < pledges.size(); i++) {
      b.addPledges(pledge(root.element("pledges", i, pledges.get(i), pledgeFields(pledges.get(i)))));
    }
    List<Object> cards = root.array("cards");
    for (int i = 0; i < cards.size(); i++) {
      b.addCards(card(root.element("cards", i, cards.get(i), CARD)));
    }
    List<Object> deliveries = root.array("deliveries");
    for (int i = 0; i < deliveries.size(); i++) {
      b.addDeliveries(delivery(root.element("deliveries", i, deliveries.get(i), DELIVERY)));
    }
    return root.build("", false, b::build);
  }

  private static Map<MembershipAction, Set<Role>> roles(Map<String, Object> o) {
    Map<MembershipAction, Set<Role>> out = new EnumMap<>(MembershipAction.class);
    for (Map.Entry<String, Object> e : o.entrySet()) {
      MembershipAction a = null;
      for (MembershipAction candidate : MembershipAction.values()) {
        if (candidate.name().equals(e.getKey())) {
          a = candidate;
        }
      }
      if (a == null) {
        throw new ValidationException("roles", JsonFields.simpleName(e.getKey()), "is not a membership action");
      }
      JsonFields holder = new JsonFields(Map.of(a.name(), e.getValue()), "roles", List.of(a.name()));
      out.put(a, holder.enumSet(a.name(), Role.class, false));
    }
    return out;
  }

  static Member member(JsonFields o) {
    Member.Builder b = Member.builder();
    b.id(MemberId.of(o.id("id")));
    b.kind(o.enumValue("kind", MemberKind.class, false));
    b.name(o.label("name"));
    b.community(o.id("community"));
    for (String r : o.stringSet("representatives", false)) {
      b.addRepresentatives(Checks.id(o.path("representatives"), r));
    }
    Optional<JsonFields> contact = o.optObj("contact", CONTACT);
    if (contact.isPresent()) {
      JsonFields c = contact.get();
      String name = c.string("name");
      String phone = c.string("phone");
      b.contact(c.build("", true, () -> Contact.of(name, phone)));
    }
    Optional<String> parent = o.optString("parent");
    if (parent.isPresent()) {
      b.parent(MemberId.of(Checks.id(o.path("parent"), parent.get())));
    }
    boolean follows = o.bool("followsParent");
    if (follows && parent.isEmpty()) {
      throw new ValidationException(o.path("followsParent"), true, "a member without a parent cannot follow one");
    }
    b.followsParent(follows);
    return o.build("", false, b::build);
  }

  static MembershipEvent event(JsonFields o) {
    MembershipEvent.Builder b = MembershipEvent.builder();
    b.sequence(o.integer("sequence", Long.MIN_VALUE, Long.MAX_VALUE));
    b.member(MemberId.of(o.id("member")));
    b.action(o.enumValue("action", MembershipAction.class, false));
    b.from(o.optEnum("from", MemberStatus.class));
    b.to(o.enumValue("to", MemberStatus.class, false));
    b.actorId(o.string("actorId"));
    b.authority(o.string("authority"));
    b.resolutionId(o.optString("resolutionId"));
    Optional<String> inherited = o.optString("inheritedFrom");
    if (inherited.isPresent()) {
      b.inheritedFrom(MemberId.of(Checks.id(o.path("inheritedFrom"), inherited.get())));
    }
    b.at(o.instant("at"));
    return o.build("", false, b::build);
  }

  static Pledge pledge(JsonFields o) {
    Pledge.Builder b = Pledge.builder();
    b.id(o.id("id"));
    b.member(MemberId.of(o.id("member")));
    b.title(o.label("title"));
    JsonFields d = o.obj("domain", DOMAIN);
    String domainId = d.id("id");
    Label domainLabel = d.label("label");
    Optional<String> parent = d.optString("parent");
    if (parent.isPresent()) {
      Checks.id(d.path("parent"), parent.get());
    }
    b.domain(d.build("", false, () -> domain(domainId, domainLabel, parent)));
    Set<MaslowTier> tiers = o.enumSet("tiers", MaslowTier.class, false);
    if (tiers.isEmpty()) {
      throw new ValidationException(o.path("tiers"), "[]", "must name at least one Maslow tier");
    }
    b.tiers(tiers);
    JsonFields price = o.obj("price", PRICE);
    PledgePrice.Kind kind = price.enumValue("kind", PledgePrice.Kind.class, false);
    Optional<Long> percent = price.optInteger("discountPercent", 1, 99);
    if (kind == PledgePrice.Kind.DISCOUNT) {
      b.price(PledgePrice.discount(percent.orElseThrow(
          () -> new ValidationException(price.path("discountPercent"), Json.NULL, "a discount needs its percentage"))
          .intValue()));
    } else if (percent.isPresent()) {
      throw new ValidationException(price.path("discountPercent"), percent.get(), "only a discount has a percentage (kind " + kind + ")");
    } else {
      b.price(kind == PledgePrice.Kind.FREE ? PledgePrice.free() : PledgePrice.marketPrice());
    }
    b.capacity((int) o.integer("capacity", 1, Integer.MAX_VALUE));
    b.cadence(o.enumValue("cadence", Cadence.class, false));
    JsonFields e = o.obj("eligibility", ELIGIBILITY);
    PledgeEligibility.Builder eb = PledgeEligibility.builder();
    eb.cardHoldersOnly(e.bool("cardHoldersOnly"));
    Optional<Long> minAge = e.optInteger("minAge", 0, 150);
    Optional<Long> maxAge = e.optInteger("maxAge", 0, 150);
    if (minAge.isPresent() && maxAge.isPresent() && minAge.get() > maxAge.get()) {
      throw new ValidationException(e.path("maxAge"), maxAge.get(), "must not be below minAge " + minAge.get());
    }
    minAge.ifPresent(a -> eb.minAge(a.intValue()));
    maxAge.ifPresent(a -> eb.maxAge(a.intValue()));
    eb.householdFlags(e.enumSet("householdFlags", HouseholdFlag.class, false));
    for (String area : e.stringSet("areas", true)) {
      e.personalId("areas", area);
      eb.addAreas(area);
    }
    b.eligibility(e.build("", true, eb::build));
    Optional<JsonFields> place = o.optObj("place", PLACE);
    if (place.isPresent()) {
      b.place(place(place.get()));
    }
    Optional<JsonFields> schedule = o.optObj("schedule", JsonFields.LABEL);
    if (schedule.isPresent()) {
      b.schedule(o.label("schedule"));
    }
    List<Object> sessions = o.array("sessions");
    for (int i = 0; i < sessions.size(); i++) {
      JsonFields w = o.element("sessions", i, sessions.get(i), WINDOW);
      Instant start = w.instant("start");
      Instant end = w.instant("end");
      if (!end.isAfter(start)) {
        throw new ValidationException(w.path("end"), end, "must be after start " + start);
      }
      b.addSessions(TimeWindow.of(start, end));
    }
    JsonFields v = o.obj("validity", WINDOW);
    LocalDate start = v.date("start", false);
    LocalDate end = v.date("end", false);
    if (!end.isAfter(start)) {
      throw new ValidationException(v.path("end"), end, "must be after start " + start);
    }
    b.validity(Period.of(start, end));
    if (o.has("offerTerms")) {
      JsonFields t = o.obj("offerTerms", OFFER_TERMS);
      double radius = t.decimal("radiusMetres", Double.MIN_VALUE, Double.MAX_VALUE);
      long market = t.integer("marketPriceFen", 0, Long.MAX_VALUE);
      Set<String> areas = t.stringSet("serviceAreas", false);
      b.offerTerms(t.build("", false, () -> OfferTerms.of(radius, market, areas)));
    }
    return o.build("", false, b::build);
  }

  private static ServiceDomain domain(String id, Label label, Optional<String> parent) {
    if (parent.isEmpty()) {
      for (ServiceDomain d : ServiceDomain.defaults()) {
        if (d.id().equals(id) && d.label().equals(label)) {
          return d;
        }
      }
      return ServiceDomain.of(id, label);
    }
    return ServiceDomain.of(id, label, ServiceDomain.of(parent.get(), label));
  }

  private static Place place(JsonFields o) {
    Optional<JsonFields> point = o.optObj("point", POINT);
    Optional<String> cell = o.optString("gridCell");
    GeoPoint g = null;
    if (point.isPresent()) {
      double lat = point.get().decimal("latitude", -90, 90);
      double lon = point.get().decimal("longitude", -180, 180);
      g = GeoPoint.of(lat, lon);
    }
    if (cell.isPresent()) {
      Checks.id(o.path("gridCell"), cell.get());
    }
    if (g == null && cell.isEmpty()) {
      throw new ValidationException(o.path("point"), Json.NULL, "a place needs a point or a grid cell");
    }
    return g == null ? Place.cell(cell.get()) : cell.isEmpty() ? Place.at(g) : Place.of(g, cell.get());
  }

  static BenefitCard card(JsonFields o) {
    BenefitCard.Builder b = BenefitCard.builder();
    b.id(o.id("id"));
    b.holder(ResidentId.of(o.id("holder")));
    Optional<String> birth = o.optString("birthDate");
    if (birth.isPresent()) {
      b.birthDate(o.parseDate("birthDate", birth.get(), true));
    }
    b.householdFlags(o.enumSet("householdFlags", HouseholdFlag.class, true));
    Optional<String> area = o.optString("area");
    if (area.isPresent()) {
      b.area(o.personalId("area", area.get()));
    }
    b.validUntil(o.date("validUntil", false));
    b.status(o.enumValue("status", CardStatus.class, false));
    return o.build("", true, b::build);
  }

  static Delivery delivery(JsonFields o) {
    Delivery.Builder b = Delivery.builder();
    b.pledgeId(o.string("pledgeId"));
    b.cardId(o.optString("cardId"));
    b.units((int) o.integer("units", Integer.MIN_VALUE, Integer.MAX_VALUE));
    b.actorId(o.string("actorId"));
    b.at(o.instant("at"));
    return o.build("", false, b::build);
  }
}

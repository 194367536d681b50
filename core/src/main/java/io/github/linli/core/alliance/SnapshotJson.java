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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
  private static final String MASK = "****";

  private static final List<String> ROOT = List.of("format", "version", "id", "roles", "members", "events", "enactedResolutions",
      "pledges", "cards", "deliveries");
  private static final List<String> LABEL = List.of("zh", "en");
  private static final List<String> MEMBER = List.of("id", "kind", "name", "community", "representatives", "contact", "parent",
      "followsParent");
  private static final List<String> CONTACT = List.of("name", "phone");
  private static final List<String> EVENT = List.of("sequence", "member", "action", "from", "to", "actorId", "authority",
      "resolutionId", "inheritedFrom", "at");
  private static final List<String> PLEDGE = List.of("id", "member", "title", "domain", "tiers", "price", "capacity", "cadence",
      "eligibility", "place", "schedule", "sessions", "validity");
  private static final List<String> DOMAIN = List.of("id", "label", "parent");
  private static final List<String> PRICE = List.of("kind", "discountPercent");
  private static final List<String> ELIGIBILITY = List.of("cardHoldersOnly", "minAge", "maxAge", "householdFlags", "areas");
  private static final List<String> PLACE = List.of("point", "gridCell");
  private static final List<String> POINT = List.of("latitude", "longitude");
  private static final List<String> WINDOW = List.of("start", "end");
  private static final List<String> CARD = List.of("id", "holder", "birthDate", "householdFlags", "area", "validUntil", "status");
  private static final List<String> DELIVERY = List.of("pledgeId", "cardId", "units", "actorId", "at");

  /** Every field name of the format: the names a message may show in a path. */
  private static final Set<String> NAMES;

  static {
    Set<String> names = new HashSet<>();
    for (List<String> l : List.of(ROOT, LABEL, MEMBER, CONTACT, EVENT, PLEDGE, DOMAIN, PRICE, ELIGIBILITY, PLACE, POINT, WINDOW, CARD,
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
      roles.put(a.name(), names(s.roles().get(a)));
    }
    root.put("roles", roles);
    List<Object> members = new ArrayList<>();
    for (Member m : s.members()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", m.id().value());
      o.put("kind", m.kind().name());
      o.put("name", label(m.name()));
      o.put("community", m.community());
      o.put("representatives", sorted(m.representatives()));
      o.put("contact", m.contact().map(c -> (Object) fields("name", c.name(), "phone", c.phone())).orElse(Json.NULL));
      o.put("parent", m.parent().map(MemberId::value).orElse(null));
      o.put("followsParent", m.followsParent());
      members.add(o);
    }
    root.put("members", members);
    List<Object> events = new ArrayList<>();
    for (MembershipEvent e : s.events()) {
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
      events.add(o);
    }
    root.put("events", events);
    root.put("enactedResolutions", sorted(s.enactedResolutions()));
    List<Object> pledges = new ArrayList<>();
    for (Pledge p : s.pledges()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", p.id());
      o.put("member", p.member().value());
      o.put("title", label(p.title()));
      o.put("domain", fields("id", p.domain().id(), "label", label(p.domain().label()), "parent", p.domain().parentId().orElse(null)));
      o.put("tiers", names(p.tiers()));
      o.put("price", fields("kind", p.price().kind().name(), "discountPercent",
          p.price().discountPercent().isPresent() ? (Object) p.price().discountPercent().getAsInt() : null));
      o.put("capacity", p.capacity());
      o.put("cadence", p.cadence().name());
      PledgeEligibility el = p.eligibility();
      Map<String, Object> eligibility = new LinkedHashMap<>();
      eligibility.put("cardHoldersOnly", el.cardHoldersOnly());
      eligibility.put("minAge", el.minAge().orElse(null));
      eligibility.put("maxAge", el.maxAge().orElse(null));
      eligibility.put("householdFlags", names(el.householdFlags()));
      eligibility.put("areas", sorted(el.areas()));
      o.put("eligibility", eligibility);
      o.put("place", p.place().map(pl -> (Object) fields(
          "point", pl.point().map(g -> (Object) fields("latitude", g.latitude(), "longitude", g.longitude())).orElse(null),
          "gridCell", pl.gridCell().orElse(null))).orElse(null));
      o.put("schedule", p.schedule().map(SnapshotJson::label).orElse(null));
      List<Object> sessions = new ArrayList<>();
      for (TimeWindow w : p.sessions()) {
        sessions.add(fields("start", w.start().toString(), "end", w.end().toString()));
      }
      o.put("sessions", sessions);
      o.put("validity", fields("start", p.validity().start().toString(), "end", p.validity().end().toString()));
      pledges.add(o);
    }
    root.put("pledges", pledges);
    List<Object> cards = new ArrayList<>();
    for (BenefitCard c : s.cards()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", c.id());
      o.put("holder", c.holder().value());
      o.put("birthDate", c.birthDate().map(LocalDate::toString).orElse(null));
      o.put("householdFlags", names(c.householdFlags()));
      o.put("area", c.area().orElse(null));
      o.put("validUntil", c.validUntil().toString());
      o.put("status", c.status().name());
      cards.add(o);
    }
    root.put("cards", cards);
    List<Object> deliveries = new ArrayList<>();
    for (Delivery d : s.deliveries()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("pledgeId", d.pledgeId());
      o.put("cardId", d.cardId().orElse(null));
      o.put("units", d.units());
      o.put("actorId", d.actorId());
      o.put("at", d.at().toString());
      deliveries.add(o);
    }
    root.put("deliveries", deliveries);
    return Json.write(root);
  }

  private static Map<String, Object> label(Label l) {
    return fields("zh", l.zh(), "en", l.en());
  }

  private static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.put((String) keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  private static List<Object> names(Collection<? extends Enum<?>> values) {
    List<Object> out = new ArrayList<>();
    for (Enum<?> e : values) {
      out.add(e.name());
    }
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  private static List<Object> sorted(Collection<String> values) {
    List<Object> out = new ArrayList<>(values);
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  // ------------------------------------------------------------------------------------- reading

  static AllianceSnapshot read(String json) {
    Map<String, Object> fields = Json.parse(json, NAMES);
    Object format = fields.get("format");
    if (!FORMAT.equals(format)) {
      throw new ValidationException("format", format instanceof String ? format : new Kind(format == null ? "missing" : Json.kind(format)),
          "is not a Linli alliance snapshot (expected '" + FORMAT + "')");
    }
    Object version = fields.get("version");
    if (!(version instanceof Json.Num) || !String.valueOf(VERSION).equals(((Json.Num) version).text)) {
      throw new ValidationException("version", version instanceof Json.Num ? version : new Kind(version == null ? "missing" : Json.kind(version)),
          "is not a version this Linli reads (it reads version " + VERSION + ")");
    }
    Obj root = new Obj(fields, "", ROOT);
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
      b.addPledges(pledge(root.element("pledges", i, pledges.get(i), PLEDGE)));
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
        throw new ValidationException("roles", Obj.simpleName(e.getKey()), "is not a membership action");
      }
      Obj holder = new Obj(Map.of(a.name(), e.getValue()), "roles", List.of(a.name()));
      out.put(a, holder.enumSet(a.name(), Role.class, false));
    }
    return out;
  }

  private static Member member(Obj o) {
    Member.Builder b = Member.builder();
    b.id(MemberId.of(o.id("id")));
    b.kind(o.enumValue("kind", MemberKind.class, false));
    b.name(o.label("name"));
    b.community(o.id("community"));
    for (String r : o.stringSet("representatives", false)) {
      b.addRepresentatives(Checks.id(o.path("representatives"), r));
    }
    Optional<Obj> contact = o.optObj("contact", CONTACT);
    if (contact.isPresent()) {
      Obj c = contact.get();
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

  private static MembershipEvent event(Obj o) {
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

  private static Pledge pledge(Obj o) {
    Pledge.Builder b = Pledge.builder();
    b.id(o.id("id"));
    b.member(MemberId.of(o.id("member")));
    b.title(o.label("title"));
    Obj d = o.obj("domain", DOMAIN);
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
    Obj price = o.obj("price", PRICE);
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
    Obj e = o.obj("eligibility", ELIGIBILITY);
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
    Optional<Obj> place = o.optObj("place", PLACE);
    if (place.isPresent()) {
      b.place(place(place.get()));
    }
    Optional<Obj> schedule = o.optObj("schedule", LABEL);
    if (schedule.isPresent()) {
      b.schedule(o.label("schedule"));
    }
    List<Object> sessions = o.array("sessions");
    for (int i = 0; i < sessions.size(); i++) {
      Obj w = o.element("sessions", i, sessions.get(i), WINDOW);
      Instant start = w.instant("start");
      Instant end = w.instant("end");
      if (!end.isAfter(start)) {
        throw new ValidationException(w.path("end"), end, "must be after start " + start);
      }
      b.addSessions(TimeWindow.of(start, end));
    }
    Obj v = o.obj("validity", WINDOW);
    LocalDate start = v.date("start", false);
    LocalDate end = v.date("end", false);
    if (!end.isAfter(start)) {
      throw new ValidationException(v.path("end"), end, "must be after start " + start);
    }
    b.validity(Period.of(start, end));
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

  private static Place place(Obj o) {
    Optional<Obj> point = o.optObj("point", POINT);
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

  private static BenefitCard card(Obj o) {
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

  private static Delivery delivery(Obj o) {
    Delivery.Builder b = Delivery.builder();
    b.pledgeId(o.string("pledgeId"));
    b.cardId(o.optString("cardId"));
    b.units((int) o.integer("units", Integer.MIN_VALUE, Integer.MAX_VALUE));
    b.actorId(o.string("actorId"));
    b.at(o.instant("at"));
    return o.build("", false, b::build);
  }

  /**
   * One JSON object being read, with its path: typed accessors that throw a {@link
   * ValidationException} naming the path of the field, and never the value of a personal one.
   */
  private static final class Obj {
    private final Map<String, Object> fields;
    private final String path;

    /** Checks that the object has exactly the expected fields. */
    Obj(Map<String, Object> fields, String path, List<String> expected) {
      this.fields = fields;
      this.path = path;
      for (String key : expected) {
        if (!fields.containsKey(key)) {
          throw new ValidationException(path(key), Json.NULL, "is missing (every field of the format is required; null for none)");
        }
      }
      if (fields.size() != expected.size()) {
        throw new ValidationException(path.isEmpty() ? "$" : path, (fields.size() - expected.size()) + " more",
            "has fields not in the format (it has exactly " + String.join(", ", expected) + ")");
      }
    }

    String path(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    static Object simpleName(String key) {
      return key.matches("[A-Za-z_]{1,40}") ? key : "(a name)";
    }

    private ValidationException mistyped(String key, Object v, String expected) {
      return new ValidationException(path(key), new Kind(Json.kind(v)), "must be " + expected);
    }

    Map<String, Object> obj(String key) {
      Object v = fields.get(key);
      if (!(v instanceof Map)) {
        throw mistyped(key, v, "an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return m;
    }

    Obj obj(String key, List<String> expected) {
      return new Obj(obj(key), path(key), expected);
    }

    Optional<Obj> optObj(String key, List<String> expected) {
      Object v = fields.get(key);
      if (v == Json.NULL) {
        return Optional.empty();
      }
      if (!(v instanceof Map)) {
        throw mistyped(key, v, "an object or null");
      }
      return Optional.of(obj(key, expected));
    }

    List<Object> array(String key) {
      Object v = fields.get(key);
      if (!(v instanceof List)) {
        throw mistyped(key, v, "an array");
      }
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) v;
      return l;
    }

    Obj element(String key, int index, Object v, List<String> expected) {
      String p = path(key) + "[" + index + "]";
      if (!(v instanceof Map)) {
        throw new ValidationException(p, new Kind(Json.kind(v)), "must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return new Obj(m, p, expected);
    }

    String string(String key) {
      Object v = fields.get(key);
      if (!(v instanceof String)) {
        throw mistyped(key, v, "a string");
      }
      return (String) v;
    }

    Optional<String> optString(String key) {
      Object v = fields.get(key);
      if (v == Json.NULL) {
        return Optional.empty();
      }
      if (!(v instanceof String)) {
        throw mistyped(key, v, "a string or null");
      }
      return Optional.of((String) v);
    }

    String id(String key) {
      return Checks.id(path(key), string(key));
    }

    String personalId(String key, String value) {
      try {
        return Checks.id(path(key), value);
      } catch (ValidationException e) {
        throw new ValidationException(path(key), MASK, "is not a valid id (not blank, at most " + Checks.MAX_ID_LENGTH
            + " characters, no surrounding white space or control characters)");
      }
    }

    Label label(String key) {
      Obj l = obj(key, LABEL);
      String zh = l.string("zh");
      String en = l.string("en");
      if (zh.isBlank()) {
        throw new ValidationException(l.path("zh"), zh, "must not be blank");
      }
      if (en.isBlank()) {
        throw new ValidationException(l.path("en"), en, "must not be blank");
      }
      return Label.of(zh, en);
    }

    boolean bool(String key) {
      Object v = fields.get(key);
      if (!(v instanceof Boolean)) {
        throw mistyped(key, v, "true or false");
      }
      return (Boolean) v;
    }

    long integer(String key, long min, long max) {
      Object v = fields.get(key);
      if (!(v instanceof Json.Num) || !((Json.Num) v).isInteger()) {
        throw mistyped(key, v, "an integer");
      }
      String text = ((Json.Num) v).text;
      long n;
      try {
        n = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new ValidationException(path(key), v, "must be an integer in " + min + ".." + max);
      }
      if (n < min || n > max) {
        throw new ValidationException(path(key), n, "must be an integer in " + min + ".." + max);
      }
      return n;
    }

    Optional<Long> optInteger(String key, long min, long max) {
      return fields.get(key) == Json.NULL ? Optional.empty() : Optional.of(integer(key, min, max));
    }

    double decimal(String key, double min, double max) {
      Object v = fields.get(key);
      if (!(v instanceof Json.Num)) {
        throw mistyped(key, v, "a number");
      }
      double d = Double.parseDouble(((Json.Num) v).text); // the grammar was checked
      if (!(d >= min && d <= max)) {
        throw new ValidationException(path(key), v, "must be a number in [" + min + ", " + max + "]");
      }
      return d;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean personal) {
      return parseEnum(path(key), string(key), type, personal);
    }

    <E extends Enum<E>> Optional<E> optEnum(String key, Class<E> type) {
      return optString(key).map(s -> parseEnum(path(key), s, type, false));
    }

    <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type, boolean personal) {
      Set<E> out = new LinkedHashSet<>();
      List<Object> l = array(key);
      for (int i = 0; i < l.size(); i++) {
        String p = path(key) + "[" + i + "]";
        if (!(l.get(i) instanceof String)) {
          throw new ValidationException(p, new Kind(Json.kind(l.get(i))), "must be a string");
        }
        if (!out.add(parseEnum(p, (String) l.get(i), type, personal))) {
          throw new ValidationException(p, personal || type == HouseholdFlag.class ? MASK : l.get(i), "appears twice in a set");
        }
      }
      return out;
    }

    Set<String> stringSet(String key, boolean personal) {
      Set<String> out = new LinkedHashSet<>();
      List<Object> l = array(key);
      for (int i = 0; i < l.size(); i++) {
        String p = path(key) + "[" + i + "]";
        if (!(l.get(i) instanceof String)) {
          throw new ValidationException(p, new Kind(Json.kind(l.get(i))), "must be a string");
        }
        if (!out.add((String) l.get(i))) {
          throw new ValidationException(p, personal ? MASK : l.get(i), "appears twice in a set");
        }
      }
      return out;
    }

    static <E extends Enum<E>> E parseEnum(String path, String name, Class<E> type, boolean personal) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(name)) {
          return e;
        }
      }
      if (personal || type == HouseholdFlag.class) {
        // household flags are personal data (of a card), and their names are never shown
        throw new ValidationException(path, MASK, "is not a known " + (type == HouseholdFlag.class ? "household flag" : "value"));
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      throw new ValidationException(path, personal ? MASK : name, "is not one of " + String.join(", ", names));
    }

    Instant instant(String key) {
      String s = string(key);
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new ValidationException(path(key), s, "must be an ISO-8601 instant such as 2026-11-24T01:00:00Z");
      }
    }

    LocalDate date(String key, boolean personal) {
      return parseDate(key, string(key), personal);
    }

    LocalDate parseDate(String key, String s, boolean personal) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new ValidationException(path(key), personal ? MASK : s, "must be an ISO-8601 date such as 2026-11-24");
      }
    }

    /**
     * Builds a value from fields already read; a check of the value that fails is reported at this
     * object's path (its value masked if the object holds personal data).
     */
    <T> T build(String key, boolean personal, Supplier<T> build) {
      try {
        return build.get();
      } catch (ValidationException e) {
        String where = key.isEmpty() ? (path.isEmpty() ? "$" : path) : path(key);
        if (personal) {
          throw new ValidationException(where, MASK, "is not valid (" + e.field() + ")");
        }
        String field = e.field() == null ? "" : e.field();
        throw new ValidationException(field.indexOf('.') < 0 ? where : where + field.substring(field.indexOf('.')),
            e.value().orElse(null), problem(e));
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        throw new ValidationException(key.isEmpty() ? (path.isEmpty() ? "$" : path) : path(key), MASK, "is not valid");
      }
    }

    /** The problem part of a ValidationException's message, after "field = value: ". */
    private static String problem(ValidationException e) {
      String m = String.valueOf(e.getMessage());
      String v = e.value().orElse("null");
      for (String prefix : List.of(e.field() + " = '" + v + "': ", e.field() + " = " + v + ": ")) {
        if (m.startsWith(prefix)) {
          return m.substring(prefix.length());
        }
      }
      return m;
    }
  }

  /** The JSON kind of a mistyped value, rendered unquoted in a message ("a number"). */
  private static final class Kind {
    private final String kind;

    Kind(String kind) {
      this.kind = kind;
    }

    @Override
    public String toString() {
      return kind;
    }
  }
}

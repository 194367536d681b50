package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The JSON form of a {@link JointMeetingSnapshot}, format {@value #FORMAT} version {@value
 * #VERSION}: {@link JointMeetingSnapshot#toJson()} and {@link JointMeetingSnapshot#fromJson(String)}.
 * Field names are those of the accessors (the charter's quorum as {@code numerator}, {@code
 * denominator}, {@code strict} and {@code requiredParties}); enums by name, instants in ISO-8601, an
 * absent optional as {@code null}, sets sorted and maps by key. Every field is written and required
 * on reading. Stateless; thread-safe.
 */
final class MeetingJson {
  static final String FORMAT = "linli.joint-meeting-snapshot";
  static final int VERSION = 1;

  private static final List<String> ROOT = List.of("format", "version", "id", "charter", "seats", "minutes");
  private static final List<String> CHARTER = List.of("quorum", "defaultRule", "rules", "maxProxiesPerHolder");
  private static final List<String> QUORUM = List.of("numerator", "denominator", "strict", "requiredParties");
  private static final List<String> SEAT = List.of("participantId", "party", "member");
  private static final List<String> ENTRY = List.of("sequence", "kind", "actorId", "actorRoles", "at", "holderId", "principalId",
      "motion", "motionId", "choice", "outcome", "yes", "no", "abstain", "present");
  private static final List<String> MOTION = List.of("kind", "title", "subject", "payload", "rule");
  private static final List<String> LABEL = List.of("zh", "en");

  /** Every field name of the format: the names a message may show in a path. */
  private static final Set<String> NAMES;

  static {
    Set<String> names = new HashSet<>();
    for (List<String> l : List.of(ROOT, CHARTER, QUORUM, SEAT, ENTRY, MOTION, LABEL)) {
      names.addAll(l);
    }
    for (MotionKind k : MotionKind.values()) {
      names.add(k.name());
    }
    names.addAll(List.of(Motion.TAXONOMY_ID, Motion.TAXONOMY_VERSION, Motion.BUDGET_ID, Motion.BUDGET_AMOUNT));
    NAMES = Set.copyOf(names);
  }

  private MeetingJson() {}

  // ------------------------------------------------------------------------------------- writing

  static String write(JointMeetingSnapshot s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("id", s.id());
    Charter c = s.charter();
    QuorumRule q = c.quorum();
    Map<String, Object> charter = new LinkedHashMap<>();
    charter.put("quorum", fields("numerator", q.numerator(), "denominator", q.denominator(), "strict", q.strict(),
        "requiredParties", names(q.requiredParties())));
    charter.put("defaultRule", c.defaultRule().name());
    Map<String, Object> rules = new TreeMap<>();
    c.rules().forEach((k, r) -> rules.put(k.name(), r.name()));
    charter.put("rules", new LinkedHashMap<>(rules));
    charter.put("maxProxiesPerHolder", c.maxProxiesPerHolder());
    root.put("charter", charter);
    List<Object> seats = new ArrayList<>();
    for (Seat seat : s.seats()) {
      seats.add(fields("participantId", seat.participantId(), "party", seat.party().name(), "member",
          seat.member().map(MemberId::value).orElse(null)));
    }
    root.put("seats", seats);
    List<Object> minutes = new ArrayList<>();
    for (MinutesEntry e : s.minutes()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("sequence", e.sequence());
      o.put("kind", e.kind().name());
      o.put("actorId", e.actorId());
      o.put("actorRoles", names(e.actorRoles()));
      o.put("at", e.at().toString());
      o.put("holderId", e.holderId().orElse(null));
      o.put("principalId", e.principalId().orElse(null));
      o.put("motion", e.motion().map(MeetingJson::motion).orElse(null));
      o.put("motionId", e.motionId().orElse(null));
      o.put("choice", e.choice().map(Enum::name).orElse(null));
      o.put("outcome", e.outcome().map(Enum::name).orElse(null));
      o.put("yes", integer(e.yes()));
      o.put("no", integer(e.no()));
      o.put("abstain", integer(e.abstain()));
      o.put("present", integer(e.present()));
      minutes.add(o);
    }
    root.put("minutes", minutes);
    return Json.write(root);
  }

  private static Object motion(Motion m) {
    return fields("kind", m.kind().name(), "title", fields("zh", m.title().zh(), "en", m.title().en()),
        "subject", m.subject().map(MemberId::value).orElse(null), "payload", new LinkedHashMap<String, Object>(new TreeMap<>(m.payload())),
        "rule", m.rule().map(Enum::name).orElse(null));
  }

  private static Object integer(OptionalInt n) {
    return n.isPresent() ? (Object) n.getAsInt() : null;
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

  // ------------------------------------------------------------------------------------- reading

  static JointMeetingSnapshot read(String json) {
    Map<String, Object> fields = Json.parse(json, NAMES);
    Object format = fields.get("format");
    if (!FORMAT.equals(format)) {
      throw new ValidationException("format", format instanceof String ? format : new Kind(format == null ? "missing" : Json.kind(format)),
          "is not a Linli joint-meeting snapshot (expected '" + FORMAT + "')");
    }
    Object version = fields.get("version");
    if (!(version instanceof Json.Num) || !String.valueOf(VERSION).equals(((Json.Num) version).text)) {
      throw new ValidationException("version", version instanceof Json.Num ? version : new Kind(version == null ? "missing" : Json.kind(version)),
          "is not a version this Linli reads (it reads version " + VERSION + ")");
    }
    Obj root = new Obj(fields, "", ROOT);
    JointMeetingSnapshot.Builder b = JointMeetingSnapshot.builder();
    b.id(root.id("id"));
    b.charter(charter(root.obj("charter", CHARTER)));
    List<Object> seats = root.array("seats");
    for (int i = 0; i < seats.size(); i++) {
      Obj o = root.element("seats", i, seats.get(i), SEAT);
      String participant = o.id("participantId");
      Party party = o.enumValue("party", Party.class);
      Optional<String> member = o.optString("member");
      b.addSeat(o.build(() -> member.isPresent()
          ? Seat.of(participant, party, MemberId.of(Checks.id(o.path("member"), member.get())))
          : Seat.of(participant, party)));
    }
    List<Object> minutes = root.array("minutes");
    for (int i = 0; i < minutes.size(); i++) {
      b.addMinute(entry(root.element("minutes", i, minutes.get(i), ENTRY)));
    }
    return root.build(b::build);
  }

  private static Charter charter(Obj o) {
    Obj q = o.obj("quorum", QUORUM);
    int num = (int) q.integer("numerator", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int den = (int) q.integer("denominator", Integer.MIN_VALUE, Integer.MAX_VALUE);
    boolean strict = q.bool("strict");
    Set<Party> parties = q.enumSet("requiredParties", Party.class);
    QuorumRule rule = q.build(() -> (strict ? QuorumRule.moreThan(num, den) : QuorumRule.atLeast(num, den))
        .requiring(parties.toArray(new Party[0])));
    DecisionRule defaultRule = o.enumValue("defaultRule", DecisionRule.class);
    Map<MotionKind, DecisionRule> rules = new EnumMap<>(MotionKind.class);
    Map<String, Object> r = o.obj("rules");
    for (String key : r.keySet()) {
      MotionKind kind = Obj.parseEnum(o.path("rules"), Obj.simpleName(key), key, MotionKind.class);
      Obj holder = new Obj(Map.of(key, r.get(key)), o.path("rules"), List.of(key));
      rules.put(kind, holder.enumValue(key, DecisionRule.class));
    }
    int max = (int) o.integer("maxProxiesPerHolder", 0, Integer.MAX_VALUE);
    Charter c = Charter.of(rule, defaultRule);
    for (Map.Entry<MotionKind, DecisionRule> e : rules.entrySet()) {
      c = c.withRule(e.getKey(), e.getValue());
    }
    return max > 0 ? c.withProxies(max) : c;
  }

  private static MinutesEntry entry(Obj o) {
    MinutesEntry.Builder b = MinutesEntry.builder();
    b.sequence(o.integer("sequence", Long.MIN_VALUE, Long.MAX_VALUE));
    b.kind(o.enumValue("kind", MinutesEntry.Kind.class));
    b.actorId(o.string("actorId"));
    b.actorRoles(o.enumSet("actorRoles", Role.class));
    b.at(o.instant("at"));
    b.holderId(o.optString("holderId"));
    b.principalId(o.optString("principalId"));
    Optional<Obj> motion = o.optObj("motion", MOTION);
    if (motion.isPresent()) {
      b.motion(motion(motion.get()));
    }
    b.motionId(o.optString("motionId"));
    b.choice(o.optEnum("choice", Choice.class));
    b.outcome(o.optEnum("outcome", Outcome.class));
    o.optInteger("yes").ifPresent(b::yes);
    o.optInteger("no").ifPresent(b::no);
    o.optInteger("abstain").ifPresent(b::abstain);
    o.optInteger("present").ifPresent(b::present);
    return o.build(b::build);
  }

  private static Motion motion(Obj o) {
    MotionKind kind = o.enumValue("kind", MotionKind.class);
    Obj t = o.obj("title", LABEL);
    String zh = t.string("zh");
    String en = t.string("en");
    Label title = t.build(() -> Label.of(zh, en));
    Optional<String> subject = o.optString("subject");
    Map<String, Object> raw = o.obj("payload");
    Map<String, String> payload = new TreeMap<>();
    for (String key : raw.keySet()) {
      Obj holder = new Obj(Map.of(key, raw.get(key)), o.path("payload"), List.of(key));
      payload.put(key, holder.string(key));
    }
    Optional<DecisionRule> rule = o.optEnum("rule", DecisionRule.class);
    Motion m = o.build(() -> {
      Motion base;
      if (kind.membershipAction().isPresent()) {
        MemberId member = MemberId.of(Checks.id(o.path("subject"), subject.orElseThrow(
            () -> new ValidationException(o.path("subject"), Json.NULL, "a " + kind + " motion concerns a member"))));
        base = kind == MotionKind.ADMIT_MEMBER ? Motion.admitMember(member)
            : kind == MotionKind.SUSPEND_MEMBER ? Motion.suspendMember(member)
            : kind == MotionKind.REINSTATE_MEMBER ? Motion.reinstateMember(member) : Motion.expelMember(member);
      } else if (kind == MotionKind.ADOPT_TAXONOMY) {
        base = Motion.adoptTaxonomy(payload.get(Motion.TAXONOMY_ID), payload.get(Motion.TAXONOMY_VERSION));
      } else if (kind == MotionKind.APPROVE_BUDGET) {
        String amount = payload.get(Motion.BUDGET_AMOUNT);
        BigDecimal a;
        try {
          a = amount == null ? null : new BigDecimal(amount);
        } catch (NumberFormatException e) {
          throw new ValidationException(o.path("payload") + "." + Motion.BUDGET_AMOUNT, amount, "must be a plain decimal");
        }
        base = Motion.approveBudget(payload.get(Motion.BUDGET_ID), a);
      } else {
        base = Motion.custom(title, payload);
      }
      return rule.isPresent() ? base.decidedBy(rule.get()) : base;
    });
    if (!m.title().equals(title)) {
      throw new ValidationException(o.path("title"), new Kind("a label"), "is not the title of this " + kind + " motion (" + m.title().en() + ")");
    }
    if (!m.payload().equals(payload)) {
      throw new ValidationException(o.path("payload"), payload.keySet(), "is not the payload of a " + kind + " motion (keys " + m.payload().keySet() + ")");
    }
    if (!m.subject().map(MemberId::value).equals(subject)) {
      throw new ValidationException(o.path("subject"), subject.orElse(null), "a " + kind + " motion "
          + (m.subject().isPresent() ? "concerns a member" : "concerns no member"));
    }
    return m;
  }

  /**
   * One JSON object being read, with its path: typed accessors that throw a {@link
   * ValidationException} naming the path of the field.
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
      long n;
      try {
        n = Long.parseLong(((Json.Num) v).text);
      } catch (NumberFormatException e) {
        throw new ValidationException(path(key), v, "must be an integer in " + min + ".." + max);
      }
      if (n < min || n > max) {
        throw new ValidationException(path(key), n, "must be an integer in " + min + ".." + max);
      }
      return n;
    }

    Optional<Integer> optInteger(String key) {
      return fields.get(key) == Json.NULL ? Optional.empty()
          : Optional.of((int) integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      String s = string(key);
      return parseEnum(path(key), s, s, type);
    }

    <E extends Enum<E>> Optional<E> optEnum(String key, Class<E> type) {
      return optString(key).map(s -> parseEnum(path(key), s, s, type));
    }

    <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type) {
      Set<E> out = EnumSet.noneOf(type);
      List<Object> l = array(key);
      for (int i = 0; i < l.size(); i++) {
        String p = path(key) + "[" + i + "]";
        if (!(l.get(i) instanceof String)) {
          throw new ValidationException(p, new Kind(Json.kind(l.get(i))), "must be a string");
        }
        if (!out.add(parseEnum(p, l.get(i), (String) l.get(i), type))) {
          throw new ValidationException(p, l.get(i), "appears twice in a set");
        }
      }
      return out;
    }

    static <E extends Enum<E>> E parseEnum(String path, Object shown, String name, Class<E> type) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(name)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      throw new ValidationException(path, shown, "is not one of " + String.join(", ", names));
    }

    Instant instant(String key) {
      String s = string(key);
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new ValidationException(path(key), s, "must be an ISO-8601 instant such as 2026-11-24T01:00:00Z");
      }
    }

    /**
     * Builds a value from fields already read; a check of the value that fails is reported at this
     * object's path.
     */
    <T> T build(Supplier<T> build) {
      String where = path.isEmpty() ? "$" : path;
      try {
        return build.get();
      } catch (ValidationException e) {
        String field = e.field() == null ? "" : e.field();
        if (field.startsWith(where)) {
          throw e;
        }
        throw new ValidationException(field.indexOf('.') < 0 ? where : where + field.substring(field.indexOf('.')),
            e.value().orElse(null), problem(e));
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        throw new ValidationException(where, new Kind("a value"), "is not valid");
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

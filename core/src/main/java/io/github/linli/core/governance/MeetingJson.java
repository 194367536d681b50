package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

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
  static final List<String> CHARTER = List.of("quorum", "defaultRule", "rules", "maxProxiesPerHolder");
  static final List<String> QUORUM = List.of("numerator", "denominator", "strict", "requiredParties");
  static final List<String> SEAT = List.of("participantId", "party", "member");
  private static final List<String> ENTRY = List.of("sequence", "kind", "actorId", "actorRoles", "at", "holderId", "principalId",
      "motion", "motionId", "choice", "outcome", "yes", "no", "abstain", "present");
  static final List<String> MOTION = List.of("kind", "title", "subject", "payload", "rule");

  /** Every field name of the format: the names a message may show in a path. */
  static final Set<String> NAMES;

  static {
    Set<String> names = new HashSet<>();
    for (List<String> l : List.of(ROOT, CHARTER, QUORUM, SEAT, ENTRY, MOTION, JsonFields.LABEL)) {
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
    root.put("charter", charter(s.charter()));
    root.put("seats", seats(s.seats()));
    List<Object> minutes = new ArrayList<>();
    for (MinutesEntry e : s.minutes()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("sequence", e.sequence());
      o.put("kind", e.kind().name());
      o.put("actorId", e.actorId());
      o.put("actorRoles", Json.names(e.actorRoles()));
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

  /** The charter's JSON object (shared with the meeting's events). */
  static Map<String, Object> charter(Charter c) {
    QuorumRule q = c.quorum();
    Map<String, Object> charter = new LinkedHashMap<>();
    charter.put("quorum", Json.fields("numerator", q.numerator(), "denominator", q.denominator(), "strict", q.strict(),
        "requiredParties", Json.names(q.requiredParties())));
    charter.put("defaultRule", c.defaultRule().name());
    Map<String, Object> rules = new TreeMap<>();
    c.rules().forEach((k, r) -> rules.put(k.name(), r.name()));
    charter.put("rules", new LinkedHashMap<>(rules));
    charter.put("maxProxiesPerHolder", c.maxProxiesPerHolder());
    return charter;
  }

  /** The seats' JSON array (shared with the meeting's events). */
  static List<Object> seats(List<Seat> list) {
    List<Object> seats = new ArrayList<>();
    for (Seat seat : list) {
      seats.add(Json.fields("participantId", seat.participantId(), "party", seat.party().name(), "member",
          seat.member().map(MemberId::value).orElse(null)));
    }
    return seats;
  }

  /** Reads one seat object. */
  static Seat seat(JsonFields o) {
    String participant = o.id("participantId");
    Party party = o.enumValue("party", Party.class);
    Optional<String> member = o.optString("member");
    return o.build(() -> member.isPresent()
        ? Seat.of(participant, party, MemberId.of(Checks.id(o.path("member"), member.get())))
        : Seat.of(participant, party));
  }

  static Object motion(Motion m) {
    return Json.fields("kind", m.kind().name(), "title", Json.fields("zh", m.title().zh(), "en", m.title().en()),
        "subject", m.subject().map(MemberId::value).orElse(null), "payload", new LinkedHashMap<String, Object>(new TreeMap<>(m.payload())),
        "rule", m.rule().map(Enum::name).orElse(null));
  }

  private static Object integer(OptionalInt n) {
    return n.isPresent() ? (Object) n.getAsInt() : null;
  }

  // ------------------------------------------------------------------------------------- reading

  static JointMeetingSnapshot read(String json) {
    Map<String, Object> fields = Json.parse(json, NAMES);
    JsonFields.checkHeader(fields, FORMAT, VERSION, "joint-meeting snapshot");
    JsonFields root = new JsonFields(fields, "", ROOT);
    JointMeetingSnapshot.Builder b = JointMeetingSnapshot.builder();
    b.id(root.id("id"));
    b.charter(charter(root.obj("charter", CHARTER)));
    List<Object> seats = root.array("seats");
    for (int i = 0; i < seats.size(); i++) {
      b.addSeat(seat(root.element("seats", i, seats.get(i), SEAT)));
    }
    List<Object> minutes = root.array("minutes");
    for (int i = 0; i < minutes.size(); i++) {
      b.addMinute(entry(root.element("minutes", i, minutes.get(i), ENTRY)));
    }
    return root.build(b::build);
  }

  static Charter charter(JsonFields o) {
    JsonFields q = o.obj("quorum", QUORUM);
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
      MotionKind kind = JsonFields.parseEnum(o.path("rules"), JsonFields.simpleName(key), key, MotionKind.class);
      JsonFields holder = new JsonFields(Map.of(key, r.get(key)), o.path("rules"), List.of(key));
      rules.put(kind, holder.enumValue(key, DecisionRule.class));
    }
    int max = (int) o.integer("maxProxiesPerHolder", 0, Integer.MAX_VALUE);
    Charter c = Charter.of(rule, defaultRule);
    for (Map.Entry<MotionKind, DecisionRule> e : rules.entrySet()) {
      c = c.withRule(e.getKey(), e.getValue());
    }
    return max > 0 ? c.withProxies(max) : c;
  }

  private static MinutesEntry entry(JsonFields o) {
    MinutesEntry.Builder b = MinutesEntry.builder();
    b.sequence(o.integer("sequence", Long.MIN_VALUE, Long.MAX_VALUE));
    b.kind(o.enumValue("kind", MinutesEntry.Kind.class));
    b.actorId(o.string("actorId"));
    b.actorRoles(o.enumSet("actorRoles", Role.class));
    b.at(o.instant("at"));
    b.holderId(o.optString("holderId"));
    b.principalId(o.optString("principalId"));
    Optional<JsonFields> motion = o.optObj("motion", MOTION);
    if (motion.isPresent()) {
      b.motion(motion(motion.get()));
    }
    b.motionId(o.optString("motionId"));
    b.choice(o.optEnum("choice", Choice.class));
    b.outcome(o.optEnum("outcome", Outcome.class));
    o.optInt("yes").ifPresent(b::yes);
    o.optInt("no").ifPresent(b::no);
    o.optInt("abstain").ifPresent(b::abstain);
    o.optInt("present").ifPresent(b::present);
    return o.build(b::build);
  }

  static Motion motion(JsonFields o) {
    MotionKind kind = o.enumValue("kind", MotionKind.class);
    JsonFields t = o.obj("title", JsonFields.LABEL);
    String zh = t.string("zh");
    String en = t.string("en");
    Label title = t.build(() -> Label.of(zh, en));
    Optional<String> subject = o.optString("subject");
    Map<String, Object> raw = o.obj("payload");
    Map<String, String> payload = new TreeMap<>();
    for (String key : raw.keySet()) {
      JsonFields holder = new JsonFields(Map.of(key, raw.get(key)), o.path("payload"), List.of(key));
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
      throw new ValidationException(o.path("title"), JsonFields.kind("a label"), "is not the title of this " + kind + " motion (" + m.title().en() + ")");
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
}

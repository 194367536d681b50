package io.github.linli.core.mediation;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.FeedState;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The mediation desk of one tenant as kept from its feed: the cases (category {@value #CASES}, one
 * stream per case), the roster of mediators and the dispute taxonomies (category {@value #DESK},
 * stream {@code desk}). Changes only in {@link #apply(RecordedEvent)}, live and on load; events hold
 * ids, categories, states and times, and the ids of personal-data records, never facts or term
 * wording. Thread-safe (the lock of {@link FeedState}).
 */
final class CaseBook extends FeedState {
  static final String CASES = "dispute";
  static final String DESK = "mediation";

  static final String FILED = "CaseFiled";
  static final String FLAGGED = "RiskFlagged";
  static final String ASSIGNED = "MediatorAssigned";
  static final String SESSION = "SessionHeld";
  static final String PROPOSED = "AgreementProposed";
  static final String ACCEPTED = "AgreementAccepted";
  static final String DECLINED = "AgreementDeclined";
  static final String CONCLUDED = "AgreementConcluded";
  static final String FOLLOWED_UP = "FollowedUp";
  static final String CLOSED = "CaseClosed";
  static final String REOPENED = "CaseReopened";
  static final String ESCALATED = "CaseEscalated";
  static final String WITHDRAWN = "CaseWithdrawn";
  static final String AUTHORISED = "MediatorAuthorised";
  static final String REVOKED = "MediatorRevoked";
  static final String REGISTERED = "DisputeTaxonomyRegistered";
  static final String ADOPTED = "DisputeTaxonomyAdopted";

  private static final Set<String> NAMES = Set.of("id", "category", "categoryZh", "categoryEn", "taxonomy", "parties",
      "kind", "reps", "applicant", "gridCell", "needs", "flags", "personal", "flag", "mediator", "attended", "terms",
      "owner", "due", "party", "checks", "term", "check", "satisfaction", "to", "reason", "affiliation", "version",
      "categories", "zh", "en", "resolution", "actor", "at");

  /** A case's state while events are applied. */
  static final class CaseData {
    String id;
    DisputeCategory category;
    String taxonomy;
    List<DisputeParty> parties;
    String applicant;
    String gridCell;
    List<String> needs;
    Instant filedAt;
    String filedBy;
    CaseState state;
    RiskLevel risk = RiskLevel.LOW;
    final Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
    Instant riskRaisedAt;
    String mediator;
    final List<MediationSession> sessions = new ArrayList<>();
    final List<AgData> agreements = new ArrayList<>();
    final List<FollowUp> followUps = new ArrayList<>();
    final List<Escalation> escalations = new ArrayList<>();
    EscalationLevel level = EscalationLevel.GRID;
    Instant levelSince;
    Instant closedAt;
    int reopenings;
    Instant last;
    String factsRecord;
    final Map<String, String> termRecords = new HashMap<>(); // "<agreement>/<term>" -> record
    DisputeCase snapshot;

    DisputeCase snapshot() {
      if (snapshot == null) {
        List<MediationAgreement> ags = new ArrayList<>();
        for (AgData a : agreements) {
          ags.add(new MediationAgreement(a.number, a.terms, a.proposedAt, a.proposedBy, a.acceptedBy,
              Optional.ofNullable(a.concludedAt), a.status, a.confirmed));
        }
        snapshot = new DisputeCase(id, category, taxonomy, parties, applicant, Optional.ofNullable(gridCell), needs, filedAt,
            filedBy, state, risk, flags, Optional.ofNullable(riskRaisedAt), Optional.ofNullable(mediator), sessions, ags,
            followUps, escalations, level, levelSince, Optional.ofNullable(closedAt), reopenings);
      }
      return snapshot;
    }

    AgData inForce() {
      for (int i = agreements.size() - 1; i >= 0; i--) {
        if (agreements.get(i).status == AgreementStatus.IN_FORCE) {
          return agreements.get(i);
        }
      }
      return null;
    }
  }

  /** An agreement's state while events are applied. */
  static final class AgData {
    int number;
    List<AgreementTerm> terms;
    Instant proposedAt;
    String proposedBy;
    final Set<String> acceptedBy = new LinkedHashSet<>();
    Instant concludedAt;
    AgreementStatus status = AgreementStatus.PROPOSED;
    boolean confirmed;
  }

  private final Map<String, CaseData> cases = new TreeMap<>();
  private final Map<String, Mediator> roster = new TreeMap<>();
  private final Map<String, DisputeTaxonomy> taxonomies = new LinkedHashMap<>();
  private final Set<String> resolutions = new HashSet<>();
  private DisputeTaxonomy current = DisputeTaxonomy.defaultTaxonomy();

  CaseBook(EventStore store, String tenant) {
    super(store, tenant, List.of(CASES, DESK));
    taxonomies.put(current.key(), current);
  }

  String tenant() {
    return tenant;
  }

  // ------------------------------------------------------------------------------------- reads

  synchronized Optional<DisputeCase> current(String caseId) {
    CaseData c = cases.get(caseId);
    return c == null ? Optional.empty() : Optional.of(c.snapshot());
  }

  synchronized List<DisputeCase> all() {
    List<DisputeCase> out = new ArrayList<>();
    cases.values().forEach(c -> out.add(c.snapshot()));
    return out;
  }

  synchronized Optional<String> factsRecord(String caseId) {
    CaseData c = cases.get(caseId);
    return c == null ? Optional.empty() : Optional.ofNullable(c.factsRecord);
  }

  synchronized Optional<String> termRecord(String caseId, int agreement, String termId) {
    CaseData c = cases.get(caseId);
    return c == null ? Optional.empty() : Optional.ofNullable(c.termRecords.get(agreement + "/" + termId));
  }

  synchronized Map<String, Mediator> roster() {
    return new TreeMap<>(roster);
  }

  synchronized DisputeTaxonomy taxonomy() {
    return current;
  }

  synchronized Optional<DisputeTaxonomy> known(String key) {
    return Optional.ofNullable(taxonomies.get(key));
  }

  synchronized boolean enacted(String resolutionId) {
    return resolutions.contains(resolutionId);
  }

  // ---------------------------------------------------------------------------------- commands

  StreamId caseStream(String caseId) {
    return StreamId.of(tenant, CASES, caseId);
  }

  StreamId deskStream() {
    return StreamId.of(tenant, DESK, "desk");
  }

  /** Runs a command on one case's stream; {@code decide} returns the events, or empty for none. */
  <R> R runCase(String commandId, String caseId, Supplier<List<EventData>> decide, Function<List<RecordedEvent>, R> result) {
    return execute(commandId, () -> {
      List<EventData> events = decide.get();
      if (events.isEmpty()) {
        return null;
      }
      StreamId s = caseStream(caseId);
      return AppendRequest.to(s, version(s), events);
    }, result);
  }

  /** Runs a command on the desk's stream. */
  <R> R runDesk(String commandId, Supplier<List<EventData>> decide, Function<List<RecordedEvent>, R> result) {
    return execute(commandId, () -> {
      List<EventData> events = decide.get();
      if (events.isEmpty()) {
        return null;
      }
      return AppendRequest.to(deskStream(), version(deskStream()), events);
    }, result);
  }

  // ----------------------------------------------------------------------------------- encoding

  static EventData event(String type, Map<String, Object> fields, String actorId, Instant at) {
    fields.put("actor", actorId);
    fields.put("at", at.toString());
    return EventData.of(type, 1, Json.write(fields));
  }

  static Object orNull(Object v) {
    return v == null ? Json.NULL : v;
  }

  static EventData filed(CaseFiling f, DisputeCategory category, String taxonomy, String personal, String actorId, Instant at) {
    List<Object> parties = new ArrayList<>();
    for (DisputeParty p : f.parties()) {
      parties.add(Json.fields("id", p.id(), "kind", p.kind().name(), "reps", new ArrayList<Object>(p.representatives())));
    }
    return event(FILED, Json.fields("id", f.id(), "category", category.id(), "categoryZh", category.label().zh(),
        "categoryEn", category.label().en(), "taxonomy", taxonomy, "parties", parties, "applicant", f.applicant(),
        "gridCell", orNull(f.gridCell().orElse(null)), "needs", new ArrayList<Object>(f.linkedNeeds()),
        "flags", Json.names(f.riskFlags()), "personal", personal), actorId, at);
  }

  static EventData proposed(List<AgreementTerm> terms, List<String> records, String actorId, Instant at) {
    List<Object> ts = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      AgreementTerm t = terms.get(i);
      ts.add(Json.fields("id", t.id(), "owner", t.owner(), "due", t.due().toString(), "personal", records.get(i)));
    }
    return event(PROPOSED, Json.fields("terms", ts), actorId, at);
  }

  static EventData followedUp(Map<String, TermCheck> checks, OptionalInt satisfaction, String actorId, Instant at) {
    List<Object> cs = new ArrayList<>();
    new TreeMap<>(checks).forEach((term, check) -> cs.add(Json.fields("term", term, "check", check.name())));
    return event(FOLLOWED_UP, Json.fields("checks", cs,
        "satisfaction", satisfaction.isPresent() ? (Object) satisfaction.getAsInt() : Json.NULL), actorId, at);
  }

  static EventData registered(DisputeTaxonomy t, String actorId, Instant at) {
    List<Object> cs = new ArrayList<>();
    for (DisputeCategory c : t.categories()) {
      cs.add(Json.fields("id", c.id(), "zh", c.label().zh(), "en", c.label().en()));
    }
    return event(REGISTERED, Json.fields("id", t.id(), "version", t.version(), "categories", cs), actorId, at);
  }

  // ------------------------------------------------------------------------------------ apply

  @Override
  protected void apply(RecordedEvent e) {
    if (e.typeVersion() != 1) {
      throw unreadable(e);
    }
    try {
      Map<String, Object> m = Json.parse(e.json(), NAMES);
      if (e.stream().category().equals(DESK)) {
        applyDesk(e, m);
      } else {
        applyCase(e, m);
      }
    } catch (ValidationException | IllegalArgumentException | IllegalStateException | NullPointerException
        | DateTimeException | ArithmeticException x) {
      // the field and the rule, never the value read: a mangled event may hold anything
      String why = x instanceof ValidationException ? ((ValidationException) x).field() + " " + ((ValidationException) x).problem()
          : x.getClass().getSimpleName();
      throw new ConsistencyException("mediation event " + e.stream() + " version " + e.version() + " (" + e.type()
          + ", tenant " + tenant + ") is damaged: " + why);
    }
  }

  private static ConsistencyException unreadable(RecordedEvent e) {
    return new ConsistencyException("mediation event " + e.stream() + " version " + e.version() + " has type " + e.type()
        + " v" + e.typeVersion() + ", which this Linli does not read (tenant " + e.stream().tenant() + ")");
  }

  private static List<String> with(String... names) {
    List<String> l = new ArrayList<>(List.of(names));
    l.add("actor");
    l.add("at");
    return l;
  }

  private void applyDesk(RecordedEvent e, Map<String, Object> m) {
    switch (e.type()) {
      case AUTHORISED: {
        JsonFields f = new JsonFields(m, "", with("mediator", "kind", "affiliation"));
        Optional<String> aff = f.optString("affiliation");
        Mediator med = new Mediator(f.id("mediator"), f.enumValue("kind", MediatorKind.class), aff.map(MemberId::of));
        roster.put(med.id(), med);
        break;
      }
      case REVOKED: {
        JsonFields f = new JsonFields(m, "", with("mediator"));
        roster.remove(f.id("mediator"));
        break;
      }
      case REGISTERED: {
        JsonFields f = new JsonFields(m, "", with("id", "version", "categories"));
        List<DisputeCategory> cs = new ArrayList<>();
        List<Object> raw = f.array("categories");
        for (int i = 0; i < raw.size(); i++) {
          JsonFields c = f.element("categories", i, raw.get(i), List.of("id", "zh", "en"));
          cs.add(DisputeCategory.of(c.id("id"), Label.of(c.string("zh"), c.string("en"))));
        }
        DisputeTaxonomy t = DisputeTaxonomy.of(f.id("id"), (int) f.integer("version", 1, Integer.MAX_VALUE), cs);
        taxonomies.put(t.key(), t);
        break;
      }
      case ADOPTED: {
        JsonFields f = new JsonFields(m, "", with("taxonomy", "resolution"));
        DisputeTaxonomy t = taxonomies.get(f.string("taxonomy"));
        if (t == null) {
          throw new ValidationException("taxonomy", f.string("taxonomy"), "is not registered before its adoption");
        }
        current = t;
        resolutions.add(f.id("resolution"));
        break;
      }
      default:
        throw unreadable(e);
    }
  }

  private void applyCase(RecordedEvent e, Map<String, Object> m) {
    String caseId = e.stream().id();
    CaseData c = cases.get(caseId);
    if ((c == null) != FILED.equals(e.type())) {
      throw new ConsistencyException("mediation event " + e.stream() + " version " + e.version() + " (" + e.type()
          + ", tenant " + tenant + ") does not fit the stream: " + (c == null ? "no filing before it" : "a second filing"));
    }
    if (c != null) {
      c.snapshot = null;
    }
    switch (e.type()) {
      case FILED: {
        JsonFields f = new JsonFields(m, "", with("id", "category", "categoryZh", "categoryEn", "taxonomy", "parties",
            "applicant", "gridCell", "needs", "flags", "personal"));
        if (!f.id("id").equals(caseId)) {
          throw new ValidationException("id", "(another case)", "must be the stream's case id");
        }
        c = new CaseData();
        c.id = caseId;
        String catId = f.id("category");
        Label label = Label.of(f.string("categoryZh"), f.string("categoryEn"));
        DisputeCategory known = DisputeCategory.defaults().stream().filter(d -> d.id().equals(catId)).findFirst().orElse(null);
        c.category = known != null && known.label().equals(label) ? known : DisputeCategory.of(catId, label);
        c.taxonomy = f.string("taxonomy");
        List<DisputeParty> parties = new ArrayList<>();
        List<Object> ps = f.array("parties");
        for (int i = 0; i < ps.size(); i++) {
          JsonFields p = f.element("parties", i, ps.get(i), List.of("id", "kind", "reps"));
          parties.add(new DisputeParty(p.id("id"), p.enumValue("kind", PartyKind.class), p.stringSet("reps", false)));
        }
        c.parties = parties;
        c.applicant = f.id("applicant");
        c.gridCell = f.optString("gridCell").orElse(null);
        List<String> needs = new ArrayList<>();
        for (Object n : f.array("needs")) {
          needs.add(String.valueOf(n));
        }
        c.needs = needs;
        c.filedAt = f.instant("at");
        c.filedBy = f.id("actor");
        c.state = CaseState.FILED;
        c.levelSince = c.filedAt;
        c.factsRecord = f.id("personal");
        for (RiskFlag flag : f.enumSet("flags", RiskFlag.class)) {
          raise(c, flag, c.filedAt);
        }
        cases.put(caseId, c);
        break;
      }
      case FLAGGED: {
        JsonFields f = new JsonFields(m, "", with("flag"));
        raise(c, f.enumValue("flag", RiskFlag.class), f.instant("at"));
        break;
      }
      case ASSIGNED: {
        JsonFields f = new JsonFields(m, "", with("mediator"));
        c.mediator = f.id("mediator");
        if (c.state == CaseState.FILED) {
          c.state = CaseState.MEDIATING;
        }
        break;
      }
      case SESSION: {
        JsonFields f = new JsonFields(m, "", with("attended"));
        c.sessions.add(new MediationSession(c.sessions.size() + 1, f.instant("at"), f.stringSet("attended", false), f.id("actor")));
        break;
      }
      case PROPOSED: {
        JsonFields f = new JsonFields(m, "", with("terms"));
        AgData a = new AgData();
        a.number = c.agreements.size() + 1;
        List<AgreementTerm> terms = new ArrayList<>();
        List<Object> ts = f.array("terms");
        for (int i = 0; i < ts.size(); i++) {
          JsonFields t = f.element("terms", i, ts.get(i), List.of("id", "owner", "due", "personal"));
          terms.add(AgreementTerm.stored(t.id("id"), t.id("owner"), LocalDate.parse(t.string("due"))));
          c.termRecords.put(a.number + "/" + t.id("id"), t.id("personal"));
        }
        a.terms = terms;
        a.proposedAt = f.instant("at");
        a.proposedBy = f.id("actor");
        c.agreements.add(a);
        c.state = CaseState.PROPOSED;
        break;
      }
      case ACCEPTED: {
        JsonFields f = new JsonFields(m, "", with("party"));
        latest(c).acceptedBy.add(f.id("party"));
        break;
      }
      case DECLINED: {
        new JsonFields(m, "", with("party"));
        latest(c).status = AgreementStatus.DECLINED;
        c.state = CaseState.MEDIATING;
        break;
      }
      case CONCLUDED: {
        JsonFields f = new JsonFields(m, "", with());
        AgData a = latest(c);
        a.status = AgreementStatus.IN_FORCE;
        a.concludedAt = f.instant("at");
        c.state = CaseState.AGREED;
        break;
      }
      case FOLLOWED_UP: {
        JsonFields f = new JsonFields(m, "", with("checks", "satisfaction"));
        AgData a = c.inForce();
        if (a == null) {
          throw new ValidationException("checks", "(no agreement in force)", "a follow-up needs an agreement in force");
        }
        Map<String, TermCheck> checks = new TreeMap<>();
        List<Object> cs = f.array("checks");
        for (int i = 0; i < cs.size(); i++) {
          JsonFields ch = f.element("checks", i, cs.get(i), List.of("term", "check"));
          checks.put(ch.id("term"), ch.enumValue("check", TermCheck.class));
        }
        Optional<Long> sat = f.optInteger("satisfaction", 1, 5);
        Instant at = f.instant("at");
        FollowUp fu = new FollowUp(a.number, at, Duration.between(a.concludedAt, at).toDays(), checks,
            sat.isPresent() ? OptionalInt.of(sat.get().intValue()) : OptionalInt.empty(), f.id("actor"));
        c.followUps.add(fu);
        if (fu.breached()) {
          a.status = AgreementStatus.BREACHED;
          c.state = CaseState.MEDIATING;
          c.closedAt = null;
          c.reopenings++;
        }
        break;
      }
      case CLOSED: {
        JsonFields f = new JsonFields(m, "", with());
        c.state = CaseState.CLOSED;
        c.closedAt = f.instant("at");
        break;
      }
      case REOPENED: {
        new JsonFields(m, "", with("party"));
        c.state = CaseState.MEDIATING;
        c.closedAt = null;
        c.reopenings++;
        break;
      }
      case ESCALATED: {
        JsonFields f = new JsonFields(m, "", with("to", "reason"));
        EscalationLevel to = f.enumValue("to", EscalationLevel.class);
        Instant at = f.instant("at");
        c.escalations.add(new Escalation(c.level, to, f.enumValue("reason", EscalationReason.class), f.id("actor"), at));
        c.level = to;
        c.levelSince = at;
        if (to.referral()) {
          c.state = CaseState.REFERRED;
          c.closedAt = at;
        } else if (to == EscalationLevel.JUDICIAL_CONFIRMATION) {
          AgData a = c.inForce();
          if (a == null) {
            throw new ValidationException("to", to, "judicial confirmation needs an agreement in force");
          }
          a.confirmed = true;
        }
        break;
      }
      case WITHDRAWN: {
        JsonFields f = new JsonFields(m, "", with());
        c.state = CaseState.WITHDRAWN;
        c.closedAt = f.instant("at");
        break;
      }
      default:
        throw unreadable(e);
    }
    c.last = Instant.parse(String.valueOf(m.get("at")));
  }

  private static AgData latest(CaseData c) {
    if (c.agreements.isEmpty()) {
      throw new ValidationException("agreement", "(none)", "no agreement was proposed");
    }
    return c.agreements.get(c.agreements.size() - 1);
  }

  private static void raise(CaseData c, RiskFlag flag, Instant at) {
    c.flags.add(flag);
    if (flag.urgent() && c.risk != RiskLevel.HIGH) {
      c.risk = RiskLevel.HIGH;
      c.riskRaisedAt = at;
    } else if (!flag.urgent() && c.risk == RiskLevel.LOW) {
      c.risk = RiskLevel.MEDIUM;
    }
  }

  /** The instant of a case's latest event, for stamps that never go back. */
  synchronized Optional<Instant> lastChange(String caseId) {
    CaseData c = cases.get(caseId);
    return c == null ? Optional.empty() : Optional.of(c.last);
  }
}

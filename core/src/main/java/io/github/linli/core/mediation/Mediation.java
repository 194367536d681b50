package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Mandate;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.TaxonomyRegistry;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.records.RecordKeeper;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Community dispute mediation (矛盾纠纷调解): from a complaint to an agreement that holds. A case is
 * filed with its parties, category, facts and risk; an authorised mediator without a conflict of
 * interest is assigned; sessions are recorded; an agreement (调解协议) of terms with owners and due
 * days is proposed and comes into force only when every party has accepted it; follow-up visits
 * (回访) check each term, and a breached term reopens the case for mediation. A case climbs the
 * ladder grid → community → street → judicial confirmation or court/arbitration, each step with its
 * reason and who decided, within the deadlines of {@link MediationRules}; {@link #overdue} lists
 * the cases past theirs and {@link #alerts} the high-risk ones. {@link #observations} reports the
 * figures to the scorecard.
 *
 * <p><b>State.</b> Everything is kept as events in an {@link EventStore} (category {@code
 * dispute}, one stream per case; category {@code mediation}, the roster and taxonomies), applied in
 * one place live and on load, so a desk opened on the same store after a restart holds equal cases.
 * A command decides on the state caught up with other servers' writes, appends nothing when
 * refused, and {@link #withCommandId} makes a retried request idempotent. The facts and the terms'
 * wording are personal data: they live in the {@link PersonalDataStore} (kind {@code NEED_TEXT},
 * under the applicant's id, one record each), events carry only the records' opaque ids, and every
 * read through {@link #facts} or {@link #terms} is recorded in its access log.
 *
 * <table>
 *   <caption>Who may do what (full matrix: docs/permissions.md)</caption>
 *   <tr><th>operation</th><th>who</th></tr>
 *   <tr><td>file</td><td>a party, for itself as the applicant; coordinator, residents' committee, system</td></tr>
 *   <tr><td>flagRisk</td><td>coordinator, residents' committee, Party committee, system, the case's mediator</td></tr>
 *   <tr><td>assignMediator</td><td>coordinator, residents' committee</td></tr>
 *   <tr><td>recordSession, propose, followUp, close</td><td>the case's mediator, coordinator, residents' committee</td></tr>
 *   <tr><td>accept, decline, reopen</td><td>the party itself (a resident, or an organisation's representative)</td></tr>
 *   <tr><td>escalate</td><td>the case's mediator, coordinator, residents' committee, Party committee</td></tr>
 *   <tr><td>withdraw</td><td>the applicant, coordinator, residents' committee</td></tr>
 *   <tr><td>authoriseMediator, revokeMediator</td><td>residents' committee, Party committee, alliance administrator</td></tr>
 *   <tr><td>registerTaxonomy</td><td>coordinator, residents' committee, meeting secretary, alliance administrator</td></tr>
 *   <tr><td>adoptTaxonomy</td><td>{@link Mandate#ENACTING_ROLES}, with a resolution</td></tr>
 *   <tr><td>find</td><td>the parties and mediator of the case; coordinator, residents' committee, Party committee, system</td></tr>
 *   <tr><td>facts, terms</td><td>the parties and mediator of the case; coordinator, residents' committee</td></tr>
 *   <tr><td>cases</td><td>anyone: staff see every case, others the cases they are party to or mediate</td></tr>
 *   <tr><td>overdue, alerts</td><td>coordinator, residents' committee, Party committee, system</td></tr>
 * </table>
 *
 * <p>Thread-safe: commands take turns on the community's mediation state.
 *
 * @since 0.3.0
 */
public final class Mediation {
  private static final Set<Role> FILERS = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM));
  private static final Set<Role> HANDLERS = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE));
  private static final Set<Role> FLAGGERS =
      Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.PARTY_COMMITTEE, Role.SYSTEM));
  private static final Set<Role> ESCALATORS = Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.PARTY_COMMITTEE));
  private static final Set<Role> ROSTER = Set.copyOf(EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.PARTY_COMMITTEE, Role.ALLIANCE_ADMIN));
  private static final Set<Role> REGISTRARS =
      Set.copyOf(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.MEETING_SECRETARY, Role.ALLIANCE_ADMIN));
  private static final Set<Role> READERS = FLAGGERS;
  private static final String NEED_TEXT = PersonalDataKind.NEED_TEXT.name();

  private final Clock clock;
  private final MediationRules rules;
  private final CaseBook book;
  private final RecordKeeper keeper;
  private final String commandId;

  private Mediation(Clock clock, MediationRules rules, CaseBook book, RecordKeeper keeper, String commandId) {
    this.clock = clock;
    this.rules = rules;
    this.book = book;
    this.keeper = keeper;
    this.commandId = commandId;
  }

  /**
   * A community's mediation desk with the default rules, kept in an event store; loads it by
   * replaying its streams.
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock for every time stamp (truncated to microseconds) and for the calendar
   *     days of deadlines and figures (its zone)
   * @param personalData where facts and terms' wording are kept: a store made by {@link
   *     PersonalDataStore#jdbc}, {@link PersonalDataStore#inMemory} or its builder
   * @return the desk
   * @throws ValidationException if an argument is missing, the tenant is not an id or the
   *     personal-data store is not one of Linli's
   * @throws io.github.linli.core.ConsistencyException if a stored event cannot be read
   */
  public static Mediation open(EventStore store, String tenant, Clock clock, PersonalDataStore personalData) {
    return open(store, tenant, clock, personalData, MediationRules.defaults());
  }

  /**
   * A community's mediation desk with its own rules; see {@link #open(EventStore, String, Clock,
   * PersonalDataStore)}.
   *
   * @param store the event store
   * @param tenant the community
   * @param clock the clock
   * @param personalData where personal values are kept
   * @param rules the deadlines and windows
   * @return the desk
   * @throws ValidationException if an argument is missing or not acceptable
   * @throws io.github.linli.core.ConsistencyException if a stored event cannot be read
   */
  public static Mediation open(EventStore store, String tenant, Clock clock, PersonalDataStore personalData, MediationRules rules) {
    Checks.present("store", store);
    Checks.present("clock", clock);
    Checks.present("rules", rules);
    Checks.id("tenant", tenant);
    if (!(personalData instanceof RecordKeeper)) {
      throw new ValidationException("personalData", personalData == null ? null : personalData.getClass().getSimpleName(),
          "must be a store made by PersonalDataStore.jdbc, inMemory or builder");
    }
    CaseBook book = new CaseBook(store, tenant);
    book.catchUp();
    return new Mediation(clock, rules, book, (RecordKeeper) personalData, null);
  }

  /**
   * A desk kept in a fresh in-memory event store, for tests and JShell.
   *
   * @param clock the clock
   * @return the desk
   */
  public static Mediation inMemory(Clock clock) {
    Checks.present("clock", clock);
    return open(EventStores.inMemory(clock), "local", clock, PersonalDataStore.inMemory(clock));
  }

  /**
   * This desk, with the next commands carrying an idempotency key: a command whose id the store has
   * already recorded is not applied again and answers with the state as it is now.
   *
   * @param commandId the request's id
   * @return a desk sharing this one's state
   * @throws ValidationException if the id is not a valid id
   */
  public Mediation withCommandId(String commandId) {
    return new Mediation(clock, rules, book, keeper, Checks.id("commandId", commandId));
  }

  /**
   * Catches up with what other servers wrote.
   *
   * @return how many events were applied
   */
  public int refresh() {
    return book.catchUp();
  }

  /**
   * The rules in use.
   *
   * @return the rules
   */
  public MediationRules rules() {
    return rules;
  }

  // ----------------------------------------------------------------------- roster and taxonomy

  /**
   * Authorises a mediator (授权调解员), or changes the record of one already authorised.
   *
   * @param actor the residents' committee, the Party committee or the alliance administrator
   * @param mediator the mediator
   * @return the roster after the change
   * @throws PermissionDeniedException if the actor may not
   */
  public List<Mediator> authoriseMediator(Actor actor, Mediator mediator) {
    checkNotNull(actor, "actor");
    checkNotNull(mediator, "mediator");
    actor.require("mediation.authoriseMediator", ROSTER);
    Instant now = now();
    return book.runDesk(commandId, () -> mediator.equals(book.roster().get(mediator.id())) ? List.of()
        : List.of(CaseBook.event(CaseBook.AUTHORISED, Json.fields("mediator", mediator.id(), "kind", mediator.kind().name(),
            "affiliation", CaseBook.orNull(mediator.affiliation().map(Object::toString).orElse(null))), actor.id(), now)),
        e -> mediators());
  }

  /**
   * Withdraws a mediator's authorisation. Cases they mediate keep them until reassigned.
   *
   * @param actor the residents' committee, the Party committee or the alliance administrator
   * @param mediatorId the mediator's id
   * @return the roster after the change
   * @throws PermissionDeniedException if the actor may not
   * @throws NotFoundException if no such mediator is authorised
   */
  public List<Mediator> revokeMediator(Actor actor, String mediatorId) {
    checkNotNull(actor, "actor");
    checkNotNull(mediatorId, "mediatorId");
    actor.require("mediation.revokeMediator", ROSTER);
    Instant now = now();
    return book.runDesk(commandId, () -> {
      if (!book.roster().containsKey(mediatorId)) {
        throw new NotFoundException("mediator", mediatorId);
      }
      return List.of(CaseBook.event(CaseBook.REVOKED, Json.fields("mediator", mediatorId), actor.id(), now));
    }, e -> mediators());
  }

  /**
   * The mediators authorised now.
   *
   * @return them, by id
   */
  public List<Mediator> mediators() {
    return List.copyOf(book.roster().values());
  }

  /**
   * Registers a proposed dispute taxonomy, so that a joint meeting can adopt it; registering the
   * same one again changes nothing.
   *
   * @param actor a coordinator, the residents' committee, the meeting secretary or the alliance
   *     administrator
   * @param taxonomy the proposal
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException if another taxonomy with the same key is registered
   */
  public void registerTaxonomy(Actor actor, DisputeTaxonomy taxonomy) {
    checkNotNull(actor, "actor");
    checkNotNull(taxonomy, "taxonomy");
    actor.require("mediation.registerTaxonomy", REGISTRARS);
    Instant now = now();
    book.runDesk(commandId, () -> {
      Optional<DisputeTaxonomy> known = book.known(taxonomy.key());
      if (known.isPresent() && !known.get().equals(taxonomy)) {
        throw new ConflictException("dispute taxonomy " + taxonomy.key() + " is already registered with other categories");
      }
      return known.isPresent() ? List.of() : List.of(CaseBook.registered(taxonomy, actor.id(), now));
    }, e -> null);
  }

  /**
   * Puts in force the dispute taxonomy a joint-meeting resolution names: one deciding {@value
   * TaxonomyRegistry#ADOPT_TAXONOMY} with the terms {@value TaxonomyRegistry#TERM_ID} and {@value
   * TaxonomyRegistry#TERM_VERSION} (governance's {@code Motion.adoptTaxonomy} makes it). New cases use
   * its categories; filed cases keep theirs.
   *
   * @param actor one of {@link Mandate#ENACTING_ROLES}
   * @param resolution the resolution
   * @return the taxonomy in force
   * @throws PermissionDeniedException if the actor may not, or the resolution does not adopt a
   *     taxonomy
   * @throws ValidationException if the version term is not a whole number
   * @throws NotFoundException if no dispute taxonomy of that key is registered
   * @throws ConflictException if the resolution was already carried out
   */
  public DisputeTaxonomy adoptTaxonomy(Actor actor, Mandate resolution) {
    checkNotNull(actor, "actor");
    checkNotNull(resolution, "resolution");
    actor.require("mediation.adoptTaxonomy", Mandate.ENACTING_ROLES);
    if (!TaxonomyRegistry.ADOPT_TAXONOMY.equals(resolution.decides())) {
      throw new PermissionDeniedException(actor, "mediation.adoptTaxonomy",
          "resolution " + resolution.id() + " does not authorise adopting a taxonomy");
    }
    String id = resolution.terms().get(TaxonomyRegistry.TERM_ID);
    String versionText = resolution.terms().get(TaxonomyRegistry.TERM_VERSION);
    Instant now = now();
    return book.runDesk(commandId, () -> {
      if (book.enacted(resolution.id())) {
        throw new ConflictException("resolution " + resolution.id() + " was already carried out");
      }
      int version;
      try {
        version = Integer.parseInt(String.valueOf(versionText).strip());
      } catch (NumberFormatException e) {
        throw new ValidationException(TaxonomyRegistry.TERM_VERSION, versionText, "must be a whole number", e);
      }
      String key = id + "@" + version;
      if (book.known(key).isEmpty()) {
        throw new NotFoundException("dispute taxonomy", key);
      }
      return List.of(CaseBook.event(CaseBook.ADOPTED, Json.fields("taxonomy", key, "resolution", resolution.id()), actor.id(), now));
    }, e -> book.taxonomy());
  }

  /**
   * The dispute taxonomy in force.
   *
   * @return the taxonomy
   */
  public DisputeTaxonomy taxonomy() {
    return book.taxonomy();
  }

  // --------------------------------------------------------------------------------- the case

  /**
   * Files a case (登记). Its facts go to the personal-data store; the case starts at the grid level,
   * {@link CaseState#FILED}, high-risk at once if an urgent flag is raised.
   *
   * @param actor a party acting for itself as the applicant (the resident, or a representative of
   *     the organisation), or a coordinator, the residents' committee or the system
   * @param filing the filing
   * @return the case
   * @throws PermissionDeniedException if the actor may not file it
   * @throws ValidationException if the category is not in the taxonomy in force
   * @throws ConflictException if a case with that id exists
   */
  public DisputeCase file(Actor actor, CaseFiling filing) {
    checkNotNull(actor, "actor");
    checkNotNull(filing, "filing");
    DisputeParty applicant = filing.parties().stream().filter(p -> p.id().equals(filing.applicant())).findFirst().orElseThrow();
    if (!actor.hasAny(FILERS) && !actsAs(actor, applicant)) {
      throw new PermissionDeniedException(actor, "mediation.file",
          "only the applicant party itself, a coordinator, the residents' committee or the system may file");
    }
    Instant now = now();
    String record = "pd-" + UUID.randomUUID();
    ResidentId subject = ResidentId.of(filing.applicant());
    boolean[] kept = {false};
    try {
      return book.runCase(commandId, filing.id(), () -> {
        Optional<DisputeCase> existing = book.current(filing.id());
        if (existing.isPresent()) {
          throw new ConflictException("case " + filing.id() + " already exists (state " + existing.get().state() + ")");
        }
        DisputeTaxonomy t = book.taxonomy();
        DisputeCategory category = t.find(filing.category()).orElseThrow(() -> new ValidationException("filing.category",
            filing.category(), "is not a category of the dispute taxonomy in force " + t.key()));
        if (!kept[0]) {
          keeper.keep(actor.id(), subject, record, Map.of(NEED_TEXT, filing.facts()));
          kept[0] = true;
        }
        return List.of(CaseBook.filed(filing, category, t.key(), record, actor.id(), now));
      }, e -> found(filing.id()));
    } catch (RuntimeException e) {
      if (kept[0] && book.factsRecord(filing.id()).map(r -> !r.equals(record)).orElse(true)) {
        keeper.forget(actor.id(), subject, record); // refused after keeping: keep nothing
      }
      throw e;
    }
  }

  /**
   * Raises a risk flag; an urgent one makes the case high-risk at once. Raising a flag already
   * raised changes nothing.
   *
   * @param actor a coordinator, the residents' committee, the Party committee, the system or the
   *     case's mediator
   * @param caseId the case
   * @param flag the flag
   * @return the case
   * @throws PermissionDeniedException if the actor may not
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase flagRisk(Actor actor, String caseId, RiskFlag flag) {
    checkNotNull(flag, "flag");
    return change(actor, caseId, "mediation.flagRisk", (c, now) -> {
      if (!actor.hasAny(FLAGGERS) && !mediates(actor, c)) {
        throw denied(actor, "mediation.flagRisk", "only staff or the case's mediator may flag a risk");
      }
      return c.riskFlags().contains(flag) ? List.of()
          : List.of(CaseBook.event(CaseBook.FLAGGED, Json.fields("flag", flag.name()), actor.id(), now));
    });
  }

  /**
   * Assigns a mediator from the roster (or replaces the one assigned) after the conflict-of-interest
   * check: the mediator must not be a party, act for a party, or belong to a member unit that is a
   * party.
   *
   * @param actor a coordinator or the residents' committee
   * @param caseId the case
   * @param mediatorId an authorised mediator's id
   * @return the case, in mediation
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException naming {@code mediatorId} if the mediator is not authorised or has a
   *     conflict of interest
   * @throws ConflictException unless the case is filed or in mediation
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase assignMediator(Actor actor, String caseId, String mediatorId) {
    checkNotNull(mediatorId, "mediatorId");
    return change(actor, caseId, "mediation.assignMediator", (c, now) -> {
      require(actor, "mediation.assignMediator", HANDLERS);
      state(c, "assign a mediator", CaseState.FILED, CaseState.MEDIATING);
      Mediator m = book.roster().get(mediatorId);
      if (m == null) {
        throw new ValidationException("mediatorId", mediatorId, "is not an authorised mediator (see Mediation.authoriseMediator)");
      }
      Optional<String> conflict = m.conflictWith(c.parties());
      if (conflict.isPresent()) {
        throw new ValidationException("mediatorId", mediatorId, "has a conflict of interest in case " + c.id() + ": "
            + conflict.get());
      }
      return c.mediator().equals(Optional.of(mediatorId)) && c.state() == CaseState.MEDIATING ? List.of()
          : List.of(CaseBook.event(CaseBook.ASSIGNED, Json.fields("mediator", mediatorId), actor.id(), now));
    });
  }

  /**
   * Records a mediation session and who attended.
   *
   * @param actor the case's mediator, a coordinator or the residents' committee
   * @param caseId the case
   * @param attendedPartyIds the ids of the parties present (possibly none)
   * @return the case
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException naming {@code attended} if an id is not a party's
   * @throws ConflictException unless the case is in mediation or has a proposal pending
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase recordSession(Actor actor, String caseId, Set<String> attendedPartyIds) {
    Checks.noNulls("attendedPartyIds", checkNotNull(attendedPartyIds, "attendedPartyIds"));
    return change(actor, caseId, "mediation.recordSession", (c, now) -> {
      requireHandler(actor, c, "mediation.recordSession");
      state(c, "record a session", CaseState.MEDIATING, CaseState.PROPOSED);
      for (String p : attendedPartyIds) {
        if (c.party(p).isEmpty()) {
          throw new ValidationException("attended", p, "is not a party to case " + c.id());
        }
      }
      return List.of(CaseBook.event(CaseBook.SESSION, Json.fields("attended", new ArrayList<Object>(new java.util.TreeSet<>(attendedPartyIds))),
          actor.id(), now));
    });
  }

  /**
   * Proposes an agreement (调解协议): its terms, each owned by a party with a due day. The wording of
   * each term goes to the personal-data store. Every party must then accept it.
   *
   * @param actor the case's mediator, a coordinator or the residents' committee
   * @param caseId the case
   * @param terms at least one term, ids unique, each owned by a party, due no earlier than today
   * @return the case, with the proposal pending
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException naming the field if the terms are empty, an id repeats, an owner is
   *     not a party or a due day has passed
   * @throws ConflictException unless the case is in mediation with a mediator assigned
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase propose(Actor actor, String caseId, List<AgreementTerm> terms) {
    Checks.noNulls("terms", checkNotNull(terms, "terms"));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      records.add("pd-" + UUID.randomUUID());
    }
    boolean[] kept = {false};
    ResidentId[] subject = {null};
    try {
      return change(actor, caseId, "mediation.propose", (c, now) -> {
        requireHandler(actor, c, "mediation.propose");
        state(c, "propose an agreement", CaseState.MEDIATING);
        if (c.mediator().isEmpty()) {
          throw new ConflictException("case " + c.id() + " has no mediator: assign one first");
        }
        if (terms.isEmpty()) {
          throw new ValidationException("terms", 0, "an agreement needs at least one term");
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
          AgreementTerm t = terms.get(i);
          if (!ids.add(t.id())) {
            throw new ValidationException("terms[" + i + "].id", t.id(), "appears twice");
          }
          if (c.party(t.owner()).isEmpty()) {
            throw new ValidationException("terms[" + i + "].owner", t.owner(), "is not a party to case " + c.id());
          }
          if (t.due().isBefore(today)) {
            throw new ValidationException("terms[" + i + "].due", t.due(), "has passed (today is " + today + ")");
          }
        }
        if (!kept[0]) {
          subject[0] = ResidentId.of(c.applicant());
          for (int i = 0; i < terms.size(); i++) {
            keeper.keep(actor.id(), subject[0], records.get(i), Map.of(NEED_TEXT, terms.get(i).wording()));
          }
          kept[0] = true;
        }
        return List.of(CaseBook.proposed(terms, records, actor.id(), now));
      });
    } catch (RuntimeException e) {
      if (kept[0]) {
        boolean recorded = book.current(caseId).flatMap(DisputeCase::latestAgreement)
            .flatMap(a -> book.termRecord(caseId, a.number(), terms.get(0).id())).map(records.get(0)::equals).orElse(false);
        if (!recorded) {
          records.forEach(r -> keeper.forget(actor.id(), subject[0], r));
        }
      }
      throw e;
    }
  }

  /**
   * A party accepts the pending agreement; when the last party accepts, it comes into force and the
   * case is {@link CaseState#AGREED}. No agreement is in force without every party's acceptance.
   *
   * @param actor the party itself: the resident, or a representative of the organisation
   * @param caseId the case
   * @param partyId the party accepting
   * @return the case
   * @throws PermissionDeniedException if the actor does not act for that party
   * @throws ValidationException naming {@code partyId} if it is not a party
   * @throws ConflictException unless an agreement is pending, or if the party has accepted it already
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase accept(Actor actor, String caseId, String partyId) {
    checkNotNull(partyId, "partyId");
    return change(actor, caseId, "mediation.accept", (c, now) -> {
      DisputeParty p = partyActing(actor, c, partyId, "mediation.accept");
      state(c, "accept an agreement", CaseState.PROPOSED);
      MediationAgreement a = c.latestAgreement().orElseThrow();
      if (a.acceptedBy().contains(p.id())) {
        throw new ConflictException("party " + p.id() + " has already accepted agreement " + a.number() + " of case " + c.id());
      }
      List<EventData> events = new ArrayList<>();
      events.add(CaseBook.event(CaseBook.ACCEPTED, Json.fields("party", p.id()), actor.id(), now));
      Set<String> accepted = new HashSet<>(a.acceptedBy());
      accepted.add(p.id());
      if (c.parties().stream().allMatch(x -> accepted.contains(x.id()))) {
        events.add(CaseBook.event(CaseBook.CONCLUDED, Json.fields(), actor.id(), now));
      }
      return events;
    });
  }

  /**
   * A party declines the pending agreement; mediation goes on.
   *
   * @param actor the party itself
   * @param caseId the case
   * @param partyId the party declining
   * @return the case, in mediation
   * @throws PermissionDeniedException if the actor does not act for that party
   * @throws ValidationException naming {@code partyId} if it is not a party
   * @throws ConflictException unless an agreement is pending
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase decline(Actor actor, String caseId, String partyId) {
    checkNotNull(partyId, "partyId");
    return change(actor, caseId, "mediation.decline", (c, now) -> {
      DisputeParty p = partyActing(actor, c, partyId, "mediation.decline");
      state(c, "decline an agreement", CaseState.PROPOSED);
      return List.of(CaseBook.event(CaseBook.DECLINED, Json.fields("party", p.id()), actor.id(), now));
    });
  }

  /**
   * Records a follow-up visit (回访) that checks every term of the agreement in force. A breached
   * term reopens the case for mediation (also after it was closed).
   *
   * @param actor the case's mediator, a coordinator or the residents' committee
   * @param caseId the case
   * @param checks what was found for each term, by term id: every term of the agreement in force
   * @param satisfaction the parties' satisfaction, 1 to 5, if asked
   * @return the case
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException naming {@code checks} or {@code satisfaction} if a term is missing
   *     or unknown or the satisfaction is out of range
   * @throws ConflictException unless an agreement is in force (agreed or closed case)
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase followUp(Actor actor, String caseId, Map<String, TermCheck> checks, OptionalInt satisfaction) {
    checkNotNull(checks, "checks");
    checkNotNull(satisfaction, "satisfaction");
    Map<String, TermCheck> copy = new TreeMap<>();
    checks.forEach((k, v) -> copy.put(checkNotNull(k, "checks key"), checkNotNull(v, "checks value")));
    return change(actor, caseId, "mediation.followUp", (c, now) -> {
      requireHandler(actor, c, "mediation.followUp");
      state(c, "follow up", CaseState.AGREED, CaseState.CLOSED);
      MediationAgreement a = inForce(c).orElseThrow(() -> new ConflictException("case " + c.id() + " has no agreement in force"));
      Set<String> termIds = new java.util.TreeSet<>();
      a.terms().forEach(t -> termIds.add(t.id()));
      if (!copy.keySet().equals(termIds)) {
        throw new ValidationException("checks", copy.keySet(), "must check every term of agreement " + a.number() + ": " + termIds);
      }
      if (satisfaction.isPresent() && (satisfaction.getAsInt() < 1 || satisfaction.getAsInt() > 5)) {
        throw new ValidationException("satisfaction", satisfaction.getAsInt(), "must be 1 to 5");
      }
      return List.of(CaseBook.followedUp(copy, satisfaction, actor.id(), now));
    });
  }

  /**
   * Closes an agreed case (结案); follow-ups may still come and a breach reopens it.
   *
   * @param actor the case's mediator, a coordinator or the residents' committee
   * @param caseId the case
   * @return the closed case
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException unless the case is agreed
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase close(Actor actor, String caseId) {
    return change(actor, caseId, "mediation.close", (c, now) -> {
      requireHandler(actor, c, "mediation.close");
      state(c, "close", CaseState.AGREED);
      return List.of(CaseBook.event(CaseBook.CLOSED, Json.fields(), actor.id(), now));
    });
  }

  /**
   * A party reopens a closed case within the reopen window of the rules. A closed case reopens only
   * this way or by a breach found at a follow-up.
   *
   * @param actor the party itself
   * @param caseId the case
   * @param partyId the party reopening it
   * @return the case, in mediation
   * @throws PermissionDeniedException if the actor does not act for that party
   * @throws ValidationException naming {@code partyId} if it is not a party
   * @throws ConflictException unless the case is closed and the window still open
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase reopen(Actor actor, String caseId, String partyId) {
    checkNotNull(partyId, "partyId");
    return change(actor, caseId, "mediation.reopen", (c, now) -> {
      DisputeParty p = partyActing(actor, c, partyId, "mediation.reopen");
      state(c, "reopen", CaseState.CLOSED);
      Instant until = plus(c.closedAt().orElseThrow(), rules.reopenWindow());
      if (now.isAfter(until)) {
        throw new ConflictException("case " + c.id() + " was closed at " + c.closedAt().get() + ": the window to reopen it ended at "
            + until);
      }
      return List.of(CaseBook.event(CaseBook.REOPENED, Json.fields("party", p.id()), actor.id(), now));
    });
  }

  /**
   * Moves a case up the ladder, recording the reason and who decided. Grid, community and street
   * take open cases upwards; judicial confirmation takes an agreed (or closed) case whose agreement
   * is in force; court and arbitration take an open case out of mediation ({@link
   * CaseState#REFERRED}).
   *
   * @param actor the case's mediator, a coordinator, the residents' committee or the Party committee
   * @param caseId the case
   * @param to the level, above the current one
   * @param reason why
   * @return the case
   * @throws PermissionDeniedException if the actor may not
   * @throws ValidationException naming {@code to} if it is not above the current level
   * @throws ConflictException if the case's state does not allow that step
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase escalate(Actor actor, String caseId, EscalationLevel to, EscalationReason reason) {
    checkNotNull(to, "to");
    checkNotNull(reason, "reason");
    return change(actor, caseId, "mediation.escalate", (c, now) -> {
      if (!actor.hasAny(ESCALATORS) && !mediates(actor, c)) {
        throw denied(actor, "mediation.escalate", "only staff, the Party committee or the case's mediator may escalate");
      }
      if (to.compareTo(c.level()) <= 0) {
        throw new ValidationException("to", to, "must be above the case's level " + c.level());
      }
      if (to == EscalationLevel.JUDICIAL_CONFIRMATION) {
        state(c, "apply for judicial confirmation", CaseState.AGREED, CaseState.CLOSED);
        if (inForce(c).isEmpty()) {
          throw new ConflictException("case " + c.id() + " has no agreement in force to confirm");
        }
      } else {
        state(c, "escalate to " + to, CaseState.FILED, CaseState.MEDIATING, CaseState.PROPOSED);
      }
      return List.of(CaseBook.event(CaseBook.ESCALATED, Json.fields("to", to.name(), "reason", reason.name()), actor.id(), now));
    });
  }

  /**
   * Withdraws an open case.
   *
   * @param actor the applicant party itself, a coordinator or the residents' committee
   * @param caseId the case
   * @return the withdrawn case
   * @throws PermissionDeniedException if the actor may not
   * @throws ConflictException unless the case is open
   * @throws NotFoundException if there is no such case
   */
  public DisputeCase withdraw(Actor actor, String caseId) {
    return change(actor, caseId, "mediation.withdraw", (c, now) -> {
      if (!actor.hasAny(HANDLERS) && !actsAs(actor, c.party(c.applicant()).orElseThrow())) {
        throw denied(actor, "mediation.withdraw", "only the applicant or staff may withdraw a case");
      }
      state(c, "withdraw", CaseState.FILED, CaseState.MEDIATING, CaseState.PROPOSED);
      return List.of(CaseBook.event(CaseBook.WITHDRAWN, Json.fields(), actor.id(), now));
    });
  }

  // ------------------------------------------------------------------------------------- reads

  /**
   * A case as it is now. Parties see their own case only.
   *
   * @param actor a party or the mediator of the case, a coordinator, the residents' committee, the
   *     Party committee or the system
   * @param caseId the case
   * @return the case, or empty if there is none
   * @throws PermissionDeniedException if the actor may not see it
   */
  public Optional<DisputeCase> find(Actor actor, String caseId) {
    checkNotNull(actor, "actor");
    checkNotNull(caseId, "caseId");
    book.catchUp();
    Optional<DisputeCase> c = book.current(caseId);
    if (!actor.hasAny(READERS) && (c.isEmpty() || !(mediates(actor, c.get()) || party(actor, c.get())))) {
      throw new PermissionDeniedException(actor, "mediation.find", "only staff, the case's mediator or its parties may see a case");
    }
    return c;
  }

  /**
   * The cases an actor may see: every case for a coordinator, the residents' committee, the Party
   * committee or the system; for anyone else the cases they are a party to or mediate.
   *
   * @param actor the actor
   * @return the cases, by id
   */
  public List<DisputeCase> cases(Actor actor) {
    checkNotNull(actor, "actor");
    book.catchUp();
    List<DisputeCase> out = new ArrayList<>();
    for (DisputeCase c : book.all()) {
      if (actor.hasAny(READERS) || mediates(actor, c) || party(actor, c)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The facts as submitted, read from the personal-data store (the read is recorded in its access
   * log).
   *
   * @param actor a party or the mediator of the case, a coordinator or the residents' committee
   * @param caseId the case
   * @return the facts, or empty once erased
   * @throws PermissionDeniedException if the actor may not read them
   * @throws NotFoundException if there is no such case
   */
  public Optional<String> facts(Actor actor, String caseId) {
    DisputeCase c = readable(actor, caseId, "mediation.facts");
    return book.factsRecord(caseId).map(r -> keeper.recall(actor.id(), ResidentId.of(c.applicant()), r).get(NEED_TEXT));
  }

  /**
   * The terms of the latest agreement with their wording, read from the personal-data store (each
   * read recorded); a term whose wording was erased has an empty one.
   *
   * @param actor a party or the mediator of the case, a coordinator or the residents' committee
   * @param caseId the case
   * @return the terms; empty if no agreement was proposed
   * @throws PermissionDeniedException if the actor may not read them
   * @throws NotFoundException if there is no such case
   */
  public List<AgreementTerm> terms(Actor actor, String caseId) {
    DisputeCase c = readable(actor, caseId, "mediation.terms");
    Optional<MediationAgreement> a = c.latestAgreement();
    if (a.isEmpty()) {
      return List.of();
    }
    List<AgreementTerm> out = new ArrayList<>();
    for (AgreementTerm t : a.get().terms()) {
      String wording = book.termRecord(caseId, a.get().number(), t.id())
          .map(r -> keeper.recall(actor.id(), ResidentId.of(c.applicant()), r).get(NEED_TEXT)).orElse(null);
      out.add(wording == null ? t : AgreementTerm.of(t.id(), t.owner(), t.due(), wording));
    }
    return out;
  }

  /**
   * The open cases past their step's deadline now: a case at the grid, community or street level
   * that is filed, in mediation or has a proposal pending, longer than the rules allow (for a
   * high-risk case, longer than the high-risk limit since the flag), most overdue first.
   *
   * @param actor a coordinator, the residents' committee, the Party committee or the system
   * @return the overdue cases
   * @throws PermissionDeniedException if the actor may not
   */
  public List<OverdueCase> overdue(Actor actor) {
    checkNotNull(actor, "actor");
    actor.require("mediation.overdue", READERS);
    book.catchUp();
    Instant now = now();
    List<OverdueCase> out = new ArrayList<>();
    for (DisputeCase c : book.all()) {
      Optional<Instant> due = due(c);
      if (due.isPresent() && now.isAfter(due.get())) {
        out.add(new OverdueCase(c.id(), c.level(), c.state(), c.risk(), c.levelSince(), due.get(), Duration.between(due.get(), now)));
      }
    }
    out.sort((x, y) -> y.overdueBy().compareTo(x.overdueBy()));
    return out;
  }

  /**
   * The open high-risk cases (flagged for violence or a group incident), newest flag first.
   *
   * @param actor a coordinator, the residents' committee, the Party committee or the system
   * @return the cases
   * @throws PermissionDeniedException if the actor may not
   */
  public List<DisputeCase> alerts(Actor actor) {
    checkNotNull(actor, "actor");
    actor.require("mediation.alerts", READERS);
    book.catchUp();
    List<DisputeCase> out = new ArrayList<>();
    for (DisputeCase c : book.all()) {
      if (c.risk() == RiskLevel.HIGH && (c.state().open() || c.state() == CaseState.AGREED)) {
        out.add(c);
      }
    }
    out.sort((x, y) -> y.riskRaisedAt().orElseThrow().compareTo(x.riskRaisedAt().orElseThrow()));
    return out;
  }

  /**
   * The deadline of a case's current step, if it has one.
   *
   * @param c the case
   * @return the instant its step is due
   */
  public Optional<Instant> due(DisputeCase c) {
    checkNotNull(c, "case");
    if (!c.state().open()) {
      return Optional.empty();
    }
    Optional<Duration> limit = rules.deadline(c.level());
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    Instant due = plus(c.levelSince(), limit.get());
    if (c.risk() == RiskLevel.HIGH) {
      // a high-risk case is acted on within the high-risk limit of the flag, or of the step if it began later
      Instant raised = c.riskRaisedAt().orElse(c.levelSince());
      Instant urgent = plus(raised.isAfter(c.levelSince()) ? raised : c.levelSince(), rules.highRiskResponse());
      if (urgent.isBefore(due)) {
        due = urgent;
      }
    }
    return Optional.of(due);
  }

  // ----------------------------------------------------------------------------------- figures

  /**
   * The figures of a period as core {@link Observation}s (source {@code mediation}), for the
   * scorecard. Days are calendar days in the clock's zone; a figure without cases to measure is
   * left out rather than reported as 0.
   *
   * <ul>
   *   <li>{@code mediation.cases} (count): cases filed in the period, scope the community; the same
   *       per grid cell with the cell as scope; and {@code mediation.cases.<category>} per category
   *       (lower-case id), scope the community;
   *   <li>{@code mediation.resolution_rate} (share): of the cases filed in the period, those with
   *       an agreement every party accepted by the period's end;
   *   <li>{@code mediation.median_days_to_agreement} (days): from filing to the first agreement,
   *       over the cases whose first agreement came into force in the period;
   *   <li>{@code mediation.agreements_holding_30d} and {@code _90d} (share): over the agreements
   *       whose 30th (90th) day after coming into force falls in the period and that were either
   *       followed up on or after that day, or found breached before it: the share whose terms were
   *       all found kept or not yet due at every follow-up up to and including the first one on or
   *       after that day;
   *   <li>{@code mediation.recurrence_rate} (share): of the cases filed in the period, those with
   *       an earlier case between two of the same parties filed within the six months before;
   *   <li>{@code mediation.satisfaction} (score 1–5): the mean satisfaction given at follow-ups in
   *       the period.
   * </ul>
   *
   * @param period the period
   * @return the observations
   * @throws ValidationException if the period lies beyond the dates the clock's zone can express
   */
  public List<Observation> observations(Period period) {
    checkNotNull(period, "period");
    book.catchUp();
    ZoneId zone = clock.getZone();
    Instant from = Checks.time("period.start", period.start(), () -> period.start().atStartOfDay(zone).toInstant());
    Instant to = Checks.time("period.end", period.end(), () -> period.end().atStartOfDay(zone).toInstant());
    String scope = book.tenant();
    List<DisputeCase> all = book.all();
    List<DisputeCase> filed = new ArrayList<>();
    for (DisputeCase c : all) {
      if (!c.filedAt().isBefore(from) && c.filedAt().isBefore(to)) {
        filed.add(c);
      }
    }
    List<Observation> out = new ArrayList<>();
    if (!filed.isEmpty()) {
      out.add(obs("mediation.cases", filed.size(), period, scope, "count"));
      Map<String, Integer> byCategory = new TreeMap<>();
      Map<String, Integer> byArea = new TreeMap<>();
      int agreed = 0;
      int recurring = 0;
      for (DisputeCase c : filed) {
        byCategory.merge(c.category().id().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        c.gridCell().ifPresent(g -> byArea.merge(g, 1, Integer::sum));
        if (c.firstAgreementAt().filter(a -> a.isBefore(to)).isPresent()) {
          agreed++;
        }
        if (recurs(c, all, zone)) {
          recurring++;
        }
      }
      byCategory.forEach((k, n) -> out.add(obs("mediation.cases." + k, n, period, scope, "count")));
      byArea.forEach((area, n) -> out.add(obs("mediation.cases", n, period, area, "count")));
      out.add(obs("mediation.resolution_rate", (double) agreed / filed.size(), period, scope, "share"));
      out.add(obs("mediation.recurrence_rate", (double) recurring / filed.size(), period, scope, "share"));
    }
    List<Double> days = new ArrayList<>();
    List<Integer> satisfaction = new ArrayList<>();
    for (DisputeCase c : all) {
      c.firstAgreementAt().filter(a -> !a.isBefore(from) && a.isBefore(to))
          .ifPresent(a -> days.add(Duration.between(c.filedAt(), a).toSeconds() / 86_400.0));
      for (FollowUp f : c.followUps()) {
        if (!f.at().isBefore(from) && f.at().isBefore(to) && f.satisfaction().isPresent()) {
          satisfaction.add(f.satisfaction().getAsInt());
        }
      }
    }
    if (!days.isEmpty()) {
      days.sort(Double::compare);
      int n = days.size();
      double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2;
      out.add(obs("mediation.median_days_to_agreement", median, period, scope, "days"));
    }
    for (int horizon : new int[] {30, 90}) {
      int checked = 0;
      int held = 0;
      for (DisputeCase c : all) {
        for (MediationAgreement a : c.agreements()) {
          if (a.concludedAt().isEmpty()) {
            continue;
          }
          Instant mark = plus(a.concludedAt().get(), Duration.ofDays(horizon));
          if (mark.isBefore(from) || !mark.isBefore(to)) {
            continue;
          }
          Optional<Boolean> holds = holds(c, a.number(), horizon);
          if (holds.isPresent()) {
            checked++;
            held += holds.get() ? 1 : 0;
          }
        }
      }
      if (checked > 0) {
        out.add(obs("mediation.agreements_holding_" + horizon + "d", (double) held / checked, period, scope, "share"));
      }
    }
    if (!satisfaction.isEmpty()) {
      out.add(obs("mediation.satisfaction", satisfaction.stream().mapToInt(Integer::intValue).average().orElseThrow(), period, scope,
          "score"));
    }
    return out;
  }

  /** Whether agreement n held at its horizon: empty if not yet known. */
  private static Optional<Boolean> holds(DisputeCase c, int agreement, int horizon) {
    for (FollowUp f : c.followUps()) {
      if (f.agreement() != agreement) {
        continue;
      }
      if (f.breached()) {
        return Optional.of(false);
      }
      if (f.daysAfterAgreement() >= horizon) {
        return Optional.of(true);
      }
    }
    return Optional.empty();
  }

  private static boolean recurs(DisputeCase c, List<DisputeCase> all, ZoneId zone) {
    LocalDate filed = LocalDate.ofInstant(c.filedAt(), zone);
    LocalDate since = filed.minusMonths(6);
    Set<String> mine = new HashSet<>();
    c.parties().forEach(p -> mine.add(p.id()));
    for (DisputeCase o : all) {
      if (o.id().equals(c.id()) || !o.filedAt().isBefore(c.filedAt())) {
        continue;
      }
      LocalDate d = LocalDate.ofInstant(o.filedAt(), zone);
      if (d.isBefore(since)) {
        continue;
      }
      int shared = 0;
      for (DisputeParty p : o.parties()) {
        shared += mine.contains(p.id()) ? 1 : 0;
      }
      if (shared >= 2) {
        return true;
      }
    }
    return false;
  }

  private static Observation obs(String id, double value, Period period, String scope, String unit) {
    return Observation.builder().indicatorId(id).value(value).period(period).scope(scope).unit(unit).source("mediation").build();
  }

  // ----------------------------------------------------------------------------------- helpers

  /** Decides a change of one stored case and answers with the case after it. */
  private DisputeCase change(Actor actor, String caseId, String action,
      java.util.function.BiFunction<DisputeCase, Instant, List<EventData>> decide) {
    checkNotNull(actor, "actor");
    checkNotNull(caseId, "caseId");
    return book.runCase(commandId, caseId, () -> {
      DisputeCase c = book.current(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
      return decide.apply(c, stamp(caseId));
    }, e -> found(caseId));
  }

  private DisputeCase found(String caseId) {
    return book.current(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
  }

  private DisputeCase readable(Actor actor, String caseId, String action) {
    checkNotNull(actor, "actor");
    checkNotNull(caseId, "caseId");
    book.catchUp();
    Optional<DisputeCase> c = book.current(caseId);
    if (!actor.hasAny(HANDLERS) && (c.isEmpty() || !(mediates(actor, c.get()) || party(actor, c.get())))) {
      throw new PermissionDeniedException(actor, action, "only the case's parties and mediator, coordinators and the residents' committee");
    }
    return c.orElseThrow(() -> new NotFoundException("case", caseId));
  }

  private static boolean actsAs(Actor actor, DisputeParty p) {
    if (!p.actsFor(actor.id())) {
      return false;
    }
    return p.kind() == PartyKind.RESIDENT ? actor.has(Role.RESIDENT) : actor.has(Role.MEMBER_REPRESENTATIVE);
  }

  private static boolean party(Actor actor, DisputeCase c) {
    return c.parties().stream().anyMatch(p -> actsAs(actor, p));
  }

  private static boolean mediates(Actor actor, DisputeCase c) {
    return c.mediator().equals(Optional.of(actor.id()));
  }

  private static DisputeParty partyActing(Actor actor, DisputeCase c, String partyId, String action) {
    DisputeParty p = c.party(partyId).orElse(null);
    if (p == null || !actsAs(actor, p)) {
      if (p == null && party(actor, c)) {
        throw new ValidationException("partyId", partyId, "is not a party to case " + c.id());
      }
      throw denied(actor, action, "only the party itself may do this");
    }
    return p;
  }

  private static void requireHandler(Actor actor, DisputeCase c, String action) {
    if (!actor.hasAny(HANDLERS) && !mediates(actor, c)) {
      throw denied(actor, action, "only the case's mediator, a coordinator or the residents' committee");
    }
  }

  private static void require(Actor actor, String action, Set<Role> roles) {
    actor.require(action, roles);
  }

  private static PermissionDeniedException denied(Actor actor, String action, String why) {
    return new PermissionDeniedException(actor, action, why);
  }

  private static void state(DisputeCase c, String action, CaseState... allowed) {
    for (CaseState s : allowed) {
      if (c.state() == s) {
        return;
      }
    }
    throw new ConflictException("case " + c.id() + " is " + c.state() + ": cannot " + action + " (only when "
        + java.util.Arrays.toString(allowed) + ")");
  }

  private static Optional<MediationAgreement> inForce(DisputeCase c) {
    for (int i = c.agreements().size() - 1; i >= 0; i--) {
      if (c.agreements().get(i).status() == AgreementStatus.IN_FORCE) {
        return Optional.of(c.agreements().get(i));
      }
    }
    return Optional.empty();
  }

  private static Instant plus(Instant at, Duration d) {
    try {
      return at.plus(d);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Now, but never before the case's last event (a clock that steps back never reorders a case). */
  private Instant stamp(String caseId) {
    Instant now = now();
    Instant last = book.lastChange(caseId).orElse(now);
    return now.isBefore(last) ? last : now;
  }

  @Override
  public String toString() {
    return "Mediation{" + book.tenant() + ", " + book.all().size() + " cases, " + book.roster().size() + " mediators, taxonomy "
        + book.taxonomy().key() + "}";
  }

  /** For tests in this package: every case as stored. */
  Map<String, DisputeCase> stored() {
    Map<String, DisputeCase> m = new LinkedHashMap<>();
    book.all().forEach(c -> m.put(c.id(), c));
    return m;
  }
}

package io.github.linli.core.alliance;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benefit cards: one stream per card ({@code card/<id>}: issue, status changes, renewals) and one
 * per holder ({@code cardholder/<resident>}: which card is live, erasures of the resident's
 * personal data). Issuing a card appends
 * to both at the versions read, so two servers cannot give one resident two live cards: the second
 * append finds the holder stream moved, decides again, and refuses. The holder's birth date,
 * household flags and area live in the personal-data store; events hold none of them.
 */
final class CardBook extends FeedState {
  static final Set<Role> CARD_ROLES = EnumSet.of(Role.ALLIANCE_ADMIN, Role.RESIDENTS_COMMITTEE, Role.COORDINATOR);
  static final Set<Role> ERASE_ROLES = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);

  private final Clock clock;
  private final PersonalRecords personal;
  /** Cards without personal values, in order of issue. */
  private final Map<String, BenefitCard> cards = new LinkedHashMap<>();
  private final Map<ResidentId, String> liveCardOf = new HashMap<>();
  private final Map<ResidentId, List<String>> cardsOf = new HashMap<>();

  CardBook(EventStore store, String tenant, Clock clock, PersonalRecords personal) {
    super(store, tenant, List.of(AllianceEvents.CARD, AllianceEvents.HOLDER));
    this.clock = clock;
    this.personal = personal;
  }

  StreamId stream(String cardId) {
    return StreamId.of(tenant, AllianceEvents.CARD, cardId);
  }

  StreamId holderStream(ResidentId holder) {
    return StreamId.of(tenant, AllianceEvents.HOLDER, holder.value());
  }

  @Override
  protected void apply(RecordedEvent e) {
    String id = e.stream().id();
    switch (e.type()) {
      case AllianceEvents.CARD_ISSUED: {
        BenefitCard c = AllianceEvents.issued(e);
        if (cards.containsKey(id)) {
          throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + tenant
              + " issues a card that exists");
        }
        cards.put(id, c);
        cardsOf.computeIfAbsent(c.holder(), k -> new ArrayList<>()).add(id);
        break;
      }
      case AllianceEvents.CARD_STATUS_CHANGED:
        cards.put(id, existing(e).withStatus(AllianceEvents.status(e)));
        break;
      case AllianceEvents.CARD_RENEWED:
        cards.put(id, existing(e).withValidUntil(AllianceEvents.renewed(e)));
        break;
      case AllianceEvents.CARD_LINKED:
        liveCardOf.put(ResidentId.of(id), AllianceEvents.link(e));
        break;
      case AllianceEvents.CARD_RELEASED:
        AllianceEvents.link(e);
        liveCardOf.remove(ResidentId.of(id));
        break;
      case AllianceEvents.PERSONAL_DATA_ERASED:
        AllianceEvents.erased(e);
        for (String card : cardsOf.getOrDefault(ResidentId.of(id), List.of())) {
          personal.forgetFacts(card);
        }
        break;
      default:
        throw AllianceEvents.unknown(e);
    }
  }

  private BenefitCard existing(RecordedEvent e) {
    BenefitCard c = cards.get(e.stream().id());
    if (c == null) {
      throw new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + tenant
          + " changes a card never issued");
    }
    return c;
  }

  // --------------------------------------------------------------------------------- commands

  BenefitCard issue(String commandId, Actor actor, BenefitCard card) {
    BenefitCard issued = execute(commandId, () -> {
      actor.require("card.issue", CARD_ROLES);
      LocalDate today = LocalDate.now(clock);
      if (card.status() != CardStatus.ACTIVE) {
        throw new ValidationException("card.status", card.status(), "a new card must be ACTIVE");
      }
      if (card.validUntil().isBefore(today)) {
        throw new ValidationException("card.validUntil", card.validUntil(), "is before today " + today);
      }
      if (cards.containsKey(card.id())) {
        throw new ConflictException("card " + card.id() + " already exists, status " + cards.get(card.id()).status());
      }
      String live = liveCardOf.get(card.holder());
      if (live != null) {
        throw new ConflictException("resident " + card.holder() + " already holds card " + live + ", status " + cards.get(live).status());
      }
      StreamId h = holderStream(card.holder());
      return AppendRequest.to(stream(card.id()), AppendRequest.NO_STREAM, AllianceEvents.issued(card, actor.id(), clock.instant()))
          .and(h, version(h), List.of(AllianceEvents.link(AllianceEvents.CARD_LINKED, card.id())));
    }, recorded -> {
      if (recorded.isEmpty() || !recorded.get(0).type().equals(AllianceEvents.CARD_ISSUED) || !cards.containsKey(card.id())) {
        throw new ConflictException("the command id was recorded for another command (no issue of card " + card.id() + ")");
      }
      return cards.get(card.id());
    });
    if (card.holdsPersonalData()) {
      personal.putFacts(actor, card);
    }
    return view(issued.id());
  }

  BenefitCard move(String commandId, Actor actor, String cardId, String action, Set<CardStatus> from, CardStatus to) {
    execute(commandId, () -> {
      BenefitCard c = require(cardId);
      actor.require(action, CARD_ROLES);
      if (!from.contains(c.status())) {
        throw new ConflictException("card " + cardId + " is " + c.status() + ": " + action + " needs " + from);
      }
      AppendRequest r = AppendRequest.to(stream(cardId), version(stream(cardId)), AllianceEvents.status(to, actor.id(), clock.instant()));
      if (to == CardStatus.REVOKED) {
        StreamId h = holderStream(c.holder());
        r = r.and(h, version(h), List.of(AllianceEvents.link(AllianceEvents.CARD_RELEASED, cardId)));
      }
      return r;
    }, recorded -> null);
    return view(cardId);
  }

  BenefitCard renew(String commandId, Actor actor, String cardId, LocalDate validUntil) {
    execute(commandId, () -> {
      BenefitCard c = require(cardId);
      actor.require("card.renew", CARD_ROLES);
      LocalDate today = LocalDate.now(clock);
      if (c.status() == CardStatus.REVOKED) {
        throw new ConflictException("card " + cardId + " is REVOKED: issue a new card");
      }
      if (!validUntil.isAfter(c.validUntil()) || validUntil.isBefore(today)) {
        throw new ValidationException("card.validUntil", validUntil, "must be after " + c.validUntil() + " and not before today " + today);
      }
      return AppendRequest.to(stream(cardId), version(stream(cardId)), AllianceEvents.renewed(validUntil, actor.id(), clock.instant()));
    }, recorded -> null);
    return view(cardId);
  }

  int erase(String commandId, Actor actor, ResidentId resident) {
    return execute(commandId, () -> {
      if (!actor.id().equals(resident.value()) && !actor.hasAny(ERASE_ROLES)) {
        throw new PermissionDeniedException(actor, "card.erasePersonalData " + resident,
            "only the resident or one of " + ERASE_ROLES + " may erase personal data");
      }
      List<String> held = new ArrayList<>();
      for (String card : cardsOf.getOrDefault(resident, List.of())) {
        if (personal.holdsFacts(card)) {
          held.add(card);
        }
      }
      if (held.isEmpty()) {
        return null;
      }
      for (String card : held) {
        personal.eraseFacts(actor, card);
      }
      StreamId h = holderStream(resident);
      return AppendRequest.to(h, version(h), AllianceEvents.erased(actor.id(), clock.instant(), held.size()));
    }, recorded -> recorded.isEmpty() ? 0 : AllianceEvents.erased(recorded.get(0)));
  }

  // ---------------------------------------------------------------------------------- queries

  synchronized BenefitCard require(String cardId) {
    BenefitCard c = cardId == null ? null : cards.get(cardId);
    if (c == null) {
      throw new NotFoundException("card", cardId);
    }
    return c;
  }

  /** A card as it is now, with its holder's facts from the personal-data store. */
  synchronized BenefitCard view(String cardId) {
    BenefitCard c = require(cardId);
    PersonalRecords.Facts f = personal.facts(cardId);
    return f.any() ? f.on(c) : c;
  }

  synchronized List<BenefitCard> views() {
    List<BenefitCard> out = new ArrayList<>(cards.size());
    for (String id : cards.keySet()) {
      out.add(view(id));
    }
    return out;
  }

  /** Cards without personal values (what figures need). */
  synchronized List<BenefitCard> plain() {
    return List.copyOf(cards.values());
  }

  synchronized int count() {
    return cards.size();
  }

  // --------------------------------------------------------------------------------- snapshot

  static final String SNAPSHOT = "alliance-cards";
  private static final String FORMAT = "linli.alliance-cards";
  private static final List<String> STATE = List.of("format", "version", "position", "streams", "cards", "holders");
  private static final List<String> CARD = List.of("id", "holder", "validUntil", "status");

  synchronized void saveSnapshot() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("format", FORMAT);
    o.put("version", 1);
    o.put("position", position());
    o.put("streams", Snapshots.versions(versions()));
    List<Object> cs = new ArrayList<>();
    for (BenefitCard c : cards.values()) {
      cs.add(Json.fields("id", c.id(), "holder", c.holder().value(), "validUntil", c.validUntil().toString(), "status",
          c.status().name()));
    }
    o.put("cards", cs);
    List<Object> hs = new ArrayList<>();
    for (Map.Entry<ResidentId, String> e : liveCardOf.entrySet()) {
      hs.add(List.of(e.getKey().value(), e.getValue()));
    }
    o.put("holders", hs);
    saveSnapshot(SNAPSHOT, "AllianceCards", 1, Json.write(o));
  }

  synchronized boolean loadSnapshot() {
    return Snapshots.load(store, snapshotStream(SNAPSHOT), "AllianceCards", FORMAT, this::readSnapshot, this::clear);
  }

  private void readSnapshot(Map<String, Object> root) {
    JsonFields f = new JsonFields(root, "", STATE);
    List<Object> cs = f.array("cards");
    for (int i = 0; i < cs.size(); i++) {
      JsonFields c = f.element("cards", i, cs.get(i), CARD);
      BenefitCard card = ImmutableBenefitCard.builder().id(c.id("id")).holder(ResidentId.of(c.id("holder")))
          .validUntil(c.date("validUntil", false)).status(c.enumValue("status", CardStatus.class, false)).build();
      cards.put(card.id(), card);
      cardsOf.computeIfAbsent(card.holder(), k -> new ArrayList<>()).add(card.id());
    }
    for (Object o : f.array("holders")) {
      List<?> l = (List<?>) o;
      liveCardOf.put(ResidentId.of((String) l.get(0)), (String) l.get(1));
    }
    restored(f.integer("position", 0, Long.MAX_VALUE), Snapshots.versions(tenant, f.array("streams")));
  }

  private void clear() {
    cards.clear();
    liveCardOf.clear();
    cardsOf.clear();
    restored(0, Map.of());
  }
}

package io.github.linli.core.alliance;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored form of the alliance's events: type, type version and a JSON object that holds no
 * personal value (contacts and the cards' birth dates, household flags and areas live in the
 * personal-data store; events say only whether a member has a contact). Stateless; thread-safe.
 *
 * <table>
 *   <caption>Event types</caption>
 *   <tr><th>stream</th><th>type</th><th>version</th><th>fields</th></tr>
 *   <tr><td>member/&lt;id&gt;</td><td>MemberRegistered</td><td>1</td><td>member (profile, contact
 *       null), hasContact, status, actorId, authority, inheritedFrom, at</td></tr>
 *   <tr><td>member/&lt;id&gt;</td><td>MembershipChanged</td><td>1</td><td>action, from, to, actorId,
 *       authority, resolutionId, inheritedFrom, at</td></tr>
 *   <tr><td>member/&lt;id&gt;</td><td>ContactErased</td><td>1</td><td>actorId, at</td></tr>
 *   <tr><td>member/&lt;parent&gt;</td><td>FollowerRegistered</td><td>1</td><td>follower (a sub-unit
 *       that follows this member registered; orders it against the parent's changes)</td></tr>
 *   <tr><td>enactment/&lt;resolution&gt;</td><td>ResolutionEnacted</td><td>1</td><td>member,
 *       action, actorId, at</td></tr>
 *   <tr><td>pledge/&lt;id&gt;</td><td>PledgeRegistered</td><td>1</td><td>pledge, actorId, at</td></tr>
 *   <tr><td>pledge/&lt;id&gt;</td><td>DeliveryRecorded</td><td>2</td><td>cardId, units, actorId,
 *       at, day (v1 had no day: upcast with the reading alliance's zone)</td></tr>
 *   <tr><td>card/&lt;id&gt;</td><td>CardIssued</td><td>1</td><td>holder, validUntil, actorId,
 *       at</td></tr>
 *   <tr><td>card/&lt;id&gt;</td><td>CardStatusChanged</td><td>1</td><td>status, actorId, at</td></tr>
 *   <tr><td>card/&lt;id&gt;</td><td>CardRenewed</td><td>1</td><td>validUntil, actorId, at</td></tr>
 *   <tr><td>cardholder/&lt;resident&gt;</td><td>CardLinked, CardReleased</td><td>1</td><td>card</td></tr>
 *   <tr><td>cardholder/&lt;resident&gt;</td><td>PersonalDataErased</td><td>1</td><td>actorId, at,
 *       cards</td></tr>
 * </table>
 */
final class AllianceEvents {
  static final String MEMBER = "member";
  static final String ENACTMENT = "enactment";
  static final String PLEDGE = "pledge";
  static final String CARD = "card";
  static final String HOLDER = "cardholder";

  static final String MEMBER_REGISTERED = "MemberRegistered";
  static final String MEMBERSHIP_CHANGED = "MembershipChanged";
  static final String CONTACT_ERASED = "ContactErased";
  static final String FOLLOWER_REGISTERED = "FollowerRegistered";
  static final String RESOLUTION_ENACTED = "ResolutionEnacted";
  static final String PLEDGE_REGISTERED = "PledgeRegistered";
  static final String DELIVERY_RECORDED = "DeliveryRecorded";
  static final String CARD_ISSUED = "CardIssued";
  static final String CARD_STATUS_CHANGED = "CardStatusChanged";
  static final String CARD_RENEWED = "CardRenewed";
  static final String CARD_LINKED = "CardLinked";
  static final String CARD_RELEASED = "CardReleased";
  static final String PERSONAL_DATA_ERASED = "PersonalDataErased";

  static final List<String> REGISTERED = List.of("member", "hasContact", "status", "actorId", "authority", "inheritedFrom", "at");
  static final List<String> CHANGED = List.of("action", "from", "to", "actorId", "authority", "resolutionId", "inheritedFrom", "at");
  static final List<String> BY = List.of("actorId", "at");
  static final List<String> FOLLOWER = List.of("follower");
  static final List<String> ENACTED = List.of("member", "action", "actorId", "at");
  static final List<String> PLEDGED = List.of("pledge", "actorId", "at");
  static final List<String> DELIVERY_V1 = List.of("cardId", "units", "actorId", "at");
  static final List<String> DELIVERY_V2 = List.of("cardId", "units", "actorId", "at", "day");
  static final List<String> ISSUED = List.of("holder", "validUntil", "actorId", "at");
  static final List<String> STATUS = List.of("status", "actorId", "at");
  static final List<String> RENEWED = List.of("validUntil", "actorId", "at");
  static final List<String> LINK = List.of("card");
  static final List<String> ERASED = List.of("actorId", "at", "cards");

  private static final Set<String> NAMES;

  static {
    Set<String> names = new HashSet<>(SnapshotJson.NAMES);
    for (List<String> l : List.of(REGISTERED, CHANGED, ENACTED, PLEDGED, DELIVERY_V2, ISSUED, STATUS, RENEWED, LINK, ERASED, FOLLOWER)) {
      names.addAll(l);
    }
    NAMES = Set.copyOf(names);
  }

  private AllianceEvents() {}

  // ------------------------------------------------------------------------------------- writing

  static EventData registered(Member profile, boolean hasContact, MembershipEvent first) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("member", SnapshotJson.member(profile, false));
    o.put("hasContact", hasContact);
    o.put("status", first.to().name());
    o.put("actorId", first.actorId());
    o.put("authority", first.authority());
    o.put("inheritedFrom", first.inheritedFrom().map(MemberId::value).orElse(null));
    o.put("at", first.at().toString());
    return EventData.of(MEMBER_REGISTERED, 1, Json.write(o));
  }

  static EventData changed(MembershipEvent e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("action", e.action().name());
    o.put("from", e.from().map(Enum::name).orElse(null));
    o.put("to", e.to().name());
    o.put("actorId", e.actorId());
    o.put("authority", e.authority());
    o.put("resolutionId", e.resolutionId().orElse(null));
    o.put("inheritedFrom", e.inheritedFrom().map(MemberId::value).orElse(null));
    o.put("at", e.at().toString());
    return EventData.of(MEMBERSHIP_CHANGED, 1, Json.write(o));
  }

  static EventData by(String type, String actorId, Instant at) {
    return EventData.of(type, 1, Json.write(Json.fields("actorId", actorId, "at", at.toString())));
  }

  static EventData follower(MemberId follower) {
    return EventData.of(FOLLOWER_REGISTERED, 1, Json.write(Json.fields("follower", follower.value())));
  }

  static MemberId follower(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, FOLLOWER);
    return decode(e, () -> MemberId.of(f.id("follower")));
  }

  static EventData enacted(MemberId member, MembershipAction action, String actorId, Instant at) {
    return EventData.of(RESOLUTION_ENACTED, 1,
        Json.write(Json.fields("member", member.value(), "action", action.name(), "actorId", actorId, "at", at.toString())));
  }

  static EventData pledged(Pledge p, String actorId, Instant at) {
    return EventData.of(PLEDGE_REGISTERED, 1, Json.write(Json.fields("pledge", SnapshotJson.pledge(p), "actorId", actorId, "at", at.toString())));
  }

  static EventData delivered(Delivery d, LocalDate day) {
    return EventData.of(DELIVERY_RECORDED, 2, Json.write(Json.fields("cardId", d.cardId().orElse(null), "units", d.units(),
        "actorId", d.actorId(), "at", d.at().toString(), "day", day.toString())));
  }

  static EventData issued(BenefitCard c, String actorId, Instant at) {
    return EventData.of(CARD_ISSUED, 1, Json.write(Json.fields("holder", c.holder().value(), "validUntil", c.validUntil().toString(),
        "actorId", actorId, "at", at.toString())));
  }

  static EventData status(CardStatus s, String actorId, Instant at) {
    return EventData.of(CARD_STATUS_CHANGED, 1, Json.write(Json.fields("status", s.name(), "actorId", actorId, "at", at.toString())));
  }

  static EventData renewed(LocalDate validUntil, String actorId, Instant at) {
    return EventData.of(CARD_RENEWED, 1,
        Json.write(Json.fields("validUntil", validUntil.toString(), "actorId", actorId, "at", at.toString())));
  }

  static EventData link(String type, String cardId) {
    return EventData.of(type, 1, Json.write(Json.fields("card", cardId)));
  }

  static EventData erased(String actorId, Instant at, int cards) {
    return EventData.of(PERSONAL_DATA_ERASED, 1, Json.write(Json.fields("actorId", actorId, "at", at.toString(), "cards", cards)));
  }

  // ------------------------------------------------------------------------------------- reading

  /**
   * Reads an event's fields, checked against the fields of its type and version.
   *
   * @throws ConsistencyException naming tenant, stream and version if the type or version is not
   *     known or the document does not read
   */
  static JsonFields read(RecordedEvent e, List<String> expected) {
    try {
      return new JsonFields(Json.parse(e.json(), NAMES), "", expected);
    } catch (ValidationException v) {
      throw damaged(e, v);
    }
  }

  /** Runs a decoding step, turning a refusal of the stored form into a consistency error. */
  static <T> T decode(RecordedEvent e, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (ValidationException v) {
      throw damaged(e, v);
    }
  }

  static ConsistencyException damaged(RecordedEvent e, ValidationException v) {
    return new ConsistencyException("event " + e.stream() + " version " + e.version() + " (" + e.type() + " v" + e.typeVersion()
        + ", tenant " + e.stream().tenant() + ") cannot be read: " + v.getMessage(), v);
  }

  static ConsistencyException unknown(RecordedEvent e) {
    return new ConsistencyException("event " + e.stream() + " version " + e.version() + " of tenant " + e.stream().tenant()
        + " has type " + e.type() + " v" + e.typeVersion() + ", which this Linli does not know: upgrade Linli before loading");
  }

  static void requireVersion(RecordedEvent e, int version) {
    if (e.typeVersion() != version) {
      throw unknown(e);
    }
  }

  /** The first event of a member stream: its profile and first membership event (sequence 0). */
  static Object[] registered(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, REGISTERED);
    return decode(e, () -> {
      Member m = SnapshotJson.member(f.obj("member", SnapshotJson.MEMBER));
      if (!m.id().value().equals(e.stream().id())) {
        throw new ValidationException("member.id", m.id(), "is not the stream's member " + e.stream().id());
      }
      boolean hasContact = f.bool("hasContact");
      MembershipEvent first = MembershipEvent.builder().sequence(0).member(m.id()).action(MembershipAction.APPLY)
          .to(f.enumValue("status", MemberStatus.class, false)).actorId(f.string("actorId")).authority(f.string("authority"))
          .inheritedFrom(f.optString("inheritedFrom").map(MemberId::of)).at(f.instant("at")).build();
      return new Object[] {m, hasContact, first};
    });
  }

  static MembershipEvent changed(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, CHANGED);
    return decode(e, () -> MembershipEvent.builder().sequence(0).member(MemberId.of(e.stream().id()))
        .action(f.enumValue("action", MembershipAction.class, false)).from(f.optEnum("from", MemberStatus.class))
        .to(f.enumValue("to", MemberStatus.class, false)).actorId(f.string("actorId")).authority(f.string("authority"))
        .resolutionId(f.optString("resolutionId")).inheritedFrom(f.optString("inheritedFrom").map(MemberId::of))
        .at(f.instant("at")).build());
  }

  static Pledge pledged(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, PLEDGED);
    return decode(e, () -> {
      Pledge p = SnapshotJson.pledge(f.obj("pledge", SnapshotJson.pledgeFields(f.obj("pledge"))));
      if (!p.id().equals(e.stream().id())) {
        throw new ValidationException("pledge.id", p.id(), "is not the stream's pledge " + e.stream().id());
      }
      return p;
    });
  }

  /**
   * A delivery and the day it counts for. Version 1 had no day: it is upcast to the day of its
   * instant in the given zone (what version 1's readers computed).
   */
  static Map.Entry<Delivery, LocalDate> delivered(RecordedEvent e, ZoneId zone) {
    if (e.typeVersion() != 1 && e.typeVersion() != 2) {
      throw unknown(e);
    }
    JsonFields f = read(e, e.typeVersion() == 1 ? DELIVERY_V1 : DELIVERY_V2);
    return decode(e, () -> {
      Delivery d = Delivery.builder().pledgeId(e.stream().id()).cardId(f.optString("cardId"))
          .units((int) f.integer("units", 1, Integer.MAX_VALUE)).actorId(f.string("actorId")).at(f.instant("at")).build();
      LocalDate day = e.typeVersion() == 1 ? LocalDate.ofInstant(d.at(), zone) : f.date("day", false);
      return Map.entry(d, day);
    });
  }

  static BenefitCard issued(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, ISSUED);
    return decode(e, () -> BenefitCard.builder().id(e.stream().id()).holder(ResidentId.of(f.id("holder")))
        .validUntil(f.date("validUntil", false)).build());
  }

  static CardStatus status(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, STATUS);
    return decode(e, () -> f.enumValue("status", CardStatus.class, false));
  }

  static LocalDate renewed(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, RENEWED);
    return decode(e, () -> f.date("validUntil", false));
  }

  static String link(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, LINK);
    return decode(e, () -> f.id("card"));
  }

  static Map.Entry<MemberId, MembershipAction> enacted(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, ENACTED);
    return decode(e, () -> Map.entry(MemberId.of(f.id("member")), f.enumValue("action", MembershipAction.class, false)));
  }

  static void by(RecordedEvent e) {
    requireVersion(e, 1);
    read(e, BY);
  }

  static int erased(RecordedEvent e) {
    requireVersion(e, 1);
    JsonFields f = read(e, ERASED);
    return decode(e, () -> (int) f.integer("cards", 0, Integer.MAX_VALUE));
  }
}

package io.github.linli.core.governance;

import io.github.linli.core.Actor;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.LinliException;
import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.RecordedEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored form of a joint meeting's events (stream category {@value #CATEGORY}, one stream per
 * meeting): versioned JSON written when a command decides and read by the one {@code apply}, live
 * and on load. Not API; stateless and thread-safe.
 *
 * <p>Every event carries the actor's id and roles and the instant from the meeting's clock,
 * truncated to microseconds (what PostgreSQL keeps), once, when the command decides: live and loaded
 * meetings, minutes and read models so see the same instant. Types and versions:
 *
 * <ul>
 *   <li>{@code MeetingConvened} v2: {@code id}, {@code charter}, {@code seats} (v1, the form before
 *       proxies, had no {@code charter.maxProxiesPerHolder}: read as 0, no proxies);
 *   <li>{@code Attended} v1; {@code ProxyGranted} v1: {@code holderId};
 *   <li>{@code MotionProposed} v1: {@code motionId}, {@code motion};
 *   <li>{@code BallotCast} v1: {@code motionId}, {@code voterId} (the actor is who cast it: another
 *       participant for a ballot by proxy), {@code choice};
 *   <li>{@code MotionClosed} v1: {@code motionId}, the tally ({@code yes}, {@code no}, {@code
 *       abstain}, {@code present}, {@code seats}, {@code quorumMet}, {@code outcome}) and the {@code
 *       rule} it was decided by: the resolution is rebuilt from them, never recounted;
 *   <li>{@code Adjourned} v1.
 * </ul>
 *
 * <p>No personal value: participants are opaque ids. An unknown type or version, or a document that
 * does not read, is a {@link ConsistencyException} naming tenant, stream and version.
 */
final class MeetingEvents {
  static final String CATEGORY = "meeting";

  static final String CONVENED = "MeetingConvened";
  static final String ATTENDED = "Attended";
  static final String PROXY_GRANTED = "ProxyGranted";
  static final String MOTION_PROPOSED = "MotionProposed";
  static final String BALLOT_CAST = "BallotCast";
  static final String MOTION_CLOSED = "MotionClosed";
  static final String ADJOURNED = "Adjourned";

  /** The version each type is written at now. */
  static final Map<String, Integer> CURRENT = Map.of(CONVENED, 2, ATTENDED, 1, PROXY_GRANTED, 1, MOTION_PROPOSED, 1,
      BALLOT_CAST, 1, MOTION_CLOSED, 1, ADJOURNED, 1);

  private static final List<String> HEAD = List.of("actorId", "actorRoles", "at");
  private static final Map<String, List<String>> FIELDS = Map.of(
      CONVENED, fields("id", "charter", "seats"),
      ATTENDED, fields(),
      PROXY_GRANTED, fields("holderId"),
      MOTION_PROPOSED, fields("motionId", "motion"),
      BALLOT_CAST, fields("motionId", "voterId", "choice"),
      MOTION_CLOSED, fields("motionId", "yes", "no", "abstain", "present", "seats", "quorumMet", "outcome", "rule"),
      ADJOURNED, fields());

  private static final Set<String> NAMES;

  static {
    Set<String> n = new HashSet<>(MeetingJson.NAMES);
    FIELDS.values().forEach(n::addAll);
    NAMES = Set.copyOf(n);
  }

  private MeetingEvents() {}

  private static List<String> fields(String... more) {
    List<String> l = new ArrayList<>(HEAD);
    l.addAll(List.of(more));
    return List.copyOf(l);
  }

  /** The instant as stored: truncated to microseconds, once, here. */
  static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** An event of a type at its current version: the actor, the instant and the fields given. */
  static EventData event(String type, Actor actor, Instant at, Object... keyValues) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("actorId", actor.id());
    o.put("actorRoles", Json.names(actor.roles()));
    o.put("at", stored(at).toString());
    o.putAll(Json.fields(keyValues));
    return EventData.of(type, CURRENT.get(type), Json.write(o));
  }

  /**
   * Reads an event's document at the current version of its type, upcasting older versions.
   *
   * @throws ConsistencyException naming the event (tenant, stream, version) if the type or version
   *     is unknown or the document does not read
   */
  static JsonFields read(RecordedEvent e) {
    List<String> expected = FIELDS.get(e.type());
    Integer current = CURRENT.get(e.type());
    if (expected == null || e.typeVersion() < 1 || e.typeVersion() > current) {
      throw new ConsistencyException("event " + e + " (tenant " + e.stream().tenant() + ", stream " + e.stream()
          + ", version " + e.version() + ") has a type or type version this Linli does not read");
    }
    try {
      Map<String, Object> fields = Json.parse(e.json(), NAMES);
      if (e.type().equals(CONVENED) && e.typeVersion() == 1) {
        upcastConvenedV1(fields);
      }
      return new JsonFields(fields, "", expected);
    } catch (LinliException ex) {
      throw unreadable(e, ex);
    }
  }

  /** MeetingConvened v1 → v2: the charter gains {@code maxProxiesPerHolder}, 0 (no proxies). */
  private static void upcastConvenedV1(Map<String, Object> fields) {
    Object charter = fields.get("charter");
    if (charter instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) charter;
      if (!c.containsKey("maxProxiesPerHolder")) {
        c.put("maxProxiesPerHolder", Json.parse("{\"n\":0}", Set.of("n")).get("n"));
      }
    }
  }

  /** A document that does not read, or an event the state cannot take, as a consistency error. */
  static ConsistencyException unreadable(RecordedEvent e, Exception cause) {
    String why = cause instanceof io.github.linli.core.ValidationException
        ? " (field " + ((io.github.linli.core.ValidationException) cause).field() + ")"
        : cause == null ? "" : " (" + cause.getMessage() + ")";
    return new ConsistencyException("event " + e + " (tenant " + e.stream().tenant() + ", stream " + e.stream() + ", version "
        + e.version() + ") cannot be applied" + why, cause);
  }
}

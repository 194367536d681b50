package io.github.linli.core.store;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command appends: events to one or more streams of one tenant, each at the version the
 * command saw, optionally conditions on streams it read but does not write, and the command's id.
 *
 * <p>The store writes all of it or nothing. It refuses with a {@link WrongExpectedVersionException}
 * if any named stream has moved on (optimistic concurrency), and answers a request whose command id
 * it has already recorded with the events recorded then, writing nothing ({@link
 * AppendResult#duplicate()}): a client that lost the answer retries with the same id and gets
 * "already done", never a second effect.
 *
 * <pre>{@code
 * AppendRequest r = AppendRequest.to(member, 3, EventData.of("MemberAdmitted", 1, json))
 *     .expect(parent, 7)            // the command also read the parent at version 7
 *     .commandId("req-8f2c");       // the client's idempotency key
 * }</pre>
 *
 * <p>Immutable and thread-safe; each method returns a new request.
 *
 * @since 0.2.0
 */
public final class AppendRequest {
  /** Expected version meaning "whatever the stream's version is": no concurrency check. */
  public static final long ANY = -1;

  /** Expected version of a stream that has no events yet. */
  public static final long NO_STREAM = 0;

  /** Most events one request may append. */
  public static final int MAX_EVENTS = 10_000;

  private final String tenant;
  private final Map<StreamId, Long> expected;
  private final Map<StreamId, List<EventData>> writes;
  private final String commandId;
  private final Map<String, Long> quietAfter;

  private AppendRequest(
      String tenant, Map<StreamId, Long> expected, Map<StreamId, List<EventData>> writes, String commandId) {
    this(tenant, expected, writes, commandId, new LinkedHashMap<>());
  }

  private AppendRequest(String tenant, Map<StreamId, Long> expected, Map<StreamId, List<EventData>> writes,
      String commandId, Map<String, Long> quietAfter) {
    this.tenant = tenant;
    this.expected = expected;
    this.writes = writes;
    this.commandId = commandId;
    this.quietAfter = quietAfter;
  }

  /**
   * A request to append events to one stream at an expected version.
   *
   * @param stream the stream
   * @param expectedVersion the version the command saw ({@link #NO_STREAM} for a new stream, or
   *     {@link #ANY})
   * @param events the events, at least one
   * @return the request
   * @throws ValidationException if an argument is not acceptable
   */
  public static AppendRequest to(StreamId stream, long expectedVersion, EventData... events) {
    return to(stream, expectedVersion, events == null ? null : java.util.Arrays.asList(events));
  }

  /**
   * A request to append events to one stream at an expected version.
   *
   * @param stream the stream
   * @param expectedVersion the version the command saw ({@link #NO_STREAM} for a new stream, or
   *     {@link #ANY})
   * @param events the events, at least one
   * @return the request
   * @throws ValidationException if an argument is not acceptable
   */
  public static AppendRequest to(StreamId stream, long expectedVersion, List<EventData> events) {
    if (stream == null) {
      throw new ValidationException("stream", null, "must not be null");
    }
    return new AppendRequest(stream.tenant(), new LinkedHashMap<>(), new LinkedHashMap<>(), null)
        .and(stream, expectedVersion, events);
  }

  /**
   * This request, also appending events to another stream of the same tenant.
   *
   * @param stream the stream, of the same tenant and not already in the request
   * @param expectedVersion the version the command saw, or {@link #ANY}
   * @param events the events, at least one
   * @return a new request
   * @throws ValidationException if an argument is not acceptable
   */
  public AppendRequest and(StreamId stream, long expectedVersion, List<EventData> events) {
    checkStream(stream, expectedVersion);
    if (events == null || events.isEmpty()) {
      throw new ValidationException("events", events == null ? null : "[]", "at least one event to append to " + stream);
    }
    int total = events.size();
    for (List<EventData> l : writes.values()) {
      total += l.size();
    }
    if (total > MAX_EVENTS) {
      throw new ValidationException("events", total, "at most " + MAX_EVENTS + " in one request");
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) == null) {
        throw new ValidationException("events[" + i + "]", null, "must not be null");
      }
    }
    Map<StreamId, Long> e = new LinkedHashMap<>(expected);
    e.put(stream, expectedVersion);
    Map<StreamId, List<EventData>> w = new LinkedHashMap<>(writes);
    w.put(stream, Collections.unmodifiableList(new ArrayList<>(events)));
    return new AppendRequest(tenant, e, w, commandId, quietAfter);
  }

  /**
   * This request, also requiring that a stream it does not write is still at a version: the
   * command read it and its decision depends on it.
   *
   * @param stream the stream, of the same tenant and not already in the request
   * @param version the version the command saw ({@link #NO_STREAM} if it had no events)
   * @return a new request
   * @throws ValidationException if an argument is not acceptable
   */
  public AppendRequest expect(StreamId stream, long version) {
    checkStream(stream, version);
    if (version == ANY) {
      throw new ValidationException("expect.version", version, "a condition needs a version (0 or more)");
    }
    Map<StreamId, Long> e = new LinkedHashMap<>(expected);
    e.put(stream, version);
    return new AppendRequest(tenant, e, writes, commandId, quietAfter);
  }

  /**
   * This request, also requiring that no stream of a category got an event after a feed position:
   * for a rule over a whole set ("at most one live card per resident", "capacity never exceeded")
   * that another writer could break by adding a <em>new</em> stream, which no per-stream version
   * would catch.
   *
   * @param category the stream category
   * @param position the tenant feed position the command had read up to
   * @return a new request
   * @throws ValidationException if an argument is not acceptable
   */
  public AppendRequest expectNoneAfter(String category, long position) {
    StreamId.category(category);
    if (position < 0) {
      throw new ValidationException("position", position, "must be 0 or more");
    }
    Map<String, Long> q = new LinkedHashMap<>(quietAfter);
    q.put(category, position);
    return new AppendRequest(tenant, expected, writes, commandId, q);
  }

  /**
   * The categories that must have no event after a position, with that position.
   *
   * @return category to position
   */
  public Map<String, Long> quietAfter() {
    return Collections.unmodifiableMap(quietAfter);
  }

  /**
   * This request with the command's id, the idempotency key. Without one the store makes a random
   * id, so a lost answer can still be resolved inside the store, but a client's retry is then a new
   * command.
   *
   * @param id the command id, at most 128 characters
   * @return a new request
   * @throws ValidationException if the id is not acceptable
   */
  public AppendRequest commandId(String id) {
    return new AppendRequest(tenant, expected, writes, Checks.id("commandId", id), quietAfter);
  }

  private void checkStream(StreamId stream, long version) {
    if (stream == null) {
      throw new ValidationException("stream", null, "must not be null");
    }
    if (!stream.tenant().equals(tenant)) {
      throw new ValidationException(
          "stream", stream, "one request appends to one tenant's streams (" + tenant + ")");
    }
    if (expected.containsKey(stream)) {
      throw new ValidationException("stream", stream, "is already in the request");
    }
    if (version < ANY) {
      throw new ValidationException("expectedVersion", version, "must be 0 or more, or ANY (-1)");
    }
  }

  /**
   * The tenant of every stream in the request.
   *
   * @return the tenant
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The streams written, each with its events, in the order given.
   *
   * @return the writes
   */
  public Map<StreamId, List<EventData>> writes() {
    return Collections.unmodifiableMap(writes);
  }

  /**
   * Every stream named, written or only read, with the version expected ({@link #ANY} for none).
   *
   * @return the expected versions
   */
  public Map<StreamId, Long> expected() {
    return Collections.unmodifiableMap(expected);
  }

  /**
   * The command id, if one was given.
   *
   * @return the id, or null
   */
  String commandIdOrNull() {
    return commandId;
  }

  /**
   * The command id.
   *
   * @return the id, if one was given
   */
  public java.util.Optional<String> commandIdIfGiven() {
    return java.util.Optional.ofNullable(commandId);
  }

  int eventCount() {
    int n = 0;
    for (List<EventData> l : writes.values()) {
      n += l.size();
    }
    return n;
  }

  /** Returns the streams, expected versions, event counts and command id. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("AppendRequest{");
    String sep = "";
    for (Map.Entry<StreamId, Long> e : expected.entrySet()) {
      b.append(sep).append(e.getKey()).append(" at ").append(e.getValue() == ANY ? "any" : e.getValue());
      List<EventData> w = writes.get(e.getKey());
      b.append(w == null ? " (read)" : " +" + w.size());
      sep = ", ";
    }
    quietAfter.forEach((c, p) -> b.append(", no ").append(c).append(" after #").append(p));
    if (commandId != null) {
      b.append(", command ").append(commandId);
    }
    return b.append('}').toString();
  }
}

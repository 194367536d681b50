package io.github.linli.core.store;

import io.github.linli.core.ConflictException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The in-memory store: for tests, JShell and single-process tools. Same rules as the JDBC store;
 * nothing survives the process. Thread-safe: every method is synchronized.
 */
final class InMemoryEventStore implements EventStore {
  private final Clock clock;
  private final Map<String, List<RecordedEvent>> feeds = new TreeMap<>();
  private final Map<StreamId, List<RecordedEvent>> streams = new HashMap<>();
  private final Map<String, Map<String, AppendResult>> commands = new HashMap<>();
  private final Map<StreamId, Snapshot> snapshots = new HashMap<>();

  InMemoryEventStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized AppendResult append(AppendRequest request) {
    Args.request(request);
    String tenant = request.tenant();
    String commandId = request.commandIdOrNull();
    if (commandId != null) {
      AppendResult done = commands.getOrDefault(tenant, Map.of()).get(commandId);
      if (done != null) {
        return duplicate(request, done);
      }
    } else {
      commandId = UUID.randomUUID().toString();
    }
    for (Map.Entry<StreamId, Long> e : request.expected().entrySet()) {
      long actual = version(e.getKey());
      if (e.getValue() != AppendRequest.ANY && e.getValue() != actual) {
        throw new WrongExpectedVersionException(e.getKey(), e.getValue(), actual);
      }
    }
    List<RecordedEvent> feed = feeds.computeIfAbsent(tenant, t -> new ArrayList<>());
    for (Map.Entry<String, Long> q : request.quietAfter().entrySet()) {
      for (int i = feed.size() - 1; i >= 0 && feed.get(i).position() > q.getValue(); i--) {
        if (feed.get(i).stream().category().equals(q.getKey())) {
          throw new WrongExpectedVersionException(tenant, q.getKey(), q.getValue(), feed.get(i).position());
        }
      }
    }
    java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long position = feed.size();
    List<RecordedEvent> written = new ArrayList<>();
    for (Map.Entry<StreamId, List<EventData>> w : request.writes().entrySet()) {
      List<RecordedEvent> stream = streams.computeIfAbsent(w.getKey(), s -> new ArrayList<>());
      for (EventData d : w.getValue()) {
        RecordedEvent r = RecordedEvent.of(w.getKey(), stream.size() + 1, ++position, d, commandId, now);
        stream.add(r);
        feed.add(r);
        written.add(r);
      }
    }
    AppendResult result = AppendResult.of(commandId, false, written);
    commands.computeIfAbsent(tenant, t -> new HashMap<>()).put(commandId, result);
    return result;
  }

  static AppendResult duplicate(AppendRequest request, AppendResult done) {
    for (RecordedEvent e : done.events()) {
      if (!request.writes().containsKey(e.stream())) {
        throw new ConflictException("command " + done.commandId() + " was already used to append to "
            + e.stream() + ", not to the streams of this request: use a new command id for a new command");
      }
    }
    return AppendResult.of(done.commandId(), true, done.events());
  }

  @Override
  public synchronized List<RecordedEvent> read(StreamId stream, long afterVersion, int limit) {
    Args.stream(stream);
    Args.after("afterVersion", afterVersion);
    Args.limit(limit);
    List<RecordedEvent> s = streams.getOrDefault(stream, List.of());
    if (afterVersion >= s.size()) {
      return List.of();
    }
    int from = (int) afterVersion;
    return List.copyOf(s.subList(from, Math.min(s.size(), from + limit)));
  }

  @Override
  public synchronized long version(StreamId stream) {
    return streams.getOrDefault(Args.stream(stream), List.of()).size();
  }

  @Override
  public synchronized List<RecordedEvent> feed(String tenant, long afterPosition, int limit) {
    StreamId.tenant(tenant);
    Args.after("afterPosition", afterPosition);
    Args.limit(limit);
    List<RecordedEvent> f = feeds.getOrDefault(tenant, List.of());
    if (afterPosition >= f.size()) {
      return List.of();
    }
    int from = (int) afterPosition;
    return List.copyOf(f.subList(from, Math.min(f.size(), from + limit)));
  }

  @Override
  public synchronized List<RecordedEvent> feed(String tenant, List<String> categories, long afterPosition, int limit) {
    StreamId.tenant(tenant);
    List<String> cats = Args.categories(categories);
    Args.after("afterPosition", afterPosition);
    Args.limit(limit);
    List<RecordedEvent> f = feeds.getOrDefault(tenant, List.of());
    List<RecordedEvent> out = new ArrayList<>();
    for (int i = (int) Math.min(afterPosition, f.size()); i < f.size() && out.size() < limit; i++) {
      if (cats.contains(f.get(i).stream().category())) {
        out.add(f.get(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public synchronized long head(String tenant) {
    return feeds.getOrDefault(StreamId.tenant(tenant), List.of()).size();
  }

  @Override
  public synchronized Map<String, Long> heads() {
    Map<String, Long> out = new TreeMap<>();
    feeds.forEach((t, f) -> out.put(t, (long) f.size()));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public synchronized Optional<AppendResult> findCommand(String tenant, String commandId) {
    StreamId.tenant(tenant);
    io.github.linli.core.internal.Checks.id("commandId", commandId);
    AppendResult r = commands.getOrDefault(tenant, Map.of()).get(commandId);
    return r == null ? Optional.empty() : Optional.of(AppendResult.of(r.commandId(), true, r.events()));
  }

  @Override
  public synchronized void saveSnapshot(Snapshot snapshot) {
    if (snapshot == null) {
      throw new io.github.linli.core.ValidationException("snapshot", null, "must not be null");
    }
    Snapshot old = snapshots.get(snapshot.stream());
    if (old == null || old.version() <= snapshot.version()) {
      snapshots.put(snapshot.stream(), snapshot);
    }
  }

  @Override
  public synchronized Optional<Snapshot> snapshot(StreamId stream) {
    return Optional.ofNullable(snapshots.get(Args.stream(stream)));
  }

  @Override
  public synchronized String toString() {
    int events = 0;
    for (List<RecordedEvent> f : feeds.values()) {
      events += f.size();
    }
    return "InMemoryEventStore{" + feeds.size() + " tenants, " + streams.size() + " streams, " + events + " events}";
  }
}

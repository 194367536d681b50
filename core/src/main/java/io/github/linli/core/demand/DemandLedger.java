package io.github.linli.core.demand;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.internal.es.StreamCache;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The demands of one tenant, each in its own stream (category {@code demand}): each demand without
 * its personal fields (text empty, no point, no household flags), and the id of the record holding
 * them in the personal-data store. A demand changes only through {@link DemandChange#apply}, live
 * and on load. Nothing is held for the whole community: a demand is read from its stream when a
 * command or a reader needs it, and a bounded cache keeps recently used ones (see {@link
 * StreamCache}), so memory stays bounded however many demands a community has. No rule spans two
 * demands, so commands on different demands never wait for or conflict with each other. Thread-safe.
 */
final class DemandLedger {
  /** A demand as stored, and the personal-data record holding its personal fields (or null). */
  record Stored(Demand demand, String record) {}

  private final String tenant;
  private final StreamCache<Stored> demands;

  DemandLedger(EventStore store, String tenant) {
    this.tenant = tenant;
    this.demands = new StreamCache<>(store, tenant, DemandChange.CATEGORY, StreamCache.DEFAULT_CACHED_STREAMS, this::apply);
  }

  private Stored apply(Stored before, RecordedEvent event) {
    DemandChange c = DemandChange.decode(event);
    if ((c.kind == DemandChange.Kind.SUBMITTED) != (before == null)) {
      throw new ConsistencyException("demand event " + event.stream() + " version " + event.version() + " (" + event.type()
          + ", tenant " + tenant + ") does not fit the stream: " + (before == null ? "no submission before it" : "a second submission"));
    }
    if (!c.demandId.equals(event.stream().id())) {
      throw new ConsistencyException("demand event " + event.stream() + " version " + event.version() + " (" + event.type()
          + ", tenant " + tenant + ") names another demand");
    }
    Demand after;
    try {
      after = c.apply(before == null ? null : before.demand());
    } catch (RuntimeException e) {
      throw new ConsistencyException("demand event " + event.stream() + " version " + event.version() + " (" + event.type()
          + ", tenant " + tenant + ") cannot be applied: " + e.getMessage(), e);
    }
    return new Stored(after, c.personal != null ? c.personal : before == null ? null : before.record());
  }

  String tenant() {
    return tenant;
  }

  /** The demand as stored now (its stream caught up), without personal fields. */
  Optional<Demand> current(String id) {
    return demands.current(id).map(Stored::demand);
  }

  /**
   * The demand as last read from its stream (by {@link #current} or a command's catch-up), without
   * reading the store again unless it has been evicted from the cache.
   */
  Optional<Demand> latest(String id) {
    return lastRead(id).map(Stored::demand);
  }

  /** The personal-data record of a demand as last read (call {@link #current} first). */
  Optional<String> record(String id) {
    return lastRead(id).map(Stored::record);
  }

  private Optional<Stored> lastRead(String id) {
    Optional<Stored> s = demands.cached(id);
    return s.isPresent() ? s : demands.current(id);
  }

  /** Every demand, without personal fields, by id: reads the whole category (O(events)). */
  Map<String, Demand> all() {
    Map<String, Demand> all = new TreeMap<>();
    demands.scanAll().forEach((id, s) -> all.put(id, s.demand()));
    return all;
  }

  /**
   * Runs a command on one demand: {@code decide} sees the demand as stored now (catching up with
   * other servers first, and again after losing a race) and returns its change.
   */
  <R> R run(String id, String commandId, Function<Optional<Demand>, DemandChange> decide,
      Function<List<RecordedEvent>, R> result) {
    return demands.run(id, commandId, state -> {
      DemandChange c = decide.apply(state.map(Stored::demand));
      if (!c.demandId.equals(id)) {
        throw new IllegalStateException("a command on demand " + id + " decided a change of demand " + c.demandId);
      }
      EventData e = c.encode();
      return List.of(e);
    }, result);
  }
}

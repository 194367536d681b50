package io.github.linli.core.demand;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.internal.es.FeedState;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The demands of one tenant as kept from its feed: each demand without its personal fields (text
 * empty, no point, no household flags), and the id of the record holding them in the personal-data
 * store. Changes only in {@link #apply(RecordedEvent)}, through {@link DemandChange#apply}.
 * Thread-safe (the lock of {@link FeedState}).
 */
final class DemandLedger extends FeedState {
  private final Map<String, Demand> demands = new HashMap<>();
  private final Map<String, String> records = new HashMap<>();

  DemandLedger(EventStore store, String tenant) {
    super(store, tenant, List.of(DemandChange.CATEGORY));
  }

  @Override
  protected void apply(RecordedEvent event) {
    DemandChange c = DemandChange.decode(event);
    Demand before = demands.get(c.demandId);
    if ((c.kind == DemandChange.Kind.SUBMITTED) != (before == null)) {
      throw new ConsistencyException("demand event " + event.stream() + " version " + event.version() + " (" + event.type()
          + ", tenant " + tenant + ") does not fit the stream: " + (before == null ? "no submission before it" : "a second submission"));
    }
    Demand after;
    try {
      after = c.apply(before);
    } catch (RuntimeException e) {
      throw new ConsistencyException("demand event " + event.stream() + " version " + event.version() + " (" + event.type()
          + ", tenant " + tenant + ") cannot be applied: " + e.getMessage(), e);
    }
    demands.put(c.demandId, after);
    if (c.personal != null) {
      records.put(c.demandId, c.personal);
    }
  }

  StreamId stream(String id) {
    return StreamId.of(tenant, DemandChange.CATEGORY, id);
  }

  /** The demand as last applied (no catch-up), without personal fields. */
  synchronized Optional<Demand> current(String id) {
    return Optional.ofNullable(demands.get(id));
  }

  synchronized Optional<String> record(String id) {
    return Optional.ofNullable(records.get(id));
  }

  /** Every demand, caught up, without personal fields, by id. */
  synchronized Map<String, Demand> all() {
    catchUp();
    return new java.util.TreeMap<>(demands);
  }

  /** Runs a command on one demand's stream (see {@link FeedState#execute}). */
  <R> R run(String commandId, Supplier<DemandChange> decide, Function<List<RecordedEvent>, R> result) {
    return execute(commandId, () -> {
      DemandChange c = decide.get();
      StreamId s = stream(c.demandId);
      return AppendRequest.to(s, version(s), c.encode());
    }, result);
  }
}

package io.github.linli.core.internal.es;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Many small aggregates of one category, each in its own stream (the demands of a community): the
 * per-stream sibling of {@link FeedState} for aggregates that share no rule across streams. Not API.
 *
 * <p>An aggregate's state is an immutable value made from its events by a pure {@link Fold}, the
 * only place state changes, live and on load. Nothing is held for the whole category: {@link
 * #current} reads the one stream after the version last seen and folds the tail, and a bounded
 * cache (least recently used streams evicted) keeps the folded states of recently used streams, so
 * memory stays bounded however many aggregates a tenant has, and a command costs O(1) rows and
 * O(its stream's tail) work. {@link #run} runs a command through the same loop as {@link FeedState}
 * (catch the stream up, answer a repeated command id from the record, decide, append at the version
 * seen, decide again on fresh state after losing a race); a new stream is appended at {@link
 * AppendRequest#NO_STREAM}, so two servers can never create the same aggregate twice.
 *
 * <p>Thread-safe without locks: cached entries are immutable and a newer version always replaces an
 * older one; two commands on one stream race in the store, where the loser decides again.
 *
 * @param <S> the aggregate's state, immutable
 */
public final class StreamCache<S> {
  /** The default number of streams whose folded state is kept. */
  public static final int DEFAULT_CACHED_STREAMS = 1_024;

  /**
   * How an aggregate's state changes by one event.
   *
   * @param <S> the state
   */
  @FunctionalInterface
  public interface Fold<S> {
    /**
     * The state after one more event; must not fail for an event that a command appended, and must
     * not check permissions.
     *
     * @param before the state before it, or null for the stream's first event
     * @param event the event
     * @return the state after it, never null
     * @throws ConsistencyException if the event cannot be read or does not fit the state
     */
    S apply(S before, RecordedEvent event);
  }

  private record Entry<S>(S state, long version) {}

  private final EventStore store;
  private final String tenant;
  private final String category;
  private final Fold<S> fold;
  private final Cache<String, Entry<S>> cache;

  /**
   * Creates the aggregates of a category of a tenant.
   *
   * @param store the store
   * @param tenant the tenant
   * @param category the category, one stream per aggregate
   * @param cachedStreams how many folded states to keep (at least 1)
   * @param fold how a state changes by one event
   */
  public StreamCache(EventStore store, String tenant, String category, int cachedStreams, Fold<S> fold) {
    this.store = store;
    this.tenant = tenant;
    this.category = category;
    this.fold = fold;
    this.cache = CacheBuilder.newBuilder().maximumSize(Math.max(1, cachedStreams)).build();
  }

  /**
   * The stream of an aggregate.
   *
   * @param id the aggregate's id
   * @return the stream
   */
  public StreamId stream(String id) {
    return StreamId.of(tenant, category, id);
  }

  /**
   * The aggregate as it is in the store now (its stream caught up).
   *
   * @param id the aggregate's id
   * @return its state, or empty if its stream has no events
   * @throws ConsistencyException if an event cannot be applied or the stream has a hole
   */
  public Optional<S> current(String id) {
    return Optional.ofNullable(refresh(id).state());
  }

  /**
   * The aggregate as this object last saw it, without reading the store.
   *
   * @param id the aggregate's id
   * @return its state, or empty if not seen (or evicted)
   */
  public Optional<S> cached(String id) {
    Entry<S> e = cache.getIfPresent(id);
    return e == null ? Optional.empty() : Optional.ofNullable(e.state());
  }

  /**
   * Runs a command on one aggregate (see the class comment).
   *
   * @param id the aggregate's id
   * @param commandId the caller's idempotency key, or null
   * @param decide given the aggregate's current state (empty if it has no stream yet), checks and
   *     returns the events to append (empty for "nothing to do"); throws to refuse, changing nothing
   * @param result turns the command's recorded events into the answer (also for a repeated id)
   * @param <R> the answer's type
   * @return the answer
   */
  public <R> R run(String id, String commandId, Function<Optional<S>, List<EventData>> decide,
      Function<List<RecordedEvent>, R> result) {
    @SuppressWarnings("unchecked")
    Entry<S>[] seen = new Entry[1];
    return Commands.run(store, tenant, commandId, () -> seen[0] = refresh(id), () -> {
      List<EventData> events = decide.apply(Optional.ofNullable(seen[0].state()));
      return events == null || events.isEmpty() ? null : AppendRequest.to(stream(id), seen[0].version(), events);
    }, result);
  }

  /**
   * Every aggregate of the category, folded from the tenant's feed: O(events in the category), for
   * exports, tests and rebuilding; pages for people come from read models.
   *
   * @return the states by id, in id order
   * @throws ConsistencyException if an event cannot be applied or a stream has a hole
   */
  public Map<String, S> scanAll() {
    Map<String, Entry<S>> all = new TreeMap<>();
    long position = 0;
    while (true) {
      List<RecordedEvent> page = store.feed(tenant, List.of(category), position, EventStore.MAX_READ);
      for (RecordedEvent e : page) {
        all.put(e.stream().id(), next(all.get(e.stream().id()), e));
        position = e.position();
      }
      if (page.size() < EventStore.MAX_READ) {
        break;
      }
    }
    Map<String, S> states = new TreeMap<>();
    all.forEach((id, e) -> states.put(id, e.state()));
    return states;
  }

  private Entry<S> refresh(String id) {
    Entry<S> start = cache.getIfPresent(id);
    Entry<S> e = start == null ? new Entry<>(null, 0) : start;
    StreamId s = stream(id);
    while (true) {
      List<RecordedEvent> page = store.read(s, e.version(), EventStore.MAX_READ);
      for (RecordedEvent event : page) {
        e = next(e, event);
      }
      if (page.size() < EventStore.MAX_READ) {
        break;
      }
    }
    if (e != start && e.version() > 0) {
      cache.asMap().merge(id, e, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }
    return e;
  }

  private Entry<S> next(Entry<S> before, RecordedEvent event) {
    long version = before == null ? 0 : before.version();
    if (event.version() != version + 1) {
      throw new ConsistencyException("stream " + event.stream() + " jumps from version " + version + " to " + event.version()
          + ": the stream has a hole");
    }
    return new Entry<>(fold.apply(before == null ? null : before.state(), event), event.version());
  }
}

package io.github.linli.core.internal.es;

import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.Snapshot;
import io.github.linli.core.store.StreamId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State kept from a tenant's feed: the one way Linli's aggregates change. Not API.
 *
 * <p>A subclass holds the state of some stream categories of one tenant (the members, pledges and
 * cards of an alliance; the demands of a community) and changes it only in {@link
 * #apply(RecordedEvent)}. {@link #catchUp()} reads the feed after the last position applied and
 * applies what is new: on load, after another server's writes, and after this one's.
 *
 * <p>{@link #execute} runs a command: catch up; answer a command id already recorded with its
 * recorded events; otherwise let the command decide (check permission and state, and return an
 * {@link AppendRequest} naming the streams it writes and reads at the versions it saw, or throw,
 * changing nothing); append; catch up, which applies the new events through the same {@code apply}.
 * If another writer moved a named stream first, it catches up and lets the command decide again on
 * the fresh state, so no acknowledged write is lost and a stale check is re-made, up to {@link
 * #ATTEMPTS} times before a {@link ConflictException} naming the stream and versions. Every append
 * also requires that none of the state's categories got an event after the position the command
 * decided on ({@link AppendRequest#expectNoneAfter}): a rule over a whole set (at most one live card
 * per resident, capacity never exceeded) cannot be broken by another server adding a new stream
 * (write skew). The state's categories are thus one consistency boundary, while each command still
 * writes O(1) rows.
 *
 * <p>Thread-safe: commands and catch-up run under the object's lock; subclasses read their state
 * under it too.
 */
public abstract class FeedState {
  /** How many times a command decides again after losing a race. */
  public static final int ATTEMPTS = Commands.ATTEMPTS;

  private static final Logger LOG = LoggerFactory.getLogger(FeedState.class);

  /** The store. */
  protected final EventStore store;
  /** The tenant. */
  protected final String tenant;
  private final List<String> categories;
  private final Map<StreamId, Long> versions = new HashMap<>();
  private long position;
  private long applied;

  /**
   * Creates the state of some categories of a tenant, empty until {@link #catchUp()}.
   *
   * @param store the store
   * @param tenant the tenant
   * @param categories the stream categories it keeps
   */
  protected FeedState(EventStore store, String tenant, List<String> categories) {
    this.store = store;
    this.tenant = tenant;
    this.categories = List.copyOf(categories);
  }

  /**
   * Changes the state by one event. The only place state changes; must not fail for an event that
   * {@link #execute} appended, and must not check permissions (the event happened under the rules of
   * its day).
   *
   * @param event the recorded event
   * @throws ConsistencyException if it cannot be read
   */
  protected abstract void apply(RecordedEvent event);

  /**
   * Applies every event after the last one applied.
   *
   * @return how many were applied
   */
  public final synchronized int catchUp() {
    int n = 0;
    while (true) {
      List<RecordedEvent> page = store.feed(tenant, categories, position, EventStore.MAX_READ);
      for (RecordedEvent e : page) {
        long expected = versions.getOrDefault(e.stream(), 0L) + 1;
        if (e.version() != expected) {
          throw new ConsistencyException("stream " + e.stream() + " jumps from version " + (expected - 1) + " to "
              + e.version() + " in the feed at position " + e.position() + ": the stream has a hole");
        }
        apply(e);
        versions.put(e.stream(), e.version());
        position = e.position();
        n++;
      }
      if (page.size() < EventStore.MAX_READ) {
        applied += n;
        return n;
      }
    }
  }

  /**
   * Runs a command (see the class comment).
   *
   * @param commandId the caller's idempotency key, or null
   * @param decide checks and returns what to append, or null for "nothing to do"; throws to refuse
   * @param result turns the command's recorded events into the caller's answer (also for a
   *     repeated command id)
   * @param <R> the answer's type
   * @return the answer
   */
  protected final synchronized <R> R execute(
      String commandId, Supplier<AppendRequest> decide, Function<List<RecordedEvent>, R> result) {
    return Commands.run(store, tenant, commandId, this::catchUp, () -> {
      AppendRequest request = decide.get();
      if (request == null) {
        return null;
      }
      // The command decided on everything this state holds: refuse it if any of it moved on,
      // including a new stream of one of its categories (a per-stream version would miss that).
      for (String category : categories) {
        request = request.expectNoneAfter(category, position);
      }
      return request;
    }, result);
  }


  /**
   * The version of a stream as this state last saw it (0 if it has no events).
   *
   * @param stream the stream
   * @return the version
   */
  public final synchronized long version(StreamId stream) {
    return versions.getOrDefault(stream, 0L);
  }

  /**
   * The feed position of the last event applied.
   *
   * @return the position, 0 before any
   */
  public final synchronized long position() {
    return position;
  }

  /**
   * How many events catch-up has applied since this object was made (after a snapshot, only the
   * tail).
   *
   * @return the count
   */
  public final synchronized long eventsApplied() {
    return applied;
  }

  /**
   * The per-stream versions, for a snapshot.
   *
   * @return a copy
   */
  protected final synchronized Map<StreamId, Long> versions() {
    return new HashMap<>(versions);
  }

  /**
   * Sets the mark after restoring a snapshot, before catching up the tail.
   *
   * @param position the feed position the snapshot reflects
   * @param streamVersions the stream versions it reflects
   */
  protected final synchronized void restored(long position, Map<StreamId, Long> streamVersions) {
    this.position = position;
    this.versions.clear();
    this.versions.putAll(streamVersions);
  }

  /**
   * The stream that holds this state's snapshots: category {@code snapshot}, id the given name.
   *
   * @param name the state's name, for example {@code alliance}
   * @return the stream
   */
  protected final StreamId snapshotStream(String name) {
    return StreamId.of(tenant, "snapshot", name);
  }

  /**
   * Saves a snapshot of the state at the current position (snapshots are a cache; failures to save
   * are logged, not thrown).
   *
   * @param name the state's name
   * @param type the snapshot's type
   * @param typeVersion its version
   * @param json the state's stored form, which must include the stream versions
   */
  protected final synchronized void saveSnapshot(String name, String type, int typeVersion, String json) {
    if (position == 0) {
      return;
    }
    try {
      store.saveSnapshot(Snapshot.of(snapshotStream(name), position, type, typeVersion, json));
    } catch (RuntimeException e) {
      LOG.warn("snapshot of {} in tenant {} not saved ({}); loading replays more", name, tenant, e.getClass().getSimpleName());
    }
  }
}

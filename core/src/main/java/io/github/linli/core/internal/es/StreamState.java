package io.github.linli.core.internal.es;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.EventData;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.StreamId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state of ONE stream (a joint meeting, a budget round): the single-aggregate sibling of {@link
 * FeedState}. Not API.
 *
 * <p>State changes only in {@link #apply(RecordedEvent)}, live and on load. {@link #execute} runs a
 * command: catch up from the stream, answer a repeated command id from the record, decide (check
 * permission and state, return the events or throw, changing nothing), append at the version seen,
 * catch up; after losing a race to another writer it catches up and decides again, up to {@link
 * FeedState#ATTEMPTS} times (the same loop as {@link FeedState}'s).
 *
 * <p>Thread-safe: commands and catch-up run under the object's lock.
 */
public abstract class StreamState {
  /** The store. */
  protected final EventStore store;
  /** The stream. */
  protected final StreamId stream;
  private long version;

  /**
   * Creates the state of a stream, empty until {@link #catchUp()}.
   *
   * @param store the store
   * @param stream the stream
   */
  protected StreamState(EventStore store, StreamId stream) {
    this.store = store;
    this.stream = stream;
  }

  /**
   * Changes the state by one event; the only place state changes.
   *
   * @param event the event
   */
  protected abstract void apply(RecordedEvent event);

  /**
   * Applies the stream's events after the last one applied.
   *
   * @return how many
   */
  public final synchronized int catchUp() {
    int n = 0;
    while (true) {
      List<RecordedEvent> page = store.read(stream, version, EventStore.MAX_READ);
      for (RecordedEvent e : page) {
        if (e.version() != version + 1) {
          throw new ConsistencyException("stream " + stream + " jumps from version " + version + " to " + e.version());
        }
        apply(e);
        version = e.version();
        n++;
      }
      if (page.size() < EventStore.MAX_READ) {
        return n;
      }
    }
  }

  /**
   * The version applied.
   *
   * @return the stream version, 0 before any event
   */
  public final synchronized long version() {
    return version;
  }

  /**
   * Runs a command (see the class comment).
   *
   * @param commandId the caller's idempotency key, or null
   * @param decide checks and returns the events to append (empty for "nothing to do"); throws to
   *     refuse
   * @param result turns the command's recorded events into the answer
   * @param <R> the answer's type
   * @return the answer
   */
  protected final synchronized <R> R execute(
      String commandId, Supplier<List<EventData>> decide, Function<List<RecordedEvent>, R> result) {
    return Commands.run(store, stream.tenant(), commandId, this::catchUp, () -> {
      List<EventData> events = decide.get();
      return events == null || events.isEmpty() ? null : AppendRequest.to(stream, version, events);
    }, result);
  }
}

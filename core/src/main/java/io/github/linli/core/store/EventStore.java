package io.github.linli.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Linli keeps the platform's state: append-only streams of events, one per aggregate (a
 * member, a pledge, a demand, a meeting …), grouped by tenant (community).
 *
 * <p><b>Appending.</b> {@link #append(AppendRequest)} writes a command's events to one or more
 * streams of a tenant atomically, if every stream it names is still at the version the command
 * saw ({@link WrongExpectedVersionException} otherwise), and at most once per command id.
 *
 * <p><b>The feed.</b> Every event also takes the next position in its tenant's feed: 1, 2, 3 …,
 * without gaps, in commit order. {@link #feed(String, long, int)} reads it after a position; a
 * reader that has seen position {@code p} has seen everything before it, however appends
 * interleave, so read models and outboxes can keep one number as their mark. (Positions are handed
 * out under a per-tenant lock held until commit; a position handed out by a transaction that later
 * rolls back is never seen, because the next writer takes the same one.)
 *
 * <p><b>Snapshots</b> are a cache that bounds replay: {@link #saveSnapshot(Snapshot)} keeps one per
 * stream, replacing an older one; a reader that cannot use it replays from the start.
 *
 * <p>Implementations ({@link EventStores}): in memory, and JDBC on PostgreSQL or H2 (one schema
 * for many tenants; several servers may share it). All are thread-safe. An append costs O(events
 * written + streams named) rows and index probes, whatever the size of the streams; reads cost
 * O(events returned).
 *
 * @since 0.2.0
 */
public interface EventStore {
  /** Most events one read returns. */
  int MAX_READ = 10_000;

  /**
   * Appends a command's events, all or nothing.
   *
   * @param request the streams, events, expected versions and command id
   * @return the recorded events, or those of the earlier request with the same command id
   * @throws WrongExpectedVersionException if a named stream is not at its expected version
   * @throws io.github.linli.core.ConflictException if the command id was used by a request to
   *     other streams
   * @throws EventStoreException if the database failed (see {@link
   *     EventStoreException#outcomeUnknown()})
   */
  AppendResult append(AppendRequest request);

  /**
   * Reads a stream's events after a version, oldest first.
   *
   * @param stream the stream
   * @param afterVersion 0 to read from the start
   * @param limit most events to return, 1 to {@link #MAX_READ}
   * @return the events, empty if none follow
   * @throws io.github.linli.core.ConsistencyException if a stored event is damaged or the stream's
   *     versions have a hole (naming tenant, stream and version)
   */
  List<RecordedEvent> read(StreamId stream, long afterVersion, int limit);

  /**
   * The stream's version: the number of its events, 0 if it has none.
   *
   * @param stream the stream
   * @return the version
   */
  long version(StreamId stream);

  /**
   * Reads a tenant's feed after a position, in position order.
   *
   * @param tenant the tenant
   * @param afterPosition 0 to read from the start
   * @param limit most events to return, 1 to {@link #MAX_READ}
   * @return the events, empty if none follow
   * @throws io.github.linli.core.ConsistencyException if a stored event is damaged
   */
  List<RecordedEvent> feed(String tenant, long afterPosition, int limit);

  /**
   * Reads the events of some categories in a tenant's feed after a position, in position order;
   * what a read model or aggregate that spans many streams uses.
   *
   * @param tenant the tenant
   * @param categories the stream categories wanted, at least one
   * @param afterPosition 0 to read from the start
   * @param limit most events to return, 1 to {@link #MAX_READ}
   * @return the events, empty if none follow
   */
  List<RecordedEvent> feed(String tenant, List<String> categories, long afterPosition, int limit);

  /**
   * The position of a tenant's last event, 0 if it has none.
   *
   * @param tenant the tenant
   * @return the head position
   */
  long head(String tenant);

  /**
   * Every tenant with events, and its head position: where a projector that serves many
   * communities looks for new work.
   *
   * @return tenant to head position, in tenant order
   */
  Map<String, Long> heads();

  /**
   * The events a command recorded, if it was recorded.
   *
   * @param tenant the tenant
   * @param commandId the command id
   * @return the earlier result (marked as a duplicate), or empty
   */
  Optional<AppendResult> findCommand(String tenant, String commandId);

  /**
   * Keeps a snapshot of a stream, replacing an older one (a snapshot older than the one held is
   * ignored).
   *
   * @param snapshot the snapshot
   */
  void saveSnapshot(Snapshot snapshot);

  /**
   * The stream's latest snapshot.
   *
   * @param stream the stream
   * @return the snapshot, if one is held
   */
  Optional<Snapshot> snapshot(StreamId stream);

  /**
   * Reads a whole stream (in pages of {@link #MAX_READ}).
   *
   * @param stream the stream
   * @return every event, oldest first
   */
  default List<RecordedEvent> readAll(StreamId stream) {
    List<RecordedEvent> all = new java.util.ArrayList<>();
    long after = 0;
    while (true) {
      List<RecordedEvent> page = read(stream, after, MAX_READ);
      all.addAll(page);
      if (page.size() < MAX_READ) {
        return all;
      }
      after = page.get(page.size() - 1).version();
    }
  }
}

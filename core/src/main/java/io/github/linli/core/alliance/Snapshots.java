package io.github.linli.core.alliance;

import io.github.linli.core.internal.Json;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.Snapshot;
import io.github.linli.core.store.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alliance parts' snapshots: a cache of a part's state at a feed position, with the versions of
 * its streams. One that does not read is discarded (logged, without its content) and the part
 * replays its streams from the start. Snapshots, like events, hold no personal value.
 */
final class Snapshots {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

  static final Set<String> NAMES;

  static {
    Set<String> names = new HashSet<>(SnapshotJson.NAMES);
    names.addAll(List.of("format", "version", "position", "streams", "members", "contacts", "events", "enacted", "pledges",
        "deliveries", "day", "cards", "holder", "validUntil", "status"));
    NAMES = Set.copyOf(names);
  }

  private Snapshots() {}

  static List<Object> versions(Map<StreamId, Long> versions) {
    List<Object> out = new ArrayList<>(versions.size());
    List<StreamId> streams = new ArrayList<>(versions.keySet());
    streams.sort(null);
    for (StreamId s : streams) {
      out.add(List.of(s.category(), s.id(), versions.get(s)));
    }
    return out;
  }

  static Map<StreamId, Long> versions(String tenant, List<Object> list) {
    Map<StreamId, Long> out = new HashMap<>(list.size() * 2);
    for (Object o : list) {
      List<?> l = (List<?>) o;
      out.put(StreamId.of(tenant, (String) l.get(0), (String) l.get(1)), Long.parseLong(((Json.Num) l.get(2)).text));
    }
    return out;
  }

  /**
   * Reads a part's latest snapshot into it.
   *
   * @return whether a snapshot was used
   */
  static boolean load(EventStore store, StreamId stream, String type, String format, Consumer<Map<String, Object>> read,
      Runnable clear) {
    Optional<Snapshot> s;
    try {
      s = store.snapshot(stream);
    } catch (RuntimeException e) {
      LOG.warn("snapshot {} not read ({}); replaying", stream, e.getClass().getSimpleName());
      return false;
    }
    if (s.isEmpty()) {
      return false;
    }
    if (!s.get().type().equals(type) || s.get().typeVersion() != 1) {
      LOG.info("snapshot {} is {} v{}, not {} v1; replaying", stream, s.get().type(), s.get().typeVersion(), type);
      return false;
    }
    try {
      Map<String, Object> root = Json.parse(s.get().json(), NAMES);
      JsonFields.checkHeader(root, format, 1, "alliance part snapshot");
      read.accept(root);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("snapshot {} does not read ({}); replaying", stream, e.getClass().getSimpleName());
      clear.run();
      return false;
    }
  }
}

package io.github.linli.core.store;

import io.github.linli.core.ValidationException;
import java.util.Objects;

/**
 * A cached state of one stream at a version, so that loading replays only the events after it.
 *
 * <p>A snapshot is never the truth: one that cannot be read (an unknown type or version, a damaged
 * document) is discarded and the stream replayed from its start. Like events it holds no personal
 * value. {@code toString()} never shows the document.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class Snapshot {
  /** Longest stored form accepted, in characters (32 MiB). */
  public static final int MAX_JSON_LENGTH = 32 << 20;

  private final StreamId stream;
  private final long version;
  private final String type;
  private final int typeVersion;
  private final String json;

  private Snapshot(StreamId stream, long version, String type, int typeVersion, String json) {
    this.stream = stream;
    this.version = version;
    this.type = type;
    this.typeVersion = typeVersion;
    this.json = json;
  }

  /**
   * Creates a snapshot.
   *
   * @param stream the stream
   * @param version the stream version the state reflects, 1 or more
   * @param type the state's type, as for events
   * @param typeVersion the version of its stored form, 1 or more
   * @param json the stored form, a JSON object of at most {@link #MAX_JSON_LENGTH} characters
   * @return the snapshot
   * @throws ValidationException naming the field if a part is not acceptable
   */
  public static Snapshot of(StreamId stream, long version, String type, int typeVersion, String json) {
    if (stream == null) {
      throw new ValidationException("snapshot.stream", null, "must not be null");
    }
    if (version < 1) {
      throw new ValidationException("snapshot.version", version, "must be 1 or more");
    }
    if (json == null) {
      throw new ValidationException("snapshot.json", null, "must not be null");
    }
    if (json.length() > MAX_JSON_LENGTH) {
      throw new ValidationException(
          "snapshot.json", json.length() + " characters", "must be at most " + MAX_JSON_LENGTH);
    }
    return new Snapshot(stream, version, EventData.type(type), EventData.typeVersion(typeVersion), json);
  }

  /**
   * The stream.
   *
   * @return the stream id
   */
  public StreamId stream() {
    return stream;
  }

  /**
   * The stream version the state reflects.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * The state's type.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * The version of the stored form.
   *
   * @return 1 or more
   */
  public int typeVersion() {
    return typeVersion;
  }

  /**
   * The stored form.
   *
   * @return a JSON object
   */
  public String json() {
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot
        && ((Snapshot) o).stream.equals(stream)
        && ((Snapshot) o).version == version
        && ((Snapshot) o).type.equals(type)
        && ((Snapshot) o).typeVersion == typeVersion
        && ((Snapshot) o).json.equals(json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, version, type, typeVersion, json);
  }

  /** Returns for example {@code Snapshot{lishan/pledges/all@120 PledgeBook v1, 5120 chars}}. */
  @Override
  public String toString() {
    return "Snapshot{" + stream + "@" + version + " " + type + " v" + typeVersion + ", " + json.length() + " chars}";
  }
}

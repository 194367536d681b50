package io.github.linli.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the store holds it: the stream and the version it has there (1 for a stream's first
 * event), its position in its tenant's feed (1, 2, 3 … without gaps, in commit order), its type and
 * stored form, the id of the command that wrote it and when it was recorded (to the microsecond).
 *
 * <p>{@code toString()} names the stream, version, position and type, never the document.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class RecordedEvent {
  private final StreamId stream;
  private final long version;
  private final long position;
  private final EventData data;
  private final String commandId;
  private final Instant recordedAt;

  private RecordedEvent(
      StreamId stream, long version, long position, EventData data, String commandId, Instant recordedAt) {
    this.stream = stream;
    this.version = version;
    this.position = position;
    this.data = data;
    this.commandId = commandId;
    this.recordedAt = recordedAt;
  }

  static RecordedEvent of(
      StreamId stream, long version, long position, EventData data, String commandId, Instant recordedAt) {
    return new RecordedEvent(stream, version, position, data, commandId, recordedAt);
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
   * The version the event has in its stream: 1 for the first.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * The position in the tenant's feed: 1 for the tenant's first event, without gaps, in commit
   * order.
   *
   * @return the position
   */
  public long position() {
    return position;
  }

  /**
   * The event type.
   *
   * @return the type
   */
  public String type() {
    return data.type();
  }

  /**
   * The version of the type's stored form.
   *
   * @return 1 or more
   */
  public int typeVersion() {
    return data.typeVersion();
  }

  /**
   * The stored form.
   *
   * @return a JSON object
   */
  public String json() {
    return data.json();
  }

  /**
   * The event as it was appended.
   *
   * @return type, version and stored form
   */
  public EventData data() {
    return data;
  }

  /**
   * The id of the command that appended it (one command may append several events).
   *
   * @return the command id
   */
  public String commandId() {
    return commandId;
  }

  /**
   * When the store recorded it, truncated to microseconds (what PostgreSQL keeps).
   *
   * @return the instant
   */
  public Instant recordedAt() {
    return recordedAt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordedEvent)) {
      return false;
    }
    RecordedEvent e = (RecordedEvent) o;
    return e.stream.equals(stream)
        && e.version == version
        && e.position == position
        && e.data.equals(data)
        && e.commandId.equals(commandId)
        && e.recordedAt.equals(recordedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, version, position, data, commandId, recordedAt);
  }

  /** Returns for example {@code lishan/member/m-1@3 #57 MemberAdmitted v1}. */
  @Override
  public String toString() {
    return stream + "@" + version + " #" + position + " " + data.type() + " v" + data.typeVersion();
  }
}

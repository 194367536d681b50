package io.github.linli.core.governance;

import java.util.List;
import org.immutables.value.Value;

/**
 * What a {@link JointMeeting} is made of, as one immutable value: its id, charter and seats, and its
 * {@link JointMeeting#minutes() minutes}. Taken with {@link JointMeeting#snapshot()} and turned back
 * into an equal meeting with {@link JointMeeting#restore(JointMeetingSnapshot, java.time.Clock)},
 * which replays the minutes: an export and import format (to archive a meeting or hand it to another
 * system). A portal keeps its meetings in an event store ({@link JointMeeting#convene(
 * io.github.linli.core.store.EventStore, String, io.github.linli.core.Actor, String, Charter,
 * java.util.List, java.time.Clock)}, {@link JointMeeting#load}), not as snapshots.
 *
 * <p>Attendance, proxies, ballots, tallies and resolutions are not stored: they are recomputed on
 * restore by replaying the minutes through the meeting's own methods, so a resolution is never
 * trusted from storage.
 *
 * <p>No personal data: seats and entries hold opaque participant ids and roles. {@code toString()}
 * shows the id and counts.
 *
 * <p>Immutable and thread-safe. Built by {@link JointMeeting#snapshot()}, with {@link #builder()}
 * from a portal's stored rows, or read from one JSON document with {@link #fromJson(String)}.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class JointMeetingSnapshot {
  JointMeetingSnapshot() {}

  /**
   * The meeting's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The charter.
   *
   * @return the charter
   */
  public abstract Charter charter();

  /**
   * The seats, in the order given at convening.
   *
   * @return the seats
   */
  public abstract List<Seat> seats();

  /**
   * The minutes, in order of sequence; the first entry is the convening.
   *
   * @return the entries
   */
  public abstract List<MinutesEntry> minutes();

  /**
   * This snapshot as a JSON document, to store as one {@code text} or {@code jsonb} value: format
   * {@code "linli.joint-meeting-snapshot"}, version 1. Every field is written under the name of its
   * accessor: the charter as {@code quorum} ({@code numerator}, {@code denominator}, {@code strict},
   * {@code requiredParties}), {@code defaultRule}, {@code rules} and {@code maxProxiesPerHolder}; the
   * seats; the minutes entries with every argument (an absent one as {@code null}), a motion as its
   * {@code kind}, {@code title}, {@code subject}, {@code payload} and {@code rule}. Enums by name,
   * instants in ISO-8601, sets sorted, maps by key. The same snapshot always gives the same string;
   * {@link #fromJson(String)} reads it back to an equal snapshot. No personal data.
   *
   * <p>Linear in the size of the snapshot.
   *
   * @return the JSON document, ending with a line break
   * @since 0.1.0
   */
  public String toJson() {
    return MeetingJson.write(this);
  }

  /**
   * Reads a snapshot back from {@link #toJson()}'s JSON. Strict, as {@code
   * AllianceSnapshot.fromJson}: RFC 8259 JSON whose top level is an object with format {@code
   * "linli.joint-meeting-snapshot"} and version 1 and exactly the fields of the format, each of its
   * type; a motion must be what its kind's factory makes of its subject or payload (its title
   * included). Same limits as the alliance's document (32 Mi characters, 4 Mi values, nesting 16
   * deep). That the minutes replay is checked by {@link JointMeeting#restore}, as for any snapshot.
   *
   * @param json the document
   * @return the snapshot
   * @throws io.github.linli.core.ValidationException naming the JSON path of the problem (for
   *     example {@code minutes[3].choice} or {@code $} for the document) if the text is not such a
   *     document, is malformed, has data after its end, or exceeds a limit; its message never shows
   *     the document's text nor a field name outside the format
   * @since 0.1.0
   */
  public static JointMeetingSnapshot fromJson(String json) {
    return MeetingJson.read(json);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The id and the counts.
   *
   * @return for example {@code JointMeetingSnapshot{jm-2026-12: 6 seats, 9 entries}}
   */
  @Override
  public String toString() {
    return "JointMeetingSnapshot{" + id() + ": " + seats().size() + " seats, " + minutes().size() + " entries}";
  }

  /** Builds a {@link JointMeetingSnapshot}. Not thread-safe. */
  public static final class Builder extends ImmutableJointMeetingSnapshot.Builder {
    Builder() {}
  }
}

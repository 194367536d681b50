package io.github.linli.core.governance;

import java.util.List;
import org.immutables.value.Value;

/**
 * What a {@link JointMeeting} is made of, as one immutable value: its id, charter and seats, and its
 * {@link JointMeeting#minutes() minutes}. Taken with {@link JointMeeting#snapshot()} and turned back
 * into an equal meeting with {@link JointMeeting#restore(JointMeetingSnapshot, java.time.Clock)},
 * which replays the minutes, so that an open meeting survives a restart of the portal.
 *
 * <p>Attendance, proxies, ballots, tallies and resolutions are not stored: they are recomputed on
 * restore by replaying the minutes through the meeting's own methods, so a resolution is never
 * trusted from storage.
 *
 * <p>No personal data: seats and entries hold opaque participant ids and roles. {@code toString()}
 * shows the id and counts.
 *
 * <p>Immutable and thread-safe. Built by {@link JointMeeting#snapshot()}, or with {@link #builder()}
 * from a portal's stored rows.
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

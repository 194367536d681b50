package io.github.linli.core.store;

import java.util.List;

/**
 * What an append did: the events recorded for the command, and whether they were recorded now or
 * by an earlier request with the same command id.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class AppendResult {
  private final String commandId;
  private final boolean duplicate;
  private final List<RecordedEvent> events;

  private AppendResult(String commandId, boolean duplicate, List<RecordedEvent> events) {
    this.commandId = commandId;
    this.duplicate = duplicate;
    this.events = List.copyOf(events);
  }

  static AppendResult of(String commandId, boolean duplicate, List<RecordedEvent> events) {
    return new AppendResult(commandId, duplicate, events);
  }

  /**
   * The command id (the one given, or the one the store made).
   *
   * @return the id
   */
  public String commandId() {
    return commandId;
  }

  /**
   * Whether the command had already been recorded, so this request wrote nothing.
   *
   * @return true for a repeated command id
   */
  public boolean duplicate() {
    return duplicate;
  }

  /**
   * The command's events as recorded, in feed order.
   *
   * @return the events, never empty
   */
  public List<RecordedEvent> events() {
    return events;
  }

  /**
   * The feed position of the command's last event.
   *
   * @return the position
   */
  public long lastPosition() {
    return events.get(events.size() - 1).position();
  }

  /** Returns the command id, the number of events, the last position and whether it repeated. */
  @Override
  public String toString() {
    return "AppendResult{command " + commandId + ", " + events.size() + (events.size() == 1 ? " event" : " events")
        + " to #" + lastPosition() + (duplicate ? ", already recorded" : "") + "}";
  }
}

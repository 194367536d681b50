package io.github.linli.core.store;

import io.github.linli.core.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event to append: its type, the version of that type's stored form, and the stored form, a
 * JSON object.
 *
 * <p>Events are immutable once appended, so they must hold no personal value: they name residents
 * by opaque id and keep names, phones, texts of needs and the like in the personal-data store.
 * {@code toString()} shows the type and the size, never the document.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class EventData {
  /** Longest stored form accepted, in characters (1 MiB). */
  public static final int MAX_JSON_LENGTH = 1 << 20;

  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final String type;
  private final int typeVersion;
  private final String json;

  private EventData(String type, int typeVersion, String json) {
    this.type = type;
    this.typeVersion = typeVersion;
    this.json = json;
  }

  /**
   * Creates an event to append.
   *
   * @param type the event type, for example {@code MemberAdmitted}: a letter, then letters,
   *     digits, '.', '-' or '_', at most 64
   * @param typeVersion the version of the type's stored form, 1 or more
   * @param json the stored form, a JSON object of at most {@link #MAX_JSON_LENGTH} characters
   * @return the event
   * @throws ValidationException naming the field if a part is not acceptable
   */
  public static EventData of(String type, int typeVersion, String json) {
    return new EventData(type(type), typeVersion(typeVersion), json(json));
  }

  static String type(String type) {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new ValidationException(
          "event.type", type == null ? null : io.github.linli.core.internal.Checks.printable(type),
          "must match " + TYPE.pattern());
    }
    return type;
  }

  static int typeVersion(int v) {
    if (v < 1) {
      throw new ValidationException("event.typeVersion", v, "must be 1 or more");
    }
    return v;
  }

  static String json(String json) {
    if (json == null) {
      throw new ValidationException("event.json", null, "must not be null");
    }
    if (json.length() > MAX_JSON_LENGTH) {
      throw new ValidationException(
          "event.json", json.length() + " characters", "must be at most " + MAX_JSON_LENGTH);
    }
    String t = json.strip();
    if (!t.startsWith("{") || !t.endsWith("}")) {
      throw new ValidationException("event.json", json.length() + " characters", "must be a JSON object");
    }
    return json;
  }

  /**
   * The event type.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * The version of the type's stored form.
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
    return o instanceof EventData
        && ((EventData) o).type.equals(type)
        && ((EventData) o).typeVersion == typeVersion
        && ((EventData) o).json.equals(json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, typeVersion, json);
  }

  /** Returns the type, its version and the document's size, for example {@code MemberAdmitted v1 (84 chars)}. */
  @Override
  public String toString() {
    return type + " v" + typeVersion + " (" + json.length() + " chars)";
  }
}

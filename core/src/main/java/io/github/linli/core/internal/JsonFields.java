package io.github.linli.core.internal;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One JSON object being read (from {@link Json#parse}), with its path: typed accessors that throw a {@link
 * ValidationException} naming the path of the field, and never the value of a personal one.
 */
public final class JsonFields {
  private final Map<String, Object> fields;
  private final String path;

  /**
   * Checks a snapshot document's {@code format} and {@code version} fields.
   *
   * @param fields the parsed top-level object
   * @param format the format name it must carry
   * @param version the only version read
   * @param what what the format is, for the message ("alliance snapshot")
   * @throws ValidationException naming {@code format} or {@code version} if either differs
   */
  public static void checkHeader(Map<String, Object> fields, String format, int version, String what) {
    Object f = fields.get("format");
    if (!format.equals(f)) {
      throw new ValidationException("format", f instanceof String ? f : kind(f == null ? "missing" : Json.kind(f)),
          "is not a Linli " + what + " (expected '" + format + "')");
    }
    Object v = fields.get("version");
    if (!(v instanceof Json.Num) || !String.valueOf(version).equals(((Json.Num) v).text)) {
      throw new ValidationException("version", v instanceof Json.Num ? v : kind(v == null ? "missing" : Json.kind(v)),
          "is not a version this Linli reads (it reads version " + version + ")");
    }
  }

  /** Checks that the object has exactly the expected fields. */
  public JsonFields(Map<String, Object> fields, String path, List<String> expected) {
    this.fields = fields;
    this.path = path;
    for (String key : expected) {
      if (!fields.containsKey(key)) {
        throw new ValidationException(path(key), Json.NULL, "is missing (every field of the format is required; null for none)");
      }
    }
    if (fields.size() != expected.size()) {
      throw new ValidationException(path.isEmpty() ? "$" : path, (fields.size() - expected.size()) + " more",
          "has fields not in the format (it has exactly " + String.join(", ", expected) + ")");
    }
  }

  /** The path of one of this object's fields ("members[2].contact"). */
  public String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A map key as it may be shown in a message: itself if it is a plain name, else "(a name)". */
  public static Object simpleName(String key) {
    return key.matches("[A-Za-z_]{1,40}") ? key : "(a name)";
  }

  private ValidationException mistyped(String key, Object v, String expected) {
    return new ValidationException(path(key), kind(Json.kind(v)), "must be " + expected);
  }

  /** Whether the object has a field (for formats that gained an optional field). */
  public boolean has(String key) {
    return fields.containsKey(key);
  }

  /** The raw object held by a field. */
  public Map<String, Object> obj(String key) {
    Object v = fields.get(key);
    if (!(v instanceof Map)) {
      throw mistyped(key, v, "an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return m;
  }

  /** The object held by a field, checked to have exactly the expected fields. */
  public JsonFields obj(String key, List<String> expected) {
    return new JsonFields(obj(key), path(key), expected);
  }

  /** The object held by a field, or empty for null. */
  public Optional<JsonFields> optObj(String key, List<String> expected) {
    Object v = fields.get(key);
    if (v == Json.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof Map)) {
      throw mistyped(key, v, "an object or null");
    }
    return Optional.of(obj(key, expected));
  }

  /** The array held by a field. */
  public List<Object> array(String key) {
    Object v = fields.get(key);
    if (!(v instanceof List)) {
      throw mistyped(key, v, "an array");
    }
    @SuppressWarnings("unchecked")
    List<Object> l = (List<Object>) v;
    return l;
  }

  /** Element {@code index} of array field {@code key}, checked to be an object with exactly the expected fields. */
  public JsonFields element(String key, int index, Object v, List<String> expected) {
    String p = path(key) + "[" + index + "]";
    if (!(v instanceof Map)) {
      throw new ValidationException(p, kind(Json.kind(v)), "must be an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return new JsonFields(m, p, expected);
  }

  /** A string field. */
  public String string(String key) {
    Object v = fields.get(key);
    if (!(v instanceof String)) {
      throw mistyped(key, v, "a string");
    }
    return (String) v;
  }

  /** A string field, or empty for null. */
  public Optional<String> optString(String key) {
    Object v = fields.get(key);
    if (v == Json.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof String)) {
      throw mistyped(key, v, "a string or null");
    }
    return Optional.of((String) v);
  }

  /** A string field that must be a valid id. */
  public String id(String key) {
    return Checks.id(path(key), string(key));
  }

  /** A personal id, checked; an error masks its value. */
  public String personalId(String key, String value) {
    try {
      return Checks.id(path(key), value);
    } catch (ValidationException e) {
      throw new ValidationException(path(key), MASK, "is not a valid id (not blank, at most " + Checks.MAX_ID_LENGTH
          + " characters, no surrounding white space or control characters)");
    }
  }

  /** A label field: an object with non-blank "zh" and "en". */
  public Label label(String key) {
    JsonFields l = obj(key, LABEL);
    String zh = l.string("zh");
    String en = l.string("en");
    if (zh.isBlank()) {
      throw new ValidationException(l.path("zh"), zh, "must not be blank");
    }
    if (en.isBlank()) {
      throw new ValidationException(l.path("en"), en, "must not be blank");
    }
    return Label.of(zh, en);
  }

  /** A boolean field. */
  public boolean bool(String key) {
    Object v = fields.get(key);
    if (!(v instanceof Boolean)) {
      throw mistyped(key, v, "true or false");
    }
    return (Boolean) v;
  }

  /** An integer field in [min, max]. */
  public long integer(String key, long min, long max) {
    Object v = fields.get(key);
    if (!(v instanceof Json.Num) || !((Json.Num) v).isInteger()) {
      throw mistyped(key, v, "an integer");
    }
    String text = ((Json.Num) v).text;
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ValidationException(path(key), v, "must be an integer in " + min + ".." + max);
    }
    if (n < min || n > max) {
      throw new ValidationException(path(key), n, "must be an integer in " + min + ".." + max);
    }
    return n;
  }

  /** An integer field in [min, max], or empty for null. */
  public Optional<Long> optInteger(String key, long min, long max) {
    return fields.get(key) == Json.NULL ? Optional.empty() : Optional.of(integer(key, min, max));
  }

  /** An int field, or empty for null. */
  public Optional<Integer> optInt(String key) {
    return optInteger(key, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue);
  }

  /** A number field in [min, max]. */
  public double decimal(String key, double min, double max) {
    Object v = fields.get(key);
    if (!(v instanceof Json.Num)) {
      throw mistyped(key, v, "a number");
    }
    double d = Double.parseDouble(((Json.Num) v).text); // the grammar was checked
    if (!(d >= min && d <= max)) {
      throw new ValidationException(path(key), v, "must be a number in [" + min + ", " + max + "]");
    }
    return d;
  }

  /** An enum field by constant name; a personal one is masked in errors. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean personal) {
    return parseEnum(path(key), string(key), type, personal);
  }

  /** An enum field by constant name. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    return enumValue(key, type, false);
  }

  /** An enum field, or empty for null. */
  public <E extends Enum<E>> Optional<E> optEnum(String key, Class<E> type) {
    return optString(key).map(s -> parseEnum(path(key), s, type, false));
  }

  /** An array of distinct enum constant names. */
  public <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type, boolean personal) {
    Set<E> out = new LinkedHashSet<>();
    List<Object> l = array(key);
    for (int i = 0; i < l.size(); i++) {
      String p = path(key) + "[" + i + "]";
      if (!(l.get(i) instanceof String)) {
        throw new ValidationException(p, kind(Json.kind(l.get(i))), "must be a string");
      }
      if (!out.add(parseEnum(p, (String) l.get(i), type, personal))) {
        throw new ValidationException(p, personal || type == HouseholdFlag.class ? MASK : l.get(i), "appears twice in a set");
      }
    }
    return out;
  }

  /** An array of distinct enum constant names, not personal. */
  public <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type) {
    return enumSet(key, type, false);
  }

  /** An array of distinct strings. */
  public Set<String> stringSet(String key, boolean personal) {
    Set<String> out = new LinkedHashSet<>();
    List<Object> l = array(key);
    for (int i = 0; i < l.size(); i++) {
      String p = path(key) + "[" + i + "]";
      if (!(l.get(i) instanceof String)) {
        throw new ValidationException(p, kind(Json.kind(l.get(i))), "must be a string");
      }
      if (!out.add((String) l.get(i))) {
        throw new ValidationException(p, personal ? MASK : l.get(i), "appears twice in a set");
      }
    }
    return out;
  }

  /** The constant of {@code type} named {@code name}, or an error at {@code path} (masked if personal). */
  public static <E extends Enum<E>> E parseEnum(String path, String name, Class<E> type, boolean personal) {
    return parseEnum(path, personal ? MASK : name, name, type);
  }

  /**
   * The constant of {@code type} named {@code name}; otherwise a {@link ValidationException} at
   * {@code path} showing {@code shown} (household flags, which are personal, are never shown).
   *
   * @param <E> the enum type
   * @param path the path of the field
   * @param shown what the error shows as the value
   * @param name the name read
   * @param type the enum type
   * @return the constant
   */
  public static <E extends Enum<E>> E parseEnum(String path, Object shown, String name, Class<E> type) {
    boolean personal = MASK.equals(shown);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    if (personal || type == HouseholdFlag.class) {
      // household flags are personal data (of a card), and their names are never shown
      throw new ValidationException(path, MASK, "is not a known " + (type == HouseholdFlag.class ? "household flag" : "value"));
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw new ValidationException(path, shown, "is not one of " + String.join(", ", names));
  }

  /** An ISO-8601 instant field. */
  public Instant instant(String key) {
    String s = string(key);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new ValidationException(path(key), s, "must be an ISO-8601 instant such as 2026-11-24T01:00:00Z");
    }
  }

  /** An ISO-8601 date field. */
  public LocalDate date(String key, boolean personal) {
    return parseDate(key, string(key), personal);
  }

  /** Parses an ISO-8601 date read from field {@code key}. */
  public LocalDate parseDate(String key, String s, boolean personal) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ValidationException(path(key), personal ? MASK : s, "must be an ISO-8601 date such as 2026-11-24");
    }
  }

  /** Builds a value of a non-personal object; as {@code build("", false, build)}. */
  public <T> T build(Supplier<T> build) {
    return build("", false, build);
  }

  /**
   * Builds a value from fields already read; a check of the value that fails is reported at this
   * object's path (its value masked if the object holds personal data).
   */
  public <T> T build(String key, boolean personal, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      String where = key.isEmpty() ? (path.isEmpty() ? "$" : path) : path(key);
      if (personal) {
        throw new ValidationException(where, MASK, "is not valid (" + e.field() + ")");
      }
      String field = e.field() == null ? "" : e.field();
      if (field.startsWith(where)) {
        throw e;
      }
      throw new ValidationException(field.indexOf('.') < 0 ? where : where + field.substring(field.indexOf('.')),
          e.value().orElse(null), problem(e));
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw new ValidationException(key.isEmpty() ? (path.isEmpty() ? "$" : path) : path(key), personal ? MASK : kind("a value"), "is not valid");
    }
  }

  /** The problem part of a ValidationException's message, after "field = value: ". */
  private static String problem(ValidationException e) {
    String m = String.valueOf(e.getMessage());
    String v = e.value().orElse("null");
    for (String prefix : List.of(e.field() + " = '" + v + "': ", e.field() + " = " + v + ": ")) {
      if (m.startsWith(prefix)) {
        return m.substring(prefix.length());
      }
    }
    return m;
  }

  /** What an error shows for a personal value. */
  public static final String MASK = "****";

  /** The fields of a label object. */
  public static final List<String> LABEL = List.of("zh", "en");

  /**
   * A value for an error message that renders unquoted, such as the JSON kind of a mistyped value
   * ("a number").
   *
   * @param text the text shown
   * @return an object whose {@code toString()} is {@code text}
   */
  public static Object kind(String text) {
    return new Kind(text);
  }

  private static final class Kind {
    private final String kind;

    Kind(String kind) {
      this.kind = kind;
    }

    @Override
    public String toString() {
      return kind;
    }
  }
}

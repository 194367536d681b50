package io.github.linli.core.internal;

import io.github.linli.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON (RFC 8259) writer and strict parser for Linli's snapshot documents (the alliance's
 * and the joint meeting's); core has no JSON dependency. Not API. The tree is plain Java: {@code LinkedHashMap<String, Object>} for objects, {@code
 * List<Object>} for arrays, {@code String}, {@link Num} (the number's text, so integers stay exact),
 * {@code Boolean} and {@link #NULL}.
 *
 * <p>The parser accepts exactly RFC 8259 JSON text (no byte-order mark, comments, trailing commas,
 * single quotes, leading zeros, {@code NaN} or raw control characters in strings) whose top level
 * is an object, and refuses, with a {@link ValidationException} naming the JSON path: a text longer
 * than {@link #MAX_LENGTH} characters, more than {@link #MAX_VALUES} values, nesting deeper than
 * {@link #MAX_DEPTH}, a number longer than {@link #MAX_NUMBER_LENGTH} characters, a duplicate field
 * name, and data after the top-level value. Its work and memory are linear in the length of the
 * text (the value limit caps the tree a text of many tiny values would build) and its recursion is
 * bounded by the depth. Its
 * messages never quote the text: a field name appears in a path only if it is one of the names the
 * caller knows (else {@code *}), so a mangled document cannot put a personal value into a message.
 *
 * <p>Stateless; thread-safe.
 */
public final class Json {
  /** The longest text accepted, in UTF-16 characters (32 Mi). */
  public static final int MAX_LENGTH = 32 * 1024 * 1024;
  /** The most values (objects, arrays, strings, numbers, literals) accepted in one text (4 Mi). */
  public static final int MAX_VALUES = 4 * 1024 * 1024;
  /** The deepest nesting of objects and arrays accepted. */
  public static final int MAX_DEPTH = 16;
  /** The longest number accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 40;

  /** JSON {@code null}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private Json() {}

  /** A number as it was written, validated against the JSON grammar. */
  public static final class Num {
    /** The number's text. */
    public final String text;

    Num(String text) {
      this.text = text;
    }

    /**
     * Whether it is written as an integer (no fraction, no exponent).
     *
     * @return true if so
     */
    public boolean isInteger() {
      return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A position in the text, rendered unquoted in a message. */
  static final class At {
    private final int offset;

    At(int offset) {
      this.offset = offset;
    }

    @Override
    public String toString() {
      return "character " + offset;
    }
  }

  /** The JSON kind of a parsed value, for messages ("a number", "null"). */
  public static String kind(Object v) {
    if (v instanceof Map) {
      return "an object";
    } else if (v instanceof List) {
      return "an array";
    } else if (v instanceof String) {
      return "a string";
    } else if (v instanceof Num) {
      return "a number";
    } else if (v instanceof Boolean) {
      return "a boolean";
    }
    return "null";
  }

  // ------------------------------------------------------------------------------------- writer

  /**
   * An object from alternating keys and values, in that order.
   *
   * @param keyValues key, value, key, value …
   * @return the object
   */
  public static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.put((String) keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  /**
   * The names of enum constants, sorted, as an array value.
   *
   * @param values the constants
   * @return their names in name order
   */
  public static List<Object> names(java.util.Collection<? extends Enum<?>> values) {
    List<Object> out = new ArrayList<>();
    for (Enum<?> e : values) {
      out.add(e.name());
    }
    out.sort(java.util.Comparator.comparing(Object::toString));
    return out;
  }

  /**
   * Writes a tree. The top-level object has one field per line and the elements of its arrays of
   * objects one per line; everything deeper is compact. Field order is the maps' order.
   */
  public static String write(Map<String, Object> root) {
    StringBuilder b = new StringBuilder(4096);
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : root.entrySet()) {
      if (!first) {
        b.append(",\n");
      }
      first = false;
      string(b, e.getKey());
      b.append(':');
      Object v = e.getValue();
      if (v instanceof List && !((List<?>) v).isEmpty() && ((List<?>) v).get(0) instanceof Map) {
        b.append("[\n");
        boolean firstElement = true;
        for (Object element : (List<?>) v) {
          if (!firstElement) {
            b.append(",\n");
          }
          firstElement = false;
          value(b, element);
        }
        b.append("\n]");
      } else {
        value(b, v);
      }
    }
    return b.append("}\n").toString();
  }

  private static void value(StringBuilder b, Object v) {
    if (v == null || v == NULL) {
      b.append("null");
    } else if (v instanceof String) {
      string(b, (String) v);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof Double) {
      b.append(Double.toString((Double) v)); // shortest text that reads back to the same double
    } else if (v instanceof Map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, (String) e.getKey());
        b.append(':');
        value(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof List) {
      b.append('[');
      boolean first = true;
      for (Object element : (List<?>) v) {
        if (!first) {
          b.append(',');
        }
        first = false;
        value(b, element);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  /**
   * Writes a string: quotes, backslashes and control characters escaped ({@code \n} and the like,
   * else as a six-character unicode escape), U+2028 and U+2029 escaped (for JavaScript), an unpaired surrogate escaped
   * (so the text stays valid UTF-8); everything else, Chinese and emoji included, as it is.
   */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            hex(b, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            hex(b, c);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static void hex(StringBuilder b, char c) {
    String h = Integer.toHexString(c);
    b.append("\\u");
    for (int k = h.length(); k < 4; k++) {
      b.append('0');
    }
    b.append(h);
  }

  // ------------------------------------------------------------------------------------- parser

  /**
   * Parses a text whose top level is an object.
   *
   * @param text the text
   * @param names the field names that may appear in paths of messages
   * @return the object
   * @throws ValidationException if the text is not such JSON, or exceeds a limit
   */
  public static Map<String, Object> parse(String text, Set<String> names) {
    return parse(text, names, MAX_VALUES);
  }

  /** {@link #parse(String, Set)} with another value limit (for tests). */
  public static Map<String, Object> parse(String text, Set<String> names, int maxValues) {
    if (text == null) {
      throw new ValidationException("$", null, "must not be null");
    }
    if (text.length() > MAX_LENGTH) {
      throw new ValidationException("$", text.length(), "the document is longer than the limit of " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(text, names, maxValues);
    p.skipSpace();
    if (p.pos >= text.length() || text.charAt(p.pos) != '{') {
      throw p.error("malformed JSON: the document must be a JSON object (starting with '{')");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) p.value(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("malformed JSON: data after the end of the document");
    }
    return root;
  }

  private static final class Parser {
    private final String s;
    private final Set<String> names;
    private final List<String> path = new ArrayList<>();
    private final int maxValues;
    private int values;
    int pos;

    Parser(String s, Set<String> names, int maxValues) {
      this.s = s;
      this.names = names;
      this.maxValues = maxValues;
    }

    String path() {
      if (path.isEmpty()) {
        return "$";
      }
      StringBuilder b = new StringBuilder();
      for (String segment : path) {
        if (b.length() > 0 && !segment.startsWith("[")) {
          b.append('.');
        }
        b.append(segment);
      }
      return b.toString();
    }

    ValidationException error(String problem) {
      return new ValidationException(path(), new At(pos), problem);
    }

    void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          return;
        }
      }
    }

    Object value(int depth) {
      skipSpace();
      if (pos >= s.length()) {
        throw error("malformed JSON: the document ends where a value was expected");
      }
      if (++values > maxValues) {
        throw error("the document holds more than the limit of " + maxValues + " values");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object(depth + 1);
        case '[':
          return array(depth + 1);
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return NULL;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("malformed JSON: expected a value");
      }
    }

    private void literal(String word) {
      if (!s.startsWith(word, pos)) {
        throw error("malformed JSON: expected a value");
      }
      pos += word.length();
    }

    private Map<String, Object> object(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("the document nests deeper than the limit of " + MAX_DEPTH);
      }
      pos++; // {
      Map<String, Object> out = new LinkedHashMap<>();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return out;
      }
      while (true) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("malformed JSON: expected a field name in double quotes");
        }
        String key = string();
        if (out.containsKey(key)) {
          throw error("the field " + (names.contains(key) ? "'" + key + "'" : "name") + " appears twice in one object");
        }
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != ':') {
          throw error("malformed JSON: expected ':' after a field name");
        }
        pos++;
        path.add(names.contains(key) ? key : "*");
        out.put(key, value(depth));
        path.remove(path.size() - 1);
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        } else if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return out;
        } else {
          throw error("malformed JSON: expected ',' or '}' after a field");
        }
      }
    }

    private List<Object> array(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("the document nests deeper than the limit of " + MAX_DEPTH);
      }
      pos++; // [
      List<Object> out = new ArrayList<>();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return out;
      }
      while (true) {
        path.add("[" + out.size() + "]");
        out.add(value(depth));
        path.remove(path.size() - 1);
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        } else if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          return out;
        } else {
          throw error("malformed JSON: expected ',' or ']' after an element");
        }
      }
    }

    private String string() {
      pos++; // "
      StringBuilder b = null;
      int start = pos;
      while (true) {
        if (pos >= s.length()) {
          throw error("malformed JSON: a string is not closed");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          String out = b == null ? s.substring(start, pos) : b.append(s, start, pos).toString();
          pos++;
          return out;
        } else if (c < 0x20) {
          throw error("malformed JSON: a control character in a string must be escaped");
        } else if (c == '\\') {
          if (b == null) {
            b = new StringBuilder();
          }
          b.append(s, start, pos);
          pos++;
          if (pos >= s.length()) {
            throw error("malformed JSON: a string is not closed");
          }
          char e = s.charAt(pos);
          switch (e) {
            case '"' -> b.append('"');
            case '\\' -> b.append('\\');
            case '/' -> b.append('/');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'u' -> {
              if (pos + 4 >= s.length()) {
                throw error("malformed JSON: a \\u escape needs four hex digits");
              }
              int v = 0;
              for (int k = 1; k <= 4; k++) {
                int d = Character.digit(s.charAt(pos + k), 16);
                if (d < 0 || s.charAt(pos + k) > 'f') {
                  throw error("malformed JSON: a \\u escape needs four hex digits");
                }
                v = v * 16 + d;
              }
              b.append((char) v);
              pos += 4;
            }
            default -> throw error("malformed JSON: an unknown escape in a string");
          }
          pos++;
          start = pos;
        } else {
          pos++;
        }
      }
    }

    private Num number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      if (pos < s.length() && s.charAt(pos) == '0') {
        pos++;
      } else if (!digits()) {
        throw error("malformed JSON: a number needs digits");
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (!digits()) {
          throw error("malformed JSON: a number needs digits after '.'");
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (!digits()) {
          throw error("malformed JSON: a number needs digits in its exponent");
        }
      }
      if (pos - start > MAX_NUMBER_LENGTH) {
        pos = start;
        throw error("a number is longer than the limit of " + MAX_NUMBER_LENGTH + " characters");
      }
      return new Num(s.substring(start, pos));
    }

    private boolean digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      return pos > start;
    }
  }
}

package io.github.linli.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.github.linli.core.LinliException;
import io.github.linli.core.OpaqueId;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writing and reading the values inside a Linli value: {@code Optional}s unwrapped (empty is
 * {@code null}), collections, maps with text keys, and {@code java.time} values as ISO-8601 text,
 * without registering anything for the whole {@code ObjectMapper} (the application's own
 * {@code java.time} settings stay as they are). Not API. Thread-safe.
 */
public final class Json {
  private Json() {}

  /**
   * Writes one attribute value.
   *
   * @param gen the generator
   * @param provider the provider
   * @param value the value, possibly null or an Optional
   * @throws IOException when writing fails
   */
  public static void write(JsonGenerator gen, SerializerProvider provider, Object value) throws IOException {
    if (value instanceof Optional) {
      value = ((Optional<?>) value).orElse(null);
    } else if (value instanceof OptionalInt) {
      OptionalInt o = (OptionalInt) value;
      value = o.isPresent() ? (Object) o.getAsInt() : null;
    } else if (value instanceof OptionalLong) {
      OptionalLong o = (OptionalLong) value;
      value = o.isPresent() ? (Object) o.getAsLong() : null;
    } else if (value instanceof OptionalDouble) {
      OptionalDouble o = (OptionalDouble) value;
      value = o.isPresent() ? (Object) o.getAsDouble() : null;
    }
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof Temporal || value instanceof TemporalAmount || value instanceof java.time.ZoneId
        || value instanceof java.time.YearMonth) {
      gen.writeString(value.toString());
    } else if (value instanceof Collection) {
      gen.writeStartArray();
      for (Object o : (Collection<?>) value) {
        write(gen, provider, o);
      }
      gen.writeEndArray();
    } else if (value instanceof Map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        gen.writeFieldName(key(e.getKey()));
        write(gen, provider, e.getValue());
      }
      gen.writeEndObject();
    } else {
      provider.defaultSerializeValue(value, gen);
    }
  }

  /**
   * The text of a map key: an enum's name, an id's value, a domain's or other value's {@code id()},
   * else its {@code toString()}.
   *
   * @param key the key
   * @return its text
   */
  public static String key(Object key) {
    if (key instanceof Enum) {
      return ((Enum<?>) key).name();
    }
    if (key instanceof OpaqueId) {
      return ((OpaqueId<?>) key).value();
    }
    if (key instanceof String) {
      return (String) key;
    }
    if (Accessors.catalogued(key.getClass()) != null) {
      Method id = Accessors.of(key.getClass()).get("id");
      if (id != null) {
        return String.valueOf(invoke(id, key));
      }
    }
    return key.toString();
  }

  /**
   * Calls an accessor, unwrapping what it throws.
   *
   * @param m the accessor
   * @param target the value
   * @return what it returned
   */
  public static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  /**
   * Rethrows an unchecked cause as it is.
   *
   * @param cause what a reflective call threw
   * @return never returns
   */
  public static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    throw new IllegalStateException(cause);
  }

  /**
   * Reads a JSON node as a value of a (generic) Java type.
   *
   * @param node the node, not null
   * @param type the type
   * @param ctxt the context
   * @return the value (an empty Optional for a JSON null where an Optional is wanted)
   * @throws IOException when the node does not fit the type
   */
  public static Object read(JsonNode node, Type type, DeserializationContext ctxt) throws IOException {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      return node.isNull() ? Optional.empty() : Optional.of(read(node, arg(type, 0), ctxt));
    }
    if (raw == OptionalInt.class) {
      return node.isNull() ? OptionalInt.empty() : OptionalInt.of(node.intValue());
    }
    if (raw == OptionalLong.class) {
      return node.isNull() ? OptionalLong.empty() : OptionalLong.of(node.longValue());
    }
    if (raw == OptionalDouble.class) {
      return node.isNull() ? OptionalDouble.empty() : OptionalDouble.of(node.doubleValue());
    }
    if (node.isNull()) {
      return null;
    }
    if (Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)
        || java.time.ZoneId.class.isAssignableFrom(raw)) {
      return parse(raw, node.asText(), ctxt);
    }
    if (raw == Iterable.class || Collection.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        throw JsonMappingException.from(ctxt, "expected an array for " + type.getTypeName());
      }
      Collection<Object> out = SortedSet.class.isAssignableFrom(raw) ? new TreeSet<>()
          : Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
      Type element = arg(type, 0);
      for (JsonNode n : node) {
        out.add(read(n, element, ctxt));
      }
      return out;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!node.isObject()) {
        throw JsonMappingException.from(ctxt, "expected an object for " + type.getTypeName());
      }
      Map<Object, Object> out = SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
      Type k = arg(type, 0);
      Type v = arg(type, 1);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(readKey(e.getKey(), k, ctxt), read(e.getValue(), v, ctxt));
      }
      return out;
    }
    JavaType jt = ctxt.getTypeFactory().constructType(type);
    return ctxt.readTreeAsValue(node, jt);
  }

  private static Object readKey(String key, Type type, DeserializationContext ctxt) throws IOException {
    Class<?> raw = raw(type);
    if (raw == String.class || raw == Object.class) {
      return key;
    }
    if (Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)) {
      return parse(raw, key, ctxt);
    }
    return ctxt.readTreeAsValue(ctxt.getNodeFactory().textNode(key), ctxt.getTypeFactory().constructType(type));
  }

  private static Object parse(Class<?> raw, String text, DeserializationContext ctxt) throws IOException {
    try {
      Method parse = raw == java.time.ZoneId.class ? raw.getMethod("of", String.class)
          : raw.getMethod("parse", CharSequence.class);
      if (!Modifier.isStatic(parse.getModifiers())) {
        throw JsonMappingException.from(ctxt, "cannot read " + raw.getName());
      }
      return parse.invoke(null, text);
    } catch (InvocationTargetException e) {
      throw JsonMappingException.from(ctxt, "not an ISO-8601 " + raw.getSimpleName() + ": " + text, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw JsonMappingException.from(ctxt, "cannot read " + raw.getName(), e);
    }
  }

  /**
   * The raw class of a type.
   *
   * @param type a class, parameterised type or wildcard
   * @return the class
   */
  public static Class<?> raw(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    if (type instanceof WildcardType) {
      return raw(((WildcardType) type).getUpperBounds()[0]);
    }
    return Object.class;
  }

  /**
   * A type argument, wildcards resolved to their bound.
   *
   * @param type a parameterised type
   * @param i the index
   * @return the argument, or Object
   */
  public static Type arg(Type type, int i) {
    if (type instanceof ParameterizedType) {
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      if (i < args.length) {
        Type a = args[i];
        return a instanceof WildcardType ? ((WildcardType) a).getUpperBounds()[0] : a;
      }
    }
    return Object.class;
  }

  /**
   * Whether a throwable is one of Linli's own exceptions (rethrown to the caller as they are).
   *
   * @param t a throwable
   * @return true for a {@link LinliException}
   */
  public static boolean isLinli(Throwable t) {
    return t instanceof LinliException;
  }

  /**
   * A list of the values of an iterable.
   *
   * @param values the values
   * @return a list
   */
  public static List<Object> list(Iterable<?> values) {
    List<Object> out = new ArrayList<>();
    values.forEach(out::add);
    return out;
  }
}

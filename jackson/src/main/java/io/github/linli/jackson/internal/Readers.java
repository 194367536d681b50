package io.github.linli.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import io.github.linli.core.Label;
import io.github.linli.core.OpaqueId;
import io.github.linli.core.Period;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.alliance.PledgePrice;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deserialisers of {@code LinliModule}: ids from strings, labels, intervals, credits, enums by
 * name (or an object with a {@code code}), values through their builder ({@code builder()} … {@code
 * build()}) or a static factory whose parameter names are the JSON fields. A value's own checks run
 * as when built in Java: a bad field is a {@code ValidationException} naming it. Not API.
 * Thread-safe.
 */
public final class Readers extends SimpleDeserializers implements KeyDeserializers {
  private static final long serialVersionUID = 1L;

  @Override
  public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
    if (type.getName().startsWith("io.github.linli.") && type.isEnum()) {
      return new EnumReader(type);
    }
    return null;
  }

  @Override
  public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
    return forClass(type.getRawClass());
  }

  /**
   * A deserialiser for a Linli class, or null if the module cannot read it.
   *
   * @param raw the class
   * @return the deserialiser, or null
   */
  public static JsonDeserializer<?> forClass(Class<?> raw) {
    String name = raw.getName();
    if (!name.startsWith("io.github.linli.") || name.startsWith("io.github.linli.jackson")) {
      return null;
    }
    if (OpaqueId.class.isAssignableFrom(raw) && raw != OpaqueId.class) {
      Method of = factory(raw);
      return of == null ? null : new IdReader(raw, of);
    }
    if (raw == Label.class) {
      return new LabelReader();
    }
    if (raw == Period.class || raw == TimeWindow.class) {
      return new IntervalReader(raw);
    }
    if (name.equals("io.github.linli.timebank.Credits")) {
      return TimebankJson.creditsReader();
    }
    if (raw == io.github.linli.core.Actor.class) {
      return null;   // who acts comes from the authenticated user, never from a request body
    }
    if (raw == PledgePrice.class) {
      return new PledgePriceReader();
    }
    if (!Catalogue.VALUES.contains(name)) {
      return null;
    }
    if (!attributesReadable(raw)) {
      return null;   // written only: some attribute's type cannot be read back
    }
    try {
      Method builder = raw.getMethod("builder");
      if (Modifier.isStatic(builder.getModifiers()) && Modifier.isPublic(builder.getReturnType().getModifiers())) {
        return new BuilderReader(raw, builder);
      }
    } catch (NoSuchMethodException e) {
      // no builder: try factories
    }
    List<Method> factories = new ArrayList<>();
    Set<String> attributes = Accessors.of(raw).keySet();
    for (Method m : raw.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && raw.isAssignableFrom(m.getReturnType()) && m.getParameterCount() > 0
          && allNamed(m) && java.util.Arrays.stream(m.getParameters()).allMatch(par -> attributes.contains(par.getName()))) {
        factories.add(m);
      }
    }
    return factories.isEmpty() ? null : new FactoryReader(raw, factories);
  }

  private static final ThreadLocal<Set<Class<?>>> VISITING = ThreadLocal.withInitial(java.util.HashSet::new);

  /** Whether every Linli type among a value's attributes (inside Optionals, lists, maps) can be read. */
  private static boolean attributesReadable(Class<?> raw) {
    Set<Class<?>> visiting = VISITING.get();
    if (!visiting.add(raw)) {
      return true;   // a recursive value: decided by its other attributes
    }
    try {
      for (Method a : Accessors.of(raw).values()) {
        if (!typeReadable(a.getGenericReturnType())) {
          return false;
        }
      }
      return true;
    } finally {
      visiting.remove(raw);
    }
  }

  private static boolean typeReadable(java.lang.reflect.Type type) {
    if (type instanceof java.lang.reflect.ParameterizedType) {
      for (java.lang.reflect.Type t : ((java.lang.reflect.ParameterizedType) type).getActualTypeArguments()) {
        if (!typeReadable(t)) {
          return false;
        }
      }
      return true;
    }
    Class<?> c = Json.raw(type);
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (!c.getName().startsWith("io.github.linli.") || c.isEnum()) {
      return true;
    }
    return VISITING.get().contains(c) || forClass(c) != null;
  }

  private static boolean allNamed(Method m) {
    for (Parameter p : m.getParameters()) {
      if (!p.isNamePresent()) {
        return false;
      }
    }
    return true;
  }

  private static Method factory(Class<?> raw) {
    try {
      Method of = raw.getMethod("of", String.class);
      return Modifier.isStatic(of.getModifiers()) ? of : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  @Override
  public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    if (OpaqueId.class.isAssignableFrom(raw) && raw != OpaqueId.class && raw.getName().startsWith("io.github.linli.")) {
      Method of = factory(raw);
      if (of != null) {
        return new KeyDeserializer() {
          @Override
          public Object deserializeKey(String key, DeserializationContext ctxt) {
            return call(of, key);
          }
        };
      }
    }
    return null;
  }

  static Object call(Method m, Object... args) {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw Json.rethrow(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  /** An id from its string. */
  static final class IdReader extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Method of;

    IdReader(Class<?> type, Method of) {
      super(type);
      this.of = of;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      if (!n.isTextual()) {
        throw JsonMappingException.from(p, handledType().getSimpleName() + " must be a string");
      }
      return call(of, n.asText());
    }
  }

  /** A label from {"zh","en"}. */
  static final class LabelReader extends StdDeserializer<Label> {
    private static final long serialVersionUID = 1L;

    LabelReader() {
      super(Label.class);
    }

    @Override
    public Label deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      if (!n.isObject() || !n.path("zh").isTextual() || !n.path("en").isTextual()) {
        throw JsonMappingException.from(p, "a label needs both {\"zh\":…,\"en\":…}");
      }
      return Label.of(n.get("zh").asText(), n.get("en").asText());
    }
  }

  /** A period ("2026-10-01/2026-11-01") or time window (two instants), end exclusive. */
  static final class IntervalReader extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    IntervalReader(Class<?> type) {
      super(type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      String text = n.asText("");
      int slash = text.indexOf('/');
      if (!n.isTextual() || slash < 0 || text.indexOf('/', slash + 1) >= 0) {
        throw JsonMappingException.from(p, "expected an ISO-8601 interval start/end, was " + n);
      }
      String a = text.substring(0, slash);
      String b = text.substring(slash + 1);
      try {
        return handledType() == Period.class ? Period.of(LocalDate.parse(a), LocalDate.parse(b))
            : TimeWindow.of(Instant.parse(a), Instant.parse(b));
      } catch (DateTimeParseException e) {
        throw JsonMappingException.from(p, "not an ISO-8601 interval: " + text, e);
      }
    }
  }

  /** A Linli enum from its name, or from {"code":…}. */
  static final class EnumReader extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    EnumReader(Class<?> type) {
      super(type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      String code = n.isObject() ? n.path("code").asText(null) : n.isTextual() ? n.asText() : null;
      for (Object c : handledType().getEnumConstants()) {
        if (((Enum<?>) c).name().equals(code)) {
          return c;
        }
      }
      return ctxt.handleWeirdStringValue(handledType(), String.valueOf(code), "not one of %s",
          java.util.Arrays.toString(handledType().getEnumConstants()));
    }
  }

  /** A pledge's price from its kind (and the discount, for a discount). */
  static final class PledgePriceReader extends StdDeserializer<PledgePrice> {
    private static final long serialVersionUID = 1L;

    PledgePriceReader() {
      super(PledgePrice.class);
    }

    @Override
    public PledgePrice deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      String kind = n.path("kind").asText("");
      switch (kind) {
        case "FREE":
          return PledgePrice.free();
        case "MARKET_PRICE":
          return PledgePrice.marketPrice();
        case "DISCOUNT":
          if (!n.path("discountPercent").canConvertToInt()) {
            throw JsonMappingException.from(p, "a DISCOUNT price needs a whole discountPercent");
          }
          return PledgePrice.discount(n.get("discountPercent").intValue());
        default:
          throw JsonMappingException.from(p, "a pledge price needs kind FREE, MARKET_PRICE or DISCOUNT, was " + n.path("kind"));
      }
    }
  }

  /** A value through its builder: each JSON field to the builder method of that name. */
  static final class BuilderReader extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Method builder;

    BuilderReader(Class<?> type, Method builder) {
      super(type);
      this.builder = builder;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      if (!n.isObject()) {
        throw JsonMappingException.from(p, "expected an object for " + handledType().getSimpleName());
      }
      Object b = call(builder);
      Class<?> bt = b.getClass();
      Map<String, Method> attributes = Accessors.of(handledType());
      Set<String> personal = Catalogue.PERSONAL.getOrDefault(handledType().getName(), Set.of());
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        Method accessor = attributes.get(f.getKey());
        if (accessor == null) {
          unknown(p, ctxt, f.getKey(), attributes.keySet());
          continue;
        }
        if (f.getValue().isNull() || (personal.contains(f.getKey()) && Catalogue.MASK.equals(f.getValue().asText(null)))) {
          continue;   // absent, or a mask written by this module: the value stays unset
        }
        Object v = Json.read(f.getValue(), accessor.getGenericReturnType(), ctxt);
        if (v instanceof Optional) {
          v = ((Optional<?>) v).orElse(null);
          if (v == null) {
            continue;
          }
        }
        Method setter = setter(bt, f.getKey(), v);
        if (setter == null) {
          continue;   // derived attribute: written, not read
        }
        try {
          // looked up through the public builder type, as compiled code calls it: the method may be
          // declared by the generated, package-private ImmutableX.Builder
          MethodHandles.publicLookup().findVirtual(bt, setter.getName(),
              MethodType.methodType(setter.getReturnType(), setter.getParameterTypes())).invoke(b, v);
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw JsonMappingException.from(p, "cannot set " + f.getKey(), e);
        }
      }
      try {
        return publicMethod(bt, "build").invoke(b);
      } catch (InvocationTargetException e) {
        throw Json.rethrow(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw JsonMappingException.from(p, "cannot build " + handledType().getSimpleName(), e);
      }
    }

    private static Method setter(Class<?> builderType, String name, Object value) {
      Method best = null;
      for (Method m : builderType.getMethods()) {
        if (!m.getName().equals(name) || m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        Class<?> param = box(m.getParameterTypes()[0]);
        if (param.isInstance(value) && (best == null || best.getParameterTypes()[0].isAssignableFrom(param))) {
          best = m;   // the most specific one that takes the value
        }
      }
      return best;
    }
  }

  /** A value through the static factory whose parameter names the JSON fields cover. */
  static final class FactoryReader extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient List<Method> factories;

    FactoryReader(Class<?> type, List<Method> factories) {
      super(type);
      this.factories = factories;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      // the factory all of whose parameters have values, with the most parameters; else one that
      // takes some of them as null ("or null" in its javadoc)
      Method best = null;
      int bestScore = -1;
      for (Method m : factories) {
        boolean covered = true;
        boolean allValues = true;
        for (Parameter par : m.getParameters()) {
          covered &= (n.has(par.getName()) && !(par.getType().isPrimitive() && n.get(par.getName()).isNull()))
              || Optional.class == par.getType();
          allValues &= n.hasNonNull(par.getName());
        }
        int score = (allValues ? 1000 : 0) + m.getParameterCount();
        if (covered && score > bestScore) {
          best = m;
          bestScore = score;
        }
      }
      if (best == null) {
        throw JsonMappingException.from(p, "cannot read " + handledType().getSimpleName() + " from the fields " + fieldNames(n));
      }
      Object[] args = new Object[best.getParameterCount()];
      Parameter[] params = best.getParameters();
      for (int i = 0; i < args.length; i++) {
        JsonNode v = n.path(params[i].getName());
        args[i] = Json.read(v.isMissingNode() ? ctxt.getNodeFactory().nullNode() : v, params[i].getParameterizedType(), ctxt);
      }
      Object value;
      try {
        value = call(best, args);
      } catch (NullPointerException e) {
        // a required field was null: a bad request, not a fault
        throw JsonMappingException.from(p, "a required field of " + handledType().getSimpleName() + " is null", e);
      }
      // a factory that takes only some of the fields may make another value (a custom motion for an
      // expulsion): every field given must be what the value answers, or it was not this value
      Map<String, Method> attributes = Accessors.of(value.getClass());
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        Method accessor = attributes.get(f.getKey());
        if (accessor == null || f.getValue().isNull()) {
          continue;
        }
        Object given = Json.read(f.getValue(), accessor.getGenericReturnType(), ctxt);
        Object actual = Json.invoke(accessor, value);
        if (!java.util.Objects.deepEquals(given, actual)) {
          throw JsonMappingException.from(p, "cannot read " + handledType().getSimpleName() + " from these fields: "
              + f.getKey() + " would not be kept");
        }
      }
      return value;
    }
  }

  /** A no-argument method callable from outside its package (declared by a public class). */
  static Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0 && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        return m;
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name + "()");
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static void unknown(JsonParser p, DeserializationContext ctxt, String name, Set<String> known) throws IOException {
    if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
      throw UnrecognizedPropertyException.from(p, ctxt.getContextualType() == null ? Object.class
          : ctxt.getContextualType().getRawClass(), name, new ArrayList<>(known));
    }
  }

  static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == int.class) {
      return Integer.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    if (c == boolean.class) {
      return Boolean.class;
    }
    if (c == float.class) {
      return Float.class;
    }
    if (c == short.class) {
      return Short.class;
    }
    if (c == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}

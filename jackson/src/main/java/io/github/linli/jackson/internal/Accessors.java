package io.github.linli.jackson.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of a Linli value type, found by reflection and cached per class.
 *
 * <p>For an Immutables type (the object's class is the generated {@code ImmutableX}, a subclass of
 * the public type), the attributes are the public accessors the generated class implements; for a
 * hand-written final class, its public no-argument accessors. Methods named {@code toX},
 * {@code hashCode}, {@code toString} and those listed in {@link Catalogue#NOT_ATTRIBUTES} are not
 * attributes. Not API. Thread-safe.
 */
public final class Accessors {
  private Accessors() {}

  private static final ClassValue<Map<String, Method>> CACHE = new ClassValue<>() {
    @Override
    protected Map<String, Method> computeValue(Class<?> type) {
      return find(type);
    }
  };

  /**
   * The public type in the catalogue that {@code type} is or extends, or null.
   *
   * @param type a runtime class
   * @return the catalogued public type, or null
   */
  public static Class<?> catalogued(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      String name = c.getName();
      if (Catalogue.VALUES.contains(name) || Catalogue.SPECIAL.contains(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The attributes of an object's class, in a stable order ({@code id} first, then by name).
   *
   * @param runtime the runtime class of a catalogued value
   * @return attribute name to accessor (a method of the public type)
   */
  public static Map<String, Method> of(Class<?> runtime) {
    return CACHE.get(runtime);
  }

  private static Map<String, Method> find(Class<?> runtime) {
    Class<?> type = catalogued(runtime);
    if (type == null) {
      return Map.of();
    }
    boolean generated = runtime != type && runtime.getSimpleName().startsWith("Immutable");
    Set<String> skip = Catalogue.NOT_ATTRIBUTES.getOrDefault(type.getName(), Set.of());
    List<Method> found = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getReturnType() == void.class
          || m.isBridge() || m.isSynthetic() || m.getDeclaringClass() == Object.class) {
        continue;
      }
      String n = m.getName();
      if (n.equals("hashCode") || n.equals("toString") || (n.startsWith("to") && n.length() > 2
          && Character.isUpperCase(n.charAt(2))) || skip.contains(n)) {
        continue;
      }
      if (!m.getDeclaringClass().getName().startsWith("io.github.linli.")) {
        continue;
      }
      if (generated && !declares(runtime, n)) {
        continue;   // a helper of the abstract type, not an attribute the generated class holds
      }
      found.add(m);
    }
    found.sort(Comparator.comparing((Method m) -> !m.getName().equals("id")).thenComparing(Method::getName));
    Map<String, Method> out = new LinkedHashMap<>();
    for (Method m : found) {
      out.putIfAbsent(m.getName(), m);
    }
    return out;
  }

  private static boolean declares(Class<?> runtime, String name) {
    try {
      runtime.getDeclaredMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}

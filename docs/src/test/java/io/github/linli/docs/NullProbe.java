package io.github.linli.docs;

import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 17: plausible arguments and the null probes of {@link BuilderBoundaryTest}. A probe's
 * outcome is acceptable when the call succeeds, throws a typed {@link LinliException} or another
 * exception with a message, or throws a {@code NullPointerException} whose message names the
 * argument (its parameter name or the method's attribute).
 */
final class NullProbe {
  private NullProbe() {}

  /** Static methods left out, and why: none may be here without a reason. */
  static final Set<String> SKIP = Set.of(
      "SampleCommunity.generate");   // builds 5,000 residents per call: probed in SampleCommunity's own tests

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

  /** A plausible value of a parameter type, or null if the probe does not know one. */
  static Object sample(Class<?> t) {
    if (t == String.class) {
      return "x-1";
    } else if (t == int.class || t == Integer.class) {
      return 1;
    } else if (t == long.class || t == Long.class) {
      return 1L;
    } else if (t == double.class || t == Double.class) {
      return 0.5;
    } else if (t == boolean.class || t == Boolean.class) {
      return true;
    } else if (t == char.class) {
      return 'a';
    } else if (t == LocalDate.class) {
      return LocalDate.of(2026, 1, 1);
    } else if (t == Instant.class) {
      return Instant.parse("2026-01-01T00:00:00Z");
    } else if (t == YearMonth.class) {
      return YearMonth.of(2026, 1);
    } else if (t == Duration.class) {
      return Duration.ofHours(1);
    } else if (t == Period.class) {
      return Period.month(YearMonth.of(2026, 1));
    } else if (t == Label.class) {
      return Label.of("甲", "a");
    } else if (t == Clock.class) {
      return CLOCK;
    } else if (t == ZoneId.class) {
      return ZoneOffset.UTC;
    } else if (t == Locale.class) {
      return Locale.ROOT;
    } else if (t == List.class || t == Collection.class || t == Iterable.class) {
      return List.of();
    } else if (t == Set.class) {
      return Set.of();
    } else if (t == Map.class) {
      return Map.of();
    } else if (t == Optional.class) {
      return Optional.empty();
    } else if (t == double[].class) {
      return new double[] {1, 2};
    } else if (t == double[][].class) {
      return new double[][] {{1, 2}, {3, 4}};
    } else if (t == String[].class) {
      return new String[] {"x-1"};
    } else if (t == ResidentId.class) {
      return ResidentId.of("r-1");
    } else if (t == MemberId.class) {
      return MemberId.of("m-1");
    } else if (t.isEnum()) {
      return t.getEnumConstants()[0];
    }
    try {
      var of = t.getMethod("of", String.class);
      if (java.lang.reflect.Modifier.isStatic(of.getModifiers()) && t.isAssignableFrom(of.getReturnType())) {
        return of.invoke(null, "x-1");
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The hostile values for a parameter: null, and for a list or array, one holding a null. */
  static List<Object> hostile(Class<?> t) {
    List<Object> out = new ArrayList<>();
    out.add(null);
    if (t == List.class || t == Collection.class || t == Iterable.class) {
      out.add(Arrays.asList((Object) null));
    } else if (t.isArray() && !t.getComponentType().isPrimitive()) {
      out.add(java.lang.reflect.Array.newInstance(t.getComponentType(), 1));
    }
    return out;
  }

  interface Call {
    Object run() throws Exception;
  }

  /** Null if the outcome is acceptable, otherwise what was wrong. */
  static String outcome(Call call, Parameter p, String method) {
    try {
      call.run();
      return null;
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      if (t instanceof LinliException) {
        return null;
      }
      if (t instanceof NullPointerException) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
          return "NullPointerException without a message (at " + top(t) + ")";
        }
        String attribute = method.replaceFirst("^(add|addAll|put|putAll|set)", "");
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains(p.getName().toLowerCase(Locale.ROOT))
            || (!attribute.isEmpty() && lower.contains(attribute.toLowerCase(Locale.ROOT).replaceAll("s$", "")))) {
          return null;
        }
        return "NullPointerException naming something else: " + m;
      }
      if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
        return t.toString();
      }
      if (t instanceof RuntimeException && t.getMessage() != null && !t.getMessage().isBlank()) {
        return null;   // a checkArgument-style refusal of the plausible values, with a message
      }
      return t.toString() + " (at " + top(t) + ")";
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static String top(Throwable t) {
    return t.getStackTrace().length == 0 ? "?" : t.getStackTrace()[0].toString();
  }
}

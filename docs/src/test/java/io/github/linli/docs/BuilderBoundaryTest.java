package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.LinliException;
import io.github.linli.core.ValidationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: every public value built with a static {@code builder()}, found by reflection over the
 * exported packages, either builds with nothing set or refuses with a {@link ValidationException}
 * naming the missing attributes, never a bare {@code IllegalStateException} from the generated
 * code.
 */
class BuilderBoundaryTest {
  /** Types whose builders are known to throw IllegalStateException, with where they are fixed. */
  static final Map<String, String> KNOWN = Map.of();

  @Test
  void emptyBuilders_failWithValidationException() throws Exception {
    Map<String, String> wrong = new TreeMap<>();
    int builders = 0;
    for (Class<?> c : ExportedTypes.publicTypes()) {
      Method builder;
      try {
        builder = c.getMethod("builder");
      } catch (NoSuchMethodException e) {
        continue;
      }
      if (!Modifier.isStatic(builder.getModifiers()) || builder.getParameterCount() != 0) {
        continue;
      }
      builders++;
      Object b = builder.invoke(null);
      Method build = b.getClass().getMethod("build");
      try {
        build.invoke(b);
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof ValidationException v) {
          assertTrue(v.getMessage() != null && !v.getMessage().isBlank(), c.getName());
        } else if (!(t instanceof LinliException) && !KNOWN.containsKey(c.getName())) {
          wrong.put(c.getName(), t.toString());
        }
      }
    }
    assertTrue(builders >= 10, "found " + builders + " builders");
    assertEquals(Map.of(), wrong, "builders that fail with an untyped error when an attribute is missing");
  }
}

package io.github.linli.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** module-info exports exactly the API packages; the internal package is not exported. */
class ModuleExportsTest {
  static final Set<String> API = Set.of("io.github.linli.timebank", "io.github.linli.timebank.store");

  @Test
  void exports_exactlyTheApiPackages() throws Exception {
    ModuleDescriptor d = descriptor(TimeBank.class);
    assertEquals("io.github.linli.timebank", d.name());
    Set<String> unqualified = new TreeSet<>();
    Map<String, Set<String>> qualified = new TreeMap<>();
    for (ModuleDescriptor.Exports e : d.exports()) {
      if (e.isQualified()) {
        qualified.put(e.source(), e.targets());
      } else {
        unqualified.add(e.source());
      }
    }
    assertEquals(new TreeSet<>(API), unqualified);
    assertEquals(Map.of(), qualified);
    assertEquals(Set.of(), d.opens(), "no opens");
  }

  @Test
  void requires_transitively_theModulesItsApiMentions() throws Exception {
    // the API uses core's types and JDBC's DataSource: a module that requires this one
    // must read them without requiring them itself
    Set<String> transitive = new TreeSet<>();
    for (ModuleDescriptor.Requires r : descriptor(TimeBank.class).requires()) {
      if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
        transitive.add(r.name());
      }
    }
    assertEquals(new TreeSet<>(Set.of("io.github.linli.core", "java.sql")), transitive);
  }

  static ModuleDescriptor descriptor(Class<?> anyClass) throws Exception {
    Path root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}

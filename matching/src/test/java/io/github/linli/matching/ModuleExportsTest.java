package io.github.linli.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** module-info exports exactly the API packages. */
class ModuleExportsTest {
  static final Set<String> API = Set.of("io.github.linli.matching", "io.github.linli.matching.solver", "io.github.linli.matching.dispatch");

  @Test
  void exports_exactlyTheApiPackages() throws Exception {
    ModuleDescriptor d = descriptor(ReasonCode.class);
    assertEquals("io.github.linli.matching", d.name());
    Set<String> unqualified = new TreeSet<>();
    for (ModuleDescriptor.Exports e : d.exports()) {
      assertEquals(false, e.isQualified(), "no qualified exports: " + e);
      unqualified.add(e.source());
    }
    assertEquals(new TreeSet<>(API), unqualified);
    assertEquals(Set.of(), d.opens(), "no opens");
  }

  @Test
  void requires_transitively_theModulesItsApiMentions() throws Exception {
    // the API uses core's types: a module that requires this one
    // must read them without requiring them itself
    Set<String> transitive = new TreeSet<>();
    for (ModuleDescriptor.Requires r : descriptor(ReasonCode.class).requires()) {
      if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
        transitive.add(r.name());
      }
    }
    assertEquals(new TreeSet<>(Set.of("io.github.linli.core")), transitive);
  }

  static ModuleDescriptor descriptor(Class<?> anyClass) throws Exception {
    Path root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}

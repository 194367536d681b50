package io.github.linli.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** module-info exports exactly the API packages; the internal package stays hidden. */
class ModuleExportsTest {
  static final Set<String> API =
      Set.of(
          "io.github.linli.scorecard",
          "io.github.linli.scorecard.methods",
          "io.github.linli.scorecard.survey");

  @Test
  void exports_exactlyTheApiPackages() throws Exception {
    ModuleDescriptor d = descriptor(Scorecard.class);
    assertEquals("io.github.linli.scorecard", d.name());
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : d.exports()) {
      assertEquals(false, e.isQualified(), "no qualified exports: " + e);
      exported.add(e.source());
    }
    assertEquals(new TreeSet<>(API), exported);
    assertEquals(Set.of(), d.opens(), "no opens");
  }

  @Test
  void requires_transitively_theModulesItsApiMentions() throws Exception {
    // the API uses core's types: a module that requires this one
    // must read them without requiring them itself
    Set<String> transitive = new TreeSet<>();
    for (ModuleDescriptor.Requires r : descriptor(Scorecard.class).requires()) {
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

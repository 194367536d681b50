package io.github.linli.core;

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

/** module-info exports exactly the API packages, and internal only to Linli's modules. */
class ModuleExportsTest {
  static final Set<String> API =
      Set.of(
          "io.github.linli.core",
          "io.github.linli.core.alliance",
          "io.github.linli.core.demand",
          "io.github.linli.core.governance",
          "io.github.linli.core.governance.budget",
          "io.github.linli.core.mediation",
          "io.github.linli.core.privacy",
          "io.github.linli.core.sample",
          "io.github.linli.core.store");

  static final Set<String> OUR_MODULES =
      Set.of("io.github.linli.matching", "io.github.linli.timebank", "io.github.linli.scorecard");

  @Test
  void exports_exactlyTheApiPackages() throws Exception {
    ModuleDescriptor d = descriptor(Observation.class);
    assertEquals("io.github.linli.core", d.name());
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
    assertEquals(
        Map.of(
            "io.github.linli.core.internal", OUR_MODULES,
            "io.github.linli.core.internal.es", Set.of("io.github.linli.matching", "io.github.linli.timebank"),
            "io.github.linli.core.internal.sql", Set.of("io.github.linli.matching", "io.github.linli.timebank")),
        qualified);
    assertEquals(Set.of(), d.opens(), "no opens");
  }

  static ModuleDescriptor descriptor(Class<?> anyClass) throws Exception {
    Path root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}

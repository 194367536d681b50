package io.github.linli.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 8: core's packages form no cycle. The kernel ({@code core} and {@code
 * core.internal}) is at the bottom, the event store ({@code core.store}, {@code core.internal.sql},
 * {@code core.internal.es}) above it, then alliance, governance, demand and the rest.
 */
class PackageCyclesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.github.linli.core");

  /** One slice per package, except that the store's internals belong to the store. */
  static final SliceAssignment LAYERS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      if (!p.equals("io.github.linli.core") && !p.startsWith("io.github.linli.core.")) {
        return SliceIdentifier.ignore();
      }
      if (p.equals("io.github.linli.core.internal.sql") || p.equals("io.github.linli.core.internal.es")) {
        return SliceIdentifier.of("store");
      }
      if (p.equals("io.github.linli.core") || p.equals("io.github.linli.core.internal")) {
        return SliceIdentifier.of("kernel");
      }
      return SliceIdentifier.of(p.substring("io.github.linli.core.".length()));
    }

    @Override
    public String getDescription() {
      return "core packages (the kernel with its internals, the store with its internals)";
    }
  };

  @Test
  void corePackages_formNoCycle() {
    ArchRule rule = slices().assignedFrom(LAYERS).should().beFreeOfCycles();
    rule.check(CORE);
  }
}

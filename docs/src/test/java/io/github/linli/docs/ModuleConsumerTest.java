package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Label;
import io.github.linli.matching.solver.MaxWeightBMatching;
import io.github.linli.scorecard.Scorecard;
import io.github.linli.timebank.TimeBank;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own JPMS module that requires only Linli's feature modules compiles and runs: core's
 * types (labels, tiers) and JDBC's {@code DataSource} reach it through {@code requires transitive}.
 * The tests of the other modules run on the class path, where this cannot be seen.
 */
class ModuleConsumerTest {

  @Test
  void userModule_requiringOnlyFeatureModules_readsCoreTypes(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("demo"));
    Files.writeString(
        src.resolve("module-info.java"),
        "module demo {\n"
            + "  requires io.github.linli.matching;\n"
            + "  requires io.github.linli.timebank;\n"
            + "  requires io.github.linli.scorecard;\n"
            + "  exports demo;\n"
            + "}\n");
    Files.writeString(
        src.resolve("demo/Main.java"),
        "package demo;\n"
            + "import io.github.linli.core.demand.MaslowTier;\n"
            + "import io.github.linli.matching.solver.MaxWeightBMatching;\n"
            + "import io.github.linli.timebank.store.LedgerStores;\n"
            + "public final class Main {\n"
            + "  public static String run() {\n"
            + "    javax.sql.DataSource ds = null; // java.sql read through the time bank\n"
            + "    int[] chosen = MaxWeightBMatching.solve(1, new int[] {1}, new int[] {0}, new int[] {0}, new long[] {5});\n"
            + "    return MaslowTier.PHYSIOLOGICAL.label().en() + \" \" + chosen[0] + \" \" + (ds == null);\n"
            + "  }\n"
            + "}\n");
    Set<Path> modulePath = new LinkedHashSet<>();
    for (Class<?> c :
        List.of(
            Label.class,
            MaxWeightBMatching.class,
            TimeBank.class,
            Scorecard.class,
            com.google.common.collect.ImmutableList.class,
            com.google.common.util.concurrent.internal.InternalFutureFailureAccess.class,
            org.slf4j.Logger.class,
            org.apache.commons.csv.CSVFormat.class,
            org.apache.commons.io.IOUtils.class,
            org.apache.commons.codec.binary.Hex.class,
            // the scorecard reads survey workbooks with Apache POI (issue 19), a JPMS module with its own requires
            org.apache.poi.ss.usermodel.Workbook.class,
            org.apache.poi.xssf.usermodel.XSSFWorkbook.class,
            org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook.class,
            org.apache.xmlbeans.XmlObject.class,
            org.apache.commons.compress.archivers.zip.ZipFile.class,
            org.apache.commons.lang3.StringUtils.class,
            org.apache.commons.collections4.ListValuedMap.class,
            org.apache.commons.math3.util.FastMath.class,
            com.zaxxer.sparsebits.SparseBitSet.class,
            org.apache.logging.log4j.LogManager.class)) {
      modulePath.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    String mp = String.join(java.io.File.pathSeparator, modulePath.stream().map(Path::toString).toList());
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", mp, "-Xlint:none"));
    args.add(src.resolve("module-info.java").toString());
    args.add(src.resolve("demo/Main.java").toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertEquals(0, status, diagnostics.toString(java.nio.charset.StandardCharsets.UTF_8));

    // run it in a module layer of its own
    List<Path> runPath = new ArrayList<>(modulePath);
    runPath.add(out);
    ModuleFinder finder = ModuleFinder.of(runPath.toArray(Path[]::new));
    Configuration conf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("demo"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(conf, ClassLoader.getSystemClassLoader().getParent());
    Object result = layer.findLoader("demo").loadClass("demo.Main").getMethod("run").invoke(null);
    assertEquals("physiological 0 true", result);
    assertTrue(layer.findModule("io.github.linli.core").isPresent(), "core resolved transitively");
  }
}

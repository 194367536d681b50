package io.github.linli.docs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example notebooks run in the Linli kernel's evaluator (without Jupyter: CI runs them with
 * Jupyter too) and show what they promise: charts as SVG, tables as HTML, a scorecard as its report.
 */
class NotebooksTest {
  static final Path NOTEBOOKS = Path.of(System.getProperty("linli.docs.dir", ".")).toAbsolutePath().normalize().resolve("notebooks");
  static Locale before;

  @BeforeAll
  static void keepLocale() {
    before = Locale.getDefault();
  }

  @AfterAll
  static void restoreLocale() {
    Locale.setDefault(before);
  }

  static List<String> codeCells(Path notebook) throws Exception {
    JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    assertEquals("linli", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
    List<String> cells = new ArrayList<>();
    for (JsonElement c : nb.getAsJsonArray("cells")) {
      JsonObject cell = c.getAsJsonObject();
      if (cell.get("cell_type").getAsString().equals("code")) {
        StringBuilder b = new StringBuilder();
        cell.getAsJsonArray("source").forEach(l -> b.append(l.getAsString()));
        cells.add(b.toString());
      }
    }
    return cells;
  }

  /** Runs every code cell; returns the MIME types of the cells' results. */
  static Set<String> run(String file) throws Exception {
    LinliKernel kernel = new LinliKernel.Builder().build();
    Set<String> types = new TreeSet<>();
    try {
      for (String code : codeCells(NOTEBOOKS.resolve(file))) {
        Object value = kernel.evalRaw(code);
        if (value != null) {
          DisplayData d = kernel.getRenderer().render(value);
          for (MIMEType t : List.of(MIMEType.IMAGE_SVG, MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_PLAIN)) {
            if (d.hasDataForType(t)) {
              types.add(t.toString());
            }
          }
          if (d.hasDataForType(MIMEType.IMAGE_SVG)) {
            assertTrue(String.valueOf(d.getData(MIMEType.IMAGE_SVG)).startsWith("<svg"), file);
          }
        }
      }
    } finally {
      kernel.onShutdown(false);
    }
    return types;
  }

  @Test
  void scorecardStudy_chartsTablesAndTheReport() throws Exception {
    Set<String> types = run("scorecard-study.ipynb");
    assertTrue(types.containsAll(Set.of("image/svg+xml", "text/html", "text/markdown")), types.toString());
  }

  @Test
  void matchingStudy_chartAndTable() throws Exception {
    Set<String> types = run("matching-study.ipynb");
    assertTrue(types.containsAll(Set.of("image/svg+xml", "text/html")), types.toString());
  }

  @Test
  void participatoryBudget_tablesAndChart() throws Exception {
    Set<String> types = run("participatory-budget.ipynb");
    assertTrue(types.containsAll(Set.of("image/svg+xml", "text/html")), types.toString());
  }

  @Test
  void kernel_errorsAreCellErrors_andTheLastExpressionIsTheValue() {
    LinliKernel kernel = new LinliKernel.Builder().build();
    try {
      assertEquals(3, kernel.evalRaw("int a = 1;\na + 2"));
      assertTrue(kernel.evalRaw("int b = 5;") == null, "a declaration shows nothing");
      assertEquals(5, kernel.evalRaw("b"), "a bare variable shows its value");
      LinliKernel.CellException bad = assertThrows(LinliKernel.CellException.class, () -> kernel.evalRaw("int c = \"x\";"));
      assertTrue(bad.getMessage().contains("does not compile"), bad.getMessage());
      LinliKernel.CellException threw = assertThrows(LinliKernel.CellException.class, () -> kernel.evalRaw("Integer.parseInt(\"x\")"));
      assertTrue(threw.getMessage().startsWith("java.lang.NumberFormatException"), threw.getMessage());
      Object table = kernel.evalRaw("Table.of(\"a\", \"b\").row(1, \"<x>\")");
      DisplayData d = kernel.getRenderer().render(table);
      assertNotNull(d.getData(MIMEType.TEXT_HTML));
      assertTrue(String.valueOf(d.getData(MIMEType.TEXT_HTML)).contains("<td>&lt;x&gt;</td>"));
      assertEquals("complete", kernel.isComplete("int x = 1;"));
    } finally {
      kernel.onShutdown(false);
    }
  }
}

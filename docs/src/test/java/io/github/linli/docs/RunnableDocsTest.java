package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The guide cannot rot: every {@code .jsh} file under {@code docs/} and the {@code java} blocks of
 * every Markdown page run, and must finish without a compile error or an exception.
 */
class RunnableDocsTest {
  static final Path DOCS = Path.of(System.getProperty("linli.docs.dir", ".")).toAbsolutePath().normalize();

  @TestFactory
  Stream<DynamicTest> everyJshFileRuns() throws IOException {
    List<Path> files = files(".jsh");
    assertFalse(files.isEmpty(), "no .jsh files under " + DOCS);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(DOCS.relativize(f).toString(), () -> runs(Files.readString(f), f.toString())));
  }

  @TestFactory
  Stream<DynamicTest> everyGuidePageRuns() throws IOException {
    List<Path> pages = files(".md");
    assertFalse(pages.isEmpty(), "no pages under " + DOCS);
    return pages.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    DOCS.relativize(p).toString(),
                    () -> {
                      String code = MarkdownBlocks.javaBlocks(Files.readString(p));
                      if (!code.isBlank()) {
                        runs(code, p.toString());
                      }
                    }));
  }

  static String runs(String source, String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream original = System.out;
    JshRunner.Outcome outcome;
    try {
      System.setOut(capture);
      outcome = JshRunner.run(source, name, capture, capture);
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, outcome.status(), name + " failed:\n" + outcome.failure() + "\n--- output ---\n" + out);
    assertTrue(outcome.snippets() > 0, name + " ran no snippet");
    return out;
  }

  static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(DOCS)) {
      return s.filter(p -> p.toString().endsWith(suffix))
          .filter(p -> !DOCS.relativize(p).startsWith("target") && !DOCS.relativize(p).startsWith("src"))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}

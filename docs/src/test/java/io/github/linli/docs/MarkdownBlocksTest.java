package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {
  @Test
  void javaBlocks_keepsRunnableJavaOnlyInOrder() {
    String md =
        "# Title\n```java\nint a = 1;\n```\ntext\n```java no-run\nint b = 2;\n```\n"
            + "```text\nint c = 3;\n```\n~~~java\nint d = a + 1;\n~~~\n";
    assertEquals("int a = 1;\nint d = a + 1;\n", MarkdownBlocks.javaBlocks(md));
  }

  @Test
  void javaBlocks_noneGivesEmpty() {
    assertEquals("", MarkdownBlocks.javaBlocks("plain\n```\ncode\n```\n"));
  }
}

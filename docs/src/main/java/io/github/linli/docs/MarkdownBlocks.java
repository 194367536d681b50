package io.github.linli.docs;

/**
 * Extracts the runnable code of a guide page: every fenced block whose info string is exactly
 * {@code java}, in order. Blocks marked {@code java no-run} (or any other language) are left out.
 */
public final class MarkdownBlocks {
  private MarkdownBlocks() {}

  /**
   * The runnable Java blocks of a Markdown page, concatenated.
   *
   * @param markdown the page
   * @return the code, or the empty string
   */
  public static String javaBlocks(String markdown) {
    StringBuilder code = new StringBuilder();
    String fence = null;
    boolean keep = false;
    for (String line : markdown.split("\r?\n", -1)) {
      String t = line.strip();
      if (fence == null) {
        if (t.startsWith("```") || t.startsWith("~~~")) {
          fence = t.substring(0, 3);
          keep = t.substring(3).strip().equals("java");
        }
      } else if (t.equals(fence)) {
        fence = null;
        keep = false;
      } else if (keep) {
        code.append(line).append('\n');
      }
    }
    return code.toString();
  }
}

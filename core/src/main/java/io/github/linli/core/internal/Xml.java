package io.github.linli.core.internal;

/**
 * The one SVG (XML 1.0) text writer of Linli: every chart puts its text through it (issue 17: the
 * scorecard's charts let through characters XML forbids, so a label holding U+0001 made SVG parsers
 * refuse the chart). Not API.
 *
 * <p>XML 1.0 §2.2 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
 * U+10000–U+10FFFF; anything else (C0 controls, a lone surrogate, U+FFFE, U+FFFF) becomes U+FFFD,
 * the replacement character, and the five markup characters become entities. Stateless and
 * thread-safe; linear in the text's length.
 */
public final class Xml {
  private Xml() {}

  /**
   * Escapes text for element content or a quoted attribute value.
   *
   * @param s the text
   * @return text safe in an XML 1.0 document
   */
  public static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      switch (cp) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (allowed(cp)) {
            b.appendCodePoint(cp);
          } else {
            b.append('\uFFFD');
          }
        }
      }
      i += len;
    }
    return b.toString();
  }

  /**
   * Whether XML 1.0 allows a code point in a document.
   *
   * @param cp the code point (a lone surrogate counts as itself)
   * @return true if allowed
   */
  public static boolean allowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}

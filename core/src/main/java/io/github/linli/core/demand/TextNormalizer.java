package io.github.linli.core.demand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Folds need texts (and lexicon terms) to one comparable form: Unicode NFKC (full-width letters
 * and punctuation become ASCII), traditional Chinese characters to simplified ones, lower case
 * (locale-independent), and every run of characters that is neither a letter, a digit nor a CJK
 * ideograph to one space. Control characters, emoji and punctuation are separators.
 *
 * <p>Linear in the length of the text. Immutable and thread-safe.
 */
final class TextNormalizer {
  private static final char[] T2S = loadT2s();

  private TextNormalizer() {}

  private static char[] loadT2s() {
    char[] map = new char[65536];
    for (int i = 0; i < map.length; i++) {
      map[i] = (char) i;
    }
    InputStream in = TextNormalizer.class.getResourceAsStream("t2s.txt");
    if (in == null) {
      throw new IllegalStateException("resource t2s.txt missing from linli-core");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.length() == 2 && line.charAt(0) != '#') {
          map[line.charAt(0)] = line.charAt(1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Resolve chains (A -> B -> C) so that normalising is idempotent.
    for (int i = 0; i < map.length; i++) {
      char c = map[i];
      for (int step = 0; step < 8 && map[c] != c; step++) {
        c = map[c];
      }
      map[i] = c;
    }
    return map;
  }

  /** Whether a char needs the full NFKC pass (outside ASCII, CJK ideographs and common CJK punctuation). */
  private static boolean needsNfkc(char c) {
    return c >= 0x80 && !(c >= 0x4E00 && c <= 0x9FFF) && !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF01 && c <= 0xFF5E);
  }

  /**
   * Normalises a text.
   *
   * @param text any text
   * @return the folded form: lower case, simplified, single spaces, no leading or trailing space
   */
  static String normalize(String text) {
    String s = text;
    for (int i = 0; i < s.length(); i++) {
      if (needsNfkc(s.charAt(i))) {
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        break;
      }
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c = (char) (c - 0xFEE0);
      }
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        }
        boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
          b.append(c);
          space = false;
        } else if (!space) {
          b.append(' ');
          space = true;
        }
        continue;
      }
      if (isCjk(c)) {
        b.append(T2S[c]);
        space = false;
      } else if (Character.isLetterOrDigit(c) && !Character.isSurrogate(c)) {
        b.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int len = b.length();
    if (len > 0 && b.charAt(len - 1) == ' ') {
      b.setLength(len - 1);
    }
    return b.toString();
  }

  /** CJK unified ideographs (basic block and extension A) and compatibility ideographs. */
  static boolean isCjk(char c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
  }

  /** ASCII letters and digits, and other non-CJK letters: the characters of "words". */
  static boolean isWordChar(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
    return !isCjk(c) && c != ' ' && Character.isLetterOrDigit(c);
  }
}

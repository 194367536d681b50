package io.github.linli.core.demand;

import java.util.Arrays;

/**
 * The features the trained model reads from a normalised text, without a segmenter: Chinese
 * character unigrams and bigrams, and words of other scripts (lightly stemmed, stop words
 * dropped). Features are 64-bit hashes, so extraction allocates nothing. Linear in the length of
 * the text. Stateless and thread-safe.
 */
final class Features {
  /** Receives features. */
  interface Visitor {
    /**
     * One feature occurrence.
     *
     * @param hash the feature hash
     * @param start its first char in the normalised text
     * @param end one past its last char
     */
    void feature(long hash, int start, int end);
  }

  private static final long UNIGRAM = 1L << 60;
  private static final long BIGRAM = 2L << 60;
  private static final long WORD = 3L << 60;
  private static final long MASK = (1L << 60) - 1;

  private static final long[] STOP;

  static {
    String stop =
        "the a an and or but of to in on at for with by from as is are was were be been being am"
            + " i me my we our us you your he she it its they them their his her this that these those"
            + " there here have has had do does did not no so if then than too very can could would"
            + " should will shall may might must just also please pls some any all more most about"
            + " into out up down over under again who what which when where why how because since"
            + " while after before get got would like want need needs needed help someone somebody"
            + " anyone anybody one two three";
    String[] words = stop.split(" ");
    long[] hashes = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      hashes[i] = wordHash(words[i], 0, words[i].length());
    }
    Arrays.sort(hashes);
    STOP = hashes;
  }

  private Features() {}

  static long wordHash(CharSequence s, int start, int end) {
    long h = 0xcbf29ce484222325L;
    for (int i = start; i < end; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return WORD | (h & MASK);
  }

  /** End of the stem of the word {@code [start, end)}: strips a plural or verb ending. */
  static int stemEnd(CharSequence s, int start, int end) {
    int len = end - start;
    if (len > 5 && endsWith(s, end, "ing")) {
      return end - 3;
    }
    if (len > 4 && endsWith(s, end, "ed")) {
      return end - 2;
    }
    if (len > 4 && endsWith(s, end, "ies")) {
      return end - 2; // "ies" -> "i"; consistent for train and test
    }
    if (len > 3 && s.charAt(end - 1) == 's' && s.charAt(end - 2) != 's') {
      return end - 1;
    }
    return end;
  }

  private static boolean endsWith(CharSequence s, int end, String suffix) {
    int n = suffix.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(end - n + i) != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Visits the features of a normalised text.
   *
   * @param s the normalised text
   * @param v the visitor
   */
  static void extract(String s, Visitor v) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (TextNormalizer.isCjk(c)) {
        v.feature(UNIGRAM | c, i, i + 1);
        if (i + 1 < n && TextNormalizer.isCjk(s.charAt(i + 1))) {
          v.feature(BIGRAM | ((long) c << 16) | s.charAt(i + 1), i, i + 2);
        }
        i++;
      } else if (TextNormalizer.isWordChar(c)) {
        int j = i + 1;
        while (j < n && TextNormalizer.isWordChar(s.charAt(j))) {
          j++;
        }
        boolean digits = true;
        for (int k = i; k < j && digits; k++) {
          digits = Character.isDigit(s.charAt(k));
        }
        if (j - i >= 2 && !digits) {
          int e = stemEnd(s, i, j);
          long h = wordHash(s, i, e);
          if (Arrays.binarySearch(STOP, h) < 0) {
            v.feature(h, i, e);
          }
        }
        i = j;
      } else {
        i++;
      }
    }
  }
}

package io.github.linli.core.demand;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over a fixed list of normalised terms: finds every occurrence of every
 * term in one pass over the text (A. V. Aho and M. J. Corasick, "Efficient string matching: an aid
 * to bibliographic search", CACM 18(6), 1975).
 *
 * <p>Construction is linear in the total length of the terms; matching is linear in the length of
 * the text plus the number of matches. Transitions live in one open-addressing hash table keyed by
 * (state, char), so matching allocates nothing. Immutable and thread-safe after construction.
 */
final class TermMatcher {
  /** Receives matches. */
  interface Sink {
    /**
     * A term occurs at {@code [start, end)}.
     *
     * @param term the term index
     * @param start first char
     * @param end one past the last char
     */
    void match(int term, int start, int end);
  }

  private final long[] keys;
  private final int[] next;
  private final int mask;
  private final int[] fail;
  private final int[] out;
  private final int[] dict;
  private final int[] termLength;

  TermMatcher(List<String> terms) {
    int total = 1;
    for (String t : terms) {
      total += t.length();
    }
    int cap = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
    long[] k = new long[cap];
    Arrays.fill(k, -1L);
    int[] n = new int[cap];
    int[] termOf = new int[total];
    Arrays.fill(termOf, -1);
    int states = 1;
    termLength = new int[terms.size()];
    this.keys = k;
    this.next = n;
    this.mask = cap - 1;
    for (int ti = 0; ti < terms.size(); ti++) {
      String t = terms.get(ti);
      termLength[ti] = t.length();
      int s = 0;
      for (int i = 0; i < t.length(); i++) {
        int g = go(s, t.charAt(i));
        if (g < 0) {
          g = states++;
          put(s, t.charAt(i), g);
        }
        s = g;
      }
      if (s != 0) {
        termOf[s] = ti;
      }
    }
    fail = new int[states];
    out = Arrays.copyOf(termOf, states);
    dict = new int[states];
    Arrays.fill(dict, -1);
    // Breadth-first over the trie: collect children per state from the table.
    long[][] children = childrenOf(states);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (long edge : children[0]) {
      int child = (int) edge;
      fail[child] = 0;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (long edge : children[s]) {
        int child = (int) edge;
        char c = (char) (edge >>> 32);
        int f = fail[s];
        while (f != 0 && go(f, c) < 0) {
          f = fail[f];
        }
        int g = go(f, c);
        fail[child] = g >= 0 && g != child ? g : 0;
        int fs = fail[child];
        dict[child] = out[fs] >= 0 ? fs : dict[fs];
        queue.add(child);
      }
    }
  }

  /** Per state, its edges encoded as {@code char << 32 | child}, sorted by char. */
  private long[][] childrenOf(int states) {
    int[] count = new int[states];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] >= 0) {
        count[(int) (keys[i] >>> 16)]++;
      }
    }
    long[][] children = new long[states][];
    for (int s = 0; s < states; s++) {
      children[s] = new long[count[s]];
    }
    int[] fill = new int[states];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] >= 0) {
        int parent = (int) (keys[i] >>> 16);
        children[parent][fill[parent]++] = ((keys[i] & 0xFFFFL) << 32) | next[i];
      }
    }
    for (long[] c : children) {
      Arrays.sort(c); // deterministic order
    }
    return children;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  private void put(int state, char c, int target) {
    long key = ((long) state << 16) | c;
    int i = slot(key, mask);
    while (keys[i] != -1L) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    next[i] = target;
  }

  private int go(int state, char c) {
    long key = ((long) state << 16) | c;
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return next[i];
      }
      if (k == -1L) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Reports every occurrence of every term.
   *
   * @param text normalised text
   * @param sink receives the matches in order of their end
   */
  void scan(String text, Sink sink) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int g;
      while ((g = go(s, c)) < 0 && s != 0) {
        s = fail[s];
      }
      s = g < 0 ? 0 : g;
      for (int o = out[s] >= 0 ? s : dict[s]; o >= 0; o = dict[o]) {
        int t = out[o];
        sink.match(t, i + 1 - termLength[t], i + 1);
      }
    }
  }
}

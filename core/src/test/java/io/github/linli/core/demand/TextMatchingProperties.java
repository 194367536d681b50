package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextMatchingProperties {
  @Provide
  Arbitrary<String> smallAlphabet() {
    return Arbitraries.strings().withChars("ab老人 ").ofMaxLength(40);
  }

  @Provide
  Arbitrary<List<String>> terms() {
    return Arbitraries.strings().withChars("ab老人").ofMinLength(1).ofMaxLength(4).list().ofMinSize(1).ofMaxSize(8);
  }

  /** The automaton reports exactly the occurrences a naive search finds. */
  @Property(tries = 300)
  void termMatcher_findsExactlyTheNaiveOccurrences(@ForAll("terms") List<String> raw, @ForAll("smallAlphabet") String text) {
    List<String> terms = new ArrayList<>(new LinkedHashSet<>(raw));
    TreeSet<String> expected = new TreeSet<>();
    for (int t = 0; t < terms.size(); t++) {
      String term = terms.get(t);
      for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
        expected.add(t + "@" + i);
      }
    }
    TreeSet<String> found = new TreeSet<>();
    new TermMatcher(terms).scan(text, (t, s, e) -> found.add(t + "@" + s));
    assertEquals(expected, found);
  }

  /** Normalising twice changes nothing more. */
  @Property(tries = 300)
  void normalize_isIdempotent(@ForAll String s) {
    String once = TextNormalizer.normalize(s);
    assertEquals(once, TextNormalizer.normalize(once));
  }
}

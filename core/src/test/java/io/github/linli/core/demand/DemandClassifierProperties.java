package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class DemandClassifierProperties {
  private static final DemandClassifier C = DemandClassifier.defaultClassifier();

  @Provide
  Arbitrary<String> needLike() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "停水", "燃气漏气", "孤独", "想学书法", "律师", "找工作", "垃圾", "广场舞", "表彰", "老人", "fell", "lonely", "lawyer", "job",
            "rubbish", "choir", "award", "learn", "獨居", "ＡＢＣ", "！", " ", "\u0000", "🙂", "x", "3号楼");
    return Arbitraries.oneOf(
        pieces.list().ofMaxSize(12).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(60));
  }

  /** Any string gives a classification (never an exception) with confidences in [0, 1]. */
  @Property(tries = 600)
  void classify_isTotalWithConfidenceInRange(@ForAll("needLike") String text) {
    Classification k = C.classify(text);
    assertTrue(k.confidence() >= 0 && k.confidence() <= 1, k.toString());
    assertTrue(k.tierConfidence() >= 0 && k.tierConfidence() <= 1);
    assertTrue(k.domainConfidence() >= 0 && k.domainConfidence() <= 1);
    assertTrue(ServiceDomain.defaults().contains(k.domain()));
    if (k.evidence().isEmpty()) {
      assertTrue(k.needsReview(), "no evidence must mean review: " + k);
    }
  }

  /** Arbitrary unicode, including lone surrogates and control characters. */
  @Property(tries = 400)
  void classify_isTotalOverArbitraryStrings(@ForAll @StringLength(max = 300) String text) {
    Classification k = C.classify(text);
    assertTrue(k.confidence() >= 0 && k.confidence() <= 1);
  }

  /** Same text, same answer, also from a freshly built classifier. */
  @Property(tries = 200)
  void classify_isDeterministic(@ForAll("needLike") String text) {
    assertEquals(C.classify(text).toString(), C.classify(text).toString());
  }

  /** Traditional characters and full-width forms classify like their simplified, half-width forms. */
  @Property(tries = 200)
  void classify_foldsFullWidth(@ForAll("needLike") String text) {
    StringBuilder full = new StringBuilder();
    text.chars().forEach(ch -> full.append(ch >= '!' && ch <= '~' ? (char) (ch + 0xFEE0) : (char) ch));
    assertEquals(C.classify(text).toString(), C.classify(full.toString()).toString());
  }

  /** A term added with a decisive weight decides tier and domain wherever it occurs. */
  @Property(tries = 60)
  void addTerm_takesEffect(
      @ForAll("needLike") String text,
      @ForAll MaslowTier tier,
      @ForAll("domains") ServiceDomain domain,
      @ForAll("terms") String term) {
    DemandClassifier own = DemandClassifier.builder().addTerm(LexiconTerm.builder(term).tier(tier, 1000).domain(domain, 1000).build()).build();
    Classification k = own.classify(text + " " + term + " ");
    assertEquals(tier, k.tier());
    assertEquals(domain, k.domain());
    assertTrue(k.evidence().contains(TextNormalizer.normalize(term)), k.evidence().toString());
  }

  @Provide
  Arbitrary<ServiceDomain> domains() {
    return Arbitraries.of(ServiceDomain.defaults());
  }

  @Provide
  Arbitrary<String> terms() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(2).ofMaxLength(5),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8).map(s -> "zq" + s));
  }
}

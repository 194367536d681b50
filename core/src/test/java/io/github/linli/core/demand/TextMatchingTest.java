package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMatchingTest {
  @Test
  void normalize_foldsWidthCaseTraditionalAndSeparators() {
    assertEquals("gas smell 燃气泄漏 a", TextNormalizer.normalize("  ＧＡＳ　Smell!!燃氣洩漏\u0000😀 A "));
    assertEquals("", TextNormalizer.normalize(" \t\n！"));
  }

  @Test
  void normalize_everyBmpCharacter_isIdempotent() {
    for (char c = 1; c < 0xD800; c++) {
      String once = TextNormalizer.normalize(String.valueOf(c));
      assertEquals(once, TextNormalizer.normalize(once), () -> "U+" + Integer.toHexString(once.isEmpty() ? 0 : once.charAt(0)));
    }
  }

  @Test
  void termMatcher_findsOverlappingTermsInOnePass() {
    TermMatcher m = new TermMatcher(List.of("he", "she", "his", "hers", "老人", "独居老人"));
    List<String> found = new ArrayList<>();
    m.scan("ushers 独居老人", (t, s, e) -> found.add(t + "@" + s + "-" + e));
    assertEquals(List.of("1@1-4", "0@2-4", "3@2-6", "5@7-11", "4@9-11"), found);
  }

  @Test
  void mentionsOldAge_readsAgesFromSixty() {
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("我妈85岁了")));
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("my father is 86 and")));
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("an 80-year-old man")));
    assertFalse(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("building 86 has no water")));
    assertFalse(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("孩子12岁")));
  }

  @Test
  void mentionsOldAge_readsAgesAfterRelativesAndInShortForms() {
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("dad (79) can't dress")));
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("my grandma, 87, lives alone")));
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("a 92 y/o widower")));
    assertTrue(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("外婆88了")));
    assertFalse(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("dad (45) lost his job")));
    assertFalse(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("flat 79 has no water")));
    assertFalse(HybridDemandClassifier.mentionsOldAge(TextNormalizer.normalize("等了60分钟了")));
  }

  @Test
  void inflected_acceptsVerbEndingsOfLongWordsOnly() {
    String s = "we danced and painted then cooking but parks art and arted dancer";
    assertTrue(HybridDemandClassifier.inflected(s, s.indexOf("danc"), s.indexOf("danc") + 5)); // dance|d
    assertTrue(HybridDemandClassifier.inflected(s, s.indexOf("paint"), s.indexOf("paint") + 5)); // paint|ed
    assertTrue(HybridDemandClassifier.inflected(s, s.indexOf("cook"), s.indexOf("cook") + 4)); // cook|ing
    assertFalse(HybridDemandClassifier.inflected(s, s.indexOf("park"), s.indexOf("park") + 4)); // plural: not read
    assertFalse(HybridDemandClassifier.inflected(s, s.indexOf("arted"), s.indexOf("arted") + 3)); // short word
    assertFalse(HybridDemandClassifier.inflected(s, s.indexOf("dancer"), s.indexOf("dancer") + 5)); // dance|r
  }

  @Test
  void classifier_readsInflectedVocabularyButLongerTermsWin() {
    DemandClassifier c = DemandClassifier.defaultClassifier();
    assertTrue(c.classify("she danced salsa for years").evidence().contains("dance"));
    assertTrue(c.classify("the factory fired me").evidence().contains("fired"));
  }

  @Test
  void lexiconTerm_parse_readsCodesWeightsAndUrgency() {
    LexiconTerm t = LexiconTerm.parse("停水\tPHY:3 DAI:3 !HIGH");
    assertEquals(3.0, t.tierWeights().get(MaslowTier.PHYSIOLOGICAL));
    assertEquals(3.0, t.domainWeights().get("DAILY_LIVING"));
    assertEquals(Urgency.HIGH, t.urgency().orElseThrow());
    assertTrue(LexiconTerm.parse("lonel*\tBEL").isPrefix());
    assertEquals(1.0, LexiconTerm.parse("x1\tD=PETS").domainWeights().get("PETS"));
  }
}

package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Label;
import io.github.linli.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {
  static List<Candidate> roster(int residents, int experts, int assessors, int others) {
    List<Candidate> out = new ArrayList<>();
    add(out, "resident", residents);
    add(out, "expert", experts);
    add(out, "assessor", assessors);
    add(out, "official", others);
    return out;
  }

  static void add(List<Candidate> out, String category, int n) {
    for (int i = 0; i < n; i++) {
      out.add(Candidate.of(String.format(Locale.ROOT, "%s-%d", category, i), category));
    }
  }

  @Test
  void draw_emptyPoolOrSizeBeyondIt_saysSoPlainly() {
    ValidationException empty = assertThrows(ValidationException.class,
        () -> QuotaRules.coCreationCommittee().draw(List.of(), 10, 1L));
    assertEquals("candidates", empty.field());
    assertEquals("candidates = 0: the pool is empty: add candidates before drawing", empty.getMessage());
    ValidationException tooBig = assertThrows(ValidationException.class,
        () -> QuotaRules.coCreationCommittee().draw(roster(2, 1, 1, 0), 10, 1L));
    assertEquals("size = 10: must be from 1 to the pool's 4 candidates", tooBig.getMessage());
  }

  @Test
  void check_source002Composition_satisfied() {
    QuotaReport r = QuotaRules.coCreationCommittee().check(roster(4, 3, 3, 0));
    assertTrue(r.satisfied(), r.toString());
    assertEquals(4, r.counts().get("resident"));
  }

  @Test
  void check_tooFewResidentsAndTooManyExperts_eachExplained() {
    QuotaReport r = QuotaRules.coCreationCommittee().check(roster(2, 5, 3, 0));
    assertEquals(2, r.violations().size());
    QuotaViolation few = r.violations().get(0);
    assertEquals(QuotaViolation.Kind.TOO_FEW, few.kind());
    assertEquals(4, few.required());
    assertEquals(2, few.actual());
    assertEquals("residents: 2 of 10 (20 %), at least 4 (40 %) required", few.label().en());
    assertEquals("居民：10 人中 2 人（20%），至少需要 4 人（40%）", few.label().zh());
    QuotaViolation many = r.violations().get(1);
    assertEquals(QuotaViolation.Kind.TOO_MANY, many.kind());
    assertEquals(3, many.required());
  }

  @Test
  void check_exactSharesOfAnOddRoster_unattainable() {
    QuotaReport r = QuotaRules.coCreationCommittee().check(roster(3, 2, 2, 0));
    assertTrue(r.violations().stream().allMatch(v -> v.kind() == QuotaViolation.Kind.UNATTAINABLE), r.toString());
    assertEquals(3, r.violations().size());
  }

  @Test
  void of_minimumsOver100_validation() {
    ValidationException e = assertThrows(ValidationException.class, () -> QuotaRules.of(
        Quota.atLeast("resident", Label.of("居民", "residents"), 50),
        Quota.atLeast("expert", Label.of("专家", "experts"), 40),
        Quota.atLeast("assessor", Label.of("评估", "assessors"), 20)));
    assertEquals("quotas.minPercent", e.field());
    assertTrue(e.getMessage().contains("110 %"), e.getMessage());
  }

  @Test
  void of_duplicateCategory_validation() {
    assertThrows(ValidationException.class, () -> QuotaRules.of(
        Quota.atLeast("resident", Label.of("居民", "residents"), 10), Quota.atLeast("resident", Label.of("居民", "residents"), 20)));
  }

  @Test
  void quota_badBounds_validation() {
    assertThrows(ValidationException.class, () -> Quota.atLeast("r", Label.of("居民", "residents"), 101));
    assertThrows(ValidationException.class, () -> Quota.between("r", Label.of("居民", "residents"), 50, 40));
  }

  @Test
  void check_badRoster_validation() {
    assertThrows(ValidationException.class, () -> QuotaRules.coCreationCommittee().check(List.of()));
    assertThrows(ValidationException.class, () -> QuotaRules.coCreationCommittee().check(
        List.of(Candidate.of("a", "resident"), Candidate.of("a", "expert"))));
  }

  @Test
  void draw_meetsQuotas_andIsReproducible() {
    List<Candidate> pool = roster(20, 8, 5, 10);
    QuotaRules rules = QuotaRules.coCreationCommittee();
    List<Candidate> a = rules.draw(pool, 10, 42);
    assertTrue(rules.check(a).satisfied());
    assertEquals(a, rules.draw(pool, 10, 42));
    assertTrue(rules.draw(pool, 10, 43).size() == 10);
  }

  @Test
  void draw_poolTooSmallForAQuota_validationNamingIt() {
    ValidationException e = assertThrows(ValidationException.class, () -> QuotaRules.coCreationCommittee().draw(roster(20, 8, 2, 0), 10, 1));
    assertEquals("candidates", e.field());
    assertTrue(e.getMessage().contains("third-party assessors"), e.getMessage());
  }

  @Test
  void draw_sizeWithoutExactSolution_validation() {
    assertThrows(ValidationException.class, () -> QuotaRules.coCreationCommittee().draw(roster(20, 8, 5, 0), 7, 1));
    assertThrows(ValidationException.class, () -> QuotaRules.coCreationCommittee().draw(roster(2, 2, 2, 0), 10, 1));
  }

  @Test
  void draw_minimumOnlyQuota_fillsFromOthers() {
    QuotaRules rules = QuotaRules.of(Quota.atLeast("resident", Label.of("居民", "residents"), 40));
    List<Candidate> r = rules.draw(roster(5, 5, 5, 5), 5, 7);
    assertTrue(r.stream().filter(c -> c.category().equals("resident")).count() >= 2);
    assertTrue(rules.check(r).satisfied());
  }
}

package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Label;
import io.github.linli.core.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class QuotaProperties {
  static List<Candidate> pool(int residents, int experts, int assessors, int others) {
    List<Candidate> out = new ArrayList<>();
    String[] cats = {"resident", "expert", "assessor", "official"};
    int[] counts = {residents, experts, assessors, others};
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < counts[c]; i++) {
        out.add(Candidate.of(String.format(Locale.ROOT, "%s-%d", cats[c], i), cats[c]));
      }
    }
    return out;
  }

  /** Whether some roster of {@code size} from the pool meets the rules (brute force over counts). */
  static boolean feasible(QuotaRules rules, int[] avail, int size) {
    int[] min = new int[3];
    int[] max = new int[3];
    for (int i = 0; i < 3; i++) {
      Quota q = rules.quotas().get(i);
      min[i] = q.minCount(size);
      max[i] = Math.min(q.maxCount(size), avail[i]);
    }
    for (int a = min[0]; a <= max[0]; a++) {
      for (int b = min[1]; b <= max[1]; b++) {
        for (int c = min[2]; c <= max[2]; c++) {
          int rest = size - a - b - c;
          if (rest >= 0 && rest <= avail[3]) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The draw succeeds exactly when a roster meeting the quotas exists, and its roster meets them. */
  @Property(tries = 400)
  void draw_succeedsIffFeasible_andMeetsQuotas(
      @ForAll @IntRange(max = 30) int minR, @ForAll @IntRange(max = 30) int minE, @ForAll @IntRange(max = 30) int spread,
      @ForAll @IntRange(max = 12) int r, @ForAll @IntRange(max = 12) int e, @ForAll @IntRange(max = 12) int a,
      @ForAll @IntRange(max = 12) int o, @ForAll @IntRange(min = 1, max = 20) int size, @ForAll long seed) {
    QuotaRules rules = QuotaRules.of(
        Quota.between("resident", Label.of("居民", "residents"), minR, Math.min(100, minR + spread)),
        Quota.atLeast("expert", Label.of("专家", "experts"), minE),
        Quota.between("assessor", Label.of("评估", "assessors"), 0, 40));
    List<Candidate> pool = pool(r, e, a, o);
    if (size > pool.size()) {
      return;
    }
    boolean feasible = feasible(rules, new int[] {r, e, a, o}, size);
    try {
      List<Candidate> roster = rules.draw(pool, size, seed);
      assertTrue(feasible, "drew a roster although none is feasible");
      assertEquals(size, roster.size());
      assertEquals(size, new HashSet<>(roster).size());
      assertTrue(pool.containsAll(roster));
      QuotaReport report = rules.check(roster);
      assertTrue(report.satisfied(), report.toString());
      assertEquals(roster, rules.draw(pool, size, seed), "same seed, same roster");
    } catch (ValidationException ex) {
      assertTrue(!feasible, "feasible but refused: " + ex.getMessage());
    }
  }

  /** A report's violations are exactly the quotas whose counts fall outside their bounds. */
  @Property(tries = 300)
  void check_violationsMatchCounts(@ForAll @IntRange(max = 8) int r, @ForAll @IntRange(max = 8) int e,
      @ForAll @IntRange(max = 8) int a, @ForAll @IntRange(max = 8) int o) {
    List<Candidate> roster = pool(r, e, a, o);
    if (roster.isEmpty()) {
      return;
    }
    QuotaRules rules = QuotaRules.coCreationCommittee();
    QuotaReport report = rules.check(roster);
    int n = roster.size();
    int[] counts = {r, e, a};
    int expected = 0;
    for (int i = 0; i < 3; i++) {
      Quota q = rules.quotas().get(i);
      if (counts[i] < q.minCount(n) || counts[i] > q.maxCount(n)) {
        expected++;
      }
    }
    assertEquals(expected, report.violations().size(), report.toString());
    assertEquals(expected == 0, report.satisfied());
  }
}

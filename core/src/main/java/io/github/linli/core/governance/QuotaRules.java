package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The composition rules of a committee (委员会构成): a set of {@link Quota}s whose minimum shares
 * sum to at most 100 %. Checks a roster, explaining each violation, and draws a roster that meets
 * the quotas from a candidate pool with a seed.
 *
 * <p>Categories without a quota are allowed on a roster and count toward its size.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class QuotaRules {
  private final List<Quota> quotas;

  private QuotaRules(List<Quota> quotas) {
    this.quotas = quotas;
  }

  /**
   * Rules from quotas.
   *
   * @param quotas the quotas, one per category
   * @return the rules
   * @throws ValidationException if a category repeats or the minimum shares sum to over 100 %
   */
  public static QuotaRules of(Quota... quotas) {
    // Arrays.asList, not List.of, so that a null element reaches the check that names it
    return of(java.util.Arrays.asList(checkNotNull(quotas, "quotas")));
  }

  /**
   * Rules from quotas.
   *
   * @param quotas the quotas, one per category
   * @return the rules
   * @throws ValidationException if a category repeats or the minimum shares sum to over 100 %
   */
  public static QuotaRules of(List<Quota> quotas) {
    checkNotNull(quotas, "quotas");
    Set<String> seen = new HashSet<>();
    int sum = 0;
    for (Quota q : quotas) {
      checkNotNull(q, "quotas[%s]", seen.size());   // every earlier quota added one category
      if (!seen.add(q.category())) {
        throw new ValidationException("quotas", q.category(), "duplicate category");
      }
      sum += q.minPercent();
    }
    if (sum > 100) {
      throw new ValidationException("quotas.minPercent", sum, "minimum shares sum to " + sum + " %, over 100 %");
    }
    return new QuotaRules(List.copyOf(quotas));
  }

  /**
   * Source 002's co-creation committee (共建委员会): residents ({@code resident}) 40 %, experts
   * ({@code expert}) 30 %, third-party assessors ({@code assessor}) 30 %, each as an exact share.
   *
   * @return the rules
   */
  public static QuotaRules coCreationCommittee() {
    return of(
        Quota.exactly("resident", Label.of("居民", "residents"), 40),
        Quota.exactly("expert", Label.of("专家", "experts"), 30),
        Quota.exactly("assessor", Label.of("第三方评估人员", "third-party assessors"), 30));
  }

  /**
   * The quotas.
   *
   * @return an unmodifiable list
   */
  public List<Quota> quotas() {
    return quotas;
  }

  /**
   * Checks a roster.
   *
   * @param roster the roster, no participant twice
   * @return the report, with every violation explained
   * @throws ValidationException if the roster is empty or names a participant twice
   */
  public QuotaReport check(List<Candidate> roster) {
    checkNotNull(roster, "roster");
    if (roster.isEmpty()) {
      throw new ValidationException("roster", "[]", "must not be empty");
    }
    requireDistinct("roster", roster);
    Map<String, Integer> counts = new TreeMap<>();
    for (Quota q : quotas) {
      counts.put(q.category(), 0);
    }
    for (Candidate c : roster) {
      counts.merge(c.category(), 1, Integer::sum);
    }
    int n = roster.size();
    List<QuotaViolation> out = new ArrayList<>();
    for (Quota q : quotas) {
      int actual = counts.get(q.category());
      if (q.minCount(n) > q.maxCount(n)) {
        out.add(new QuotaViolation(q, QuotaViolation.Kind.UNATTAINABLE, actual, n));
      } else if (actual < q.minCount(n)) {
        out.add(new QuotaViolation(q, QuotaViolation.Kind.TOO_FEW, actual, n));
      } else if (actual > q.maxCount(n)) {
        out.add(new QuotaViolation(q, QuotaViolation.Kind.TOO_MANY, actual, n));
      }
    }
    return new QuotaReport(n, counts, out);
  }

  /**
   * Draws a roster of {@code size} that meets the quotas: first each category's minimum, drawn at
   * random from its candidates, then the remaining seats from all other candidates in random order,
   * skipping those whose category is at its maximum (stratified random selection). The draw
   * succeeds whenever some roster of that size meets the quotas. The same pool, size and seed give
   * the same roster ({@link java.util.Random}, whose sequence is specified).
   *
   * <p>O(n) for n candidates. For fairer selection across many overlapping features, see Flanigan et
   * al., "Fair algorithms for selecting citizens' assemblies", Nature 596 (2021).
   *
   * @param candidates the pool, no participant twice
   * @param size the roster size, positive
   * @param seed the seed
   * @return the roster, in order of drawing
   * @throws ValidationException if the pool is empty or names a participant twice, the size is not
   *     positive or larger than the pool, or no roster of that size from the pool meets the quotas
   *     (the message says which quota)
   */
  public List<Candidate> draw(List<Candidate> candidates, int size, long seed) {
    checkNotNull(candidates, "candidates");
    requireDistinct("candidates", candidates);
    if (candidates.isEmpty()) {
      throw new ValidationException("candidates", 0, "the pool is empty: add candidates before drawing");
    }
    if (size <= 0 || size > candidates.size()) {
      throw new ValidationException(
          "size", size, "must be from 1 to the pool's " + candidates.size() + " candidates");
    }
    Random random = new Random(seed);
    Map<String, List<Candidate>> pools = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      pools.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Quota> byCategory = new HashMap<>();
    for (Quota q : quotas) {
      byCategory.put(q.category(), q);
      if (q.minCount(size) > q.maxCount(size)) {
        throw new ValidationException("size", size, String.format(Locale.ROOT,
            "no roster of %d meets quota %s (%d..%d %%)", size, q.category(), q.minPercent(), q.maxPercent()));
      }
    }
    List<Candidate> roster = new ArrayList<>(size);
    Set<Candidate> taken = new HashSet<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Quota q : quotas) {
      List<Candidate> pool = new ArrayList<>(pools.getOrDefault(q.category(), List.of()));
      int need = q.minCount(size);
      if (pool.size() < need) {
        throw new ValidationException("candidates", q.category(), String.format(Locale.ROOT,
            "a roster of %d needs at least %d %s, the pool has %d", size, need, q.label().en(), pool.size()));
      }
      Collections.shuffle(pool, random);
      for (int i = 0; i < need; i++) {
        roster.add(pool.get(i));
        taken.add(pool.get(i));
      }
      counts.put(q.category(), need);
    }
    if (roster.size() > size) {
      throw new ValidationException("size", size, "the quotas' minimums need " + roster.size() + " seats");
    }
    List<Candidate> rest = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!taken.contains(c)) {
        rest.add(c);
      }
    }
    Collections.shuffle(rest, random);
    for (Candidate c : rest) {
      if (roster.size() == size) {
        break;
      }
      Quota q = byCategory.get(c.category());
      int have = counts.getOrDefault(c.category(), 0);
      if (q != null && have >= q.maxCount(size)) {
        continue;
      }
      roster.add(c);
      counts.put(c.category(), have + 1);
    }
    if (roster.size() < size) {
      throw new ValidationException("size", size, "the pool has too few candidates within the quotas' maximums (drew " + roster.size() + ")");
    }
    return List.copyOf(roster);
  }

  private static void requireDistinct(String field, List<Candidate> list) {
    Set<String> ids = new HashSet<>();
    for (Candidate c : list) {
      checkNotNull(c, field + " element");
      if (!ids.add(c.participantId())) {
        throw new ValidationException(field, c.participantId(), "participant appears twice");
      }
    }
  }

  @Override
  public String toString() {
    return "QuotaRules" + quotas;
  }
}

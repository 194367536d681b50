package io.github.linli.core.governance;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import java.util.Locale;

/**
 * One way a roster breaks a {@link Quota}, with an explanation in Chinese and English.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class QuotaViolation implements Labelled {
  /** The kinds of violation. */
  public enum Kind {
    /** Fewer members of the category than the minimum. */
    TOO_FEW,
    /** More members of the category than the maximum. */
    TOO_MANY,
    /** No count satisfies the quota for this roster size (an exact share of an odd size, say). */
    UNATTAINABLE
  }

  private final Quota quota;
  private final Kind kind;
  private final int actual;
  private final int rosterSize;

  QuotaViolation(Quota quota, Kind kind, int actual, int rosterSize) {
    this.quota = quota;
    this.kind = kind;
    this.actual = actual;
    this.rosterSize = rosterSize;
  }

  /**
   * The quota broken.
   *
   * @return the quota
   */
  public Quota quota() {
    return quota;
  }

  /**
   * The kind of violation.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Members of the category on the roster.
   *
   * @return the count
   */
  public int actual() {
    return actual;
  }

  /**
   * The roster size.
   *
   * @return the count
   */
  public int rosterSize() {
    return rosterSize;
  }

  /**
   * The count the quota requires: the minimum for {@link Kind#TOO_FEW}, the maximum for {@link
   * Kind#TOO_MANY}, the minimum for {@link Kind#UNATTAINABLE}.
   *
   * @return the count
   */
  public int required() {
    return kind == Kind.TOO_MANY ? quota.maxCount(rosterSize) : quota.minCount(rosterSize);
  }

  /** The explanation, for example "residents: 2 of 10 (20 %), at least 4 (40 %) required". */
  @Override
  public Label label() {
    double share = rosterSize == 0 ? 0 : 100.0 * actual / rosterSize;
    String zh;
    String en;
    String head = String.format(Locale.ROOT, "%s：%d 人中 %d 人（%.0f%%）", quota.label().zh(), rosterSize, actual, share);
    String headEn = String.format(Locale.ROOT, "%s: %d of %d (%.0f %%)", quota.label().en(), actual, rosterSize, share);
    switch (kind) {
      case TOO_FEW:
        zh = head + String.format(Locale.ROOT, "，至少需要 %d 人（%d%%）", required(), quota.minPercent());
        en = headEn + String.format(Locale.ROOT, ", at least %d (%d %%) required", required(), quota.minPercent());
        break;
      case TOO_MANY:
        zh = head + String.format(Locale.ROOT, "，至多 %d 人（%d%%）", required(), quota.maxPercent());
        en = headEn + String.format(Locale.ROOT, ", at most %d (%d %%) allowed", required(), quota.maxPercent());
        break;
      default:
        zh = head + String.format(Locale.ROOT, "，%d 人的名单无法满足 %d%%–%d%% 的比例", rosterSize, quota.minPercent(), quota.maxPercent());
        en = headEn + String.format(Locale.ROOT, ", no count meets %d–%d %% of a roster of %d", quota.minPercent(), quota.maxPercent(), rosterSize);
    }
    return Label.of(zh, en);
  }

  @Override
  public String toString() {
    return kind + ": " + label().en();
  }
}

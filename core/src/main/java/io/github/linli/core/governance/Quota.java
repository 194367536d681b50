package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * A share of a committee's seats reserved for (or limited to) one category of member, in whole
 * percent: source 002's co-creation committee has residents 40 %, experts 30 % and third-party
 * assessors 30 %.
 *
 * <p>For a roster of {@code n}, the category needs at least {@code ceil(min × n / 100)} and at most
 * {@code floor(max × n / 100)} members.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Quota {
  private final String category;
  private final Label label;
  private final int minPercent;
  private final int maxPercent;

  private Quota(String category, Label label, int minPercent, int maxPercent) {
    this.category = category;
    this.label = label;
    this.minPercent = minPercent;
    this.maxPercent = maxPercent;
  }

  /**
   * At least a share.
   *
   * @param category the category id, for example {@code resident}
   * @param label its name in Chinese and English
   * @param minPercent the minimum share, 0..100
   * @return the quota
   * @throws ValidationException if the id is invalid or the share outside 0..100
   */
  public static Quota atLeast(String category, Label label, int minPercent) {
    return between(category, label, minPercent, 100);
  }

  /**
   * Exactly a share (at least and at most).
   *
   * @param category the category id
   * @param label its name in Chinese and English
   * @param percent the share, 0..100
   * @return the quota
   * @throws ValidationException if the id is invalid or the share outside 0..100
   */
  public static Quota exactly(String category, Label label, int percent) {
    return between(category, label, percent, percent);
  }

  /**
   * A share between two bounds.
   *
   * @param category the category id
   * @param label its name in Chinese and English
   * @param minPercent the minimum share, 0..100
   * @param maxPercent the maximum share, {@code minPercent..100}
   * @return the quota
   * @throws ValidationException if the id is invalid or the bounds are not {@code 0 <= min <= max
   *     <= 100}
   */
  public static Quota between(String category, Label label, int minPercent, int maxPercent) {
    Checks.id("quota.category", category);
    checkNotNull(label, "label");
    if (minPercent < 0 || minPercent > 100) {
      throw new ValidationException("quota.minPercent(" + category + ")", minPercent, "must be in 0..100");
    }
    if (maxPercent < minPercent || maxPercent > 100) {
      throw new ValidationException("quota.maxPercent(" + category + ")", maxPercent, "must be in " + minPercent + "..100");
    }
    return new Quota(category, label, minPercent, maxPercent);
  }

  /**
   * The category id.
   *
   * @return the id
   */
  public String category() {
    return category;
  }

  /**
   * The category's name.
   *
   * @return the label
   */
  public Label label() {
    return label;
  }

  /**
   * The minimum share in percent.
   *
   * @return the percent
   */
  public int minPercent() {
    return minPercent;
  }

  /**
   * The maximum share in percent.
   *
   * @return the percent
   */
  public int maxPercent() {
    return maxPercent;
  }

  /**
   * The fewest members of the category a roster of {@code n} needs: {@code ceil(min × n / 100)}.
   *
   * @param n the roster size
   * @return the minimum count
   */
  public int minCount(int n) {
    return (int) ((minPercent * (long) n + 99) / 100);
  }

  /**
   * The most members of the category a roster of {@code n} may have: {@code floor(max × n / 100)}.
   *
   * @param n the roster size
   * @return the maximum count
   */
  public int maxCount(int n) {
    return (int) (maxPercent * (long) n / 100);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Quota)) {
      return false;
    }
    Quota q = (Quota) o;
    return q.category.equals(category) && q.label.equals(label) && q.minPercent == minPercent && q.maxPercent == maxPercent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(category, label, minPercent, maxPercent);
  }

  @Override
  public String toString() {
    if (minPercent == maxPercent) {
      return String.format(Locale.ROOT, "%s = %d %%", category, minPercent);
    }
    return maxPercent == 100 ? String.format(Locale.ROOT, "%s >= %d %%", category, minPercent)
        : String.format(Locale.ROOT, "%s %d..%d %%", category, minPercent, maxPercent);
  }
}

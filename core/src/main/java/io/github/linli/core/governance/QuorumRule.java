package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How many seats must be present for a joint meeting to decide: a share of all seats (at least
 * {@code num/den}, or more than half), optionally with every listed party present. A seat is
 * present if its holder attends or has given a proxy to a holder who attends. With no seat present
 * there is never a quorum.
 *
 * <p>Immutable and thread-safe. Exact integer arithmetic.
 *
 * @since 0.1.0
 */
public final class QuorumRule implements Labelled {
  private final int num;
  private final int den;
  private final boolean strict;
  private final Set<Party> requiredParties;

  private QuorumRule(int num, int den, boolean strict, Set<Party> requiredParties) {
    this.num = num;
    this.den = den;
    this.strict = strict;
    this.requiredParties = Collections.unmodifiableSet(requiredParties);
  }

  /**
   * At least {@code num/den} of the seats present.
   *
   * @param num numerator, {@code 0 <= num <= den}
   * @param den denominator, positive
   * @return the rule
   * @throws ValidationException if the fraction is not in [0, 1]
   */
  public static QuorumRule atLeast(int num, int den) {
    if (den <= 0) {
      throw new ValidationException("quorum.denominator", den, "must be positive");
    }
    if (num < 0 || num > den) {
      throw new ValidationException("quorum.numerator", num, "must be in 0.." + den);
    }
    return new QuorumRule(num, den, false, EnumSet.noneOf(Party.class));
  }

  /**
   * More than half of the seats present (过半数出席).
   *
   * @return the rule
   */
  public static QuorumRule moreThanHalf() {
    return new QuorumRule(1, 2, true, EnumSet.noneOf(Party.class));
  }

  /**
   * More than {@code num/den} of the seats present; {@code moreThan(1, 2)} is {@link
   * #moreThanHalf()}. With {@link #atLeast}, {@link #numerator()}, {@link #denominator()} and {@link
   * #strict()} it rebuilds a stored rule.
   *
   * @param num numerator, {@code 0 <= num < den}
   * @param den denominator, positive
   * @return the rule
   * @throws ValidationException if the fraction is not in [0, 1)
   * @since 0.1.0
   */
  public static QuorumRule moreThan(int num, int den) {
    if (den <= 0) {
      throw new ValidationException("quorum.denominator", den, "must be positive");
    }
    if (num < 0 || num >= den) {
      throw new ValidationException("quorum.numerator", num, "must be in 0.." + (den - 1) + " (more than all seats is never met)");
    }
    return new QuorumRule(num, den, true, EnumSet.noneOf(Party.class));
  }

  /**
   * The numerator of the share of seats.
   *
   * @return the numerator
   * @since 0.1.0
   */
  public int numerator() {
    return num;
  }

  /**
   * The denominator of the share of seats.
   *
   * @return the denominator, positive
   * @since 0.1.0
   */
  public int denominator() {
    return den;
  }

  /**
   * Whether more than the share must be present ({@link #moreThan}, {@link #moreThanHalf()}) rather
   * than at least the share ({@link #atLeast}).
   *
   * @return true for "more than"
   * @since 0.1.0
   */
  public boolean strict() {
    return strict;
  }

  /**
   * This rule, also requiring at least one seat of each of the parties present.
   *
   * @param parties the parties that must be present
   * @return a new rule
   */
  public QuorumRule requiring(Party... parties) {
    EnumSet<Party> set = EnumSet.noneOf(Party.class);
    set.addAll(requiredParties);
    for (Party p : checkNotNull(parties, "parties")) {
      set.add(checkNotNull(p, "parties element"));
    }
    return new QuorumRule(num, den, strict, set);
  }

  /**
   * The parties that must each have a seat present.
   *
   * @return an unmodifiable set
   */
  public Set<Party> requiredParties() {
    return requiredParties;
  }

  /**
   * Whether the quorum is met.
   *
   * @param present seats present
   * @param seats all seats
   * @param partiesPresent the parties with at least one seat present
   * @return true if met
   */
  public boolean met(int present, int seats, Set<Party> partiesPresent) {
    long lhs = (long) present * den;
    long rhs = (long) num * seats;
    boolean share = strict ? lhs > rhs : lhs >= rhs;
    return share && present > 0 && partiesPresent.containsAll(requiredParties);
  }

  @Override
  public Label label() {
    String share = strict ? String.format(Locale.ROOT, "more than %d/%d of seats", num, den)
        : String.format(Locale.ROOT, "at least %d/%d of seats", num, den);
    String zh = strict ? String.format(Locale.ROOT, "超过%d分之%d席位出席", den, num)
        : String.format(Locale.ROOT, "至少%d分之%d席位出席", den, num);
    if (!requiredParties.isEmpty()) {
      share += " and each of " + requiredParties;
      zh += "，且各方均有出席：" + requiredParties;
    }
    return Label.of(zh, share + " present");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof QuorumRule)) {
      return false;
    }
    QuorumRule q = (QuorumRule) o;
    return q.num == num && q.den == den && q.strict == strict && q.requiredParties.equals(requiredParties);
  }

  @Override
  public int hashCode() {
    return ((num * 31 + den) * 31 + Boolean.hashCode(strict)) * 31 + requiredParties.hashCode();
  }

  @Override
  public String toString() {
    return label().en();
  }
}

package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of a joint meeting: the quorum, the default decision rule, rules for particular kinds
 * of motion (expulsion by two thirds, say), and whether proxies are allowed and how many one
 * participant may hold.
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return new charters.
 *
 * @since 0.1.0
 */
public final class Charter {
  private final QuorumRule quorum;
  private final DecisionRule defaultRule;
  private final Map<MotionKind, DecisionRule> rules;
  private final int maxProxiesPerHolder;

  private Charter(QuorumRule quorum, DecisionRule defaultRule, Map<MotionKind, DecisionRule> rules, int maxProxiesPerHolder) {
    this.quorum = quorum;
    this.defaultRule = defaultRule;
    this.rules = Collections.unmodifiableMap(rules);
    this.maxProxiesPerHolder = maxProxiesPerHolder;
  }

  /**
   * A charter without proxies.
   *
   * @param quorum the quorum rule
   * @param defaultRule the decision rule of every motion unless overridden
   * @return the charter
   */
  public static Charter of(QuorumRule quorum, DecisionRule defaultRule) {
    return new Charter(checkNotNull(quorum, "quorum"), checkNotNull(defaultRule, "defaultRule"), new EnumMap<>(MotionKind.class), 0);
  }

  /**
   * A common charter: more than half of the seats present with the Party committee and the
   * residents' committee, majority of votes cast, expulsion by two thirds, no proxies.
   *
   * @return the charter
   */
  public static Charter standard() {
    return of(QuorumRule.moreThanHalf().requiring(Party.PARTY_COMMITTEE, Party.RESIDENTS_COMMITTEE),
            DecisionRule.MAJORITY_OF_VOTES_CAST)
        .withRule(MotionKind.EXPEL_MEMBER, DecisionRule.TWO_THIRDS);
  }

  /**
   * This charter with a rule for one kind of motion.
   *
   * @param kind the motion kind
   * @param rule its rule
   * @return a new charter
   */
  public Charter withRule(MotionKind kind, DecisionRule rule) {
    EnumMap<MotionKind, DecisionRule> m = new EnumMap<>(MotionKind.class);
    m.putAll(rules);
    m.put(checkNotNull(kind, "kind"), checkNotNull(rule, "rule"));
    return new Charter(quorum, defaultRule, m, maxProxiesPerHolder);
  }

  /**
   * This charter allowing proxies (委托投票).
   *
   * @param maxPerHolder how many absent participants one participant may vote for, positive
   * @return a new charter
   * @throws ValidationException if {@code maxPerHolder} is not positive
   */
  public Charter withProxies(int maxPerHolder) {
    if (maxPerHolder <= 0) {
      throw new ValidationException("charter.maxProxiesPerHolder", maxPerHolder, "must be positive");
    }
    EnumMap<MotionKind, DecisionRule> m = new EnumMap<>(MotionKind.class);
    m.putAll(rules);
    return new Charter(quorum, defaultRule, m, maxPerHolder);
  }

  /**
   * The quorum rule.
   *
   * @return the rule
   */
  public QuorumRule quorum() {
    return quorum;
  }

  /**
   * The default decision rule.
   *
   * @return the rule
   */
  public DecisionRule defaultRule() {
    return defaultRule;
  }

  /**
   * The rules for particular kinds of motion ({@link #withRule}), which override the default rule.
   * With {@link #of}, {@link #withRule} and {@link #withProxies} they rebuild a stored charter.
   *
   * @return an unmodifiable map
   * @since 0.1.0
   */
  public Map<MotionKind, DecisionRule> rules() {
    return rules;
  }

  /**
   * The decision rule for a motion: its own, else the charter's for its kind, else the default.
   *
   * @param motion the motion
   * @return the rule
   */
  public DecisionRule ruleFor(Motion motion) {
    return motion.rule().orElse(rules.getOrDefault(motion.kind(), defaultRule));
  }

  /**
   * Whether proxies are allowed.
   *
   * @return true if {@link #maxProxiesPerHolder()} is positive
   */
  public boolean proxiesAllowed() {
    return maxProxiesPerHolder > 0;
  }

  /**
   * How many proxies one participant may hold; 0 when proxies are not allowed.
   *
   * @return the maximum
   */
  public int maxProxiesPerHolder() {
    return maxProxiesPerHolder;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Charter)) {
      return false;
    }
    Charter c = (Charter) o;
    return c.quorum.equals(quorum) && c.defaultRule == defaultRule && c.rules.equals(rules) && c.maxProxiesPerHolder == maxProxiesPerHolder;
  }

  @Override
  public int hashCode() {
    return Objects.hash(quorum, defaultRule, rules, maxProxiesPerHolder);
  }

  @Override
  public String toString() {
    return "Charter{quorum: " + quorum + "; rule: " + defaultRule + (rules.isEmpty() ? "" : " " + rules)
        + (maxProxiesPerHolder > 0 ? "; proxies up to " + maxProxiesPerHolder : "; no proxies") + "}";
  }
}

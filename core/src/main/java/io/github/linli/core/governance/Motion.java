package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A motion put to a joint meeting: its kind, title, the member it concerns (member motions), a
 * payload of string keys and values (the taxonomy id and version, the budget id and amount, or
 * anything a custom motion needs) and, optionally, the decision rule that overrides the charter's.
 *
 * <p>The payload keeps governance independent of the modules that act on a resolution: the demand
 * taxonomy, for example, checks {@link #TAXONOMY_ID} and {@link #TAXONOMY_VERSION} of an adopted
 * {@link MotionKind#ADOPT_TAXONOMY} resolution.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Motion {
  /** Payload key of the taxonomy id of an {@link MotionKind#ADOPT_TAXONOMY} motion. */
  public static final String TAXONOMY_ID = io.github.linli.core.demand.TaxonomyRegistry.TERM_ID;
  /** Payload key of the taxonomy version of an {@link MotionKind#ADOPT_TAXONOMY} motion. */
  public static final String TAXONOMY_VERSION = io.github.linli.core.demand.TaxonomyRegistry.TERM_VERSION;
  /** Payload key of the budget id of an {@link MotionKind#APPROVE_BUDGET} motion. */
  public static final String BUDGET_ID = "budget.id";
  /** Payload key of the budget amount (plain decimal) of an {@link MotionKind#APPROVE_BUDGET} motion. */
  public static final String BUDGET_AMOUNT = "budget.amount";

  private final MotionKind kind;
  private final Label title;
  private final MemberId subject;
  private final Map<String, String> payload;
  private final DecisionRule rule;

  private Motion(MotionKind kind, Label title, MemberId subject, Map<String, String> payload, DecisionRule rule) {
    this.kind = kind;
    this.title = title;
    this.subject = subject;
    this.payload = payload;
    this.rule = rule;
  }

  private static Motion member(MotionKind kind, MemberId member) {
    checkNotNull(member, "member");
    Label t = Label.of(kind.label().zh() + "：" + member.value(), kind.label().en() + ": " + member.value());
    return new Motion(kind, t, member, Map.of(), null);
  }

  /**
   * Admit an applicant.
   *
   * @param member the applicant
   * @return the motion
   */
  public static Motion admitMember(MemberId member) {
    return member(MotionKind.ADMIT_MEMBER, member);
  }

  /**
   * Suspend a member.
   *
   * @param member the member
   * @return the motion
   */
  public static Motion suspendMember(MemberId member) {
    return member(MotionKind.SUSPEND_MEMBER, member);
  }

  /**
   * Reinstate a suspended member.
   *
   * @param member the member
   * @return the motion
   */
  public static Motion reinstateMember(MemberId member) {
    return member(MotionKind.REINSTATE_MEMBER, member);
  }

  /**
   * Expel a member.
   *
   * @param member the member
   * @return the motion
   */
  public static Motion expelMember(MemberId member) {
    return member(MotionKind.EXPEL_MEMBER, member);
  }

  /**
   * Adopt a demand taxonomy (source 004: the joint meeting decides the need categories).
   *
   * @param taxonomyId the taxonomy's id
   * @param version its version
   * @return the motion
   * @throws ValidationException if either is not a valid id
   */
  public static Motion adoptTaxonomy(String taxonomyId, String version) {
    Checks.id("motion.taxonomyId", taxonomyId);
    Checks.id("motion.taxonomyVersion", version);
    Map<String, String> p = new TreeMap<>();
    p.put(TAXONOMY_ID, taxonomyId);
    p.put(TAXONOMY_VERSION, version);
    return new Motion(MotionKind.ADOPT_TAXONOMY,
        Label.of("确定需求分类 " + taxonomyId + " " + version, "adopt demand taxonomy " + taxonomyId + " " + version),
        null, Collections.unmodifiableMap(p), null);
  }

  /**
   * Approve a budget.
   *
   * @param budgetId the budget's id
   * @param amount the amount, positive
   * @return the motion
   * @throws ValidationException if the id is invalid or the amount not positive
   */
  public static Motion approveBudget(String budgetId, BigDecimal amount) {
    Checks.id("motion.budgetId", budgetId);
    if (amount == null || amount.signum() <= 0) {
      throw new ValidationException("motion.budgetAmount", amount, "must be positive");
    }
    Map<String, String> p = new TreeMap<>();
    p.put(BUDGET_ID, budgetId);
    p.put(BUDGET_AMOUNT, amount.toPlainString());
    return new Motion(MotionKind.APPROVE_BUDGET,
        Label.of("审批预算 " + budgetId + "（" + amount.toPlainString() + "）", "approve budget " + budgetId + " (" + amount.toPlainString() + ")"),
        null, Collections.unmodifiableMap(p), null);
  }

  /**
   * A custom motion.
   *
   * @param title the title in Chinese and English
   * @param payload keys and values the motion decides (ids; no personal data)
   * @return the motion
   * @throws ValidationException if a key is not a valid id or a value is null
   */
  public static Motion custom(Label title, Map<String, String> payload) {
    checkNotNull(title, "title");
    checkNotNull(payload, "payload");
    Map<String, String> p = new TreeMap<>();
    for (Map.Entry<String, String> e : payload.entrySet()) {
      p.put(Checks.id("motion.payload key", e.getKey()), Checks.present("motion.payload[" + e.getKey() + "]", e.getValue()));
    }
    return new Motion(MotionKind.CUSTOM, title, null, Collections.unmodifiableMap(p), null);
  }

  /**
   * This motion, decided by a rule other than the charter's.
   *
   * @param rule the rule
   * @return a new motion
   */
  public Motion decidedBy(DecisionRule rule) {
    return new Motion(kind, title, subject, payload, checkNotNull(rule, "rule"));
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public MotionKind kind() {
    return kind;
  }

  /**
   * The title.
   *
   * @return the title
   */
  public Label title() {
    return title;
  }

  /**
   * The member concerned, for member motions.
   *
   * @return the member id, or empty
   */
  public Optional<MemberId> subject() {
    return Optional.ofNullable(subject);
  }

  /**
   * The payload.
   *
   * @return an unmodifiable sorted map
   */
  public Map<String, String> payload() {
    return payload;
  }

  /**
   * The rule overriding the charter's, if any.
   *
   * @return the rule
   */
  public Optional<DecisionRule> rule() {
    return Optional.ofNullable(rule);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Motion)) {
      return false;
    }
    Motion m = (Motion) o;
    return m.kind == kind && m.title.equals(title) && Objects.equals(m.subject, subject) && m.payload.equals(payload) && m.rule == rule;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, title, subject, payload, rule);
  }

  @Override
  public String toString() {
    return "Motion{" + kind + (subject == null ? "" : " " + subject) + (payload.isEmpty() ? "" : " " + payload)
        + (rule == null ? "" : " by " + rule) + "}";
  }
}

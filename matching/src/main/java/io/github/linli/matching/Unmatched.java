package io.github.linli.matching;

import io.github.linli.core.Label;
import java.util.List;
import org.immutables.value.Value;

/**
 * A demand that was not served: the reason code, the rule behind it (in plain words, without
 * personal data) and the competing demands that hold the capacity it could have used.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Unmatched {
  Unmatched() {}

  /**
   * The need's id.
   *
   * @return the id
   */
  public abstract String needId();

  /**
   * Why it was not served.
   *
   * @return the code
   */
  public abstract ReasonCode reason();

  /**
   * The rule or fact behind the reason, for example {@code "nearest eligible offer clinic-2 is
   * 2400 m away, its radius is 1000 m"}.
   *
   * @return the text (English, for logs and developers; {@link #explanation()} is for people)
   */
  public abstract String rule();

  /**
   * Why it was not served, in Chinese and English, for the resident and the social worker: the
   * condition that failed ("需要惠民卡，申请人没有" / "needs a benefit card; the requester has
   * none") or the needs that took the places. Distances rounded to tens of metres, no scores.
   *
   * @return the explanation
   * @since 0.3.0
   */
  public abstract Label explanation();

  /**
   * For the capacity reasons: the ids of the demands holding the capacity of the offers it could
   * have used (of higher priority for {@link ReasonCode#CAPACITY_TAKEN_BY_HIGHER_PRIORITY}), at
   * most 20, highest priority first, then in the order the demands were given; empty otherwise.
   *
   * @return the ids
   */
  public abstract List<String> competingNeedIds();

  static Unmatched of(String needId, ReasonCode reason, Label explanation, String rule, List<String> competing) {
    return ImmutableUnmatched.builder()
        .needId(needId)
        .reason(reason)
        .rule(rule)
        .explanation(explanation)
        .competingNeedIds(competing)
        .build();
  }
}

package io.github.linli.matching;

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
   * @return the text (English; the code carries the bilingual label)
   */
  public abstract String rule();

  /**
   * For the capacity reasons: the ids of the demands holding the capacity of the offers it could
   * have used (of higher priority for {@link ReasonCode#CAPACITY_TAKEN_BY_HIGHER_PRIORITY}), at
   * most 20, highest priority first, then in the order the demands were given; empty otherwise.
   *
   * @return the ids
   */
  public abstract List<String> competingNeedIds();

  static Unmatched of(String needId, ReasonCode reason, String rule, List<String> competing) {
    return ImmutableUnmatched.builder()
        .needId(needId)
        .reason(reason)
        .rule(rule)
        .competingNeedIds(competing)
        .build();
  }
}

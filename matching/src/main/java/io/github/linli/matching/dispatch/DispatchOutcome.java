package io.github.linli.matching.dispatch;

import io.github.linli.core.Label;
import io.github.linli.matching.ReasonCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What dispatch decided for one need: the place it holds now (a {@link Commitment}), or why it
 * has none ({@link ReasonCode}, the failed condition in words, the needs holding the capacity it
 * could have used); an explanation in Chinese and English a resident and a social worker read;
 * and the other needs the decision changed (a need that gave way, a need moved to make room).
 *
 * <p>The explanation shows distances rounded to tens of metres; the exact distance is {@link
 * #distanceMetres()}, for code. {@code toString()} rounds too. No personal data: ids, tiers, codes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param needId the need
 * @param commitment the place it holds, if any
 * @param reason why it holds none (empty when it holds one)
 * @param explanation the explanation in Chinese and English
 * @param competingNeedIds for the capacity reasons: the needs holding the places it could have
 *     used (at most 20), most basic first
 * @param distanceMetres the exact distance to the offer it holds (for code; text rounds it)
 * @param eligibleOffers how many offers could serve it (every condition but capacity)
 * @param affected the other needs this decision changed, with their own outcomes
 * @since 0.3.0
 */
public record DispatchOutcome(String needId, Optional<Commitment> commitment, Optional<ReasonCode> reason, Label explanation,
    List<String> competingNeedIds, OptionalDouble distanceMetres, int eligibleOffers, List<DispatchOutcome> affected) {

  /**
   * Checks and copies the components.
   *
   * @param needId the need
   * @param commitment the place it holds, if any
   * @param reason why it holds none (empty when it holds one)
   * @param explanation the explanation in Chinese and English
   * @param competingNeedIds for the capacity reasons: the needs holding the places it could have
   *     used (at most 20), most basic first
   * @param distanceMetres the exact distance to the offer it holds (for code; text rounds it)
   * @param eligibleOffers how many offers could serve it (every condition but capacity)
   * @param affected the other needs this decision changed, with their own outcomes
   */
  public DispatchOutcome {
    Objects.requireNonNull(needId, "needId");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(explanation, "explanation");
    competingNeedIds = List.copyOf(competingNeedIds);
    Objects.requireNonNull(distanceMetres, "distanceMetres");
    affected = List.copyOf(affected);
  }

  /**
   * Whether the need holds a place.
   *
   * @return true if served
   */
  public boolean served() {
    return commitment.isPresent();
  }

  /** Returns the need, its place or reason code, and the English explanation (distances rounded). */
  @Override
  public String toString() {
    return "DispatchOutcome{" + needId + ", " + commitment.map(c -> c.id() + " in " + c.slot()).orElse(reason.map(Enum::name).orElse("queued"))
        + ", " + explanation.en() + (affected.isEmpty() ? "" : ", affected " + affected) + "}";
  }
}

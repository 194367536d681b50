package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * A seat in a joint meeting: the participant who holds it (an actor id), the party it belongs to
 * and, for a member unit's seat, the member it represents (so attendance counts toward that
 * member's contribution value).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Seat {
  private final String participantId;
  private final Party party;
  private final MemberId member;

  private Seat(String participantId, Party party, MemberId member) {
    this.participantId = participantId;
    this.party = party;
    this.member = member;
  }

  /**
   * A seat.
   *
   * @param participantId the actor id of the participant
   * @param party the party
   * @return the seat
   * @throws ValidationException if the id is invalid
   */
  public static Seat of(String participantId, Party party) {
    return new Seat(Checks.id("seat.participantId", participantId), checkNotNull(party, "party"), null);
  }

  /**
   * A seat that represents an alliance member.
   *
   * @param participantId the actor id of the participant
   * @param party the party
   * @param member the member represented
   * @return the seat
   * @throws ValidationException if the id is invalid
   */
  public static Seat of(String participantId, Party party, MemberId member) {
    return new Seat(Checks.id("seat.participantId", participantId), checkNotNull(party, "party"), checkNotNull(member, "member"));
  }

  /**
   * The participant's actor id.
   *
   * @return the id
   */
  public String participantId() {
    return participantId;
  }

  /**
   * The party.
   *
   * @return the party
   */
  public Party party() {
    return party;
  }

  /**
   * The member represented, if any.
   *
   * @return the member id
   */
  public Optional<MemberId> member() {
    return Optional.ofNullable(member);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seat && ((Seat) o).participantId.equals(participantId) && ((Seat) o).party == party
        && Objects.equals(((Seat) o).member, member);
  }

  @Override
  public int hashCode() {
    return Objects.hash(participantId, party, member);
  }

  @Override
  public String toString() {
    return participantId + "@" + party + (member == null ? "" : "(" + member + ")");
  }
}

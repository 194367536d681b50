package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Optional;

/**
 * Someone the alliance authorises to mediate (调解员): their actor id, where their authority comes
 * from, and the member unit they belong to, if any. A mediator never mediates a case in which they
 * are a party, act for a party, or belong to a member unit that is a party (the conflict-of-interest
 * check of {@link Mediation#assignMediator}).
 *
 * <p>Immutable and thread-safe. Holds no personal data (ids only).
 *
 * @param id the mediator's actor id
 * @param kind where the authority comes from
 * @param affiliation the member unit the mediator belongs to, if any
 * @since 0.3.0
 */
public record Mediator(String id, MediatorKind kind, Optional<MemberId> affiliation) {
  /**
   * Creates the value, checking and copying the components.
   *
   * @param id the mediator's actor id
   * @param kind where the authority comes from
   * @param affiliation the member unit the mediator belongs to, if any
   * @throws ValidationException if the id is not an id, or a member's mediator names no member
   */
  public Mediator {
    Checks.id("mediator.id", id);
    checkNotNull(kind, "kind");
    checkNotNull(affiliation, "affiliation");
    if (kind == MediatorKind.MEMBER_MEDIATOR && affiliation.isEmpty()) {
      throw new ValidationException("mediator.affiliation", id, "a member unit's mediator must name the member");
    }
  }

  /**
   * A people's mediator (人民调解员) of the community mediation committee.
   *
   * @param id the actor id
   * @return the mediator
   */
  public static Mediator peoples(String id) {
    return new Mediator(id, MediatorKind.PEOPLES_MEDIATOR, Optional.empty());
  }

  /**
   * A member unit's person holding a mediation role.
   *
   * @param id the actor id
   * @param member the member unit
   * @return the mediator
   */
  public static Mediator ofMember(String id, MemberId member) {
    return new Mediator(id, MediatorKind.MEMBER_MEDIATOR, Optional.of(checkNotNull(member, "member")));
  }

  /**
   * A community or grid worker authorised to mediate.
   *
   * @param id the actor id
   * @return the mediator
   */
  public static Mediator communityWorker(String id) {
    return new Mediator(id, MediatorKind.COMMUNITY_WORKER, Optional.empty());
  }

  /**
   * Why this mediator may not mediate between these parties, if so.
   *
   * @param parties the parties of a case
   * @return the reason (naming the party id), or empty if there is no conflict of interest
   */
  public Optional<String> conflictWith(java.util.List<DisputeParty> parties) {
    for (DisputeParty p : parties) {
      if (p.id().equals(id)) {
        return Optional.of("is party " + p.id() + " to the case");
      }
      if (p.actsFor(id)) {
        return Optional.of("acts for party " + p.id());
      }
      if (affiliation.isPresent() && affiliation.get().value().equals(p.id())) {
        return Optional.of("belongs to member " + p.id() + ", a party to the case");
      }
    }
    return Optional.empty();
  }
}

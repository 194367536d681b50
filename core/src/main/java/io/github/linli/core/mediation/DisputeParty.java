package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Set;
import java.util.TreeSet;

/**
 * A party to a dispute (当事方), by opaque id: a resident by their {@link ResidentId}, an
 * organisation by its {@link MemberId} (or, for a property company or committee that is not an
 * alliance member, another opaque id). {@link #representatives()} are the actor ids that act for
 * it: for a resident the resident's own id; for an organisation the people it sends (its
 * representatives in the alliance). Only they accept or decline an agreement, or reopen a closed
 * case, for the party, and none of them may mediate the case.
 *
 * <p>Immutable and thread-safe. Holds no personal data (ids only).
 *
 * @param id the party's opaque id (a resident id, a member id)
 * @param kind what kind of party it is
 * @param representatives the actor ids that act for it, at least one; for a resident exactly its id
 * @since 0.3.0
 */
public record DisputeParty(String id, PartyKind kind, Set<String> representatives) {
  /**
   * Creates the value, checking and copying the components.
   *
   * @param id the party's opaque id (a resident id, a member id)
   * @param kind what kind of party it is
   * @param representatives the actor ids that act for it, at least one; for a resident exactly its id
   * @throws ValidationException if an id is not an id, an organisation has no representative or a
   *     resident is represented by anyone but themself
   */
  public DisputeParty {
    Checks.id("party.id", id);
    checkNotNull(kind, "kind");
    Checks.noNulls("representatives", checkNotNull(representatives, "representatives"));
    Set<String> reps = new TreeSet<>();
    for (String r : representatives) {
      reps.add(Checks.id("party.representatives", r));
    }
    if (reps.isEmpty()) {
      throw new ValidationException("party.representatives", id, "must name at least one actor who acts for the party");
    }
    if (kind == PartyKind.RESIDENT && !reps.equals(Set.of(id))) {
      throw new ValidationException("party.representatives", id, "a resident party acts for themself only");
    }
    representatives = java.util.Collections.unmodifiableSet(reps);
  }

  /**
   * A resident party, who acts for themself.
   *
   * @param resident the resident's id
   * @return the party
   */
  public static DisputeParty resident(ResidentId resident) {
    checkNotNull(resident, "resident");
    return new DisputeParty(resident.value(), PartyKind.RESIDENT, Set.of(resident.value()));
  }

  /**
   * An organisation party: a member unit, merchant, property company or residents' committee.
   *
   * @param kind the kind, not {@link PartyKind#RESIDENT}
   * @param member its member id
   * @param representatives the actor ids that act for it, at least one
   * @return the party
   * @throws ValidationException if the kind is {@code RESIDENT} or no representative is given
   */
  public static DisputeParty organisation(PartyKind kind, MemberId member, String... representatives) {
    checkNotNull(kind, "kind");
    checkNotNull(member, "member");
    if (kind == PartyKind.RESIDENT) {
      throw new ValidationException("party.kind", kind, "use DisputeParty.resident for a resident");
    }
    return new DisputeParty(member.value(), kind, Set.of(checkNotNull(representatives, "representatives")));
  }

  /**
   * Whether an actor id acts for this party.
   *
   * @param actorId the actor id
   * @return true if it is one of the representatives
   */
  public boolean actsFor(String actorId) {
    return representatives.contains(actorId);
  }
}

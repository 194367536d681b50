package io.github.linli.core.alliance;

import io.github.linli.core.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything an {@link Alliance} holds, as one immutable value: taken with {@link
 * Alliance#snapshot()} and turned back into an equal alliance with {@link
 * Alliance#restore(AllianceSnapshot, java.time.Clock)}. A portal stores it (in its database, as it
 * likes) so that the alliance survives a restart.
 *
 * <p>What it holds: the alliance's id and its role configuration, the members in order of
 * registration, the full membership history, the enacted resolution ids, the pledges in order of
 * registration, the cards as they are now in order of issue, and every delivery in order. Statuses,
 * followers, a resident's live card and delivered units per day are derived from these on restore.
 *
 * <p><b>Personal data.</b> The members' contacts and the cards' birth dates, household flags and
 * areas are inside ({@link Member#contact()}, {@link BenefitCard#birthDate()} …): store a snapshot
 * as carefully as the portal's database, and after {@link Alliance#erasePersonalData} or {@link
 * Alliance#eraseContact} replace the stored snapshot (and its backups) with a new one. {@code
 * toString()} shows counts only.
 *
 * <p>Immutable and thread-safe. Built by {@link Alliance#snapshot()}, or with {@link #builder()}
 * from a portal's stored rows; {@link Alliance#restore} checks that the parts fit together.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class AllianceSnapshot {
  AllianceSnapshot() {}

  /**
   * The alliance's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The roles allowed to take each membership action (an entry for every {@link
   * MembershipAction}; an empty set means only a resolution may).
   *
   * @return the role configuration
   */
  public abstract Map<MembershipAction, Set<Role>> roles();

  /**
   * The members, in order of registration (a sub-unit after its parent), as they are now.
   *
   * @return the members (their contacts are personal data)
   */
  public abstract List<Member> members();

  /**
   * Every membership event, in order of sequence.
   *
   * @return the history
   */
  public abstract List<MembershipEvent> events();

  /**
   * The ids of the resolutions enacted in the alliance.
   *
   * @return the resolution ids
   */
  public abstract Set<String> enactedResolutions();

  /**
   * The pledges, in order of registration.
   *
   * @return the pledges
   */
  public abstract List<Pledge> pledges();

  /**
   * The benefit cards as they are now, in order of issue.
   *
   * @return the cards (their birth dates, household flags and areas are personal data)
   */
  public abstract List<BenefitCard> cards();

  /**
   * Every delivery (card uses and units recorded without a card), in order.
   *
   * @return the deliveries
   */
  public abstract List<Delivery> deliveries();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The id and the counts; never personal data.
   *
   * @return for example {@code AllianceSnapshot{club: 3 members, 7 events, 1 enacted, 2 pledges, 4
   *     cards, 9 deliveries}}
   */
  @Override
  public String toString() {
    return "AllianceSnapshot{" + id() + ": " + members().size() + " members, " + events().size() + " events, "
        + enactedResolutions().size() + " enacted, " + pledges().size() + " pledges, " + cards().size() + " cards, "
        + deliveries().size() + " deliveries}";
  }

  /** Builds an {@link AllianceSnapshot}. Not thread-safe. */
  public static final class Builder extends ImmutableAllianceSnapshot.Builder {
    Builder() {}
  }
}

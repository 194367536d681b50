package io.github.linli.core.alliance;

import io.github.linli.core.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything an {@link Alliance} holds, as one immutable value: the alliance's <b>import and export
 * format</b>, taken with {@link Alliance#snapshot()} and imported with {@link
 * Alliance#restore(AllianceSnapshot, java.time.Clock)} (or into a lasting store with {@link
 * Alliance#restore(AllianceSnapshot, java.time.Clock, io.github.linli.core.store.EventStore,
 * io.github.linli.core.privacy.PersonalDataStore)}). Use it to move an alliance between systems, to
 * archive it, or in tests; as one JSON document with {@link #toJson()} and {@link #fromJson(String)}.
 * It is not how an alliance is kept across restarts: an alliance keeps its events in an event store
 * ({@link Alliance#open}), a command at a time.
 *
 * <p>What it holds: the alliance's id and its role configuration, the members in order of
 * registration, the full membership history, the enacted resolution ids, the pledges in order of
 * registration, the cards as they are now in order of issue, and every delivery in order. Statuses,
 * followers, a resident's live card and delivered units per day are derived from these on restore.
 *
 * <p><b>Personal data.</b> The members' contacts and the cards' birth dates, household flags and
 * areas are inside ({@link Member#contact()}, {@link BenefitCard#birthDate()} …), read from the
 * alliance's personal-data store: keep an exported snapshot as carefully as that store, and after
 * {@link Alliance#erasePersonalData} or {@link Alliance#eraseContact} replace any exported copy. {@code
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
   * This snapshot as a JSON document, to store as one {@code text} or {@code jsonb} value: format
   * {@code "linli.alliance-snapshot"}, version 1. Every field of every part is written, under the
   * name of its accessor: enums by name, instants and dates in ISO-8601 ({@code
   * 2026-11-24T01:00:00Z}, {@code 2026-11-24}), integers as they are, an absent optional as {@code
   * null}; sets sorted, the role map by action name; text as it is (Chinese and emoji unescaped;
   * quotes, backslashes, control characters and unpaired surrogates escaped). The same snapshot
   * always gives the same string. {@link #fromJson(String)} reads it back to an equal snapshot.
   *
   * <p>The document holds personal data (the members' contacts, the cards' birth dates, household
   * flags and areas): store it encrypted at rest, and after {@link Alliance#erasePersonalData} or
   * {@link Alliance#eraseContact} replace it (and its backups) with the JSON of a new snapshot.
   *
   * <p>Linear in the size of the snapshot.
   *
   * @return the JSON document, ending with a line break
   * @since 0.1.0
   */
  public String toJson() {
    return SnapshotJson.write(this);
  }

  /**
   * Reads a snapshot back from {@link #toJson()}'s JSON. Strict: the text must be JSON (RFC 8259,
   * without a byte-order mark) whose top level is an object with format {@code
   * "linli.alliance-snapshot"} and version 1 and exactly the fields of the format, each of its
   * type; anything else is refused. Field order and white space do not matter, so a document
   * stored as {@code jsonb} (which reorders fields) reads back equal.
   *
   * <p>Limits, for text from outside: at most 32 Mi characters (about 300,000 deliveries or 140,000
   * events) and 4 Mi values, objects and arrays nested at most 16 deep (the format needs 5), numbers
   * at most 40 characters; work and memory are linear in the length of the text. The snapshot's parts are checked as their builders check them; that they fit together
   * is checked by {@link Alliance#restore}, as for any snapshot.
   *
   * @param json the document
   * @return the snapshot
   * @throws io.github.linli.core.ValidationException naming the JSON path of the problem (for
   *     example {@code members[3].contact.phone} or {@code $} for the document), if the text is not
   *     such a document, is malformed, has data after its end, or exceeds a limit; its message never
   *     shows the document's text, nor the value of a personal field (a contact, a birth date, a
   *     household flag, an area), nor a field name outside the format
   * @since 0.1.0
   */
  public static AllianceSnapshot fromJson(String json) {
    return SnapshotJson.read(json);
  }

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

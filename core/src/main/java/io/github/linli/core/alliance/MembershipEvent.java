package io.github.linli.core.alliance;

import io.github.linli.core.MemberId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One change of a member's status: an immutable entry of the membership history, with who made
 * it, on what authority, and when (from the alliance's injected clock).
 *
 * <p>Immutable and thread-safe. Created by the {@link Alliance}; {@link #builder()} is for a portal that
 * rebuilds an {@link AllianceSnapshot} from its stored events ({@link Alliance#restore} checks them).
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class MembershipEvent {
  MembershipEvent() {}

  /**
   * The position of this event in the alliance's history, from 1.
   *
   * @return the sequence number
   */
  public abstract long sequence();

  /**
   * The member whose status changed.
   *
   * @return the member id
   */
  public abstract MemberId member();

  /**
   * The action taken.
   *
   * @return the action
   */
  public abstract MembershipAction action();

  /**
   * The status before, empty for the first event of a member.
   *
   * @return the previous status
   */
  public abstract Optional<MemberStatus> from();

  /**
   * The status after.
   *
   * @return the new status
   */
  public abstract MemberStatus to();

  /**
   * The id of the actor who made or recorded the change.
   *
   * @return the actor id
   */
  public abstract String actorId();

  /**
   * The authority: {@code "role ALLIANCE_ADMIN"} for an actor's role, or {@code "resolution
   * <id>"} for a joint-meeting resolution.
   *
   * @return the basis of authority
   */
  public abstract String authority();

  /**
   * The resolution that authorised the change, if one did.
   *
   * @return the resolution id
   */
  public abstract Optional<String> resolutionId();

  /**
   * For a sub-unit that follows its parent: the parent whose change this event inherits.
   *
   * @return the parent id, if inherited
   */
  public abstract Optional<MemberId> inheritedFrom();

  /**
   * When the change was made.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * A new builder, for rebuilding an {@link AllianceSnapshot} from stored events.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MembershipEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableMembershipEvent.Builder {
    Builder() {}
  }
}

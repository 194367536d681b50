package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The profile of an alliance member (成员单位): id, kind, public name, community, the actors who
 * represent it, its contact (personal data, redacted) and, for a sub-unit such as a company's
 * branch, its parent. The member's status is not part of the profile: it lives in the {@link
 * Alliance}, derived from the member's {@link MembershipEvent}s.
 *
 * <p><b>Sub-units.</b> A member with a {@link #parent()} and {@link #followsParent()} set has no
 * lifecycle of its own: its status is always its parent's, and every change of the parent is
 * recorded for it too (an inherited membership, as in CiviCRM). A sub-unit that does not follow its
 * parent is an ordinary member that happens to belong to the parent organisation.
 *
 * <p>Immutable and thread-safe. Example: {@code Member.builder().id(MemberId.of("m-1"))
 * .kind(MemberKind.MERCHANT).name(Label.of("惠民药房", "Huimin Pharmacy")).community("lishan").build()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Member {
  Member() {}

  /**
   * The member's id.
   *
   * @return the id
   */
  public abstract MemberId id();

  /**
   * The kind of member.
   *
   * @return the kind
   */
  public abstract MemberKind kind();

  /**
   * The organisation's public name in Chinese and English. For an individual resident volunteer,
   * use a public alias: the person's real name belongs in the {@link #contact()}.
   *
   * @return the name
   */
  public abstract Label name();

  /**
   * The community (社区) the member serves, as an opaque id such as {@code lishan}.
   *
   * @return the community id
   */
  public abstract String community();

  /**
   * The ids of the actors who represent this member: an actor holding {@code
   * MEMBER_REPRESENTATIVE} acts for this member only if its id is listed here.
   *
   * @return the actor ids
   */
  public abstract Set<String> representatives();

  /**
   * The contact person (personal data, redacted from {@code toString()}).
   *
   * @return the contact, if given
   */
  @Value.Redacted
  public abstract Optional<Contact> contact();

  /**
   * The parent organisation, for a sub-unit.
   *
   * @return the parent id, if a sub-unit
   */
  public abstract Optional<MemberId> parent();

  /**
   * Whether this sub-unit's membership follows its parent's (inherited membership). Only
   * meaningful with a {@link #parent()}.
   *
   * @return true if the status is inherited
   */
  @Value.Default
  public boolean followsParent() {
    return false;
  }

  Member withoutContact() {
    return ImmutableMember.builder().from(this).contact(Optional.empty()).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("member.community", community());
    for (String r : representatives()) {
      Checks.id("member.representatives", r);
    }
    if (followsParent() && parent().isEmpty()) {
      throw new ValidationException("member.followsParent", true, "a member without a parent cannot follow one");
    }
    if (parent().isPresent() && parent().get().equals(id())) {
      throw new ValidationException("member.parent", parent().get(), "a member cannot be its own parent");
    }
  }

  /** Builds a {@link Member}. Not thread-safe. */
  public static final class Builder extends ImmutableMember.Builder {
    Builder() {}
  }
}

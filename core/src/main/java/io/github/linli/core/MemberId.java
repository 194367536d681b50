package io.github.linli.core;

import io.github.linli.core.internal.Checks;

/**
 * The opaque id of an alliance member: a member unit, merchant, social organisation, committee or
 * resident volunteer.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MemberId extends OpaqueId<MemberId> {
  private MemberId(String value) {
    super(value);
  }

  /**
   * Creates an id.
   *
   * @param value an opaque, non-blank id of at most 128 characters
   * @return the id
   * @throws ValidationException if {@code value} is not a valid id
   */
  public static MemberId of(String value) {
    return new MemberId(Checks.id("memberId", value));
  }
}

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
public final class MemberId implements Comparable<MemberId> {
  private final String value;

  private MemberId(String value) {
    this.value = value;
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

  /**
   * The id text.
   *
   * @return the id
   */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(MemberId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberId && ((MemberId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}

package io.github.linli.core;

import io.github.linli.core.internal.Checks;

/**
 * The opaque id of a resident. Residents are known to Linli by this id only; names, phone numbers
 * and household facts live elsewhere, in values marked as personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResidentId implements Comparable<ResidentId> {
  private final String value;

  private ResidentId(String value) {
    this.value = value;
  }

  /**
   * Creates an id.
   *
   * @param value an opaque, non-blank id of at most 128 characters
   * @return the id
   * @throws ValidationException if {@code value} is not a valid id
   */
  public static ResidentId of(String value) {
    return new ResidentId(Checks.id("residentId", value));
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
  public int compareTo(ResidentId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentId && ((ResidentId) o).value.equals(value);
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

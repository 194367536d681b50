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
public final class ResidentId extends OpaqueId<ResidentId> {
  private ResidentId(String value) {
    super(value);
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
}

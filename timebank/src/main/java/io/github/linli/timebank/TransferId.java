package io.github.linli.timebank;

import io.github.linli.core.OpaqueId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;

/**
 * The opaque, client-chosen id of a transfer: non-blank, at most 128 characters, no control characters
 * and no surrounding white space.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TransferId extends OpaqueId<TransferId> {
  private TransferId(String value) {
    super(value);
  }

  /**
   * Creates an id.
   *
   * @param value the id text
   * @return the id
   * @throws ValidationException if {@code value} is null, blank, too long or has control characters
   */
  public static TransferId of(String value) {
    return new TransferId(Checks.id("transferId", value));
  }
}

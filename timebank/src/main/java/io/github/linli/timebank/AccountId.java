package io.github.linli.timebank;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;

/**
 * The opaque, client-chosen id of a account: non-blank, at most 128 characters, no control characters
 * and no surrounding white space.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AccountId implements Comparable<AccountId> {
  private final String value;

  private AccountId(String value) {
    this.value = value;
  }

  /**
   * Creates an id.
   *
   * @param value the id text
   * @return the id
   * @throws ValidationException if {@code value} is null, blank, too long or has control characters
   */
  public static AccountId of(String value) {
    return new AccountId(Checks.id("accountId", value));
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
  public int compareTo(AccountId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountId && (((AccountId) o).value.equals(value));
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

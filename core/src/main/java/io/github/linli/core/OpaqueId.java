package io.github.linli.core;

/**
 * The base of Linli's opaque string ids ({@link ResidentId}, {@link MemberId}, the time bank's
 * account, transfer and ledger ids): a checked, non-blank value of at most 128 characters without
 * control characters, compared by text. Two ids are equal when they are of the same class and
 * have the same text; {@code toString()} is the text.
 *
 * <p>Immutable and thread-safe. Subclasses are final, validate the text in a static factory and
 * pass it to {@link #OpaqueId(String)}.
 *
 * @param <T> the id type itself
 * @since 0.1.0
 */
public abstract class OpaqueId<T extends OpaqueId<T>> implements Comparable<T> {
  private final String value;

  /**
   * Creates an id from an already checked text.
   *
   * @param value the text
   */
  protected OpaqueId(String value) {
    this.value = value;
  }

  /**
   * The id text.
   *
   * @return the id
   */
  public final String value() {
    return value;
  }

  @Override
  public final int compareTo(T o) {
    return value.compareTo(o.value());
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((OpaqueId<?>) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** Returns the id text. */
  @Override
  public final String toString() {
    return value;
  }
}

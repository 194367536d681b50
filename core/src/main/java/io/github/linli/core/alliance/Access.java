package io.github.linli.core.alliance;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "does this card open this pledge?": granted, or refused with the {@link Refusal}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Access {
  private static final Access GRANTED = new Access(null);

  private final Refusal refusal;

  private Access(Refusal refusal) {
    this.refusal = refusal;
  }

  static Access granted() {
    return GRANTED;
  }

  static Access refused(Refusal refusal) {
    return new Access(Objects.requireNonNull(refusal, "refusal"));
  }

  /**
   * Whether the card opens the pledge.
   *
   * @return true if granted
   */
  public boolean opens() {
    return refusal == null;
  }

  /**
   * Why not, when refused.
   *
   * @return the refusal, empty when granted
   */
  public Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Access && ((Access) o).refusal == refusal;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(refusal);
  }

  /** Returns {@code opens} or {@code refused: <reason>}. */
  @Override
  public String toString() {
    return refusal == null ? "opens" : "refused: " + refusal + " (" + refusal.label() + ")";
  }
}

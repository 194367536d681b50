package io.github.linli.core.privacy;

import io.github.linli.core.ResidentId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the {@link AccessLog}: who read, wrote or erased which kind of whose personal data,
 * why, when, and whether it was allowed. Holds no personal value, only ids.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class AccessRecord {
  AccessRecord() {}

  /** What was done. */
  public enum Operation {
    /** A plain-text read. */
    READ,
    /** A value was stored or replaced. */
    WRITE,
    /** All of a resident's values were erased. */
    ERASE
  }

  /**
   * When it happened.
   *
   * @return the instant, from the store's clock
   */
  public abstract Instant at();

  /**
   * The id of the actor.
   *
   * @return the actor id
   */
  public abstract String actorId();

  /**
   * Whose data.
   *
   * @return the resident id
   */
  public abstract ResidentId subject();

  /**
   * What was done.
   *
   * @return the operation
   */
  public abstract Operation operation();

  /**
   * The kind of data; empty for an {@link Operation#ERASE} of everything.
   *
   * @return the kind
   */
  public abstract Optional<PersonalDataKind> kind();

  /**
   * The stated purpose, for reads; {@link Purpose#SUBJECT_ACCESS} stands for the resident's own
   * writes and erasures.
   *
   * @return the purpose
   */
  public abstract Purpose purpose();

  /**
   * Whether the operation was allowed (refusals are recorded too).
   *
   * @return true if allowed
   */
  public abstract boolean allowed();

  static AccessRecord of(
      Instant at, String actorId, ResidentId subject, Operation op, PersonalDataKind kind, Purpose purpose, boolean allowed) {
    return ImmutableAccessRecord.builder()
        .at(at)
        .actorId(actorId)
        .subject(subject)
        .operation(op)
        .kind(Optional.ofNullable(kind))
        .purpose(purpose)
        .allowed(allowed)
        .build();
  }
}

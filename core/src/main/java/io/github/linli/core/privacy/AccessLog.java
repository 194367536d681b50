package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ResidentId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where every access to personal data is recorded. A portal implements it over its own audit
 * store; {@link #inMemory()} keeps records in memory.
 *
 * <p>Implementations must be thread-safe. {@link #append} must not fail silently: if a record
 * cannot be stored, it throws, and the access it describes does not happen.
 *
 * @since 0.1.0
 */
public interface AccessLog {
  /**
   * Stores a record.
   *
   * @param record the record
   */
  void append(AccessRecord record);

  /**
   * All records, oldest first.
   *
   * @return an unmodifiable snapshot
   */
  List<AccessRecord> records();

  /**
   * The records about one resident, oldest first: what PIPL art. 45 lets a resident ask for.
   *
   * @param subject the resident
   * @return an unmodifiable snapshot
   */
  default List<AccessRecord> about(ResidentId subject) {
    checkNotNull(subject, "subject");
    return records().stream().filter(r -> r.subject().equals(subject)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The records of one actor's accesses, oldest first.
   *
   * @param actorId the actor id
   * @return an unmodifiable snapshot
   */
  default List<AccessRecord> by(String actorId) {
    checkNotNull(actorId, "actorId");
    return records().stream().filter(r -> r.actorId().equals(actorId)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * A new, empty in-memory log.
   *
   * @return the log
   */
  static AccessLog inMemory() {
    return new AccessLog() {
      private final List<AccessRecord> records = new ArrayList<>();

      @Override
      public synchronized void append(AccessRecord record) {
        records.add(checkNotNull(record, "record"));
      }

      @Override
      public synchronized List<AccessRecord> records() {
        return List.copyOf(records);
      }

      @Override
      public String toString() {
        return "AccessLog.inMemory";
      }
    };
  }
}

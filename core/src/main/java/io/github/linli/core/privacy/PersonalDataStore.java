package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.ValidationException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Residents' personal data, kept apart from everything else Linli stores, protected by a {@link
 * Protector}, read only for a stated {@link Purpose} that the {@link AccessPolicy} allows, every
 * access recorded in an {@link AccessLog}, and erased on request.
 *
 * <p>Who may write a value: the resident themself (an actor whose id is the resident's id), or a
 * {@code COORDINATOR}, {@code RESIDENTS_COMMITTEE} or {@code ALLIANCE_ADMIN}. Who may erase: the
 * resident themself, {@code RESIDENTS_COMMITTEE} or {@code ALLIANCE_ADMIN}. Refusals throw {@link
 * PermissionDeniedException}, are recorded, and change nothing else.
 *
 * <p>Implementations are thread-safe. Operations take time proportional to the value's length.
 *
 * @since 0.1.0
 */
public interface PersonalDataStore {
  /** Longest value accepted, in characters. */
  int MAX_VALUE_LENGTH = 4096;

  /**
   * An in-memory store with the standard policy, values kept as they are, and a fresh in-memory
   * access log.
   *
   * @param clock the clock that stamps access records
   * @return the store
   */
  static PersonalDataStore inMemory(Clock clock) {
    return builder().clock(clock).build();
  }

  /**
   * A store in a database (PostgreSQL or H2; tables {@code linli_personal_value} and {@code
   * linli_personal_access}, created by the event store's migrations), for one tenant (community):
   * every value is protected by the protector before it reaches the database, every access,
   * refusal and erasure is recorded in the database in the same transaction as its effect, and
   * erasure deletes the resident's rows. Several servers may share it.
   *
   * <p>The migrations must have been applied ({@link io.github.linli.core.store.Migrations#apply},
   * or by opening {@link io.github.linli.core.store.EventStores#jdbc(DataSource)} first).
   *
   * @param dataSource the database
   * @param tenant the community whose residents' data it keeps
   * @param protector how values are protected at rest: {@link Protector#aesGcm} or the portal's
   *     own; {@link Protector#inMemoryOnly()} is refused, as it would keep values in clear
   * @param clock the clock that stamps access records (truncated to microseconds, what PostgreSQL
   *     keeps)
   * @return the store, with the standard access policy
   * @throws ValidationException if an argument is missing, the tenant is not an id, or the
   *     protector keeps values in clear
   * @since 0.2.0
   */
  static PersonalDataStore jdbc(DataSource dataSource, String tenant, Protector protector, Clock clock) {
    return jdbc(dataSource, tenant, protector, clock, AccessPolicy.standard());
  }

  /**
   * A store in a database with a chosen access policy; see {@link #jdbc(DataSource, String,
   * Protector, Clock)}.
   *
   * @param dataSource the database
   * @param tenant the community
   * @param protector how values are protected at rest (not {@link Protector#inMemoryOnly()})
   * @param clock the clock that stamps access records
   * @param policy the access policy
   * @return the store
   * @throws ValidationException if an argument is missing or not acceptable
   * @since 0.2.0
   */
  static PersonalDataStore jdbc(DataSource dataSource, String tenant, Protector protector, Clock clock, AccessPolicy policy) {
    if (dataSource == null) {
      throw new ValidationException("dataSource", null, "must not be null");
    }
    io.github.linli.core.internal.Checks.id("tenant", tenant);
    if (protector == null || clock == null || policy == null) {
      throw new ValidationException(protector == null ? "protector" : clock == null ? "clock" : "policy", null, "must not be null");
    }
    if (protector.protect(ResidentId.of("probe"), PersonalDataKind.NAME, "probe").equals("probe")) {
      throw new ValidationException("protector", protector, "keeps values in clear: use Protector.aesGcm(key) or the portal's own");
    }
    return new JdbcPersonalDataStore(dataSource, tenant, protector, policy, clock);
  }

  /**
   * A builder for a store with a chosen protector, policy and log.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Stores or replaces a value.
   *
   * @param actor who writes
   * @param subject whose value
   * @param kind its kind
   * @param value the plain value: non-blank, at most {@link #MAX_VALUE_LENGTH} characters
   * @throws PermissionDeniedException if the actor may not write it
   * @throws ValidationException if the value is blank or too long
   */
  void put(Actor actor, ResidentId subject, PersonalDataKind kind, String value);

  /**
   * Reads a value in plain text for a purpose, recording the read.
   *
   * @param actor who reads
   * @param subject whose value
   * @param kind its kind
   * @param purpose why
   * @return the value, or empty if none is held
   * @throws PermissionDeniedException if the policy does not allow it (the refusal is recorded)
   */
  Optional<String> read(Actor actor, ResidentId subject, PersonalDataKind kind, Purpose purpose);

  /**
   * The masked form of a value ({@link PersonalDataKind#mask}), which anyone may see.
   *
   * @param subject whose value
   * @param kind its kind
   * @return the masked value, or empty if none is held
   */
  Optional<String> masked(ResidentId subject, PersonalDataKind kind);

  /**
   * The kinds held for a resident.
   *
   * @param subject the resident
   * @return an unmodifiable set
   */
  Set<PersonalDataKind> kindsHeld(ResidentId subject);

  /**
   * Erases every value of a resident (PIPL art. 47). Records elsewhere in Linli refer to the
   * resident by id only, so they stay valid.
   *
   * @param actor who erases
   * @param subject the resident
   * @return how many values were erased
   * @throws PermissionDeniedException if the actor may not erase
   */
  int erase(Actor actor, ResidentId subject);

  /**
   * The access log this store writes to.
   *
   * @return the log
   */
  AccessLog accessLog();

  /** Builds a {@link PersonalDataStore}. Not thread-safe. */
  final class Builder {
    private Clock clock = Clock.systemUTC();
    private Protector protector = Protector.inMemoryOnly();
    private AccessPolicy policy = AccessPolicy.standard();
    private AccessLog log;

    Builder() {}

    /**
     * The clock that stamps records (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * The protector (default: {@link Protector#inMemoryOnly()}).
     *
     * @param protector the protector
     * @return this builder
     */
    public Builder protector(Protector protector) {
      this.protector = checkNotNull(protector, "protector");
      return this;
    }

    /**
     * The access policy (default: {@link AccessPolicy#standard()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(AccessPolicy policy) {
      this.policy = checkNotNull(policy, "policy");
      return this;
    }

    /**
     * The access log (default: a new {@link AccessLog#inMemory()}).
     *
     * @param log the log
     * @return this builder
     */
    public Builder accessLog(AccessLog log) {
      this.log = checkNotNull(log, "log");
      return this;
    }

    /**
     * Builds the store.
     *
     * @return the store
     */
    public PersonalDataStore build() {
      return new InMemoryPersonalDataStore(clock, protector, policy, log == null ? AccessLog.inMemory() : log);
    }
  }
}

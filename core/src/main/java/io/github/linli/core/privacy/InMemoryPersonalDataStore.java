package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The in-memory {@link PersonalDataStore}; all methods synchronise on the store. */
final class InMemoryPersonalDataStore implements PersonalDataStore {
  private static final Set<Role> WRITERS = EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);
  private static final Set<Role> ERASERS = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);

  private final Clock clock;
  private final Protector protector;
  private final AccessPolicy policy;
  private final AccessLog log;
  private final Map<ResidentId, EnumMap<PersonalDataKind, String>> values = new HashMap<>();

  InMemoryPersonalDataStore(Clock clock, Protector protector, AccessPolicy policy, AccessLog log) {
    this.clock = clock;
    this.protector = protector;
    this.policy = policy;
    this.log = log;
  }

  @Override
  public synchronized void put(Actor actor, ResidentId subject, PersonalDataKind kind, String value) {
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    checkNotNull(value, "value");
    if (value.isBlank()) {
      throw new ValidationException("personalData." + kind, "(blank)", "must not be blank");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new ValidationException("personalData." + kind, "(" + value.length() + " characters)", "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    boolean self = actor.id().equals(subject.value());
    boolean allowed = self || actor.hasAny(WRITERS);
    record(actor, subject, AccessRecord.Operation.WRITE, kind, Purpose.SUBJECT_ACCESS, allowed);
    if (!allowed) {
      throw new PermissionDeniedException(actor, "personal-data.write", "only the resident or " + WRITERS + " may write personal data");
    }
    String stored = protector.protect(subject, kind, value);
    values.computeIfAbsent(subject, s -> new EnumMap<>(PersonalDataKind.class)).put(kind, stored);
  }

  @Override
  public synchronized Optional<String> read(Actor actor, ResidentId subject, PersonalDataKind kind, Purpose purpose) {
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    checkNotNull(purpose, "purpose");
    boolean allowed = policy.allows(actor, subject, kind, purpose);
    record(actor, subject, AccessRecord.Operation.READ, kind, purpose, allowed);
    if (!allowed) {
      throw new PermissionDeniedException(actor, "personal-data.read", "the access policy does not allow reading " + kind + " for " + purpose);
    }
    return stored(subject, kind).map(s -> protector.reveal(subject, kind, s));
  }

  @Override
  public synchronized Optional<String> masked(ResidentId subject, PersonalDataKind kind) {
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    return stored(subject, kind).map(s -> kind.mask(protector.reveal(subject, kind, s)));
  }

  @Override
  public synchronized Set<PersonalDataKind> kindsHeld(ResidentId subject) {
    checkNotNull(subject, "subject");
    EnumMap<PersonalDataKind, String> m = values.get(subject);
    return m == null ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(m.keySet()));
  }

  @Override
  public synchronized int erase(Actor actor, ResidentId subject) {
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    boolean allowed = actor.id().equals(subject.value()) || actor.hasAny(ERASERS);
    record(actor, subject, AccessRecord.Operation.ERASE, null, Purpose.SUBJECT_ACCESS, allowed);
    if (!allowed) {
      throw new PermissionDeniedException(actor, "personal-data.erase", "only the resident or " + ERASERS + " may erase personal data");
    }
    EnumMap<PersonalDataKind, String> removed = values.remove(subject);
    return removed == null ? 0 : removed.size();
  }

  @Override
  public AccessLog accessLog() {
    return log;
  }

  private Optional<String> stored(ResidentId subject, PersonalDataKind kind) {
    EnumMap<PersonalDataKind, String> m = values.get(subject);
    return Optional.ofNullable(m == null ? null : m.get(kind));
  }

  private void record(Actor actor, ResidentId subject, AccessRecord.Operation op, PersonalDataKind kind, Purpose purpose, boolean allowed) {
    log.append(AccessRecord.of(clock.instant(), actor.id(), subject, op, kind, purpose, allowed));
  }

  @Override
  public synchronized String toString() {
    return "PersonalDataStore{residents=" + values.size() + ", protector=" + protector + "}";
  }
}

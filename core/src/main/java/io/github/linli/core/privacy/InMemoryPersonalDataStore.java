package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.internal.records.RecordKeeper;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory {@link PersonalDataStore}; all methods synchronise on the store. Values are held per
 * resident and record ({@link RecordKeeper#OWN} for the resident's own values).
 */
final class InMemoryPersonalDataStore implements PersonalDataStore, RecordKeeper {
  private final Clock clock;
  private final Protector protector;
  private final AccessPolicy policy;
  private final AccessLog log;
  private final Map<ResidentId, Map<String, EnumMap<PersonalDataKind, String>>> values = new HashMap<>();

  InMemoryPersonalDataStore(Clock clock, Protector protector, AccessPolicy policy, AccessLog log) {
    this.clock = clock;
    this.protector = protector;
    this.policy = policy;
    this.log = log;
  }

  @Override
  public synchronized void put(Actor actor, ResidentId subject, PersonalDataKind kind, String value) {
    boolean allowed = Rules.checkPut(actor, subject, kind, value);
    record(actor.id(), subject, AccessRecord.Operation.WRITE, kind, Purpose.SUBJECT_ACCESS, allowed);
    Rules.refusePut(actor, allowed);
    record(subject, OWN).put(kind, protector.protect(subject, kind, OWN, value));
  }

  @Override
  public synchronized Optional<String> read(Actor actor, ResidentId subject, PersonalDataKind kind, Purpose purpose) {
    Rules.checkRead(actor, subject, kind, purpose);
    boolean allowed = policy.allows(actor, subject, kind, purpose);
    record(actor.id(), subject, AccessRecord.Operation.READ, kind, purpose, allowed);
    Rules.refuseRead(actor, kind, purpose, allowed);
    return stored(subject, kind).map(s -> protector.reveal(subject, kind, OWN, s));
  }

  @Override
  public synchronized Optional<String> masked(ResidentId subject, PersonalDataKind kind) {
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    return stored(subject, kind).map(s -> kind.mask(protector.reveal(subject, kind, OWN, s)));
  }

  @Override
  public synchronized Set<PersonalDataKind> kindsHeld(ResidentId subject) {
    checkNotNull(subject, "subject");
    Map<String, EnumMap<PersonalDataKind, String>> m = values.get(subject);
    if (m == null) {
      return Set.of();
    }
    EnumSet<PersonalDataKind> kinds = EnumSet.noneOf(PersonalDataKind.class);
    m.values().forEach(r -> kinds.addAll(r.keySet()));
    return Collections.unmodifiableSet(kinds);
  }

  @Override
  public synchronized int erase(Actor actor, ResidentId subject) {
    boolean allowed = Rules.checkErase(actor, subject);
    record(actor.id(), subject, AccessRecord.Operation.ERASE, null, Purpose.SUBJECT_ACCESS, allowed);
    Rules.refuseErase(actor, allowed);
    Map<String, EnumMap<PersonalDataKind, String>> removed = values.remove(subject);
    return removed == null ? 0 : removed.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public AccessLog accessLog() {
    return log;
  }

  @Override
  public synchronized void keep(String actorId, ResidentId subject, String record, Map<String, String> plain) {
    Map<PersonalDataKind, String> checked = Rules.checkRecord(subject, record, plain);
    for (PersonalDataKind k : checked.keySet()) {
      record(actorId, subject, AccessRecord.Operation.WRITE, k, Purpose.SERVICE_DELIVERY, true);
    }
    EnumMap<PersonalDataKind, String> r = new EnumMap<>(PersonalDataKind.class);
    checked.forEach((k, v) -> r.put(k, protector.protect(subject, k, record, v)));
    Map<String, EnumMap<PersonalDataKind, String>> m = values.computeIfAbsent(subject, s -> new HashMap<>());
    if (r.isEmpty()) {
      m.remove(record);
    } else {
      m.put(record, r);
    }
  }

  @Override
  public synchronized Map<String, String> recall(String actorId, ResidentId subject, String record) {
    Map<String, EnumMap<PersonalDataKind, String>> m = values.get(subject);
    EnumMap<PersonalDataKind, String> r = m == null ? null : m.get(record);
    if (r == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<PersonalDataKind, String> e : r.entrySet()) {
      record(actorId, subject, AccessRecord.Operation.READ, e.getKey(), Purpose.SERVICE_DELIVERY, true);
      out.put(e.getKey().name(), protector.reveal(subject, e.getKey(), record, e.getValue()));
    }
    return out;
  }

  @Override
  public synchronized Recalled recall(Actor actor, ResidentId subject, String record, boolean subjectAccess) {
    Purpose purpose = subjectAccess ? Purpose.SUBJECT_ACCESS : Purpose.CASE_HANDLING;
    Map<String, EnumMap<PersonalDataKind, String>> m = values.get(subject);
    EnumMap<PersonalDataKind, String> r = m == null ? null : m.get(record);
    if (r == null) {
      return new Recalled(Map.of(), Set.of());
    }
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> withheld = new java.util.TreeSet<>();
    for (Map.Entry<PersonalDataKind, String> e : r.entrySet()) {
      boolean allowed = policy.allows(actor, subject, e.getKey(), purpose);
      record(actor.id(), subject, AccessRecord.Operation.READ, e.getKey(), purpose, allowed);
      if (allowed) {
        out.put(e.getKey().name(), protector.reveal(subject, e.getKey(), record, e.getValue()));
      } else {
        withheld.add(e.getKey().name());
      }
    }
    return new Recalled(out, withheld);
  }

  @Override
  public synchronized void forget(String actorId, ResidentId subject, String record) {
    Map<String, EnumMap<PersonalDataKind, String>> m = values.get(subject);
    if (m != null && m.remove(record) != null) {
      record(actorId, subject, AccessRecord.Operation.ERASE, null, Purpose.SERVICE_DELIVERY, true);
    }
  }

  private EnumMap<PersonalDataKind, String> record(ResidentId subject, String record) {
    return values.computeIfAbsent(subject, s -> new HashMap<>()).computeIfAbsent(record, r -> new EnumMap<>(PersonalDataKind.class));
  }

  private Optional<String> stored(ResidentId subject, PersonalDataKind kind) {
    Map<String, EnumMap<PersonalDataKind, String>> m = values.get(subject);
    EnumMap<PersonalDataKind, String> own = m == null ? null : m.get(OWN);
    return Optional.ofNullable(own == null ? null : own.get(kind));
  }

  private void record(String actorId, ResidentId subject, AccessRecord.Operation op, PersonalDataKind kind, Purpose purpose, boolean allowed) {
    log.append(AccessRecord.of(clock.instant(), actorId, subject, op, kind, purpose, allowed));
  }

  @Override
  public synchronized String toString() {
    return "PersonalDataStore{residents=" + values.size() + ", protector=" + protector + "}";
  }
}

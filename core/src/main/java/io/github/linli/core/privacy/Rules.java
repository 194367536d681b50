package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The checks every {@link PersonalDataStore} of Linli's makes, in one place. */
final class Rules {
  static final Set<Role> WRITERS = EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);
  static final Set<Role> ERASERS = EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN);

  private Rules() {}

  static boolean checkPut(Actor actor, ResidentId subject, PersonalDataKind kind, String value) {
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    checkNotNull(value, "value");
    checkValue(kind, value);
    return actor.id().equals(subject.value()) || actor.hasAny(WRITERS);
  }

  static void checkValue(PersonalDataKind kind, String value) {
    if (value.isBlank()) {
      throw new ValidationException("personalData." + kind, "(blank)", "must not be blank");
    }
    if (value.length() > PersonalDataStore.MAX_VALUE_LENGTH) {
      throw new ValidationException("personalData." + kind, "(" + value.length() + " characters)",
          "must be at most " + PersonalDataStore.MAX_VALUE_LENGTH + " characters");
    }
  }

  static void refusePut(Actor actor, boolean allowed) {
    if (!allowed) {
      throw new PermissionDeniedException(actor, "personal-data.write", "only the resident or " + WRITERS + " may write personal data");
    }
  }

  static void checkRead(Actor actor, ResidentId subject, PersonalDataKind kind, Purpose purpose) {
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    checkNotNull(purpose, "purpose");
  }

  static void refuseRead(Actor actor, PersonalDataKind kind, Purpose purpose, boolean allowed) {
    if (!allowed) {
      throw new PermissionDeniedException(actor, "personal-data.read", "the access policy does not allow reading " + kind + " for " + purpose);
    }
  }

  static boolean checkErase(Actor actor, ResidentId subject) {
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    return actor.id().equals(subject.value()) || actor.hasAny(ERASERS);
  }

  static void refuseErase(Actor actor, boolean allowed) {
    if (!allowed) {
      throw new PermissionDeniedException(actor, "personal-data.erase", "only the resident or " + ERASERS + " may erase personal data");
    }
  }

  /** A record's values by kind, checked; the record id must be an id other than the resident's own. */
  static Map<PersonalDataKind, String> checkRecord(ResidentId subject, String record, Map<String, String> values) {
    checkNotNull(subject, "subject");
    Checks.id("personalData.record", record);
    Map<PersonalDataKind, String> out = new EnumMap<>(PersonalDataKind.class);
    for (Map.Entry<String, String> e : values.entrySet()) {
      PersonalDataKind k = PersonalDataKind.valueOf(e.getKey());
      checkValue(k, checkNotNull(e.getValue(), "value"));
      out.put(k, e.getValue());
    }
    return out;
  }
}

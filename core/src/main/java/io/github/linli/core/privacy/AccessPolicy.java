package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides whether an actor may read a kind of personal data of a resident for a purpose.
 *
 * <p>The {@link #standard() standard policy}:
 *
 * <table>
 *   <caption>Standard access policy</caption>
 *   <tr><th>purpose</th><th>who</th><th>kinds</th></tr>
 *   <tr><td>SUBJECT_ACCESS</td><td>the resident themself</td><td>all</td></tr>
 *   <tr><td>SERVICE_DELIVERY</td><td>COORDINATOR, VOLUNTEER, MEMBER_REPRESENTATIVE</td>
 *       <td>name, phone, address, location</td></tr>
 *   <tr><td>CASE_HANDLING</td><td>COORDINATOR, RESIDENTS_COMMITTEE, SYSTEM</td>
 *       <td>need text, location, household flags</td></tr>
 *   <tr><td>CASE_HANDLING</td><td>VOLUNTEER, MEMBER_REPRESENTATIVE</td>
 *       <td>need text, location</td></tr>
 *   <tr><td>ELIGIBILITY_CHECK</td><td>COORDINATOR, RESIDENTS_COMMITTEE</td>
 *       <td>all but need text</td></tr>
 *   <tr><td>EMERGENCY_RESPONSE</td><td>COORDINATOR, RESIDENTS_COMMITTEE, PARTY_COMMITTEE</td>
 *       <td>all</td></tr>
 *   <tr><td>AUDIT</td><td>EVALUATOR</td><td>none in plain text (audits read the access log)</td></tr>
 * </table>
 *
 * <p>Implementations must be thread-safe and free of side effects.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessPolicy {
  /**
   * Whether the read is allowed.
   *
   * @param actor who reads
   * @param subject whose data
   * @param kind what kind
   * @param purpose why
   * @return true if allowed
   */
  boolean allows(Actor actor, ResidentId subject, PersonalDataKind kind, Purpose purpose);

  /**
   * The standard policy described above.
   *
   * @return the policy
   */
  static AccessPolicy standard() {
    return (actor, subject, kind, purpose) -> {
      checkNotNull(actor, "actor");
      checkNotNull(subject, "subject");
      checkNotNull(kind, "kind");
      checkNotNull(purpose, "purpose");
      switch (purpose) {
        case SUBJECT_ACCESS:
          return actor.id().equals(subject.value());
        case SERVICE_DELIVERY:
          return actor.hasAny(EnumSet.of(Role.COORDINATOR, Role.VOLUNTEER, Role.MEMBER_REPRESENTATIVE))
              && Set.of(PersonalDataKind.NAME, PersonalDataKind.PHONE, PersonalDataKind.ADDRESS, PersonalDataKind.LOCATION)
                  .contains(kind);
        case CASE_HANDLING:
          if (actor.hasAny(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.SYSTEM))) {
            return Set.of(PersonalDataKind.NEED_TEXT, PersonalDataKind.LOCATION, PersonalDataKind.HOUSEHOLD_FLAGS).contains(kind);
          }
          return actor.hasAny(EnumSet.of(Role.VOLUNTEER, Role.MEMBER_REPRESENTATIVE))
              && Set.of(PersonalDataKind.NEED_TEXT, PersonalDataKind.LOCATION).contains(kind);
        case ELIGIBILITY_CHECK:
          return actor.hasAny(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE))
              && kind != PersonalDataKind.NEED_TEXT;
        case EMERGENCY_RESPONSE:
          return actor.hasAny(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.PARTY_COMMITTEE));
        default:
          return false;
      }
    };
  }
}

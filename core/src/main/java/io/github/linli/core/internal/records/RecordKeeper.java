package io.github.linli.core.internal.records;

import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import java.util.Map;
import java.util.Set;

/**
 * The personal values of one record of a resident (the text, location and household flags of one
 * demand's submission), kept by a Linli personal-data store for an SDK component that has already
 * checked the actor may handle the record (the demand intake). Kinds are named by {@code
 * PersonalDataKind.name()}. Every call is recorded in the store's access log under the actor's id.
 * Not API.
 *
 * <p>Implementations are thread-safe.
 */
public interface RecordKeeper {
  /** The record id of a resident's own values (not of a record). */
  String OWN = "-";

  /**
   * Stores a record's values, replacing what the record held; each kind is logged as a write.
   *
   * @param actorId who stores them
   * @param subject whose values
   * @param record the record's opaque id
   * @param values kind name to plain value
   */
  void keep(String actorId, ResidentId subject, String record, Map<String, String> values);

  /**
   * A record's values, each kind held logged as a read for service delivery.
   *
   * @param actorId who reads them
   * @param subject whose values
   * @param record the record's opaque id
   * @return kind name to plain value; empty if none are held (never stored, or erased)
   */
  Map<String, String> recall(String actorId, ResidentId subject, String record);

  /**
   * What {@link #recall(Actor, ResidentId, String, boolean)} found.
   *
   * @param values kind name to plain value, the kinds the access policy let the actor read
   * @param withheld the kinds held that the policy did not let the actor read
   */
  record Recalled(Map<String, String> values, Set<String> withheld) {
    /** Copies. */
    public Recalled {
      values = Map.copyOf(values);
      withheld = Set.copyOf(withheld);
    }
  }

  /**
   * A record's values as the store's access policy lets this actor read them: for the purpose of
   * subject access when the actor is the resident, otherwise of handling the need or case ({@code
   * Purpose.CASE_HANDLING}). Every kind held is logged as a read, allowed or refused.
   *
   * @param actor who reads them
   * @param subject whose values
   * @param record the record's opaque id
   * @param subjectAccess whether the actor reads as the resident themself
   * @return the values allowed and the kinds withheld; both empty if none are held
   */
  Recalled recall(Actor actor, ResidentId subject, String record, boolean subjectAccess);

  /**
   * Deletes a record's values (a submission that was refused after they were stored), logged as an
   * erasure.
   *
   * @param actorId who deletes them
   * @param subject whose values
   * @param record the record's opaque id
   */
  void forget(String actorId, ResidentId subject, String record);
}

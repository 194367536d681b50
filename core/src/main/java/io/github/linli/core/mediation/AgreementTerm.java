package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One term of a mediation agreement (协议条款): what the owner party undertakes, by when. The
 * wording often names people, homes and sums, so it is personal data: it is kept in the
 * personal-data store (never in an event), read back only by {@link Mediation#terms}, and never
 * shown by {@code toString()}. A case's own record ({@link DisputeCase#agreements()}) holds the
 * terms without their wording (an empty string).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class AgreementTerm {
  /** The longest wording accepted, in characters. */
  public static final int MAX_WORDING = 2000;

  private final String id;
  private final String owner;
  private final LocalDate due;
  private final String wording;

  private AgreementTerm(String id, String owner, LocalDate due, String wording) {
    this.id = id;
    this.owner = owner;
    this.due = due;
    this.wording = wording;
  }

  /**
   * A term.
   *
   * @param id the term's id within the agreement, for example {@code t1}
   * @param owner the id of the party that undertakes it
   * @param due the last day to fulfil it
   * @param wording the term as agreed (personal data), at most {@value #MAX_WORDING} characters
   * @return the term
   * @throws ValidationException if an id is not an id, or the wording is blank or too long (the
   *     message does not repeat it)
   */
  public static AgreementTerm of(String id, String owner, LocalDate due, String wording) {
    Checks.id("term.id", id);
    Checks.id("term.owner", owner);
    checkNotNull(due, "due");
    if (wording == null || wording.isBlank()) {
      throw new ValidationException("term.wording", wording == null ? null : Checks.WITHHELD, "must not be blank");
    }
    if (wording.length() > MAX_WORDING) {
      throw new ValidationException("term.wording", Checks.WITHHELD, "must be at most " + MAX_WORDING + " characters");
    }
    return new AgreementTerm(id, owner, due, wording);
  }

  /** The term as a case keeps it, without its wording. */
  static AgreementTerm stored(String id, String owner, LocalDate due) {
    return new AgreementTerm(id, owner, due, "");
  }

  /**
   * The term's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The party that undertakes it.
   *
   * @return the party id
   */
  public String owner() {
    return owner;
  }

  /**
   * The last day to fulfil it.
   *
   * @return the day
   */
  public LocalDate due() {
    return due;
  }

  /**
   * The wording (personal data); empty in a case's own record.
   *
   * @return the wording
   */
  public String wording() {
    return wording;
  }

  /**
   * This term without its wording.
   *
   * @return the stored form
   */
  AgreementTerm withoutWording() {
    return stored(id, owner, due);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgreementTerm && ((AgreementTerm) o).id.equals(id) && ((AgreementTerm) o).owner.equals(owner)
        && ((AgreementTerm) o).due.equals(due) && ((AgreementTerm) o).wording.equals(wording);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, owner, due, wording);
  }

  /** The id, owner and due day; the wording is shown as {@code ****}. */
  @Override
  public String toString() {
    return "AgreementTerm{" + id + " by " + owner + " due " + due + ", wording " + (wording.isEmpty() ? "not held" : "****") + "}";
  }
}

package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is filed to open a dispute case (纠纷登记): the parties, the applicant among them, a category
 * of the taxonomy in force, the facts as submitted, the needs it came from, the grid cell and any
 * risk flags. The facts are personal data: {@link Mediation#file} keeps them in the personal-data
 * store, under the applicant's id, and only a reference goes into the case's events; {@code
 * toString()} never shows them.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @since 0.3.0
 */
public final class CaseFiling {
  /** The longest facts text accepted, in characters. */
  public static final int MAX_FACTS = 20_000;

  private final String id;
  private final List<DisputeParty> parties;
  private final String applicant;
  private final String category;
  private final String facts;
  private final List<String> linkedNeeds;
  private final Optional<String> gridCell;
  private final Set<RiskFlag> riskFlags;

  private CaseFiling(Builder b) {
    this.id = b.id;
    this.parties = List.copyOf(b.parties.values());
    this.applicant = b.applicant;
    this.category = b.category;
    this.facts = b.facts;
    this.linkedNeeds = List.copyOf(b.needs);
    this.gridCell = Optional.ofNullable(b.gridCell);
    this.riskFlags = b.flags.isEmpty() ? Set.of() : Set.copyOf(b.flags);
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The case id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The parties, at least two, ids unique.
   *
   * @return the parties in the order given
   */
  public List<DisputeParty> parties() {
    return parties;
  }

  /**
   * The id of the party that applied for mediation (申请人).
   *
   * @return the party id
   */
  public String applicant() {
    return applicant;
  }

  /**
   * The category id, which must be in the taxonomy in force when filed.
   *
   * @return the category id
   */
  public String category() {
    return category;
  }

  /**
   * The facts as submitted (personal data).
   *
   * @return the facts
   */
  public String facts() {
    return facts;
  }

  /**
   * The ids of the demands the dispute came from.
   *
   * @return the demand ids
   */
  public List<String> linkedNeeds() {
    return linkedNeeds;
  }

  /**
   * The grid cell where it happens, a public area id (never a home address).
   *
   * @return the cell, if known
   */
  public Optional<String> gridCell() {
    return gridCell;
  }

  /**
   * Risk flags raised at filing.
   *
   * @return the flags
   */
  public Set<RiskFlag> riskFlags() {
    return riskFlags;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CaseFiling)) {
      return false;
    }
    CaseFiling f = (CaseFiling) o;
    return f.id.equals(id) && f.parties.equals(parties) && f.applicant.equals(applicant) && f.category.equals(category)
        && f.facts.equals(facts) && f.linkedNeeds.equals(linkedNeeds) && f.gridCell.equals(gridCell) && f.riskFlags.equals(riskFlags);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Ids, category and flags; the facts are shown as {@code ****}. */
  @Override
  public String toString() {
    List<String> ids = new ArrayList<>();
    parties.forEach(p -> ids.add(p.kind() + ":" + p.id()));
    return "CaseFiling{" + id + " " + category + " parties " + ids + ", applicant " + applicant + ", facts ****"
        + (riskFlags.isEmpty() ? "" : ", flags " + riskFlags) + "}";
  }

  /** Builds a {@link CaseFiling}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private final Map<String, DisputeParty> parties = new LinkedHashMap<>();
    private String applicant;
    private String category;
    private String facts;
    private final Set<String> needs = new LinkedHashSet<>();
    private String gridCell;
    private final Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);

    Builder() {}

    /**
     * Sets the case id.
     *
     * @param id an opaque id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Checks.id("filing.id", id);
      return this;
    }

    /**
     * Adds a party; the first added is the applicant unless {@link #applicant} says otherwise.
     *
     * @param party the party
     * @return this builder
     * @throws ValidationException if a party with that id was added already
     */
    public Builder addParty(DisputeParty party) {
      checkNotNull(party, "party");
      if (parties.putIfAbsent(party.id(), party) != null) {
        throw new ValidationException("filing.parties", party.id(), "appears twice");
      }
      return this;
    }

    /**
     * Sets the applicant.
     *
     * @param partyId the id of one of the parties
     * @return this builder
     */
    public Builder applicant(String partyId) {
      this.applicant = Checks.id("filing.applicant", partyId);
      return this;
    }

    /**
     * Sets the category.
     *
     * @param categoryId a category id of the taxonomy in force
     * @return this builder
     */
    public Builder category(String categoryId) {
      this.category = Checks.id("filing.category", categoryId);
      return this;
    }

    /**
     * Sets the category.
     *
     * @param category a category of the taxonomy in force
     * @return this builder
     */
    public Builder category(DisputeCategory category) {
      return category(checkNotNull(category, "category").id());
    }

    /**
     * Sets the facts as submitted (personal data).
     *
     * @param facts not blank, at most {@value CaseFiling#MAX_FACTS} characters
     * @return this builder
     * @throws ValidationException if blank or too long (the message does not repeat them)
     */
    public Builder facts(String facts) {
      if (facts == null || facts.isBlank()) {
        throw new ValidationException("filing.facts", facts == null ? null : Checks.WITHHELD, "must not be blank");
      }
      if (facts.length() > MAX_FACTS) {
        throw new ValidationException("filing.facts", Checks.WITHHELD, "must be at most " + MAX_FACTS + " characters");
      }
      this.facts = facts;
      return this;
    }

    /**
     * Links a demand the dispute came from.
     *
     * @param demandId the demand's id
     * @return this builder
     */
    public Builder linkNeed(String demandId) {
      needs.add(Checks.id("filing.linkedNeeds", demandId));
      return this;
    }

    /**
     * Sets the grid cell.
     *
     * @param cell a public area id
     * @return this builder
     */
    public Builder gridCell(String cell) {
      this.gridCell = Checks.id("filing.gridCell", cell);
      return this;
    }

    /**
     * Raises a risk flag at filing.
     *
     * @param flag the flag
     * @return this builder
     */
    public Builder flag(RiskFlag flag) {
      flags.add(checkNotNull(flag, "flag"));
      return this;
    }

    /**
     * Builds the filing.
     *
     * @return the filing
     * @throws ValidationException naming the field if the id, category or facts are missing, fewer
     *     than two parties were added, or the applicant is not one of them
     */
    public CaseFiling build() {
      Checks.present("filing.id", id);
      Checks.present("filing.category", category);
      if (facts == null) {
        throw new ValidationException("filing.facts", null, "is required");
      }
      if (parties.size() < 2) {
        throw new ValidationException("filing.parties", parties.size(), "a dispute needs at least two parties");
      }
      if (applicant == null) {
        applicant = parties.keySet().iterator().next();
      }
      if (!parties.containsKey(applicant)) {
        throw new ValidationException("filing.applicant", applicant, "must be one of the parties " + parties.keySet());
      }
      return new CaseFiling(this);
    }
  }
}

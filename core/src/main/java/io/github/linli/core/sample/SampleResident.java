package io.github.linli.core.sample;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ResidentId;
import java.util.Collections;
import java.util.Set;

/**
 * A synthetic resident of a {@link SampleCommunity}: an opaque id, a home on the street grid, a
 * grid cell (网格), and the facts eligibility rules look at. Age and household flags are personal
 * data, even when synthetic: {@code toString()} leaves them out.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SampleResident {
  private final ResidentId id;
  private final GeoPoint home;
  private final String cell;
  private final int age;
  private final Set<HouseholdFlag> flags;
  private final boolean cardHolder;

  SampleResident(ResidentId id, GeoPoint home, String cell, int age, Set<HouseholdFlag> flags, boolean cardHolder) {
    this.id = id;
    this.home = home;
    this.cell = cell;
    this.age = age;
    this.flags = Collections.unmodifiableSet(flags);
    this.cardHolder = cardHolder;
  }

  /**
   * The resident's opaque id.
   *
   * @return the id
   */
  public ResidentId id() {
    return id;
  }

  /**
   * Where the resident lives.
   *
   * @return the home
   */
  public GeoPoint home() {
    return home;
  }

  /**
   * The grid cell (网格) of the home, for example {@code B2}.
   *
   * @return the cell id
   */
  public String cell() {
    return cell;
  }

  /**
   * The age in years (personal data).
   *
   * @return the age
   */
  public int age() {
    return age;
  }

  /**
   * The household flags (personal data).
   *
   * @return an unmodifiable set
   */
  public Set<HouseholdFlag> flags() {
    return flags;
  }

  /**
   * Whether the resident holds a benefit card (惠民卡).
   *
   * @return true if a card holder
   */
  public boolean cardHolder() {
    return cardHolder;
  }

  /**
   * Returns the id and cell; never age, flags, home or whether the resident holds a benefit card
   * (which would hint at a household flag).
   */
  @Override
  public String toString() {
    return "SampleResident{" + id + ", cell=" + cell + "}";
  }
}

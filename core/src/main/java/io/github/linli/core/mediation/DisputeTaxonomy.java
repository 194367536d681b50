package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned list of {@link DisputeCategory}s (纠纷分类). A community may register its own and adopt
 * it through a joint-meeting resolution ({@link Mediation#registerTaxonomy}, {@link
 * Mediation#adoptTaxonomy}), as it does with the service-domain taxonomy. Cases keep the category
 * they were filed under, whatever is adopted later.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class DisputeTaxonomy {
  private static final DisputeTaxonomy DEFAULT = new DisputeTaxonomy("linli-disputes", 1, DisputeCategory.defaults());

  private final String id;
  private final int version;
  private final List<DisputeCategory> categories;

  private DisputeTaxonomy(String id, int version, List<DisputeCategory> categories) {
    this.id = id;
    this.version = version;
    this.categories = List.copyOf(categories);
  }

  /**
   * The default taxonomy {@code linli-disputes@1}: the ten {@link DisputeCategory#defaults()}.
   *
   * @return the default
   */
  public static DisputeTaxonomy defaultTaxonomy() {
    return DEFAULT;
  }

  /**
   * A taxonomy.
   *
   * @param id its id
   * @param version its version, at least 1
   * @param categories at least one, ids unique
   * @return the taxonomy
   * @throws ValidationException if the id is not an id, the version below 1, the list empty or an
   *     id repeated
   */
  public static DisputeTaxonomy of(String id, int version, List<DisputeCategory> categories) {
    Checks.id("taxonomy.id", id);
    if (version < 1) {
      throw new ValidationException("taxonomy.version", version, "must be at least 1");
    }
    Checks.noNulls("categories", checkNotNull(categories, "categories"));
    if (categories.isEmpty()) {
      throw new ValidationException("taxonomy.categories", 0, "must hold at least one category");
    }
    Map<String, DisputeCategory> seen = new LinkedHashMap<>();
    for (DisputeCategory c : categories) {
      if (seen.put(c.id(), c) != null) {
        throw new ValidationException("taxonomy.categories", c.id(), "appears twice");
      }
    }
    return new DisputeTaxonomy(id, version, new ArrayList<>(seen.values()));
  }

  /**
   * The id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The version.
   *
   * @return the version
   */
  public int version() {
    return version;
  }

  /**
   * {@code id@version}.
   *
   * @return the key
   */
  public String key() {
    return id + "@" + version;
  }

  /**
   * The categories, in order.
   *
   * @return an unmodifiable list
   */
  public List<DisputeCategory> categories() {
    return categories;
  }

  /**
   * A category by id.
   *
   * @param categoryId the id
   * @return the category, if in this taxonomy
   */
  public Optional<DisputeCategory> find(String categoryId) {
    for (DisputeCategory c : categories) {
      if (c.id().equals(categoryId)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DisputeTaxonomy && ((DisputeTaxonomy) o).key().equals(key())
        && ((DisputeTaxonomy) o).categories.equals(categories);
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "DisputeTaxonomy{" + key() + " " + categories + "}";
  }
}

package io.github.linli.core.governance.budget;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A project on a participatory-budget ballot (预算项目): an id, a cost, an optional name, and any
 * further Pabulib columns ({@code votes}, {@code selected}, {@code category}, …) kept as text so a
 * file reads and writes back unchanged.
 *
 * <p>Example: {@code BudgetProject.of("park", 250)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class BudgetProject {
  BudgetProject() {}

  /**
   * The project id, unique within its election (Pabulib {@code project_id}).
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The cost in currency units: not negative.
   *
   * @return the cost
   */
  public abstract BigDecimal cost();

  /**
   * The project's name, if known (Pabulib {@code name}).
   *
   * @return the name
   */
  public abstract Optional<String> name();

  /**
   * Further columns from a Pabulib file, by column name, in file order (for example {@code votes},
   * {@code selected}, {@code category}). Not used for counting.
   *
   * @return the other columns
   */
  public abstract Map<String, String> attributes();

  /**
   * Creates a project with an id and a cost.
   *
   * @param id the id
   * @param cost the cost, not negative
   * @return the project
   * @throws ValidationException if the id is invalid or the cost negative
   */
  public static BudgetProject of(String id, BigDecimal cost) {
    return builder().id(id).cost(cost).build();
  }

  /**
   * Creates a project with an id and a whole-unit cost.
   *
   * @param id the id
   * @param cost the cost, not negative
   * @return the project
   * @throws ValidationException if the id is invalid or the cost negative
   */
  public static BudgetProject of(String id, long cost) {
    return of(id, BigDecimal.valueOf(cost));
  }

  /**
   * A builder, for projects with a name or further columns.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.id("project.id", id());
    if (id().contains(",") || id().contains(";")) {
      throw new ValidationException("project.id", id(), "must not contain ',' or ';'");
    }
    if (cost().signum() < 0) {
      throw new ValidationException("project.cost(" + id() + ")", cost(), "must not be negative");
    }
    if (!Pabulib.withinDigits(cost())) {
      throw new ValidationException("project.cost(" + id() + ")", "(" + cost().precision() + " digits, scale " + cost().scale() + ")",
          "must have at most " + Pabulib.MAX_DIGITS + " digits before and after the point");
    }
    for (String key : attributes().keySet()) {
      if (Pabulib.PROJECT_OWN_COLUMNS.contains(key)) {
        throw new ValidationException(
            "project.attributes(" + id() + ")", key, "is not an attribute but a project field");
      }
    }
  }

  /** Builds a {@link BudgetProject}. Not thread-safe. */
  public static final class Builder extends ImmutableBudgetProject.Builder {
    Builder() {}
  }
}

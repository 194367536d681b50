package io.github.linli.core;

import java.util.List;

/**
 * A value was built without attributes it requires: thrown by the builders of Linli's value types
 * (through the Immutables style of every module), naming the missing attributes.
 *
 * @since 0.1.0
 */
public class MissingAttributesException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** The names of the attributes that were not set. */
  private final List<String> missing;

  /**
   * Creates the error. The message names the attributes and says to set them, for example {@code
   * required, but not set: text, gridCell; set them on the builder before build()}; {@link
   * #field()} is the names joined with {@code ", "}.
   *
   * @param missing the names of the attributes that were not set
   */
  public MissingAttributesException(String... missing) {
    super(
        "required, but not set: "
            + String.join(", ", missing)
            + "; set "
            + (missing.length == 1 ? "it" : "them")
            + " on the builder before build()",
        String.join(", ", missing));
    this.missing = List.of(missing);
  }

  /**
   * The names of the attributes that were not set.
   *
   * @return an unmodifiable list
   */
  public List<String> missing() {
    return missing;
  }

  @Override
  public String troubleshootingAnchor() {
    return "validation";
  }
}

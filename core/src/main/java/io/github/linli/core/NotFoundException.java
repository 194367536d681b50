package io.github.linli.core;

/**
 * An id names nothing known: an unknown member, account, project or demand.
 *
 * @since 0.1.0
 */
public class NotFoundException extends LinliException {
  private static final long serialVersionUID = 1L;

  /** What kind of thing was looked for. */
  private final String kind;
  /** The id that was not found. */
  private final String id;

  /**
   * Creates a not-found error.
   *
   * @param kind what was looked for, for example {@code "member"}
   * @param id the id that was not found
   */
  public NotFoundException(String kind, Object id) {
    super(kind + " not found: " + id);
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  /**
   * What kind of thing was looked for.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The id that was not found.
   *
   * @return the id as text
   */
  public String id() {
    return id;
  }
}

package io.github.linli.core;

/**
 * The actor may not perform the operation: it lacks the role, is not a party, or no resolution
 * authorises the change. Nothing was changed.
 *
 * @since 0.1.0
 */
public class PermissionDeniedException extends LinliException {
  private static final long serialVersionUID = 1L;

  /** The id of the refused actor. */
  private final String actorId;
  /** The refused action. */
  private final String action;

  /**
   * Creates a permission error.
   *
   * @param actor the actor that was refused
   * @param action what it tried, for example {@code "member.suspend"}
   * @param reason why it was refused
   */
  public PermissionDeniedException(Actor actor, String action, String reason) {
    super("actor " + actor.id() + " " + actor.roles() + " may not " + action + ": " + reason);
    this.actorId = actor.id();
    this.action = action;
  }

  /**
   * The id of the refused actor.
   *
   * @return the actor id
   */
  public String actorId() {
    return actorId;
  }

  /**
   * The action that was refused.
   *
   * @return the action name
   */
  public String action() {
    return action;
  }
}

package io.github.linli.core;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Sets;
import io.github.linli.core.internal.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who performs an operation: an opaque id and the {@link Role}s it holds. Every state-changing
 * operation takes an actor and checks it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Actor {
  private static final Actor SYSTEM = new Actor("system", EnumSet.of(Role.SYSTEM));

  private final String id;
  private final Set<Role> roles;

  private Actor(String id, Set<Role> roles) {
    this.id = id;
    this.roles = Collections.unmodifiableSet(roles);
  }

  /**
   * Creates an actor.
   *
   * @param id an opaque id (never a name or phone number)
   * @param roles the roles it holds
   * @return the actor
   * @throws ValidationException if the id is not a valid id
   */
  public static Actor of(String id, Role... roles) {
    checkNotNull(roles, "roles");
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    for (Role r : roles) {
      set.add(checkNotNull(r, "roles element"));
    }
    return new Actor(Checks.id("actor.id", id), set);
  }

  /**
   * The embedding system itself, holding only {@link Role#SYSTEM}.
   *
   * @return the system actor
   */
  public static Actor system() {
    return SYSTEM;
  }

  /**
   * The opaque id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The roles held.
   *
   * @return an unmodifiable set
   */
  public Set<Role> roles() {
    return roles;
  }

  /**
   * Whether the actor holds a role.
   *
   * @param role the role
   * @return true if held
   */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Whether the actor holds any of the roles.
   *
   * @param any candidate roles
   * @return true if at least one is held
   */
  public boolean hasAny(Set<Role> any) {
    return !Sets.intersection(roles, any).isEmpty();
  }

  /**
   * Throws unless the actor holds one of the roles.
   *
   * @param action the action name for the error
   * @param allowed the roles that may do it
   * @throws PermissionDeniedException if none is held
   */
  public void require(String action, Set<Role> allowed) {
    if (!hasAny(allowed)) {
      throw new PermissionDeniedException(this, action, "requires one of " + allowed);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Actor && ((Actor) o).id.equals(id) && ((Actor) o).roles.equals(roles);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + roles.hashCode();
  }

  @Override
  public String toString() {
    return "Actor{" + id + " " + roles + "}";
  }
}

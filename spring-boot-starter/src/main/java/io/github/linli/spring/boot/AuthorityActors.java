package io.github.linli.spring.boot;

import io.github.linli.core.Actor;
import io.github.linli.core.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Maps Spring Security authorities to a Linli {@link Actor}: {@code ROLE_COORDINATOR} becomes
 * {@link Role#COORDINATOR}; authorities that name no Linli role ({@code ROLE_USER}, scopes) are
 * left out. The id is the authenticated user's (a resident acts with the resident id).
 *
 * <pre>{@code
 * Actor actor = AuthorityActors.actor(auth.getName(),
 *     auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class AuthorityActors {
  /** The prefix Spring Security puts before role names. */
  public static final String PREFIX = "ROLE_";

  private AuthorityActors() {}

  /**
   * The Linli roles among some authorities.
   *
   * @param authorities authority names, such as {@code ROLE_COORDINATOR}
   * @return the roles they name
   */
  public static Set<Role> roles(Collection<String> authorities) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (String a : authorities) {
      if (a != null && a.startsWith(PREFIX)) {
        String name = a.substring(PREFIX.length());
        for (Role r : Role.values()) {
          if (r.name().equals(name)) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }

  /**
   * An actor with the roles the authorities name.
   *
   * @param id the authenticated user's id
   * @param authorities authority names
   * @return the actor
   */
  public static Actor actor(String id, Collection<String> authorities) {
    return Actor.of(id, roles(authorities).toArray(new Role[0]));
  }
}

package io.github.linli.spring.boot;

/**
 * Supplies the tenant (community id) the starter's beans are built for, when {@code linli.tenant}
 * is not enough (read from another configuration source, a deployment label …). Called once, at
 * start-up. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LinliTenantResolver {
  /**
   * The tenant.
   *
   * @return the tenant id
   */
  String tenant();
}

package io.github.linli.core.store;

import io.github.linli.core.ConsistencyException;

/**
 * The database's Linli schema does not match this SDK: a migration applied there is newer than the
 * SDK knows (an older SDK started against a newer schema), a migration the SDK ships is missing
 * between applied ones, an applied migration's script was changed, or an earlier run failed half
 * way. Nothing was changed. The message names the migration and what to do.
 *
 * @since 0.2.0
 */
public class SchemaVersionException extends ConsistencyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message which migration and what to do
   */
  public SchemaVersionException(String message) {
    super(message);
  }
}

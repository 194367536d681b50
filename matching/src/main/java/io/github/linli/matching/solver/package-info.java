/**
 * The exact maximum-weight bipartite b-matching kernel on plain arrays, on which the domain-level matcher is built.
 */
@LinliStyle
package io.github.linli.matching.solver;

import io.github.linli.core.internal.LinliStyle;

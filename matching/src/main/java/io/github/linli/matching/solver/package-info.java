/**
 * The exact maximum-weight bipartite b-matching kernel on plain arrays, on which the domain-level matcher is built,
 * with a certificate of optimality (dual prices) and a linear-time check of a matching against it.
 */
@LinliStyle
package io.github.linli.matching.solver;

import io.github.linli.core.internal.LinliStyle;

/**
 * Numeric methods on plain arrays: AHP, entropy and CRITIC weights, combined weights, TOPSIS, grey relational analysis, fuzzy comprehensive evaluation and reliability.
 */
@LinliStyle
package io.github.linli.scorecard.methods;

import io.github.linli.core.internal.LinliStyle;

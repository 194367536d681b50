/**
 * Participatory budgeting (参与式预算): projects, ballots, counting rules (greedy, Method of Equal Shares) and Pabulib files.
 */
@LinliStyle
package io.github.linli.core.governance.budget;

import io.github.linli.core.internal.LinliStyle;

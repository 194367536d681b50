/**
 * Participatory budgeting (参与式预算): projects with costs, one ballot per person, counting rules,
 * and Pabulib files.
 *
 * <p>Build a {@link io.github.linli.core.governance.budget.BudgetElection} in code (or read one
 * with {@link io.github.linli.core.governance.budget.Pabulib#read(java.nio.file.Path)}), then count
 * it with a {@link io.github.linli.core.governance.budget.BudgetRule}: greedy by votes, or the
 * Method of Equal Shares with cost utilities and its completions ({@link
 * io.github.linli.core.governance.budget.Completion}) and optional comparison step. The result is a
 * {@link io.github.linli.core.governance.budget.BudgetOutcome} listing the funded projects in order
 * of selection. Paper and online ballots are merged with {@link
 * io.github.linli.core.governance.budget.MergedBallots}.
 *
 * <p>A round gathered over days, with projects submitted and ballots cast by residents on any
 * server and counted at the close, is a {@link io.github.linli.core.governance.budget.BudgetRound},
 * kept as events in the event store.
 *
 * <p>Counting is exact (rational arithmetic; floating point only where it is decisive) and
 * reproduces Pabulib's published outcomes (checked on Wieliczka's Green Million 2023). All types
 * but {@code BudgetRound} are immutable; all are thread-safe. See {@code docs/budget.md}.
 */
@LinliStyle
package io.github.linli.core.governance.budget;

import io.github.linli.core.internal.LinliStyle;

/**
 * Numeric methods of evaluation research on plain arrays, for portals and for JShell.
 *
 * <p>Rows are alternatives or respondents, columns criteria or items. Subjective weights come
 * from {@link io.github.linli.scorecard.methods.Ahp} (eigenvector, geometric-mean or column-mean
 * priorities; four published random-index tables; group aggregation; completion of incomplete
 * matrices); objective weights from {@link io.github.linli.scorecard.methods.EntropyWeights} and
 * {@link io.github.linli.scorecard.methods.CriticWeights}; {@link
 * io.github.linli.scorecard.methods.CombinedWeights} mixes them. Alternatives are ranked by {@link
 * io.github.linli.scorecard.methods.Topsis} or {@link
 * io.github.linli.scorecard.methods.GreyRelational}, graded by {@link
 * io.github.linli.scorecard.methods.FuzzyEvaluation}, and scales checked by {@link
 * io.github.linli.scorecard.methods.Reliability} (Cronbach's alpha, also streaming).
 *
 * <p>Bad input is a {@code ValidationException} naming the argument, row, column and value; edge
 * cases have documented results, never a silent NaN. Each class cites its source and states its
 * complexity. All classes are stateless and thread-safe; results are immutable.
 */
@LinliStyle
package io.github.linli.scorecard.methods;

import io.github.linli.core.internal.LinliStyle;

/**
 * Indicator systems, scorecards, diagnosis and reports.
 *
 * <p>An {@link io.github.linli.scorecard.IndicatorSystem} is a tree of dimensions and indicators
 * (direction, unit, normalisation, weight). Two are built in ({@link
 * io.github.linli.scorecard.IndicatorSystems}): Moore's public value scorecard as source 000 uses
 * it, and the five-dimension community governance index of source 001. {@link
 * io.github.linli.scorecard.Weighting} sets weights by hand, by AHP, from data by entropy or
 * CRITIC, or by combining them.
 *
 * <p>A {@link io.github.linli.scorecard.Scorecard} evaluates one community in one period from a
 * survey ({@code scorecard.survey}) and core {@code Observation}s reported by other modules:
 * indicator, dimension and total scores, a fuzzy {@link io.github.linli.scorecard.Grade}, TOPSIS
 * rankings, change between periods, and a {@link io.github.linli.scorecard.Diagnosis} naming the
 * problems and improvement paths of the weakest dimensions and indicators. {@link
 * io.github.linli.scorecard.Reports} writes Markdown and CSV, {@link
 * io.github.linli.scorecard.Charts} SVG radar and bar charts.
 *
 * <p>Every value type is immutable and thread-safe; every label exists in Chinese and English.
 */
@LinliStyle
package io.github.linli.scorecard;

import io.github.linli.core.internal.LinliStyle;

/**
 * Questionnaires and survey ingestion.
 *
 * <p>A {@link io.github.linli.scorecard.survey.Questionnaire} maps Likert items (1–5, 1–7 …,
 * reverse-coded where agreement means a worse state) to the survey indicators of an indicator
 * system; {@link io.github.linli.scorecard.survey.Questionnaires} has those of the built-in
 * systems. {@link io.github.linli.scorecard.survey.SurveyReader} streams CSV through Apache Commons
 * CSV, rejects and reports bad rows, applies a {@link
 * io.github.linli.scorecard.survey.MissingDataPolicy}, and keeps only aggregates, so memory does
 * not grow with the number of respondents. The {@link
 * io.github.linli.scorecard.survey.SurveyResult} gives indicator scores, answer distributions and
 * reliability per dimension, never individual answers. The questionnaire's {@link
 * io.github.linli.scorecard.survey.AnswerScoring} says how mean answers become scores: linearly
 * from 1…points to 0…1 (the default), or 100/points per answer step (20 per step on a 5-point
 * scale).
 */
@LinliStyle
package io.github.linli.scorecard.survey;

import io.github.linli.core.internal.LinliStyle;

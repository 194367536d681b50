/**
 * Questionnaires mapping Likert items to indicators, and CSV ingestion of survey responses.
 */
@LinliStyle
package io.github.linli.scorecard.survey;

import io.github.linli.core.internal.LinliStyle;

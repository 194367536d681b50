/**
 * Indicator systems (the public value scorecard and the five-dimension governance index), scorecards, diagnosis and reports.
 */
@LinliStyle
package io.github.linli.scorecard;

import io.github.linli.core.internal.LinliStyle;

/**
 * Matching of residents' demands to offers (pledged services and volunteers): the {@code Matcher} interface with exact, greedy and streaming implementations, the matching policy, and results with explanations and reason codes.
 */
@LinliStyle
package io.github.linli.matching;

import io.github.linli.core.internal.LinliStyle;

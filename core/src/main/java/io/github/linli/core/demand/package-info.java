/**
 * Residents' demands (需求): Maslow tiers, response levels, service domains, the demand lifecycle, the classifier and the demand map.
 */
@LinliStyle
package io.github.linli.core.demand;

import io.github.linli.core.internal.LinliStyle;

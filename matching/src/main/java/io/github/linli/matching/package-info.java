/**
 * Matching of residents' demands to offers (pledged services and volunteers): the {@code Matcher}
 * interface with exact, greedy and streaming implementations, the matching policy, and results with
 * explanations and reason codes.
 *
 * <p>An {@link io.github.linli.matching.Offer}'s eligibility is core's {@link
 * io.github.linli.core.alliance.PledgeEligibility}, the same type a pledge carries: an offer is open
 * to everyone unless one is set ({@link io.github.linli.core.alliance.PledgeEligibility#anyone()}),
 * while {@link io.github.linli.core.alliance.PledgeEligibility#builder()} starts from benefit-card
 * holders only. Its price is {@link io.github.linli.matching.PriceTerms} in fen, which {@link
 * io.github.linli.matching.Offer#fromPledge Offer.fromPledge} derives from the pledge's {@link
 * io.github.linli.core.alliance.PledgePrice}.
 */
@LinliStyle
package io.github.linli.matching;

import io.github.linli.core.internal.LinliStyle;

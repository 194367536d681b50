/**
 * Residents' demands (需求): intake, Maslow-tiered classification of Chinese and English text, the
 * lifecycle, and the demand map.
 *
 * <p>The vocabulary: {@link io.github.linli.core.demand.MaslowTier} (five tiers, lower is more
 * basic), {@link io.github.linli.core.demand.ResponseLevel} with a community's {@link
 * io.github.linli.core.demand.ResponseMapping}, {@link io.github.linli.core.demand.Urgency}, and
 * the open, versioned {@link io.github.linli.core.demand.DomainTaxonomy} of {@link
 * io.github.linli.core.demand.ServiceDomain}s (eight by default).
 *
 * <p>Classification: {@link io.github.linli.core.demand.DemandClassifier#defaultClassifier()}
 * returns a {@link io.github.linli.core.demand.Classification} (tier, domain, urgency, confidence,
 * evidence, needs-review flag) for any text, in time linear in its length, without a segmenter. A
 * portal extends the shipped vocabulary ({@link io.github.linli.core.demand.LexiconTerm}) and
 * retrains the model from its own {@link io.github.linli.core.demand.LabelledExample}s through
 * {@link io.github.linli.core.demand.DemandClassifier#builder()}. Guidelines and measured accuracy:
 * {@code docs/demand-classifier-evaluation.md}.
 *
 * <p>Lifecycle: a {@link io.github.linli.core.demand.DemandRequest} becomes a {@link
 * io.github.linli.core.demand.Demand} through {@link io.github.linli.core.demand.DemandIntake},
 * which checks actors and moves it through the {@link io.github.linli.core.demand.DemandState}s
 * (submitted → classified → matched → in service → fulfilled | unmet | withdrawn).
 *
 * <p>Aggregation: {@link io.github.linli.core.demand.DemandMap} counts demands by area × domain ×
 * tier with the unmet share and the mean time to close, and exports CSV and an SVG heat map.
 *
 * <p>Need texts, points and household flags are personal data: they never appear in {@code
 * toString()}, exception messages or logs. Every type here is immutable and thread-safe unless
 * it is a builder.
 */
@LinliStyle
package io.github.linli.core.demand;

import io.github.linli.core.internal.LinliStyle;

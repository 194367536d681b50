/**
 * The shared kernel of Linli: bilingual {@link io.github.linli.core.Label}s, the {@link
 * io.github.linli.core.LinliException} hierarchy, {@link io.github.linli.core.Actor}s and {@link
 * io.github.linli.core.Role}s that every state-changing operation checks, opaque {@link
 * io.github.linli.core.ResidentId}s, and {@link io.github.linli.core.Observation}s, the figures that
 * matching, the time bank and governance report to the scorecard.
 *
 * <p>Values here are immutable and thread-safe.
 */
@LinliStyle
package io.github.linli.core;

import io.github.linli.core.internal.LinliStyle;

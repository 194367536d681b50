/**
 * Seeded synthetic communities for tours, tests and benchmarks.
 */
@LinliStyle
package io.github.linli.core.sample;

import io.github.linli.core.internal.LinliStyle;

/**
 * Helpers shared by the scorecard packages: argument checks on plain arrays and moment
 * accumulators. Not API: the module does not export this package.
 */
package io.github.linli.scorecard.internal;

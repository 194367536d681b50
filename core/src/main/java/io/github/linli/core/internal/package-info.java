/**
 * Implementation helpers shared by Linli's modules: the Immutables style and argument checks. Not
 * API; exported only to Linli's own modules.
 */
@LinliStyle
package io.github.linli.core.internal;

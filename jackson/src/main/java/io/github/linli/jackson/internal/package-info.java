/**
 * Not API: the serialisers, deserialisers and the catalogue of value types behind {@code LinliModule}.
 */
package io.github.linli.jackson.internal;

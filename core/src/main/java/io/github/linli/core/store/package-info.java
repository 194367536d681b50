/**
 * The event store: where every part of the platform keeps its state as append-only streams of
 * events, one per aggregate, in one schema for many communities (tenants).
 *
 * <p>{@link io.github.linli.core.store.EventStore} is the SPI: append at an expected version with an
 * idempotent command id, read a stream, read a tenant's gapless feed, keep snapshots. {@link
 * io.github.linli.core.store.EventStores} makes the in-memory, embedded (H2 file) and JDBC
 * (PostgreSQL) stores; {@link io.github.linli.core.store.Migrations} ships their schema as Flyway
 * migrations. Events hold no personal values: those live in the personal-data store.
 */
package io.github.linli.core.store;

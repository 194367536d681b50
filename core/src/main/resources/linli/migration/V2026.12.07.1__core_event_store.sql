-- Linli event store (core). Runs unchanged on PostgreSQL and H2 2.x.
-- The tenant (community) leads every key: one schema holds a city's communities, and a sharded
-- PostgreSQL (Citus) can distribute every table on it.

-- One row per tenant: the position of its last event. Appends lock it (SELECT ... FOR UPDATE) for
-- the length of their transaction, so positions are handed out in commit order, without gaps.
CREATE TABLE linli_tenant_head (
  tenant       VARCHAR(128) NOT NULL,
  position     BIGINT       NOT NULL,
  CONSTRAINT linli_tenant_head_pk PRIMARY KEY (tenant)
);

-- Every event of every stream. (tenant, position) is the feed; (tenant, category, stream_id,
-- version) is unique, so the database itself refuses a second writer at the same version.
CREATE TABLE linli_event (
  tenant       VARCHAR(128) NOT NULL,
  position     BIGINT       NOT NULL,
  category     VARCHAR(32)  NOT NULL,
  stream_id    VARCHAR(128) NOT NULL,
  version      BIGINT       NOT NULL,
  type         VARCHAR(64)  NOT NULL,
  type_version INT          NOT NULL,
  data         TEXT         NOT NULL,
  command_id   VARCHAR(128) NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT linli_event_pk PRIMARY KEY (tenant, position),
  CONSTRAINT linli_event_stream_uq UNIQUE (tenant, category, stream_id, version)
);

CREATE INDEX linli_event_category_ix ON linli_event (tenant, category, position);

-- Commands already applied, for idempotent retries: a repeated command id answers with the
-- events it wrote the first time.
CREATE TABLE linli_command (
  tenant         VARCHAR(128) NOT NULL,
  command_id     VARCHAR(128) NOT NULL,
  first_position BIGINT       NOT NULL,
  last_position  BIGINT       NOT NULL,
  CONSTRAINT linli_command_pk PRIMARY KEY (tenant, command_id)
);

-- The latest snapshot of a stream: a cache that bounds replay, never the truth.
CREATE TABLE linli_snapshot (
  tenant       VARCHAR(128) NOT NULL,
  category     VARCHAR(32)  NOT NULL,
  stream_id    VARCHAR(128) NOT NULL,
  version      BIGINT       NOT NULL,
  type         VARCHAR(64)  NOT NULL,
  type_version INT          NOT NULL,
  data         TEXT         NOT NULL,
  CONSTRAINT linli_snapshot_pk PRIMARY KEY (tenant, category, stream_id)
);

-- Where each read model stands in each tenant's feed, written in the same transaction as its rows.
CREATE TABLE linli_checkpoint (
  tenant       VARCHAR(128) NOT NULL,
  projection   VARCHAR(64)  NOT NULL,
  position     BIGINT       NOT NULL,
  CONSTRAINT linli_checkpoint_pk PRIMARY KEY (tenant, projection)
);

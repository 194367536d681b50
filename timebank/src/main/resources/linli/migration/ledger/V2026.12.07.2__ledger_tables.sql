-- Linli time bank ledger (timebank). Runs unchanged on PostgreSQL and H2 2.x.
-- The tenant (community) leads every key: one schema holds every community's ledger, and a
-- sharded PostgreSQL (Citus) can distribute every table on it. Amounts are minutes or units;
-- timestamps are microseconds since the epoch (UTC).

-- One row per tenant: the journal's head. Every write locks it (SELECT ... FOR UPDATE) for the
-- length of its transaction, so a tenant's batches apply one at a time across every process, and
-- the hash chain has one order; different tenants write in parallel.
CREATE TABLE linli_ledger_head (
  tenant     VARCHAR(128) NOT NULL,
  last_seq   BIGINT       NOT NULL,
  last_ts    BIGINT       NOT NULL,
  last_hash  VARCHAR(64)  NOT NULL,
  CONSTRAINT linli_ledger_head_pk PRIMARY KEY (tenant)
);

-- Accounts with their posted and pending totals (dp, cp: debits and credits posted; dq, cq: pending).
CREATE TABLE linli_ledger_account (
  tenant     VARCHAR(128) NOT NULL,
  id         VARCHAR(128) NOT NULL,
  ledger     VARCHAR(128) NOT NULL,
  kind       VARCHAR(32)  NOT NULL,
  holder     VARCHAR(128),
  overdraft  BIGINT       NOT NULL,
  ceiling    BIGINT,
  status     VARCHAR(16)  NOT NULL,
  dp         BIGINT       NOT NULL,
  cp         BIGINT       NOT NULL,
  dq         BIGINT       NOT NULL,
  cq         BIGINT       NOT NULL,
  CONSTRAINT linli_ledger_account_pk PRIMARY KEY (tenant, id)
);

-- The journal: (tenant, seq) is its order, (tenant, id) makes transfer ids idempotent, and hash
-- chains each transfer to the one before it.
CREATE TABLE linli_ledger_transfer (
  tenant     VARCHAR(128) NOT NULL,
  seq        BIGINT       NOT NULL,
  id         VARCHAR(128) NOT NULL,
  kind       VARCHAR(16)  NOT NULL,
  debit      VARCHAR(128) NOT NULL,
  credit     VARCHAR(128) NOT NULL,
  ledger     VARCHAR(128) NOT NULL,
  amount     BIGINT       NOT NULL,
  ref_id     VARCHAR(128),
  timeout_ms BIGINT,
  code       INT          NOT NULL,
  ts         BIGINT       NOT NULL,
  hash       VARCHAR(64)  NOT NULL,
  CONSTRAINT linli_ledger_transfer_pk PRIMARY KEY (tenant, seq),
  CONSTRAINT linli_ledger_transfer_id_uq UNIQUE (tenant, id)
);

CREATE INDEX linli_ledger_transfer_ts_ix ON linli_ledger_transfer (tenant, ts);
CREATE INDEX linli_ledger_transfer_debit_ix ON linli_ledger_transfer (tenant, debit, ts);
CREATE INDEX linli_ledger_transfer_credit_ix ON linli_ledger_transfer (tenant, credit, ts);

-- Ids of rejected transfers and why: a retry of a rejected id answers the same status.
CREATE TABLE linli_ledger_failed (
  tenant     VARCHAR(128) NOT NULL,
  id         VARCHAR(128) NOT NULL,
  status     VARCHAR(40)  NOT NULL,
  CONSTRAINT linli_ledger_failed_pk PRIMARY KEY (tenant, id)
);

-- The state of each pending (two-phase) transfer, and when it expires.
CREATE TABLE linli_ledger_pending (
  tenant     VARCHAR(128) NOT NULL,
  id         VARCHAR(128) NOT NULL,
  state      VARCHAR(16)  NOT NULL,
  expires_at BIGINT,
  CONSTRAINT linli_ledger_pending_pk PRIMARY KEY (tenant, id)
);

CREATE INDEX linli_ledger_pending_due_ix ON linli_ledger_pending (tenant, state, expires_at);

-- Each transfer is reversed at most once.
CREATE TABLE linli_ledger_reversed (
  tenant     VARCHAR(128) NOT NULL,
  original   VARCHAR(128) NOT NULL,
  reversal   VARCHAR(128) NOT NULL,
  CONSTRAINT linli_ledger_reversed_pk PRIMARY KEY (tenant, original)
);

-- Service exchanges (request, accept, deliver, confirm or dispute), saved compare-and-set on status.
CREATE TABLE linli_ledger_exchange (
  tenant       VARCHAR(128) NOT NULL,
  id           VARCHAR(128) NOT NULL,
  receiver     VARCHAR(128) NOT NULL,
  provider     VARCHAR(128) NOT NULL,
  estimate     BIGINT       NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  reported     BIGINT,
  posted       BIGINT,
  requested_at BIGINT       NOT NULL,
  delivered_at BIGINT,
  CONSTRAINT linli_ledger_exchange_pk PRIMARY KEY (tenant, id)
);

-- Ledgers moved in from the tables of a prefix (before 0.2, one set of tables per prefix): where
-- the old journal's head stood when it was copied, so that writes to the old tables afterwards
-- are noticed instead of lost.
CREATE TABLE linli_ledger_import (
  tenant        VARCHAR(128) NOT NULL,
  source_prefix VARCHAR(64)  NOT NULL,
  last_seq      BIGINT       NOT NULL,
  last_hash     VARCHAR(64)  NOT NULL,
  imported_at   BIGINT       NOT NULL,
  CONSTRAINT linli_ledger_import_pk PRIMARY KEY (tenant, source_prefix)
);

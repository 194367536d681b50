-- Linli alliance read models (core): portal pages kept from the feed by AllianceReadModels, in the
-- same transaction as their checkpoint (linli_checkpoint). Rebuildable from the feed at any time.
-- Runs unchanged on PostgreSQL and H2 2.x. The tenant leads every key. No personal value: members
-- are listed by id, kind, status, community and public name; contacts live in the personal-data store.

-- Members by kind and status.
CREATE TABLE linli_alliance_member (
  tenant       VARCHAR(128) NOT NULL,
  member_id    VARCHAR(128) NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  community    VARCHAR(128) NOT NULL,
  name_zh      VARCHAR(512) NOT NULL,
  name_en      VARCHAR(512) NOT NULL,
  parent_id    VARCHAR(128),
  CONSTRAINT linli_alliance_member_pk PRIMARY KEY (tenant, member_id)
);

CREATE INDEX linli_alliance_member_kind_ix ON linli_alliance_member (tenant, kind, status, member_id);
CREATE INDEX linli_alliance_member_status_ix ON linli_alliance_member (tenant, status, member_id);

-- Pledges by service domain, with the units delivered under them.
CREATE TABLE linli_alliance_pledge (
  tenant          VARCHAR(128) NOT NULL,
  pledge_id       VARCHAR(128) NOT NULL,
  member_id       VARCHAR(128) NOT NULL,
  domain          VARCHAR(128) NOT NULL,
  free            BOOLEAN      NOT NULL,
  capacity        INT          NOT NULL,
  cadence         VARCHAR(16)  NOT NULL,
  valid_from      DATE         NOT NULL,
  valid_until     DATE         NOT NULL,
  title_zh        VARCHAR(512) NOT NULL,
  title_en        VARCHAR(512) NOT NULL,
  units_delivered BIGINT       NOT NULL,
  CONSTRAINT linli_alliance_pledge_pk PRIMARY KEY (tenant, pledge_id)
);

CREATE INDEX linli_alliance_pledge_domain_ix ON linli_alliance_pledge (tenant, domain, pledge_id);

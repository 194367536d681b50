-- Linli governance read models (core): joint meetings and their motions and resolutions, kept from
-- the feed (stream category 'meeting') by MeetingReadModel. Runs unchanged on PostgreSQL and H2 2.x.
-- The tenant (community) leads every key. Rebuildable at any time: the rows are a function of the
-- feed, and linli_checkpoint (projection 'governance.meetings') holds the position they reflect.
-- Instants were truncated to microseconds when the events were decided.

-- One row per meeting.
CREATE TABLE linli_gov_meeting (
  tenant        VARCHAR(128) NOT NULL,
  meeting_id    VARCHAR(128) NOT NULL,
  convened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  convened_by   VARCHAR(128) NOT NULL,
  seats         INT          NOT NULL,
  motions       INT          NOT NULL,
  resolutions   INT          NOT NULL,
  adjourned     BOOLEAN      NOT NULL,
  CONSTRAINT linli_gov_meeting_pk PRIMARY KEY (tenant, meeting_id)
);

CREATE INDEX linli_gov_meeting_convened_ix ON linli_gov_meeting (tenant, convened_at, meeting_id);

-- One row per motion; outcome and counts once it is closed. Resolutions are the adopted motions.
CREATE TABLE linli_gov_motion (
  tenant        VARCHAR(128) NOT NULL,
  motion_id     VARCHAR(160) NOT NULL,
  meeting_id    VARCHAR(128) NOT NULL,
  seq           INT          NOT NULL,
  kind          VARCHAR(32)  NOT NULL,
  title_zh      TEXT         NOT NULL,
  title_en      TEXT         NOT NULL,
  subject       VARCHAR(128),
  proposed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  outcome       VARCHAR(16),
  decision_rule VARCHAR(32),
  votes_yes     INT,
  votes_no      INT,
  votes_abstain INT,
  seats_present INT,
  seats         INT,
  closed_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT linli_gov_motion_pk PRIMARY KEY (tenant, motion_id)
);

CREATE INDEX linli_gov_motion_meeting_ix ON linli_gov_motion (tenant, meeting_id, seq);
CREATE INDEX linli_gov_motion_outcome_ix ON linli_gov_motion (tenant, outcome, closed_at, motion_id);

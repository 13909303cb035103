-- Hot issues (热点问题) and their tackling (集中攻坚), and the quality score of every reply (答复质量).
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode); V36 (db/vendor) makes the history
-- append-only on each database.

CREATE SEQUENCE hot_issue_ids START WITH 1;
CREATE SEQUENCE hot_issue_member_seq START WITH 1;

-- One row per hot issue. place and description are what the grouping shows for it now; the counts are kept
-- with each appeal that joins, so that the daily top list reads one row per issue. merged_into: the issue an
-- appeal bridged it into (its appeals moved there); such a row is no longer listed. apart: opened by a
-- supervisor taking an order out of another issue; the grouping never merges it.
CREATE TABLE hot_issue (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    place        VARCHAR(200)             NOT NULL,
    place_kind   VARCHAR(16),
    description  VARCHAR(500)             NOT NULL,
    first_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    orders       INT                      NOT NULL,
    citizens     INT                      NOT NULL,
    merged_into  BIGINT                   REFERENCES hot_issue (id),
    apart        BOOLEAN                  DEFAULT FALSE NOT NULL
);
CREATE INDEX hot_issue_by_last ON hot_issue (last_at);

-- Which hot issue each order belongs to. manual: a supervisor linked or took it out, and the grouping leaves
-- it there. seq orders the rows for the instances that read what another instance attached.
CREATE TABLE hot_issue_member (
    order_number VARCHAR(20)              NOT NULL PRIMARY KEY REFERENCES work_order (number),
    issue_id     BIGINT                   NOT NULL REFERENCES hot_issue (id),
    seq          BIGINT                   NOT NULL,
    appealed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    citizen      VARCHAR(64),
    manual       BOOLEAN                  NOT NULL,
    similarity   DOUBLE PRECISION,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX hot_issue_member_by_issue ON hot_issue_member (issue_id, appealed_at);
CREATE INDEX hot_issue_member_by_seq ON hot_issue_member (seq);

-- The tackling of a hot issue: its working state (the history is below).
CREATE TABLE tackling (
    issue_id    BIGINT                   NOT NULL PRIMARY KEY REFERENCES hot_issue (id),
    status      VARCHAR(20)              NOT NULL,
    for_month   VARCHAR(7),
    lead_unit   VARCHAR(64),
    co_units    VARCHAR(1000)            NOT NULL,
    result      VARCHAR(4000),
    chosen_at   TIMESTAMP WITH TIME ZONE,
    result_at   TIMESTAMP WITH TIME ZONE,
    version     BIGINT                   NOT NULL,
    CONSTRAINT tackling_status CHECK (status IN ('PROPOSED', 'CHOSEN', 'IN_PROGRESS', 'RESULT_REPORTED', 'CLOSED'))
);
CREATE INDEX tackling_by_lead_unit ON tackling (lead_unit, status);

CREATE TABLE tackling_measure (
    issue_id    BIGINT                   NOT NULL REFERENCES tackling (issue_id),
    seq         INT                      NOT NULL,
    description VARCHAR(1000)            NOT NULL,
    unit_id     VARCHAR(64)              NOT NULL,
    due_on      DATE                     NOT NULL,
    done_on     DATE,
    PRIMARY KEY (issue_id, seq)
);

-- Everything a person did to a hot issue: links and unlinks, merges, and every step of its tackling, with the
-- status before and after. Append-only (V36).
CREATE TABLE hot_issue_history (
    issue_id      BIGINT                   NOT NULL REFERENCES hot_issue (id),
    seq           INT                      NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)              NOT NULL,
    action        VARCHAR(32)              NOT NULL,
    detail        VARCHAR(4000),
    status_before VARCHAR(20),
    status_after  VARCHAR(20),
    PRIMARY KEY (issue_id, seq)
);

-- The quality score of each reply, computed when it arrives (before review): the reviewer's flag, and the
-- unit's reply-quality figure for its assessment. parts: the four parts' points and evidence, as JSON.
CREATE TABLE reply_quality (
    order_number VARCHAR(20)              NOT NULL REFERENCES work_order (number),
    reply_seq    INT                      NOT NULL,
    unit_id      VARCHAR(64)              NOT NULL,
    replied_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    score        INT                      NOT NULL,
    low          BOOLEAN                  NOT NULL,
    reasons      VARCHAR(2000)            NOT NULL,
    parts        VARCHAR(8000)            NOT NULL,
    PRIMARY KEY (order_number, reply_seq)
);
CREATE INDEX reply_quality_by_unit ON reply_quality (unit_id, replied_at);

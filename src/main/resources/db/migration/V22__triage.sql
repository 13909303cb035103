-- Triage at first contact (分流). Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- What an order became at intake, as a fact beside its history's text: KNOWLEDGE (answered at intake),
-- EMERGENCY (referred to 110/119/120/122), OTHER_CHANNEL (told its proper channel), INVALID; NULL for an order
-- on the normal path to a unit. intake_route: the service, route or invalid reason by name, or the knowledge
-- entry an answer came from. The statistics count these; INVALID orders are no citizen appeals.
ALTER TABLE work_order ADD COLUMN intake_outcome VARCHAR(16);
ALTER TABLE work_order ADD COLUMN intake_route VARCHAR(64);
UPDATE work_order SET intake_outcome = 'KNOWLEDGE'
 WHERE number IN (SELECT order_number FROM work_order_history WHERE action = 'ANSWER_AT_INTAKE');

-- One row per registered order: what triage suggested (with its evidence, confidence and the rules' version)
-- and what a person decided. final_outcome stays NULL while an order triage held for a person waits for one; it
-- is DISPATCH once the order goes the normal path. No foreign key to work_order: the row is written inside the
-- intake transaction before the order row (both commit or roll back together), as dispatch_record is.
-- evidence and knowledge are JSON.
CREATE TABLE triage_record (
    order_number        VARCHAR(20)   NOT NULL PRIMARY KEY,
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    channel             VARCHAR(16)   NOT NULL,
    rules_version       VARCHAR(64)   NOT NULL,
    suggested           VARCHAR(16)   NOT NULL,
    suggested_route     VARCHAR(64),
    confidence          DOUBLE PRECISION NOT NULL,
    flagged             BOOLEAN       NOT NULL,
    note                VARCHAR(500),
    evidence            VARCHAR(4000) NOT NULL,
    knowledge           VARCHAR(4000) NOT NULL,
    final_outcome       VARCHAR(16),
    final_route         VARCHAR(64),
    final_by            VARCHAR(64),
    final_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX triage_record_by_decided ON triage_record (decided_at);

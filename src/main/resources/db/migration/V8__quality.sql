-- The quality loop's own working tables: the check of each reply (review levels, then callback), the review
-- decisions, and the escalations to supervisors. The callback attempts and the leaders' samples are in the V7
-- contract tables, which the assessment reads. Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- One row per reply under check (an order redone and replied again gets a new row for the new reply). The
-- review levels and whether the citizen is called back are fixed when the reply arrives. The row moves
-- through its stages (REVIEW → CALLBACK → DONE); what happened along the way is in the append-only tables
-- below and in callback_attempt.
CREATE TABLE reply_check (
    order_number      VARCHAR(20)              NOT NULL REFERENCES work_order (number),
    reply_seq         INT                      NOT NULL,
    unit_id           VARCHAR(64)              NOT NULL,
    redo_count        INT                      NOT NULL,
    replied_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- comma-separated ReviewLevel names in the order they are passed; empty when no review applies
    review_levels     VARCHAR(100)             NOT NULL,
    callback_plan     VARCHAR(16)              NOT NULL,
    stage             VARCHAR(16)              NOT NULL,
    current_level     VARCHAR(20),
    callback_attempts INT                      NOT NULL,
    callback_due_at   TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(32),
    finished_at       TIMESTAMP WITH TIME ZONE,
    version           BIGINT                   NOT NULL,
    PRIMARY KEY (order_number, reply_seq),
    CONSTRAINT reply_check_stage CHECK (stage IN ('REVIEW', 'CALLBACK', 'DONE')),
    CONSTRAINT reply_check_level_in_review CHECK ((stage = 'REVIEW') = (current_level IS NOT NULL)),
    CONSTRAINT reply_check_due_in_callback CHECK ((stage = 'CALLBACK') = (callback_due_at IS NOT NULL)),
    CONSTRAINT reply_check_outcome_when_done CHECK ((stage = 'DONE') = (outcome IS NOT NULL))
);
CREATE INDEX reply_check_review_queue ON reply_check (stage, current_level, replied_at);
CREATE INDEX reply_check_callback_queue ON reply_check (stage, callback_due_at);

-- 审核意见: every decision on every level, with who, when and why. Only ever inserted.
CREATE TABLE review_decision (
    order_number      VARCHAR(20)              NOT NULL,
    reply_seq         INT                      NOT NULL,
    seq               INT                      NOT NULL,
    review_level      VARCHAR(20)              NOT NULL,
    approved          BOOLEAN                  NOT NULL,
    reviewer          VARCHAR(64)              NOT NULL,
    reviewer_name     VARCHAR(100),
    reviewer_role     VARCHAR(20)              NOT NULL,
    reviewer_unit     VARCHAR(64),
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(2000),
    PRIMARY KEY (order_number, reply_seq, seq),
    FOREIGN KEY (order_number, reply_seq) REFERENCES reply_check (order_number, reply_seq),
    CONSTRAINT review_rejection_has_reason CHECK (approved OR reason IS NOT NULL)
);

-- 转督办: a reply that failed its callback after two redos, handed to the supervisors. Only ever inserted; the
-- supervisor queue shows those whose order still stands replied after that reply.
CREATE TABLE escalation (
    order_number      VARCHAR(20)              NOT NULL,
    reply_seq         INT                      NOT NULL,
    unit_id           VARCHAR(64)              NOT NULL,
    redo_count        INT                      NOT NULL,
    escalated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_by      VARCHAR(64)              NOT NULL,
    reason            VARCHAR(4000)            NOT NULL,
    PRIMARY KEY (order_number, reply_seq),
    FOREIGN KEY (order_number, reply_seq) REFERENCES reply_check (order_number, reply_seq)
);
CREATE INDEX escalation_by_time ON escalation (escalated_at);

-- The daily leader sampling reads each day's replies by time; without this index it would scan every reply ever.
CREATE INDEX work_order_reply_by_time ON work_order_reply (replied_at);

-- Work orders. Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).
-- Statuses, overdue and at-risk are never stored by hand: overdue is derived from handle_deadline.

CREATE TABLE work_order (
    number                  VARCHAR(20)  NOT NULL PRIMARY KEY,
    version                 BIGINT       NOT NULL,
    channel                 VARCHAR(16)  NOT NULL,
    appeal_type             VARCHAR(16)  NOT NULL,
    citizen_name            VARCHAR(50),
    citizen_phone           VARCHAR(20),
    confidential            BOOLEAN      NOT NULL,
    content                 VARCHAR(4000) NOT NULL,
    address                 VARCHAR(200),
    latitude                DOUBLE PRECISION,
    longitude               DOUBLE PRECISION,
    urgency                 VARCHAR(8)   NOT NULL,
    registered_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by           VARCHAR(64)  NOT NULL,
    category_code           VARCHAR(32),
    status                  VARCHAR(20)  NOT NULL,
    intake_answer           VARCHAR(4000),
    lead_unit_id            VARCHAR(64),
    dispatched_at           TIMESTAMP WITH TIME ZONE,
    acknowledge_deadline    TIMESTAMP WITH TIME ZONE,
    acknowledged_at         TIMESTAMP WITH TIME ZONE,
    handle_deadline         TIMESTAMP WITH TIME ZONE,
    return_request_deadline TIMESTAMP WITH TIME ZONE,
    return_requested_at     TIMESTAMP WITH TIME ZONE,
    return_reason           VARCHAR(2000),
    return_suggested_unit   VARCHAR(64),
    returns_requested       INT          NOT NULL,
    status_before_return    VARCHAR(20),
    extension_days_used     INT          NOT NULL,
    pending_extension_days  INT          NOT NULL,
    pending_extension_reason VARCHAR(2000),
    redo_count              INT          NOT NULL,
    supervision_count       INT          NOT NULL,
    last_supervised_at      TIMESTAMP WITH TIME ZONE,
    master_number           VARCHAR(20)  REFERENCES work_order (number),
    merged_count            INT          NOT NULL,
    replied_at              TIMESTAMP WITH TIME ZONE,
    closed_at               TIMESTAMP WITH TIME ZONE,
    history_size            INT          NOT NULL
);
CREATE INDEX work_order_by_status ON work_order (status, registered_at);
CREATE INDEX work_order_by_lead ON work_order (lead_unit_id, status);
CREATE INDEX work_order_by_registered ON work_order (registered_at);
CREATE INDEX work_order_by_deadline ON work_order (handle_deadline);
CREATE INDEX work_order_by_master ON work_order (master_number);
CREATE INDEX work_order_by_category ON work_order (category_code);

CREATE TABLE work_order_co_unit (
    order_number            VARCHAR(20)  NOT NULL REFERENCES work_order (number),
    unit_id                 VARCHAR(64)  NOT NULL,
    added_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by                VARCHAR(64)  NOT NULL,
    deadline                TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at         TIMESTAMP WITH TIME ZONE,
    submitted_at            TIMESTAMP WITH TIME ZONE,
    contribution            VARCHAR(4000),
    non_cooperation_at      TIMESTAMP WITH TIME ZONE,
    non_cooperation_reason  VARCHAR(2000),
    PRIMARY KEY (order_number, unit_id)
);
CREATE INDEX co_unit_by_unit ON work_order_co_unit (unit_id);
CREATE INDEX co_unit_pending_by_deadline ON work_order_co_unit (deadline);

CREATE TABLE work_order_reply (
    order_number            VARCHAR(20)  NOT NULL REFERENCES work_order (number),
    seq                     INT          NOT NULL,
    unit_id                 VARCHAR(64)  NOT NULL,
    replied_by              VARCHAR(64)  NOT NULL,
    replied_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome                 VARCHAR(20)  NOT NULL,
    public_reply            VARCHAR(4000) NOT NULL,
    actions_taken           VARCHAR(4000),
    internal_note           VARCHAR(4000),
    citizen_contacted       BOOLEAN      NOT NULL,
    PRIMARY KEY (order_number, seq)
);

-- The order's history: who, when, why, from which status to which. Append-only: no code updates or
-- deletes it, and a database trigger (vendor-specific migration V3_1) refuses it.
CREATE TABLE work_order_history (
    order_number            VARCHAR(20)  NOT NULL REFERENCES work_order (number),
    seq                     INT          NOT NULL,
    occurred_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor                   VARCHAR(64)  NOT NULL,
    actor_name              VARCHAR(100),
    actor_role              VARCHAR(20)  NOT NULL,
    actor_unit              VARCHAR(64),
    action                  VARCHAR(32)  NOT NULL,
    from_status             VARCHAR(20),
    to_status               VARCHAR(20)  NOT NULL,
    reason                  VARCHAR(4000),
    detail                  VARCHAR(4000),
    PRIMARY KEY (order_number, seq)
);

CREATE TABLE work_order_attachment (
    id                      VARCHAR(36)  NOT NULL PRIMARY KEY,
    order_number            VARCHAR(20)  NOT NULL REFERENCES work_order (number),
    file_name               VARCHAR(255) NOT NULL,
    content_type            VARCHAR(100) NOT NULL,
    size_bytes              BIGINT       NOT NULL,
    data                    BYTEA        NOT NULL,
    uploaded_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by             VARCHAR(64)  NOT NULL
);
CREATE INDEX attachment_by_order ON work_order_attachment (order_number);

-- Order numbers are handed out in blocks per intake day, so that several instances never share a number
-- and intake does not queue on one counter row per order.
CREATE TABLE order_number_counter (
    intake_day              DATE         NOT NULL PRIMARY KEY,
    last_value              BIGINT       NOT NULL
);

-- A client that retries an intake with the same Idempotency-Key gets the same order back.
CREATE TABLE idempotency_key (
    username                VARCHAR(64)  NOT NULL,
    idem_key                VARCHAR(100) NOT NULL,
    fingerprint             VARCHAR(64)  NOT NULL,
    order_number            VARCHAR(20)  NOT NULL REFERENCES work_order (number),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, idem_key)
);

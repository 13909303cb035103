-- AI dispatch: the routing rules and the record of every dispatch decision.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- The rule list as a whole: one row once rules exist. Its version guards a replacement against a concurrent
-- one, and its presence (not the number of rules) says the default rules were loaded, so an admin who
-- deletes every rule does not get the defaults back at the next start.
CREATE TABLE dispatch_rule_set (
    id          INT          NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL
);

-- The routing rules, tried in seq order; the first whose conditions all hold decides.
-- keywords, areas and co_units are JSON arrays of strings.
CREATE TABLE dispatch_rule (
    seq                 INT           NOT NULL PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL UNIQUE,
    active              BOOLEAN       NOT NULL,
    category_prefix     VARCHAR(32),
    keywords            VARCHAR(4000) NOT NULL,
    areas               VARCHAR(2000) NOT NULL,
    urgency             VARCHAR(8),
    lead_kind           VARCHAR(32)   NOT NULL,
    lead_unit           VARCHAR(64),
    co_units            VARCHAR(2000) NOT NULL,
    territorial_co_unit BOOLEAN       NOT NULL
);

-- One row per registered order: what the AI dispatcher decided and, once a person dispatches, whether they
-- chose another lead unit. No foreign key to work_order: the decision is written inside the intake
-- transaction before the order row is inserted (both commit or roll back together).
-- top3 and suggestions are JSON; final_lead and human_changed stay null until a person dispatches.
CREATE TABLE dispatch_record (
    order_number        VARCHAR(20)   NOT NULL PRIMARY KEY,
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    model_version       VARCHAR(64),
    label_kind          VARCHAR(16),
    top3                VARCHAR(4000) NOT NULL,
    confidence          DOUBLE PRECISION NOT NULL,
    category_code       VARCHAR(32),
    suggested_lead      VARCHAR(64),
    suggested_co_units  VARCHAR(2000) NOT NULL,
    territorial_unit    VARCHAR(64),
    place_match         VARCHAR(200),
    rule_name           VARCHAR(100),
    automatic           BOOLEAN       NOT NULL,
    manual_reason       VARCHAR(500),
    suggestions         TEXT          NOT NULL,
    final_lead          VARCHAR(64),
    human_changed       BOOLEAN,
    final_by            VARCHAR(64),
    final_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dispatch_record_by_decided ON dispatch_record (decided_at);

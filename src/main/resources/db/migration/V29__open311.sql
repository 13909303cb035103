-- Open311 GeoReport v2: the client applications' API keys and each Open311 request's own facts beside its
-- work order. Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- One key per client application. Only a hash of the key is stored: the key itself is shown once, when an
-- administrator creates it. A revoked key is kept (revoked_at set) so that it is never handed out again and
-- a start with the same configured key does not bring it back.
CREATE TABLE open311_api_key (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL UNIQUE,
    key_hash            VARCHAR(64)   NOT NULL UNIQUE,
    key_hint            VARCHAR(8)    NOT NULL,
    rate_per_minute     INT           NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revoked_by          VARCHAR(64)
);

-- One row per order filed through Open311, written in the order's intake transaction. service_code is what
-- the client chose; hint_category the category a specific service stands for (null for a general one), and
-- dispatched_category what the AI dispatched the order as at intake (null when it left it to a dispatcher):
-- hint_agrees says whether the two agree, the recorded disagreement between the citizen's hint and the AI.
-- description_chars is how much of the order's content is the citizen's own text (the rest lists the extra
-- facts and media the client sent, for the unit to read); attributes is the client's attribute[...] as JSON.
CREATE TABLE open311_request (
    order_number        VARCHAR(20)   NOT NULL PRIMARY KEY REFERENCES work_order (number),
    token               VARCHAR(36)   NOT NULL UNIQUE,
    api_key_id          BIGINT        NOT NULL REFERENCES open311_api_key (id),
    service_code        VARCHAR(32)   NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    description_chars   INT           NOT NULL,
    media_url           VARCHAR(2000),
    address_id          VARCHAR(100),
    email               VARCHAR(254),
    device_id           VARCHAR(100),
    account_id          VARCHAR(100),
    attributes          VARCHAR(4000) NOT NULL,
    hint_category       VARCHAR(32),
    dispatched_category VARCHAR(32),
    hint_agrees         BOOLEAN
);
CREATE INDEX open311_request_by_time ON open311_request (requested_at);
CREATE INDEX open311_request_by_service ON open311_request (service_code, requested_at);
CREATE INDEX open311_request_disagreeing ON open311_request (hint_agrees, requested_at);

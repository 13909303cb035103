-- The citizens' web channel (市民网上诉求): one row per one-time code sent to confirm a phone number. Only the
-- code's salted hash is kept. An appeal filed with the code records its order here, so that the same form sent
-- twice files one order. Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE web_appeal_challenge (
    id           VARCHAR(36)              PRIMARY KEY,
    phone        VARCHAR(20)              NOT NULL,
    code_salt    VARCHAR(32)              NOT NULL,
    code_hash    VARCHAR(64)              NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INT                      NOT NULL,
    verified_at  TIMESTAMP WITH TIME ZONE,
    order_number VARCHAR(20)
);
-- codes sent to a phone lately (the limit per phone)
CREATE INDEX web_appeal_challenge_phone ON web_appeal_challenge (phone, issued_at);

-- Security: settings the instances behind a load balancer must share. Written in the SQL common to
-- PostgreSQL and H2 (PostgreSQL mode).

-- Small named values set once and read at start, e.g. the token signing secret (security.token-secret)
-- generated at first start, so that a token issued by one instance is accepted by every other.
-- "value" is quoted: it is a keyword in H2, and quoting the lower-case name is harmless in PostgreSQL.
CREATE TABLE setting (
    name    VARCHAR(64) NOT NULL PRIMARY KEY,
    "value" TEXT        NOT NULL
);

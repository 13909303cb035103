-- Platform: one row per kind of admin-edited reference data (units, users, routing rules, the active dispatch
-- model...), whose version goes up in the transaction that changes that data. Instances that share the database
-- compare it with the version they last saw: after a notification (PostgreSQL's LISTEN/NOTIFY), and in a slow
-- safety poll that heals a notification missed while the listening connection was down. Written in the SQL
-- common to PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE change_version (
    topic   VARCHAR(64) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
);

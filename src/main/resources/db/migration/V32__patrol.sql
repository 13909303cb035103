-- Patrol reports (巡查上报): what field reporters (巡查员) found on their rounds. A report that needs action names
-- the work order it became (channel PATROL); an information-only report is logged and counted. reported_day is
-- the day in hotline.zone, for the daily and monthly counts against the quotas. Written in the SQL common to
-- PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE patrol_report (
    id            VARCHAR(36)              PRIMARY KEY,
    reporter      VARCHAR(64)              NOT NULL,
    reporter_name VARCHAR(100)             NOT NULL,
    unit_id       VARCHAR(64)              NOT NULL,
    kind          VARCHAR(32)              NOT NULL,
    text          VARCHAR(2000)            NOT NULL,
    address       VARCHAR(200),
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    needs_action  BOOLEAN                  NOT NULL,
    order_number  VARCHAR(20),
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_day  DATE                     NOT NULL,
    photo_count   INT                      NOT NULL,
    CONSTRAINT patrol_report_order CHECK (needs_action OR order_number IS NULL)
);
-- a reporter's own counts and recent reports; a town's counts per reporter over a day or a month
CREATE INDEX patrol_report_reporter ON patrol_report (reporter, reported_day);
CREATE INDEX patrol_report_unit ON patrol_report (unit_id, reported_day);

-- The photos of information-only reports (a report that needs action brings its photos to its work order).
CREATE TABLE patrol_photo (
    report_id    VARCHAR(36)  NOT NULL REFERENCES patrol_report (id),
    seq          INT          NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    data         BYTEA        NOT NULL,
    PRIMARY KEY (report_id, seq)
);

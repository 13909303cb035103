-- Platform tables shared by all modules. Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- ShedLock: a scheduled job (deadline sweep, daily scoring) runs once across all instances.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Spring Modulith's event publication registry: an event a module reacts to is stored with the
-- transaction that raised it, so a failed reaction is retried, not lost.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion ON event_publication (completion_date);

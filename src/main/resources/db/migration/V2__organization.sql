-- The organisation as data: handling units, the category taxonomy, users and the address gazetteer.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode). Nothing is ever deleted: units,
-- categories and places are deactivated (active = FALSE) and users disabled, because old work orders keep
-- pointing at them.

-- Handling units (承办单位): territorial units (towns, street offices, parks) and industry departments.
CREATE TABLE units (
    id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    name          VARCHAR(200)             NOT NULL,
    kind          VARCHAR(16)              NOT NULL,
    -- a unit may sit under another (a sub-office under its bureau); used for sub-dispatch, not for access
    parent_id     VARCHAR(64)              REFERENCES units (id),
    contact_phone VARCHAR(32),
    active        BOOLEAN                  NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT units_kind CHECK (kind IN ('TERRITORIAL', 'INDUSTRY'))
);
CREATE INDEX units_by_parent ON units (parent_id);

-- The three-level category taxonomy. The code encodes the path (01, 01.02, 01.02.03), so level and
-- parent_code are redundant with it; they are stored for plain SQL reporting and checked by the module.
CREATE TABLE categories (
    code            VARCHAR(16)              NOT NULL PRIMARY KEY,
    name            VARCHAR(100)             NOT NULL,
    level           INTEGER                  NOT NULL,
    parent_code     VARCHAR(16)              REFERENCES categories (code),
    -- the industry department that usually owns this kind of matter; null = inherit from the parent
    default_unit_id VARCHAR(64)              REFERENCES units (id),
    active          BOOLEAN                  NOT NULL DEFAULT TRUE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT categories_level CHECK (level BETWEEN 1 AND 3),
    CONSTRAINT categories_parent CHECK ((level = 1 AND parent_code IS NULL)
                                     OR (level > 1 AND parent_code IS NOT NULL))
);
CREATE INDEX categories_by_parent ON categories (parent_code);
CREATE INDEX categories_by_default_unit ON categories (default_unit_id);

-- Users who can sign in. The password is only ever stored as a hash in the {id}hash format of
-- Spring Security's delegating password encoder ({bcrypt}...).
CREATE TABLE users (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    role          VARCHAR(32)              NOT NULL,
    -- set for unit roles (UNIT_HANDLER, UNIT_LEADER), null for center roles
    unit_id       VARCHAR(64)              REFERENCES units (id),
    enabled       BOOLEAN                  NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX users_by_unit ON users (unit_id);

-- The address gazetteer: towns, street offices, parks, communities, villages and roads, each with the
-- territorial unit responsible for it, so that an address in an appeal leads to a unit.
CREATE TABLE places (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    name       VARCHAR(100)             NOT NULL,
    kind       VARCHAR(16)              NOT NULL,
    parent_id  VARCHAR(64)              REFERENCES places (id),
    unit_id    VARCHAR(64)              NOT NULL REFERENCES units (id),
    -- other names citizens use, separated by '|' (e.g. an old village name, a common abbreviation)
    aliases    VARCHAR(1000)            NOT NULL DEFAULT '',
    active     BOOLEAN                  NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT places_kind CHECK (kind IN ('TOWN', 'STREET_OFFICE', 'PARK', 'COMMUNITY', 'VILLAGE', 'ROAD'))
);
CREATE INDEX places_by_unit ON places (unit_id);
CREATE INDEX places_by_parent ON places (parent_id);

-- vanban storage schema, migration 001.
-- Migrations are append-only: never edit a released file, add 002_*.sql instead.
-- Every row carries document_id (the source file's sha256), so re-ingesting a file
-- deletes and rewrites exactly its own rows inside one transaction.

CREATE TABLE IF NOT EXISTS documents (
    id              VARCHAR PRIMARY KEY,   -- sha256 of the file's bytes
    source          VARCHAR NOT NULL,      -- file name as first seen
    path            VARCHAR,               -- full path as first seen
    format          VARCHAR,
    kind            VARCHAR,
    number          VARCHAR,
    symbol          VARCHAR,
    date            VARCHAR,               -- ISO, possibly partial: 2021-10
    place           VARCHAR,
    issuer          VARCHAR,
    title           VARCHAR,
    signer          VARCHAR,
    pages           INTEGER,
    blocks          INTEGER,
    encoding        VARCHAR,
    readability     DOUBLE,
    warnings        VARCHAR[],
    text            VARCHAR,               -- normalised text; every span points into it
    schema_version  INTEGER NOT NULL,
    ingested_at     TIMESTAMP DEFAULT current_timestamp
);

-- One document may be stored under several names (the same bytes twice in an archive).
CREATE TABLE IF NOT EXISTS document_paths (
    document_id VARCHAR NOT NULL,
    path        VARCHAR NOT NULL,
    PRIMARY KEY (document_id, path)
);

CREATE TABLE IF NOT EXISTS sections (
    id          VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    parent_id   VARCHAR,
    path        VARCHAR,
    label       VARCHAR,
    rule        VARCHAR,
    level       INTEGER,
    ordinal     INTEGER,
    heading     VARCHAR,
    role        VARCHAR,
    block       INTEGER,
    span_start  INTEGER,
    span_end    INTEGER
);

CREATE TABLE IF NOT EXISTS tasks (
    id          VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    section_id  VARCHAR,
    ordinal     INTEGER,
    label       VARCHAR,
    title       VARCHAR,
    text        VARCHAR,
    criteria    VARCHAR[],
    block       INTEGER,
    page        INTEGER,
    span_start  INTEGER,
    span_end    INTEGER
);

-- Who does what: one row per unit mention in a task, role 'lead' or 'support'.
CREATE TABLE IF NOT EXISTS assignments (
    task_id     VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    unit        VARCHAR NOT NULL,          -- as printed
    span_start  INTEGER,
    span_end    INTEGER
);

CREATE TABLE IF NOT EXISTS targets (
    task_id     VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,
    op          VARCHAR,
    text        VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER
);

CREATE TABLE IF NOT EXISTS deadlines (
    task_id     VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    text        VARCHAR,
    start_date  VARCHAR,                   -- ISO, possibly partial
    end_date    VARCHAR,
    kind        VARCHAR,                   -- fixed | open | recurring
    span_start  INTEGER,
    span_end    INTEGER
);

-- "references" is an SQL keyword, hence the prefix.
CREATE TABLE IF NOT EXISTS doc_references (
    document_id VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    code        VARCHAR NOT NULL,
    kind        VARCHAR,
    date        VARCHAR,
    text        VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    path        VARCHAR NOT NULL,
    sha256      VARCHAR,
    code        VARCHAR NOT NULL,          -- stable error code, see parsers.errors
    message     VARCHAR NOT NULL,
    logged_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE OR REPLACE VIEW who_owns_what AS
SELECT a.unit,
       a.role,
       t.label        AS task_label,
       t.title        AS task,
       dl.text        AS deadline,
       dl.start_date  AS deadline_start,
       dl.end_date    AS deadline_end,
       coalesce(d.kind || ' ' || coalesce(d.number, '') || '/' || d.symbol, d.kind, d.source)
                      AS document,
       d.source,
       t.id           AS task_id,
       d.id           AS document_id
FROM assignments a
JOIN tasks t ON t.id = a.task_id
JOIN documents d ON d.id = a.document_id
LEFT JOIN deadlines dl ON dl.task_id = t.id;

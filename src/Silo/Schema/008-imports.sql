-- Offline imports (the usergraph tool, src/Tools): how far each input file got. A file is named
-- by a hash of its bytes. Its users are cut into batches in ascending id (batch_users each);
-- each batch is written in one transaction that also records it in graph_import_batches, so after
-- a crash the import writes only the batches not recorded, and a file imported to the end is not
-- imported again.

CREATE TABLE IF NOT EXISTS graph_imports
(
    service_id   varchar(150) NOT NULL,
    source_hash  varchar(64)  NOT NULL,
    source_name  text         NOT NULL,
    batch_users  integer      NOT NULL,
    -- The service had no stored graph when the import started: every user not in a recorded batch is new.
    into_empty   boolean      NOT NULL,
    started      timestamptz  NOT NULL DEFAULT now(),
    finished     timestamptz,
    PRIMARY KEY (service_id, source_hash)
);

CREATE TABLE IF NOT EXISTS graph_import_batches
(
    service_id    varchar(150) NOT NULL,
    source_hash   varchar(64)  NOT NULL,
    first_user_id bigint       NOT NULL,
    last_user_id  bigint       NOT NULL,
    users_written integer      NOT NULL,
    PRIMARY KEY (service_id, source_hash, first_user_id)
);

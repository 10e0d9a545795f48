-- Offline imports (the usergraph tool, src/Tools): how far each input file got. A file is named
-- by a hash of its bytes; users are written in ascending id, a batch per transaction, and the
-- batch's transaction also moves done_through, so after a crash the import resumes after the
-- last batch that committed, and a file imported to the end is not imported again.

CREATE TABLE IF NOT EXISTS graph_imports
(
    service_id   varchar(150) NOT NULL,
    source_hash  varchar(64)  NOT NULL,
    source_name  text         NOT NULL,
    done_through bigint       NOT NULL DEFAULT 0,
    users_written bigint      NOT NULL DEFAULT 0,
    started      timestamptz  NOT NULL DEFAULT now(),
    finished     timestamptz,
    PRIMARY KEY (service_id, source_hash)
);

-- The change journal behind every user's snapshot (UserGraph.Grains.IGraphJournal). A change is
-- one small row, whatever the size of the user's graph; the snapshot in grain_state records the
-- last sequence it includes, and rows before it are deleted once no delivery waits on them.
--
-- The row with a user's highest sequence is never deleted, so an append that finds a row at or
-- after its own sequence knows it comes from a stale activation and stores nothing.

CREATE TABLE IF NOT EXISTS graph_journal
(
    service_id varchar(150) NOT NULL,
    user_id    bigint       NOT NULL,
    seq        bigint       NOT NULL,
    -- Deliveries to the peers the entry names are not acknowledged yet.
    pending    boolean      NOT NULL,
    written_on timestamptz  NOT NULL DEFAULT now(),
    entry      bytea        NOT NULL,
    PRIMARY KEY (service_id, user_id, seq)
);

-- The sweeper's question: whose deliveries have been pending for a while?
CREATE INDEX IF NOT EXISTS graph_journal_pending ON graph_journal (service_id, written_on) WHERE pending;

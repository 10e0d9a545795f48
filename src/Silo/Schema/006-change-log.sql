-- The durable change log (UserGraph.Grains.IGraphJournal appends to it in the same statement,
-- so the same transaction, as the journal entry it describes; read through IGraphChangeLog).
--
-- Positions come from one sequence, so they only grow. Within one user they also follow commit
-- order, because a user's appends are stored one after the other. Across users a position can
-- commit after a higher one; readers that follow the whole log (webhook dispatch) order by the
-- writing transaction's id (tx) and read only transactions older than every one still running,
-- which is a commit-safe order.
--
-- Expiry drops whole days: the table is partitioned by day of `created`, partitions are created
-- ahead and dropped after the retention by ChangeLogRetention, which records the highest position
-- it dropped in graph_changes_horizon. A cursor below the horizon may have missed changes.

CREATE SEQUENCE IF NOT EXISTS graph_change_position AS bigint;

CREATE TABLE IF NOT EXISTS graph_changes
(
    position      bigint       NOT NULL DEFAULT nextval('graph_change_position'),
    service_id    varchar(150) NOT NULL,
    user_id       bigint       NOT NULL,
    other_user_id bigint       NOT NULL,
    kind          smallint     NOT NULL,
    connection    smallint     NOT NULL,
    version       bigint       NOT NULL,
    tx            xid8         NOT NULL DEFAULT pg_current_xact_id(),
    created       timestamptz  NOT NULL DEFAULT now()
) PARTITION BY RANGE (created);

-- Catch-up of one user, after a position.
CREATE INDEX IF NOT EXISTS graph_changes_user ON graph_changes (service_id, user_id, position);
-- Dispatch in commit-safe order.
CREATE INDEX IF NOT EXISTS graph_changes_dispatch ON graph_changes (service_id, tx, position);

CREATE TABLE IF NOT EXISTS graph_changes_horizon
(
    single          boolean PRIMARY KEY DEFAULT true CHECK (single),
    expired_through bigint  NOT NULL
);

INSERT INTO graph_changes_horizon (expired_through) VALUES (0) ON CONFLICT DO NOTHING;

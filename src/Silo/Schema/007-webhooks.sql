-- Webhook endpoints (UserGraph.Grains.IWebhookStore), the place of each endpoint's dispatchers in
-- the change log, and the deliveries given up on after the retry window.

CREATE TABLE IF NOT EXISTS webhook_endpoints
(
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id varchar(150) NOT NULL,
    url        text         NOT NULL,
    -- Kept as given: signing needs it. Protect the database as you would the secrets themselves.
    secret     text         NOT NULL,
    events     text[]       NOT NULL,
    paused     boolean      NOT NULL DEFAULT false,
    partitions integer      NOT NULL,
    created    timestamptz  NOT NULL DEFAULT now()
);

-- Everything before (tx, position) is delivered or dead-lettered (graph_changes' dispatch order).
CREATE TABLE IF NOT EXISTS webhook_partitions
(
    endpoint_id   bigint      NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    partition     integer     NOT NULL,
    tx            xid8        NOT NULL,
    position      bigint      NOT NULL,
    failing_since timestamptz NULL,
    PRIMARY KEY (endpoint_id, partition)
);

CREATE TABLE IF NOT EXISTS webhook_dead_letters
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id bigint      NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    message_id  text        NOT NULL,
    event_type  text        NOT NULL,
    user_id     bigint      NOT NULL,
    position    bigint      NOT NULL,
    payload     text        NOT NULL,
    last_error  text        NOT NULL,
    failed_on   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS webhook_dead_letters_endpoint ON webhook_dead_letters (endpoint_id, position);

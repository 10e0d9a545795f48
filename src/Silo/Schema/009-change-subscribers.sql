-- The users whose change stream (GraphChangeStreams.ForUser) has at least one subscriber. A user's
-- grain publishes its changes only while its user is here: a stream nobody reads would otherwise
-- cost a pub-sub grain (a read, a write and a delete of its row in grain_state) and the pulling
-- agent's memory for every user who wrote in the last two minutes. ChangeStreamSubscriberStorage
-- adds a user before the stream's first subscription is stored and removes it after the last
-- one is gone, so the table never misses a stored subscription.
--
-- Created once. On creation every user with a stored pub-sub row for its change stream is added
-- (subscriptions stored before this table existed); a row held only for a producer adds a user
-- that publishes until its pub-sub row is next rewritten, which is harmless.

DO $$
BEGIN
    IF to_regclass('graph_change_subscribers') IS NULL THEN
        CREATE TABLE graph_change_subscribers
        (
            service_id varchar(150) NOT NULL,
            user_id    bigint       NOT NULL,
            PRIMARY KEY (service_id, user_id)
        );

        INSERT INTO graph_change_subscribers (service_id, user_id)
        SELECT DISTINCT service_id, CAST(id AS bigint)
        FROM (
            SELECT service_id, CAST(substring(grain_id_extension FROM '^graph-changes/user-graph/(-?[0-9]{1,19})$') AS numeric) AS id
            FROM grain_state
            WHERE grain_type = 'PubSubRendezvousGrain'
              AND grain_id_extension ~ '^graph-changes/user-graph/-?[0-9]{1,19}$'
        ) AS streams
        WHERE id BETWEEN -9223372036854775808 AND 9223372036854775807;
    END IF;
END
$$;

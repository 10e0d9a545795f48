-- Membership tables for Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4),
-- used when Orleans:Clustering is "postgres".
--
-- The provider binds DeploymentId (the cluster id), Address, Port, Generation, SiloName,
-- HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime and Version, and reads the
-- same names back. Writes that change membership carry the table version the silo last read:
-- they succeed (answer 1) only if nobody changed the table since, else answer 0 and Orleans
-- re-reads and retries. Every statement here is idempotent.

CREATE TABLE IF NOT EXISTS membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS membership
(
    deployment_id  varchar(150)  NOT NULL REFERENCES membership_version (deployment_id),
    address        varchar(45)   NOT NULL,
    port           integer       NOT NULL,
    generation     integer       NOT NULL,
    silo_name      varchar(150)  NOT NULL,
    host_name      varchar(150)  NOT NULL,
    status         integer       NOT NULL,
    proxy_port     integer,
    suspect_times  varchar(8000),
    start_time     timestamptz   NOT NULL,
    i_am_alive     timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', $query$
WITH inserted AS (
    INSERT INTO membership_version (deployment_id) VALUES (CAST(@DeploymentId AS varchar))
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::int FROM inserted
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- The version is bumped only when the row is new and the caller's version is current; the row
-- is inserted only when the bump happened: both or neither.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', $query$
WITH bumped AS (
    UPDATE membership_version SET version = version + 1, updated_at = now()
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND version = CAST(@Version AS integer)
      AND NOT EXISTS (
          SELECT 1 FROM membership
          WHERE deployment_id = CAST(@DeploymentId AS varchar) AND address = CAST(@Address AS varchar)
            AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer))
    RETURNING 1
), inserted AS (
    INSERT INTO membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                            start_time, i_am_alive)
    SELECT CAST(@DeploymentId AS varchar), CAST(@Address AS varchar), CAST(@Port AS integer), CAST(@Generation AS integer),
           CAST(@SiloName AS varchar), CAST(@HostName AS varchar), CAST(@Status AS integer), CAST(@ProxyPort AS integer),
           CAST(@StartTime AS timestamptz), CAST(@IAmAliveTime AS timestamptz)
    WHERE EXISTS (SELECT 1 FROM bumped)
    RETURNING 1
)
SELECT count(*)::int FROM inserted
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', $query$
WITH bumped AS (
    UPDATE membership_version SET version = version + 1, updated_at = now()
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND version = CAST(@Version AS integer)
      AND EXISTS (
          SELECT 1 FROM membership
          WHERE deployment_id = CAST(@DeploymentId AS varchar) AND address = CAST(@Address AS varchar)
            AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer))
    RETURNING 1
), updated AS (
    UPDATE membership
    SET status = CAST(@Status AS integer), suspect_times = CAST(@SuspectTimes AS varchar),
        i_am_alive = CAST(@IAmAliveTime AS timestamptz)
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND address = CAST(@Address AS varchar)
      AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer)
      AND EXISTS (SELECT 1 FROM bumped)
    RETURNING 1
)
SELECT count(*)::int FROM updated
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE membership SET i_am_alive = CAST(@IAmAliveTime AS timestamptz)
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND address = CAST(@Address AS varchar)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- The version row comes back even when the silo has no row yet (left join).
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', $query$
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive AS IAmAliveTime, v.version AS Version
FROM membership_version v
LEFT JOIN membership m
    ON m.deployment_id = v.deployment_id AND m.address = CAST(@Address AS varchar)
   AND m.port = CAST(@Port AS integer) AND m.generation = CAST(@Generation AS integer)
WHERE v.deployment_id = CAST(@DeploymentId AS varchar)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', $query$
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive AS IAmAliveTime, v.version AS Version
FROM membership_version v
LEFT JOIN membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = CAST(@DeploymentId AS varchar)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', $query$
WITH members AS (
    DELETE FROM membership WHERE deployment_id = CAST(@DeploymentId AS varchar) RETURNING 1
)
DELETE FROM membership_version
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND (SELECT count(*) FROM members) >= 0
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', $query$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM membership
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND status = CAST(@Status AS integer) AND proxy_port > 0
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Removes rows of silos that stopped renewing their liveness before the given time (status 3 is Active).
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM membership
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND i_am_alive < CAST(@IAmAliveTime AS timestamptz) AND status <> 3
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Grain storage for the Orleans ADO.NET persistence provider (Microsoft.Orleans.Persistence.AdoNet).
--
-- The provider loads its SQL at start from OrleansQuery under the keys ReadFromStorageKey,
-- WriteToStorageKey and ClearStorageKey, binds the parameters GrainIdHash, GrainIdN0, GrainIdN1,
-- GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId (write and clear also
-- GrainStateVersion, write also PayloadBinary) and reads the columns PayloadBinary and Version
-- (read) or NewGrainStateVersion (write, clear). A returned version equal to the one sent, or
-- none, tells it the write lost an optimistic-concurrency race (InconsistentStateException).
--
-- Our table keys rows by the natural key, so the hashes the provider sends are not needed.
-- Every statement here is idempotent: the script runs on every start under an advisory lock.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);

CREATE TABLE IF NOT EXISTS grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    -- '' stands for "no key extension" so that the primary key can cover it.
    grain_id_extension varchar(512) NOT NULL DEFAULT '',
    payload            bytea,
    version            integer      NOT NULL,
    modified_on        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $query$
SELECT payload AS PayloadBinary, version AS Version
FROM grain_state
WHERE service_id = CAST(@ServiceId AS varchar)
  AND grain_type = CAST(@GrainTypeString AS varchar)
  AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
  AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
  AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Exactly one row comes back in every case: the new version when the row was updated at the
-- expected version or inserted as new, else the version the caller sent (or NULL when it sent
-- none), which the provider reports as a conflict.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_on = now()
    WHERE service_id = CAST(@ServiceId AS varchar)
      AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version
), inserted AS (
    INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT CAST(@ServiceId AS varchar), CAST(@GrainTypeString AS varchar), CAST(@GrainIdN0 AS bigint),
           CAST(@GrainIdN1 AS bigint), COALESCE(CAST(@GrainIdExtensionString AS varchar), ''), @PayloadBinary, 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT COALESCE((SELECT version FROM updated), (SELECT version FROM inserted), CAST(@GrainStateVersion AS integer))
       AS NewGrainStateVersion
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Clearing keeps the row (and bumps its version) so that a later write at the returned version
-- succeeds; a stale version answers the sent version, a conflict, as for writes.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE grain_state
    SET payload = NULL, version = version + 1, modified_on = now()
    WHERE service_id = CAST(@ServiceId AS varchar)
      AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version
)
SELECT COALESCE((SELECT version FROM cleared), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Reminder table for the Orleans ADO.NET reminder service (Microsoft.Orleans.Reminders.AdoNet).
--
-- The provider binds ServiceId, GrainId, ReminderName, StartTime, Period (milliseconds, int or
-- bigint), GrainHash, BeginHash, EndHash (uint hashes passed as signed int) and Version (int),
-- and reads GrainId, ReminderName, StartTime, Period and Version. Upsert answers the new
-- Version; delete answers one column that is true when a row was deleted.
--
-- Hash ranges are compared as unsigned: the provider sends uint hashes cast to int, so values
-- above 2^31 arrive negative and a signed comparison would split the ring wrongly.

CREATE TABLE IF NOT EXISTS reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    bigint       NOT NULL,   -- unsigned, 0 .. 2^32 - 1
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', $query$
INSERT INTO reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (CAST(@ServiceId AS varchar), CAST(@GrainId AS varchar), CAST(@ReminderName AS varchar),
        CAST(@StartTime AS timestamptz), CAST(@Period AS bigint), CAST(@GrainHash AS bigint) & 4294967295, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms, grain_hash = EXCLUDED.grain_hash,
    version = reminders.version + 1
RETURNING version AS Version
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', $query$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM reminders
WHERE service_id = CAST(@ServiceId AS varchar) AND grain_id = CAST(@GrainId AS varchar)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', $query$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM reminders
WHERE service_id = CAST(@ServiceId AS varchar) AND grain_id = CAST(@GrainId AS varchar)
  AND reminder_name = CAST(@ReminderName AS varchar)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- The ring range (BeginHash, EndHash] when it does not wrap.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', $query$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM reminders
WHERE service_id = CAST(@ServiceId AS varchar)
  AND grain_hash > (CAST(@BeginHash AS bigint) & 4294967295)
  AND grain_hash <= (CAST(@EndHash AS bigint) & 4294967295)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- The ring range (BeginHash, EndHash] when it wraps past the top of the ring.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', $query$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM reminders
WHERE service_id = CAST(@ServiceId AS varchar)
  AND (grain_hash > (CAST(@BeginHash AS bigint) & 4294967295)
       OR grain_hash <= (CAST(@EndHash AS bigint) & 4294967295))
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', $query$
WITH deleted AS (
    DELETE FROM reminders
    WHERE service_id = CAST(@ServiceId AS varchar) AND grain_id = CAST(@GrainId AS varchar)
      AND reminder_name = CAST(@ReminderName AS varchar) AND version = CAST(@Version AS integer)
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', $query$
DELETE FROM reminders WHERE service_id = CAST(@ServiceId AS varchar)
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

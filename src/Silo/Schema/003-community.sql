-- The community mode the stored graph was written in, one row per Orleans service id. The silo
-- inserts the configured mode on first start and refuses to start when they later disagree:
-- follow edges and connection records are not converted into each other.
CREATE TABLE IF NOT EXISTS community_settings
(
    service_id varchar(150) NOT NULL PRIMARY KEY,
    mode       varchar(20)  NOT NULL
);

-- The nodes that have run Herald on this database: Quartz knows a node only while it checks in, and forgets a
-- dead one once it has recovered its work; this table keeps who it was (host, pid, version) for `herald nodes`.
CREATE TABLE herald_node (
    instance_id  VARCHAR(200) PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    pid          BIGINT NOT NULL,
    version      VARCHAR(100) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE
);

-- Abandoned claims are looked for on every dispatch in a cluster.
CREATE INDEX outbox_claims ON outbox (channel, state, claimed_at);

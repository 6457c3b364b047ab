-- Review before posting: rows a feed with review = always (or when-unsure) brings wait in PENDING_REVIEW until an
-- editor approves (SCHEDULED) or rejects (CANCELLED) them. Written in the SQL that H2 2.x and PostgreSQL share.
ALTER TABLE outbox DROP CONSTRAINT outbox_state;
ALTER TABLE outbox ADD CONSTRAINT outbox_state
    CHECK (state IN ('SCHEDULED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED', 'EXPIRED', 'PENDING_REVIEW'));

-- Whether the row was held for review when it was queued: /review keeps showing it once it has expired unreviewed,
-- and only such rows can be approved or rejected.
ALTER TABLE outbox ADD COLUMN held_for_review BOOLEAN DEFAULT FALSE NOT NULL;

-- The summary a reviewer reads beside the posts (only stored for stories held for review).
ALTER TABLE seen_story ADD COLUMN summary VARCHAR(4000);

-- /review lists held rows oldest first.
CREATE INDEX outbox_review ON outbox (held_for_review, state, created_at, id);

-- HTTP API (/api/v1) tokens for scripts and CMS hooks. Only a SHA-256 of the token is stored; it is shown once.
CREATE TABLE api_token (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL,
    role        VARCHAR(10)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash UNIQUE (token_hash),
    CONSTRAINT api_token_role CHECK (role IN ('viewer', 'editor'))
);

-- The first answer to a request sent with an Idempotency-Key, per token: a retry gets it again and creates nothing.
CREATE TABLE api_idempotency (
    token_name   VARCHAR(100)  NOT NULL,
    idem_key     VARCHAR(200)  NOT NULL,
    request_hash VARCHAR(64)   NOT NULL,
    status       INT           NOT NULL,
    body         VARCHAR(100000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token_name, idem_key)
);

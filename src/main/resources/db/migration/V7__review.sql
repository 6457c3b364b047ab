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

-- Each row remembers whether it was queued for a live channel or a dry-run one: a dry-run pass must never
-- consume (mark SENT) a row meant for the platform, and a live pass must never publish a test row.
ALTER TABLE outbox ADD COLUMN dry_run BOOLEAN DEFAULT FALSE NOT NULL;
-- Rows the dry-run publisher settled before rows knew their mode.
UPDATE outbox SET dry_run = TRUE WHERE remote_id LIKE 'dry-run:%';

-- One live and one dry-run row per (story, channel): trying a story on a dry-run channel does not stop the
-- live post of it once the channel goes live.
ALTER TABLE outbox DROP CONSTRAINT outbox_story_channel;
ALTER TABLE outbox ADD CONSTRAINT outbox_story_channel_mode UNIQUE (story_id, channel, dry_run);

-- A channel's due rows of one mode, oldest first: what every dispatch cycle asks for.
CREATE INDEX outbox_channel_due ON outbox (channel, state, dry_run, next_attempt_at);

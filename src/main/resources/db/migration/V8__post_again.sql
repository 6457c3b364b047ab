-- "Post again": a person may deliberately queue a story that a channel already has (the compose page's tick box).
-- Each deliberate repeat is a new copy of the (story, channel, mode) row, numbered from 0 (the first row, as before).
-- Written in the SQL that H2 2.x and PostgreSQL share.
ALTER TABLE outbox ADD COLUMN copy_no INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox DROP CONSTRAINT outbox_story_channel_mode;
ALTER TABLE outbox ADD CONSTRAINT outbox_story_channel_mode_copy UNIQUE (story_id, channel, dry_run, copy_no);

-- How sure condensing was of each story's headline (high, medium or low) and why, kept on every outbox row so
-- the queue and the console can show which posts rest on doubtful evidence. Rows written before this
-- migration have neither.
ALTER TABLE outbox ADD COLUMN confidence VARCHAR(10);
ALTER TABLE outbox ADD COLUMN confidence_reason VARCHAR(500);
ALTER TABLE outbox ADD CONSTRAINT outbox_confidence CHECK (confidence IS NULL OR confidence IN ('high', 'medium', 'low'));

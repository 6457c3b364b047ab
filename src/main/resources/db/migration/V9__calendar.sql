-- The calendar places SENT rows at their sent time: this index lets its week query read only the week's sent rows
-- instead of every SENT row (most of a mature outbox). Written in the SQL that H2 2.x and PostgreSQL share.
CREATE INDEX outbox_state_sent ON outbox (state, sent_at);

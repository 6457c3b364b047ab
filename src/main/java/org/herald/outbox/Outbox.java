package org.herald.outbox;

import org.herald.compose.Post;
import org.herald.condense.Confidence;
import org.herald.condense.Story;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox: one durable row per (story, channel). Stories are recorded once, by canonical link and by
 * feed guid, so a story seen again (another poll, a restart, the same link under a new guid) adds nothing.
 * Each state change is a single committed statement guarded by the state it expects, so two workers can
 * never both claim a row.
 */
public final class Outbox {
    private static final String COLUMNS = "id, story_id, channel, network, text, link, state, due_at, next_attempt_at, attempts, "
            + "last_error, remote_id, remote_url, created_at, updated_at, sent_at, confidence, confidence_reason";

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a story came from: a feed and its entry's guid, or nothing for a story scheduled by hand. */
    public record Origin(Optional<String> feed, Optional<String> guid) {
        public static final Origin BY_HAND = new Origin(Optional.empty(), Optional.empty());
    }

    /** Whether the story was new (and its rows were written) or had been seen before. */
    public sealed interface Enqueued {
        record New(long storyId, List<Long> entryIds) implements Enqueued {
        }

        record AlreadySeen(long storyId) implements Enqueued {
        }
    }

    /**
     * Records the story and one SCHEDULED row per post due at {@code due}, all in one transaction, unless the
     * story's link (or its feed guid) was seen before.
     */
    public Enqueued enqueue(Story story, Origin origin, List<Post> posts, Instant due, Instant now) {
        URI link = story.link().orElseThrow(() -> new IllegalArgumentException("a story needs a link to be posted: " + story.source()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Long> seen = findStory(c, link.toString(), origin);
                if (seen.isPresent()) {
                    c.rollback();
                    return new Enqueued.AlreadySeen(seen.get());
                }
                long storyId;
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO seen_story (feed, guid, link, headline, source, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, origin.feed().orElse(null));
                    s.setString(2, origin.guid().orElse(null));
                    s.setString(3, link.toString());
                    s.setString(4, story.headline());
                    s.setString(5, story.source());
                    s.setObject(6, time(now));
                    s.executeUpdate();
                    storyId = generatedKey(s);
                }
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, "
                        + "due_at, next_attempt_at, attempts, created_at, updated_at, confidence, confidence_reason) "
                        + "VALUES (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, 0, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    for (Post post : posts) {
                        s.setLong(1, storyId);
                        s.setString(2, post.channel());
                        s.setString(3, post.network().id());
                        s.setString(4, post.text());
                        s.setString(5, post.link().map(URI::toString).orElse(null));
                        s.setObject(6, time(due));
                        s.setObject(7, time(due));
                        s.setObject(8, time(now));
                        s.setObject(9, time(now));
                        s.setString(10, story.confidence().id());
                        s.setString(11, story.confidenceReason().length() > 500
                                ? story.confidenceReason().substring(0, 499) + "…" : story.confidenceReason());
                        s.executeUpdate();
                        ids.add(generatedKey(s));
                    }
                }
                c.commit();
                return new Enqueued.New(storyId, ids);
            } catch (SQLException e) {
                c.rollback();
                // another writer recorded the same story between our check and our insert
                if (isUniqueViolation(e)) {
                    Optional<Long> seen = findStory(c, link.toString(), origin);
                    if (seen.isPresent()) return new Enqueued.AlreadySeen(seen.get());
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record the story", e);
        }
    }

    /** Whether a story with this link (or this feed guid) has been seen. */
    public boolean hasSeen(URI link, Origin origin) {
        try (Connection c = dataSource.getConnection()) {
            return findStory(c, link.toString(), origin).isPresent();
        } catch (SQLException e) {
            throw failure("look up a story", e);
        }
    }

    /** One channel's SCHEDULED rows whose next attempt is due, oldest first. */
    public List<OutboxEntry> due(String channel, Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox WHERE channel = ? AND state = 'SCHEDULED' AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at, id", limit, channel, time(now));
    }

    /** The last time the channel posted, for its minimum gap. */
    public Optional<Instant> lastSent(String channel) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MAX(sent_at) FROM outbox WHERE channel = ? AND state = 'SENT'")) {
            s.setString(1, channel);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** How many posts the channel sent since {@code since}, for its hourly and daily maximums. */
    public int sentSince(String channel, Instant since) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE channel = ? AND state = 'SENT' AND sent_at >= ?")) {
            s.setString(1, channel);
            s.setObject(2, time(since));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** SCHEDULED to SENDING, committed before the platform is called; false if another worker got there first. */
    public boolean claim(long id, String node, Instant now) {
        return update("UPDATE outbox SET state = 'SENDING', claimed_at = ?, claimed_by = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SCHEDULED'", time(now), node, time(now), id) == 1;
    }

    public void markSent(long id, String remoteId, URI url, Instant now) {
        update("UPDATE outbox SET state = 'SENT', remote_id = ?, remote_url = ?, sent_at = ?, updated_at = ?, "
                + "attempts = attempts + 1, last_error = NULL WHERE id = ? AND state = 'SENDING'", remoteId, url.toString(), time(now), time(now), id);
    }

    /** The platform already had the post (its duplicate refusal, or found after an uncertain call): SENT. */
    public void markDuplicate(long id, String reason, Instant now) {
        update("UPDATE outbox SET state = 'SENT', sent_at = ?, updated_at = ?, attempts = attempts + 1, last_error = ? "
                + "WHERE id = ? AND state = 'SENDING'", time(now), time(now), clip(reason), id);
    }

    /** SENDING back to SCHEDULED without counting an attempt: the channel is paused, or the call never went out. */
    public void release(long id, Instant next, String reason, Instant now) {
        update("UPDATE outbox SET state = 'SCHEDULED', next_attempt_at = ?, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", time(next), clip(reason), time(now), id);
    }

    /** SENDING back to SCHEDULED for another attempt at {@code next}, keeping the reason. */
    public void reschedule(long id, Instant next, String reason, Instant now) {
        update("UPDATE outbox SET state = 'SCHEDULED', next_attempt_at = ?, attempts = attempts + 1, last_error = ?, "
                + "updated_at = ? WHERE id = ? AND state = 'SENDING'", time(next), clip(reason), time(now), id);
    }

    public void markFailed(long id, String reason, Instant now) {
        update("UPDATE outbox SET state = 'FAILED', attempts = attempts + 1, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", clip(reason), time(now), id);
    }

    /** A SCHEDULED row too late to post: stale news is not sent. */
    public boolean expire(long id, String reason, Instant now) {
        return update("UPDATE outbox SET state = 'EXPIRED', last_error = ?, updated_at = ? WHERE id = ? AND state = 'SCHEDULED'",
                clip(reason), time(now), id) == 1;
    }

    /** Cancels a row that has not been sent; false if it is sending, sent, or unknown. */
    public boolean cancel(long id, Instant now) {
        return update("UPDATE outbox SET state = 'CANCELLED', updated_at = ? WHERE id = ? AND state IN ('SCHEDULED', 'FAILED', 'EXPIRED')",
                time(now), id) == 1;
    }

    /** Puts a FAILED, EXPIRED or CANCELLED row back in line, due now; false otherwise. */
    public boolean retry(long id, Instant now) {
        return update("UPDATE outbox SET state = 'SCHEDULED', next_attempt_at = ?, due_at = ?, updated_at = ? "
                + "WHERE id = ? AND state IN ('FAILED', 'EXPIRED', 'CANCELLED')", time(now), time(now), time(now), id) == 1;
    }

    public Optional<OutboxEntry> find(long id) {
        List<OutboxEntry> found = query("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", 1, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Rows, optionally in one state, in id order. */
    public List<OutboxEntry> list(Optional<OutboxState> state, int limit) {
        return state.isPresent()
                ? query("SELECT " + COLUMNS + " FROM outbox WHERE state = ? ORDER BY id", limit, state.get().name())
                : query("SELECT " + COLUMNS + " FROM outbox ORDER BY id", limit);
    }

    /** One channel's rows left in SENDING since before {@code claimedBefore}: calls whose outcome was never recorded. */
    public List<OutboxEntry> stuckSending(String channel, Instant claimedBefore) {
        return query("SELECT " + COLUMNS + " FROM outbox WHERE channel = ? AND state = 'SENDING' AND claimed_at < ? ORDER BY id",
                Integer.MAX_VALUE, channel, time(claimedBefore));
    }

    private Optional<Long> findStory(Connection c, String link, Origin origin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM seen_story WHERE link = ? OR (feed = ? AND guid = ?)")) {
            s.setString(1, link);
            s.setString(2, origin.feed().orElse(null));
            s.setString(3, origin.guid().orElse(null));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    private List<OutboxEntry> query(String sql, int limit, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            s.setMaxRows(limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(entry(r));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("update the outbox", e);
        }
    }

    private static OutboxEntry entry(ResultSet r) throws SQLException {
        return new OutboxEntry(r.getLong("id"), r.getLong("story_id"), r.getString("channel"), r.getString("network"),
                r.getString("text"), Optional.ofNullable(r.getString("link")).map(URI::create),
                OutboxState.valueOf(r.getString("state")), instant(r, "due_at"), instant(r, "next_attempt_at"),
                r.getInt("attempts"), Optional.ofNullable(r.getString("last_error")), Optional.ofNullable(r.getString("remote_id")),
                Optional.ofNullable(r.getString("remote_url")).map(URI::create), instant(r, "created_at"), instant(r, "updated_at"),
                Optional.ofNullable(r.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getString("confidence")).map(Confidence::of), Optional.ofNullable(r.getString("confidence_reason")));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long generatedKey(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("no generated key");
            return keys.getLong(1);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "23001".equals(state);
    }

    private static String clip(String reason) {
        return reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
    }
}

package org.herald.outbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What each feed's last poll brought: new stories, rows queued, "not modified", or the error. */
public final class FeedPolls {
    /** One poll's result, as the feeds page shows it. */
    public record LastPoll(Instant at, int newStories, int rows, boolean changed, Optional<String> error) {
    }

    private final DataSource dataSource;

    public FeedPolls(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(String feed, LastPoll poll) {
        String error = poll.error().map(e -> e.length() > 2000 ? e.substring(0, 1999) + "…" : e).orElse(null);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE feed_poll SET polled_at = ?, new_stories = ?, rows_queued = ?, changed = ?, error = ? WHERE feed = ?")) {
                s.setObject(1, poll.at().atOffset(ZoneOffset.UTC));
                s.setInt(2, poll.newStories());
                s.setInt(3, poll.rows());
                s.setBoolean(4, poll.changed());
                s.setString(5, error);
                s.setString(6, feed);
                if (s.executeUpdate() == 1) return;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO feed_poll (feed, polled_at, new_stories, rows_queued, changed, error) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, feed);
                s.setObject(2, poll.at().atOffset(ZoneOffset.UTC));
                s.setInt(3, poll.newStories());
                s.setInt(4, poll.rows());
                s.setBoolean(5, poll.changed());
                s.setString(6, error);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot record the poll of feed " + feed + ": " + e.getMessage(), e);
        }
    }

    public Map<String, LastPoll> all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT feed, polled_at, new_stories, rows_queued, changed, error FROM feed_poll")) {
            Map<String, LastPoll> out = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new LastPoll(r.getObject(2, OffsetDateTime.class).toInstant(), r.getInt(3), r.getInt(4),
                            r.getBoolean(5), Optional.ofNullable(r.getString(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read feed polls: " + e.getMessage(), e);
        }
    }
}

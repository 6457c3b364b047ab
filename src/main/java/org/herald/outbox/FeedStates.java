package org.herald.outbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each feed's fetch state: ETag and Last-Modified for conditional GET, last success and last error. */
public final class FeedStates {
    private final DataSource dataSource;

    public FeedStates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database these states live in, for the records kept beside them. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Optional<FeedState> get(String feed) {
        List<FeedState> found = query("SELECT * FROM feed_state WHERE feed = ?", feed);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<FeedState> all() {
        return query("SELECT * FROM feed_state ORDER BY feed");
    }

    public void recordSuccess(String feed, String url, Optional<String> etag, Optional<String> lastModified, Instant now) {
        upsert(feed, url, now,
                "UPDATE feed_state SET url = ?, etag = ?, last_modified = ?, last_success_at = ?, healthy = TRUE, "
                        + "first_polled_at = COALESCE(first_polled_at, ?) WHERE feed = ?",
                new Object[]{url, etag.orElse(null), lastModified.orElse(null), time(now), time(now), feed},
                "INSERT INTO feed_state (feed, url, etag, last_modified, first_polled_at, last_success_at, healthy) "
                        + "VALUES (?, ?, ?, ?, ?, ?, TRUE)",
                new Object[]{feed, url, etag.orElse(null), lastModified.orElse(null), time(now), time(now)});
    }

    /** Marks the feed unhealthy with its reason; its validators are kept for the next try. */
    public void recordFailure(String feed, String url, String reason, Instant now) {
        String clipped = reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
        upsert(feed, url, now,
                "UPDATE feed_state SET url = ?, last_error_at = ?, last_error = ?, healthy = FALSE WHERE feed = ?",
                new Object[]{url, time(now), clipped, feed},
                "INSERT INTO feed_state (feed, url, last_error_at, last_error, healthy) VALUES (?, ?, ?, ?, FALSE)",
                new Object[]{feed, url, time(now), clipped});
    }

    private void upsert(String feed, String url, Instant now, String update, Object[] updateParams, String insert, Object[] insertParams) {
        try (Connection c = dataSource.getConnection()) {
            if (execute(c, update, updateParams) == 0) {
                try {
                    execute(c, insert, insertParams);
                } catch (SQLException e) {
                    // a concurrent first poll inserted it: update instead
                    execute(c, update, updateParams);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot record the state of feed " + feed + ": " + e.getMessage(), e);
        }
    }

    private static int execute(Connection c, String sql, Object[] params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s.executeUpdate();
        }
    }

    private List<FeedState> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            List<FeedState> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new FeedState(r.getString("feed"), r.getString("url"), Optional.ofNullable(r.getString("etag")),
                            Optional.ofNullable(r.getString("last_modified")), instant(r, "first_polled_at"),
                            instant(r, "last_success_at"), instant(r, "last_error_at"), Optional.ofNullable(r.getString("last_error")),
                            r.getBoolean("healthy")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read feed state: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
        return Optional.ofNullable(r.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
